/* eval.h: run a Program's expressions on the units (SPEC §2.4).
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

typedef struct Eval {
	const Program *p;
	const Units *u;
	Diag *diag;
	Value *stack;
	int cap;
	Arena scratch;
	int depth;		/* of nested aggregates */
	int empty;		/* the text index of "" */
	const char *context;	/* "rule 'x'", for runtime errors */
} Eval;

void eval_init(Eval *e, Program *p, const Units *u, Diag *d);
/* Evaluates expression x on unit k into *out.  False after a runtime
 * error (division by zero), reported to the Diag. */
bool eval_expr(Eval *e, int x, int k, Value *out);
/* Aggregate a alone on unit k (explain shows each one's value). */
bool eval_agg(Eval *e, int a, int k, Value *out);
void eval_free(Eval *e);

#endif
