/* rules.h: from rules files to a Program: loading (with includes),
 * semantic analysis, compilation, lint warnings.
 *
 * A Rules owns its syntax tree (arena), its Program and its Diag's files.
 * rules_free() releases all of it; the stages may run on any Rules once.
 */
#ifndef COPLAN_RULES_H
#define COPLAN_RULES_H

#include "program.h"

typedef enum SymKind { SYM_KIND, SYM_ROLE, SYM_GROUP, SYM_ATTR, SYM_RULE } SymKind;

typedef struct Sym {
	const char *name;
	SymKind kind;
	int index;		/* in the Program table of its kind */
	Loc loc;		/* where it is declared */
	bool used;
} Sym;

typedef struct Rules {
	Arena arena;		/* syntax trees, names */
	Diag *diag;
	StmtList top;		/* the top file, includes expanded in place */
	int nfiles_loaded;
	Sym *syms; int nsyms, capsyms;
	int *hash; int hcap;	/* name -> sym, open addressing */
	bool uses_headcount;
	int nrules_seen;
	Program prog;
} Rules;

enum { SEMA_MAX_ROLES = 1000, SEMA_MAX_RULES = 1000000 };

/* Each returns the number of errors it added to r->diag. */
int rules_load(Rules *r, const char *path);	/* read, parse, includes */
int sema_check(Rules *r);			/* names, types */
void compile_program(Rules *r);			/* only after 0 errors */
/* The warnings of lint; without tidy, only those that can change what
 * check and plan answer (never-applies, never-chosen). */
void lint_warnings(Rules *r, bool tidy);
/* All of it: load, check, compile.  Returns the number of errors. */
int rules_compile(Rules *r, const char *path);
/* The same over text in memory, named path in messages. */
int rules_load_text(Rules *r, const char *path, const char *text, size_t len);
int rules_compile_text(Rules *r, const char *path, const char *text, size_t len);

int sym_find(const Rules *r, const char *name);	/* -1 when absent */
const char *sym_kind_name(SymKind k);		/* "role", ... */
/* "; did you mean 'x'?" or "" */
const char *suggest(Rules *r, const char *name, unsigned kinds, bool builtins);

void rules_free(Rules *r);

/* Canonical text of expressions and statements (print.c), shared by fmt
 * and by the messages that quote a rule. */
void print_expr(Buf *b, const Node *n);
void print_amount(Buf *b, const Amount *a);
void print_rule_body(Buf *b, const Stmt *s);
void print_str(Buf *b, const char *s);	/* quoted, escaped */

#endif
