/* symtab.h: the rules' names: declared once, found by name, suggested
 * when misspelt. */
#ifndef COPLAN_SYMTAB_H
#define COPLAN_SYMTAB_H

#include "front.h"

#define M(k) (1u << (k))	/* a set of SymKinds, for suggest() */

int sym_find(const Rules *r, const char *name);	/* -1 when absent */
const char *sym_kind_name(SymKind k);		/* "role", ... */
const char *sym_kind_a(SymKind k);		/* "a role", "an attribute", ... */
/* Declares a name; an error when it is taken (-1), else its symbol. */
int sym_declare(Rules *r, Ident id, SymKind kind, int index);
/* headcount, id, name, kind, parent: names no declaration may take */
bool sym_is_builtin(const char *name);
/* The function whose name is closest to name's, or NULL. */
const char *sym_closest_function(const char *name);
/* "; did you mean 'x'?" or "" */
const char *suggest(Rules *r, const char *name, unsigned kinds, bool with_builtins);

#endif
