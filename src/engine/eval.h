/* eval.h: run a Program's expressions on the units.
 *
 * Nothing is allocated per unit: the value stack is sized once for the
 * whole program, and sets made by set operations live in a scratch arena
 * emptied at the start of each top-level evaluation.
 */
#ifndef COPLAN_EVAL_H
#define COPLAN_EVAL_H

#include "units.h"

typedef union Value {
	double n;		/* numbers; booleans are 0 and 1 */
	int s;			/* a text index */
	struct {
		const int *v;	/* sorted text indexes */
		int n;
	} set;
} Value;

/* An aggregate over descendants, worked out for every unit at once,
 * bottom up: a unit's value adds its children's.  Valid for one epoch
 * (the counts it was made from); `bad` marks units below which a value
 * could not be computed, which are then aggregated one by one so the
 * error is reported where it belongs. */
typedef struct AggCache {
	long epoch;		/* 0: never built */
	double *acc;
	int *cnt;
	unsigned char *bad;
} AggCache;

/* What an evaluation read, in the order it read it, for explain: each
 * load of a count, a group, headcount, an attribute, kind, id, name or
 * parent, and each aggregate's value (not what the aggregate read).  A
 * group's step is followed by one I_ROLE step for each of its roles. */
typedef struct TraceStep {
	Insn in;		/* the load, or the I_AGG */
	Value v;		/* what it gave */
} TraceStep;

typedef struct EvalTrace {
	TraceStep *v;
	int n, cap;
} EvalTrace;

typedef struct Eval {
	const Program *p;
	const Units *u;
	const Counts *counts;	/* read: u->counts, or a plan's */
	Diag *diag;
	Value *stack;
	int cap;
	Arena scratch;
	int rule, scope, pool;	/* what is being evaluated, named in runtime
				 * errors: a rule, else a scope's or a pool's
				 * condition */
	bool quiet;		/* a runtime error is not reported */
	long epoch;		/* bumped when the counts change */
	AggCache *cache;	/* per aggregate */
	EvalTrace *trace;	/* when set, every read is added to it */
	bool borrowed;		/* the caches are another Eval's (eval_share) */
	/* the first blank cell the last evaluation read (Blank's unit and
	 * col), or unit -1: a value that reads one is NAN, missing */
	int miss_unit, miss_col;
} Eval;

void eval_init(Eval *e, const Program *p, const Units *u, Diag *d);
/* Evaluates expression x on unit k into *out.  False after a runtime
 * error (division by zero), reported to the Diag.  A number or truth
 * that reads a blank cell is NAN (missing): arithmetic, comparisons,
 * functions and aggregates carry it; e->miss_* say the first cell. */
bool eval_expr(Eval *e, int x, int k, Value *out);
/* Works out every aggregate over descendants (one pass each), so that
 * other evaluators can share them (eval_share). */
void eval_prepare(Eval *e);
/* Lets `to` read the aggregates `from` has worked out (eval_prepare),
 * for the same units and counts: the parts of a parallel run share
 * them, none writing.  `to` makes its own again if its counts change. */
void eval_share(Eval *to, const Eval *from);
/* The counts have changed: cached aggregates are stale. */
void eval_forget(Eval *e);
/* Evaluates x on k with e->quiet set and every read added to *trace;
 * false when x cannot be worked out (nothing reported). */
bool eval_traced(Eval *e, int x, int k, EvalTrace *trace, Value *out);
void eval_free(Eval *e);

#endif
