/* front.h: the state the front end's stages share, from rules files to a
 * Program: load (load.h) reads the files and their includes into `top`,
 * sema (sema.h) names and types them, compile (compile.h) builds `prog`,
 * lint (lint.h) warns.  Types only: each stage declares its own work.
 *
 * A Rules owns its syntax tree (arena), its Program and its Diag's files.
 * rules_free() (compile.h) releases all of it; the stages may run on any
 * Rules once.
 */
#ifndef COPLAN_FRONT_H
#define COPLAN_FRONT_H

#include "ast.h"
#include "program.h"

typedef enum SymKind { SYM_KIND, SYM_ROLE, SYM_GROUP, SYM_ATTR, SYM_RULE } SymKind;

typedef struct Sym {
	const char *name;
	SymKind kind;
	int index;		/* in the Program table of its kind */
	Loc loc;		/* where it is declared */
	bool used;
	Type type;		/* an attribute's */
	const struct Stmt *stmt;	/* its declaration */
} Sym;

typedef struct Rules {
	Arena arena;		/* syntax trees, names */
	Diag *diag;
	StmtList top;		/* the top file, includes expanded in place */
	int nfiles_loaded;
	Sym *syms; int nsyms, capsyms;
	Hash hash;		/* name -> sym */
	bool uses_headcount;
	int nrules_seen;
	/* what sema declared, counted: the Program's tables, which compile
	 * builds, will be as long */
	int nkinds, nroles, ngroups, nattrs;
	const Stmt **scopes; int nscopes, capscopes;	/* in order */
	Stmt *plan_stmts, **plan_tail;	/* pools, transfers, budgets, in order */
	Strtab strs;		/* the session's texts (prog.strs) */
	Program prog;
} Rules;

#endif
