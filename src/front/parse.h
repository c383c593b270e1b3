/* parse.h: the parser's context, shared by grammar/lexer.l and
 * grammar/parser.y.  One Parser parses one file; there are no globals. */
#ifndef COPLAN_PARSE_H
#define COPLAN_PARSE_H

#include "ast.h"

typedef struct Parser {
	Arena *arena;		/* the tree goes here */
	Diag *diag;
	int file;		/* index in diag->files */
	StmtList stmts;		/* the result */
	Comment *comments, *comments_tail;
	/* scanner state */
	int line, col;
	int paren;		/* open '(' */
	int last;		/* last token returned, 0 before the first */
	bool cont;		/* the last token continues the line */
	bool eof_nl;		/* the end-of-line before end of file sent */
	int tok_line;		/* line of the last token */
	Loc prev, cur;		/* the last two tokens */
	int prev_tok;
	Loc join;		/* last token of the latest line this statement
				 * went on from; first_line 0 when none */
	bool join_paren;	/* ...because a '(' was open */
	Loc open_paren;		/* the outermost '(' still open */
	bool quiet;		/* the lexer has said what is wrong */
	bool scope_head;	/* between 'scope' and its '{' */
	bool per_seen;		/* the statement has had its 'per' */
	Loc braces[AST_MAX_SCOPES + 1];	/* the '{' still open, innermost last */
	int max_depth;		/* AST_MAX_DEPTH, less on a small stack */
	int nbraces;
} Parser;

/* Parses file p->file of p->diag into p->stmts.  Errors go to the Diag;
 * returns how many it added. */
int parse_file(Parser *p);



/* Helpers for the grammar's actions (src/parse.c). */
typedef struct IdentVec { Ident *v; int n; } IdentVec;
typedef struct ClauseVec { Clause *v; int n; } ClauseVec;

IdentVec gram_ids(Parser *p, IdentVec v, Ident id);
ClauseVec gram_clauses(Parser *p, ClauseVec v, Clause c);
Stmt *gram_kinds(Parser *p, Loc loc, IdentVec names);
Stmt *gram_role(Parser *p, Loc loc, Ident name, char *label, Ident grade,
		char *cost_text, double cost);
Stmt *gram_group(Parser *p, Loc loc, Ident name, IdentVec members);
Stmt *gram_attribute(Parser *p, Loc loc, Ident name, Type type);
Stmt *gram_include(Parser *p, Loc loc, char *path, Loc path_loc);
Stmt *gram_scope(Parser *p, Loc loc, Ident name, char *label, Node *cond,
		 StmtList body);
Stmt *gram_pool(Parser *p, Loc loc, Ident name, char *label, Amount amt,
		Ident role, Node *cond);
Stmt *gram_transfer(Parser *p, Loc loc, const Ident *mode, IdentVec roles, IdentVec within);
/* budget [total] WHAT <= N: `total` a word, not a keyword (word: NULL, or
 * the word before WHAT). */
Stmt *gram_budget(Parser *p, Loc loc, const Ident *word, Ident what, bool minus, char *text, double n, Loc n_loc);
Stmt *gram_rule(Parser *p, Loc loc, Loc body_loc, Severity sev, Ident *id,
		char *label, Stmt *body);
Stmt *gram_sugar(Parser *p, Loc loc, Amount amt, Ident target, Per per,
		 Node *cond, ClauseVec clauses);
Stmt *gram_core(Parser *p, Loc loc, RuleForm form, Ident target, Node *e1,
		Node *e2, Node *cond);
Amount gram_amount(Parser *p, Loc loc, AmountKind kind, char *lo_text,
		   double lo, char *hi_text, double hi);
Per gram_per(Parser *p, Loc loc, PerKind kind, char *a_text, double a,
	     char *b_text, double b, Node *qty);
Node *gram_name(Parser *p, Ident id);
Node *gram_path(Parser *p, Loc loc, Node *left, Ident right);
/* `left.children [.proj] [where ...]`: left must be parent. */
Node *gram_parent_list(Parser *p, Loc loc, Node *left, Loc at, const char *proj, Loc proj_loc, Node *where);
Node *gram_implicit(Parser *p, Loc loc, Op op, Node *rhs);
#endif
