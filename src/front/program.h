/* program.h: what rules compile to.  The evaluator runs this and never
 * sees the syntax tree.
 *
 * Each expression is a run of postfix instructions in Program.code; a
 * value on the evaluation stack is a number (booleans are 0/1), a text
 * (an index in Program.strs, the session's Strtab) or a set (a sorted list of text indexes).
 * Names load the value of the current unit, or of an ancestor `up`
 * levels above it.  Lists appear only inside I_AGG, whose filter and
 * projection are expressions of their own, run on each unit of the list.
 *
 * Ownership: a Program owns its tables; its names point into the Rules
 * that compiled it (front.h), so it lives as long as that Rules.
 */
#ifndef COPLAN_PROGRAM_H
#define COPLAN_PROGRAM_H

#include "diag.h"
#include "lang.h"
#include "strtab.h"

/* X(name, operands, what it does) */
#define OPCODES(X)							\
	X(NUM,       "k",  "push number constant k")			\
	X(STR,       "s",  "push text s")				\
	X(SET,       "k",  "push set constant k")			\
	X(ROLE,      "r",  "push the count of role r")			\
	X(GROUP,     "g",  "push the sum of group g's roles")		\
	X(HEADCOUNT, "",   "push the sum of every role")		\
	X(ATTR,      "a",  "push attribute a")				\
	X(ID,        "",   "push the unit's id")			\
	X(NAME,      "",   "push the unit's name")			\
	X(KIND,      "",   "push the unit's kind")			\
	X(PARENT,    "",   "push the parent's id, \"\" for a root")	\
	X(NEG,       "",   "x -> -x")					\
	X(ADD,       "l",  "x y -> x + y; beyond a double is an error at locs[l]") \
	X(SUB,       "l",  "x y -> x - y; likewise")			\
	X(MUL,       "l",  "x y -> x * y; likewise")			\
	X(DIV,       "l",  "x y -> x / y; y = 0 or too large an error at locs[l]") \
	X(NOT,       "",   "b -> not b")				\
	X(JFALSE,    "j",  "if top is false jump to j, else pop (and)")	\
	X(JTRUE,     "j",  "if top is true jump to j, else pop (or)")	\
	X(EQ,        "",   "numbers x y -> x == y")			\
	X(NE,        "",   "numbers x y -> x != y")			\
	X(LT,        "",   "x y -> x < y")				\
	X(LE,        "",   "x y -> x <= y")				\
	X(GT,        "",   "x y -> x > y")				\
	X(GE,        "",   "x y -> x >= y")				\
	X(TEQ,       "",   "texts x y -> x == y")			\
	X(TNE,       "",   "texts x y -> x != y")			\
	X(SEQ,       "",   "sets x y -> x == y")			\
	X(SNE,       "",   "sets x y -> x != y")			\
	X(IN,        "",   "text x, set S -> x in S")			\
	X(SUBSET,    "",   "sets S T -> S <= T")			\
	X(UNION,     "",   "sets S T -> S | T")				\
	X(INTER,     "",   "sets S T -> S & T")				\
	X(DIFF,      "",   "sets S T -> S - T")				\
	X(SIZE,      "",   "set S -> its number of items")		\
	X(MATH,      "f",  "x -> f(x), f the function builtins[f]")	\
	X(MIN,       "n",  "n numbers -> the least")			\
	X(MAX,       "n",  "n numbers -> the greatest")			\
	X(AGG,       "a",  "aggregate a over children or descendants")

typedef enum Opcode {
#define X(name, operands, doc) I_##name,
	OPCODES(X)
#undef X
	OPCODE_COUNT
} Opcode;

extern const char *const opcode_names[OPCODE_COUNT];
extern const char *const opcode_operands[OPCODE_COUNT];

typedef struct Insn {
	unsigned char op;	/* Opcode */
	unsigned char up;	/* loads: levels above the current unit */
	int arg;
} Insn;

typedef struct Expr {
	int start, len;		/* in Program.code */
	Type type;
	const char *text;	/* canonical source, for explain */
	bool implicit;		/* `> 200`: text leaves out the headcount it compares */
} Expr;

typedef enum AggFn { AGG_COUNT, AGG_SUM, AGG_MIN, AGG_MAX, AGG_AVG } AggFn;

typedef struct Agg {
	AggFn fn;
	bool desc;		/* descendants, else children */
	unsigned char from;	/* children: LIST_OWN, LIST_PARENT or LIST_SIBLINGS */
	int filter;		/* expr run on each unit, -1 for none */
	int proj;		/* expr giving each unit's value, -1 for none */
	const char *text;	/* the whole call, for explain */
	int loc;		/* in Program.locs: a sum too large is an error */
} Agg;

typedef struct Role {
	const char *name, *label, *grade;	/* label, grade may be NULL */
	double cost;
	bool has_cost;
} Role;

typedef struct Group {
	const char *name;
	int *roles, nroles;
} Group;

typedef struct Attr {
	const char *name;
	Type type;		/* T_NUM, T_TEXT or T_SET */
	bool used;		/* some rule reads it: the data must have it */
} Attr;

typedef struct Scope {
	const char *name, *label;
	int parent;		/* enclosing scope, -1 at top */
	int cond;		/* expr */
	int file, line;
	Loc loc;		/* its name, for messages */
} Scope;

typedef struct Clause_ {	/* one amount a rule may yield */
	AmountKind kind;
	double lo, hi;
	int cond;		/* expr, -1 when it always holds */
	bool is_else;
	Loc loc;		/* where it is written (coverage names it) */
} RClause;

