/* symtab.c: the rules' names, in one namespace: kinds, roles, groups,
 * attributes, rule ids; and the names coplan knows itself. */
#include "symtab.h"
#include "msg.h"
#include "suggest.h"
#include "builtins.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>


const char *
sym_kind_name(SymKind k)
{
	static const char *const n[] = {
		[SYM_KIND] = N_("kind"), [SYM_ROLE] = N_("role"), [SYM_GROUP] = N_("group"),
		[SYM_ATTR] = N_("attribute"), [SYM_RULE] = N_("rule id"),
	};
	return _(n[k]);
}

const char *
sym_kind_a(SymKind k)
{
	static const char *const n[] = {
		[SYM_KIND] = N_("a kind"), [SYM_ROLE] = N_("a role"), [SYM_GROUP] = N_("a group"),
		[SYM_ATTR] = N_("an attribute"), [SYM_RULE] = N_("a rule id"),
	};
	return _(n[k]);
}

static Str
sym_key(const void *owner, int i)
{
	const Rules *r = owner;
	return (Str){r->syms[i].name, (int)strlen(r->syms[i].name)};
}

int
sym_find(const Rules *r, const char *name)
{
	size_t n = strlen(name);
	unsigned at;
	return hash_find(&r->hash, name, n, mem_hash(name, n), sym_key, r, &at);
}

bool
sym_is_builtin(const char *name)
{
	for (int i = 0; i < nbuiltin_values; i++)
		if (strcmp(name, builtin_values[i]) == 0)
			return true;
	return builtin_find(name) != NULL;
}

/* Declares a name; -1 (and an error) when it is taken. */
int
sym_declare(Rules *r, Ident id, SymKind kind, int index)
{
	if (sym_is_builtin(id.name)) {
		diag_error(r->diag, id.loc,
			   "'%s' is a built-in name of the rules language; choose another name for this %s",
			   id.name, sym_kind_name(kind));
		return -1;
	}
	int k = sym_find(r, id.name);
	if (k >= 0) {
		Sym *s = &r->syms[k];
		diag_error(r->diag, id.loc, "'%s' is already declared as %s on line %d%s%s",
			   id.name, sym_kind_a(s->kind), s->loc.first_line,
			   s->loc.file == id.loc.file ? "" : _(" of "),
			   s->loc.file == id.loc.file ? "" : r->diag->files[s->loc.file].path);
		return -1;
	}
	if (r->nsyms == r->capsyms) {
		r->capsyms = r->capsyms ? r->capsyms * 2 : 64;
		r->syms = xrealloc(r->syms, (size_t)r->capsyms * sizeof *r->syms);
	}
	if (!r->hash.bits)
		r->hash = hash_make(31);
	hash_reserve(&r->hash, r->nsyms + 1, r->nsyms, sym_key, r);
	r->syms[r->nsyms] = (Sym){id.name, kind, index, id.loc, false, T_ERR, NULL};
	size_t n = strlen(id.name);
	unsigned hv = mem_hash(id.name, n), at;
	hash_find(&r->hash, id.name, n, hv, sym_key, r, &at);
	hash_put(&r->hash, at, hv, r->nsyms);
	return r->nsyms++;
}

static const char *
name_at(const void *names, int i)	/* for closest_name */
{
	return ((const char *const *)names)[i];
}

static const char *
function_at(const void *table, int i)	/* likewise, of the functions */
{
	return ((const Builtin *)table)[i].name;
}

typedef struct Kinds {		/* closest_name's view of the symbols */
	const Rules *r;
	unsigned kinds;
} Kinds;

static const char *
sym_of_kinds(const void *ctx, int k)
{
	const Kinds *c = ctx;
	return c->kinds & M(c->r->syms[k].kind) ? c->r->syms[k].name : NULL;
}

const char *
suggest(Rules *r, const char *name, unsigned kinds, bool with_builtins)
{
	Kinds c = {r, kinds};
	int cap = suggest_cap(name), k = closest_name(name, r->nsyms, sym_of_kinds, &c, cap);
	const char *pick = k < 0 ? NULL : r->syms[k].name;
	if (with_builtins) {	/* a builtin when strictly closer */
		int d = pick ? (strcasecmp(name, pick) ? edit_distance(name, pick, cap) : 0) : cap + 1;
		int b = d ? closest_name(name, nbuiltin_values, name_at, builtin_values, d - 1) : -1;
		if (b >= 0)
			pick = builtin_values[b];
	}
	if (!pick)
		return "";
	return arena_printf(&r->arena, _("; did you mean '%s'?"), pick);
}

const char *
sym_closest_function(const char *name)
{
	int fn = closest_name(name, nbuiltins, function_at, builtins, suggest_cap(name));
	return fn < 0 ? NULL : builtins[fn].name;
}
