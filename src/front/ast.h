/* ast.h: the syntax tree of a rules file.
 *
 * Ownership: every node, statement and string of the tree lives in the
 * Arena given to the parser; nothing here is freed on its own, so a syntax
 * error can abandon half-built trees without leaking.
 */
#ifndef COPLAN_AST_H
#define COPLAN_AST_H

#include "diag.h"
#include "lang.h"

typedef enum NodeKind {
	N_NUM, N_STR, N_BOOL, N_SET, N_NAME, N_UNARY, N_BINARY, N_CALL, N_LIST,
} NodeKind;

typedef enum Op {
	OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_NEG, OP_NOT, OP_AND, OP_OR,
	OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_IN, OP_UNION, OP_INTER,
} Op;

const char *op_text(Op op);		/* "+", "and", ... */

typedef struct Node Node;
struct Node {
	NodeKind kind;
	Op op;
	Loc loc;
	bool paren;	/* the author wrote it in parentheses */
	bool implicit;	/* N_NAME headcount added by `if > 200` */
	int depth;	/* levels of the tree below and including this node */
	double num;	/* N_NUM value; N_BOOL 0/1 */
	char *text;	/* N_NUM as written; N_STR value; N_NAME, N_CALL name */
	int ups;	/* N_NAME: how many `parent.` before the name */
	Node *a, *b;	/* operands */
	Node **args;	/* N_CALL arguments, N_SET items */
	int nargs;
	bool desc;	/* N_LIST: descendants rather than children */
	unsigned char from;	/* N_LIST: LIST_* */
	char *proj;	/* N_LIST: the name after '.', or NULL */
	Loc proj_loc;
	Node *where;	/* N_LIST: filter, or NULL */
	/* set by sema */
	Type type;
	int sym;	/* symbol index of a name, -1 for none */
};

/* The passes after parsing recurse over expressions; deeper ones are
 * refused when parsed, so no input can exhaust the C stack. */
enum { AST_MAX_DEPTH = 500, AST_MAX_SCOPES = 64 };

typedef struct Ident {
	char *name;
	Loc loc;
	int sym;	/* set by sema where a name is used: its symbol */
} Ident;

typedef struct Amount {
	AmountKind kind;
	double lo, hi;			/* AM_EXACT: lo == hi */
	char *lo_text, *hi_text;	/* as written */
	Loc loc;
} Amount;

typedef struct Per {
	PerKind kind;
	double n, a, b;
	char *n_text, *a_text, *b_text;
	Node *qty;	/* the quantity; for PER_NAME a N_NAME */
	Loc loc;
	int kind_sym;	/* set by sema when PER_NAME names a kind, else -1 */
} Per;

typedef struct Clause {		/* `, AMOUNT if COND` or `, else AMOUNT` */
	Amount amt;
	Node *cond;		/* NULL for else */
	Loc loc;
} Clause;

typedef enum StmtKind {
	S_KIND, S_ROLE, S_GROUP, S_ATTR, S_INCLUDE, S_SCOPE, S_RULE,
	S_POOL, S_TRANSFER, S_BUDGET,	/* what plan may do beyond a unit */
} StmtKind;

typedef enum Severity { SEV_DEFAULT, SEV_MUST, SEV_SHOULD } Severity;

typedef struct Stmt Stmt;
typedef struct StmtList {
	Stmt *head, *tail;
} StmtList;

struct Stmt {
	StmtKind kind;
	Loc loc;		/* the whole statement */
	Stmt *next;
	Ident name;		/* declared name, scope name, rule id, pool
				 * name; budget: cost or headcount */
	char *label;		/* role, scope, rule label, or NULL */
	Ident grade;		/* role: name NULL when absent */
	char *cost_text;	/* role: NULL when absent */
	double cost;
	Ident *items;		/* kind names, group members, transfer roles */
	int nitems;
	Type attr_type;		/* attribute */
	char *path;		/* include */
	Loc path_loc;
	int incl_file;		/* include: file index once loaded, else -1 */
	StmtList body;		/* scope body, included file */
	Node *cond;		/* scope's and pool's where; rule's first `if` */
	Severity sev;		/* rule */
	bool has_id;		/* rule: `rule ID:` written */
	RuleForm form;
	Ident target;		/* the role a rule sets, a pool places */
	Amount amt;		/* rule; pool: how many; budget: the limit */
	Ident *within;		/* transfer: attributes and parent, or all */
	int nwithin;
	bool total;		/* budget: of the total after the plan */
	bool surplus;		/* transfer: only staff above what the
				 * unit's rules allow move away */
	Per per;
	Clause *clauses;
	int nclauses;
	Node *e1, *e2;		/* core form: ROLE op e1 [.. e2] */
	int scope_index;	/* set by sema */
	Stmt *next_plan;	/* set by sema: the next pool, transfer or budget */
	int depth;		/* scope: levels of scopes, itself included */
};

typedef struct Comment Comment;
struct Comment {
	char *text;		/* from '#' to end of line */
	int line;
	bool own_line;		/* nothing but blanks before it */
	Comment *next;
};

/* constructors: allocate in a, never fail */
Node *ast_num(Arena *a, Loc loc, double v, const char *text);
Node *ast_str(Arena *a, Loc loc, const char *s);
Node *ast_bool(Arena *a, Loc loc, bool v);
Node *ast_name(Arena *a, Loc loc, const char *name);
Node *ast_unary(Arena *a, Loc loc, Op op, Node *x);
Node *ast_binary(Arena *a, Loc loc, Op op, Node *x, Node *y);
Node *ast_call(Arena *a, Loc loc, const char *name, Node *args);
Node *ast_list(Arena *a, Loc loc, bool desc, const char *proj, Loc proj_loc,
	       Node *where);
Node *ast_set(Arena *a, Loc loc, Node *items);
Node *ast_append_arg(Arena *a, Node *list, Node *x); /* arguments, set items */
Stmt *ast_stmt(Arena *a, StmtKind kind, Loc loc);
Ident *ast_append_ident(Arena *a, Ident *v, int n, Ident id);
Clause *ast_append_clause(Arena *a, Clause *v, int n, Clause c);
void stmts_append(StmtList *l, Stmt *s);

#endif