typedef struct Rule {
	const char *id;		/* NULL when unnamed */
	const char *label;
	const char *text;	/* the rule's body in canonical form */
	int file, line;
	Loc loc;		/* the statement's start, for messages */
	bool should;		/* a warning rather than an error */
	int role;
	int scope;		/* -1: every unit */
	int kind;		/* per KIND: the kind, else -1 */
	RuleForm form;
	/* R_SUGAR: clause 0 is the first amount (cond = its `if`), then the
	 * alternatives in order, the else last */
	int clause0, nclauses;
	PerKind per;		/* PER_NONE, PER_RATIO or PER_SPAN */
	double n, a, b;
	int qty;		/* expr */
	/* core forms: role op e1 [.. e2] if cond */
	int e1, e2, cond;
} Rule;

/* A supply of people of one role, each to be placed into one unit where
 * cond holds (plan.h). */
typedef struct Pool {
	const char *name, *label;	/* label may be NULL */
	const char *what;	/* the role or group it places, as written */
	const int *roles; int nroles;	/* each person as one of these */
	double n;		/* how many: all of them, or at most */
	bool at_most;
	int cond;		/* expr, -1: every unit */
	int file, line;
	Loc loc;
} Pool;

/* Where staff of a role may move: between units with the same value of
 * an attribute, the same parent, or anywhere. */
enum { WITHIN_ALL = -1, WITHIN_PARENT = -2 };
enum { TRANSFER_MAX_WITHIN = 8 };
typedef struct Transfer {
	int *roles, nroles;
	/* a move stays among units with the same value of each: attribute
	 * indexes or WITHIN_PARENT; or WITHIN_ALL alone */
	int within[TRANSFER_MAX_WITHIN], nwithin;
	bool surplus;	/* only staff above what a unit's rules allow move */
	int file, line;
} Transfer;

enum { BUDGET_COST, BUDGET_HEADCOUNT };
typedef struct Budget {
	bool set;
	double limit;		/* the most the plan may add (a plan works
				 * it out of a total's) */
	int file, line;		/* line 0: given on the command line */
	bool total;		/* budget total ...: stated of the total after */
	double stated;		/* the limit as stated */
} Budget;

/* What the rules read of the data beyond counts and attributes: the
 * loaders build only that, and plan knows how far a change reaches. */
typedef struct ProgNeeds {
	bool ids;		/* the unit's id as a text (id, parent) */
	bool names;		/* its name as a text */
	bool hierarchy;		/* parent, parent.X, children or descendants */
	bool children;		/* an aggregate over children */
	bool descendants;	/* an aggregate over descendants */
	int up;			/* how many levels up parent.X reaches */
	/* the same for counts alone (attributes never change in a plan):
	 * aggregates whose filter or value reads a count, and how far up
	 * a count is read (plan: what a changed count can change) */
	bool children_counts, descendants_counts;
	bool siblings_counts;	/* over a parent's children (siblings) */
	int children_depth;	/* children_counts: how many levels up a count
				 * is read (2: an aggregate over children
				 * within one, reading grandchildren) */
	int up_counts;
} ProgNeeds;

typedef struct Program {
	Arena arena;
	Role *roles; int nroles;
	Group *groups; int ngroups;
	Attr *attrs; int nattrs;
	int *kinds; int nkinds;		/* text indexes */
	Scope *scopes; int nscopes;
	Rule *rules; int nrules;
	RClause *clauses; int nclauses;
	Expr *exprs; int nexprs;
	Agg *aggs; int naggs;
	Insn *code; int ncode;
	double *nums; int nnums;
	Pool *pools; int npools, cappools;
	Transfer *transfers; int ntransfers, captransfers;
	Budget budget[2];		/* BUDGET_COST, BUDGET_HEADCOUNT */
	Strtab *strs;			/* the session's texts: the rules' and the data's */
	ProgNeeds needs;		/* set once compiled */
	int **sets; int *setlens; int nsets;	/* sorted text indexes */
	const char **files; int nfiles;	/* rules files, for reports */
	Loc *locs; int nlocs, caplocs;	/* where each arithmetic operator is, for errors */
	/* growth bookkeeping */
	int capscopes, caprules, capclauses, capexprs, capaggs, capcode;
	int capnums, capsets;
	int caproles, capgroups, capattrs, capkinds;
} Program;

static inline const char *
prog_text(const Program *p, int i)	/* a text index's text */
{
	return p->strs->text[i];
}

ProgNeeds prog_needs(const Program *p);
/* Whether plan solves the organisation as a whole (pools, transfers or
 * a budget), rather than unit by unit. */
bool prog_plans_whole(const Program *p);
/* The transfer statement that moves role r, or -1. */
bool prog_pool_places(const Pool *pl, int r);	/* people of role r */
int prog_transfer_of(const Program *p, int r);	/* worked out from the code */
int prog_role(const Program *p, const char *name);	/* -1: no such role */
/* The role whose name is one or two letters off name's, or NULL. */
const char *prog_closest_role(const Program *p, const char *name);
/* The attribute declared closest to name (a typo), or NULL. */
const char *prog_closest_attr(const Program *p, const char *name);
void prog_free(Program *p);

/* A role's name and grade; "" and NULL for no role (-1: an assert). */
static inline const char *
prog_role_name(const Program *p, int r)
{
	return r >= 0 ? p->roles[r].name : "";
}

static inline const char *
prog_role_grade(const Program *p, int r)
{
	return r >= 0 ? p->roles[r].grade : NULL;
}

#endif
