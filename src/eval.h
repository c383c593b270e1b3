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

typedef struct Eval {
	const Program *p;
	const Units *u;
	Diag *diag;
	Value *stack;
	int cap;
	Arena scratch;
	int depth;		/* of nested aggregates */
	int empty;		/* the text index of "" */
	int rule, scope;	/* what is being evaluated, named in runtime
				 * errors: a rule, else a scope's condition */
	bool quiet;		/* a runtime error is not reported */
	long epoch;		/* bumped when the counts change */
	AggCache *cache;	/* per aggregate */
} Eval;

void eval_init(Eval *e, const Program *p, const Units *u, Diag *d);
/* Evaluates expression x on unit k into *out.  False after a runtime
 * error (division by zero), reported to the Diag. */
bool eval_expr(Eval *e, int x, int k, Value *out);
/* Aggregate a alone on unit k (explain shows each one's value). */
bool eval_agg(Eval *e, int a, int k, Value *out);
/* The counts have changed: cached aggregates are stale. */
void eval_forget(Eval *e);
void eval_free(Eval *e);

#endif
