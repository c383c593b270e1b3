/* trace.h: an evaluation's reads, shown. */
#ifndef COPLAN_TRACE_H
#define COPLAN_TRACE_H

#include "requirements.h"
#include "eval.h"

typedef struct TraceSeen {	/* the reads already shown */
	Insn v[64];
	int n;
} TraceSeen;

/* "      name = value\n" for each read of tr not in seen (then added):
 * a role's count, a group's with its roles', headcount, an attribute,
 * kind, id, name, parent, an aggregate's value. */
void trace_show(Buf *b, const Program *p, const EvalTrace *tr, TraceSeen *seen);

/* How the rules on role r combine at unit k (q its requirements, actual
 * its count): the musts, the shoulds that fit them, the verdict. */
void trace_combined(const Check *c, int r, const Req *q, double actual, Buf *out);

/* Works out expression x on unit k as the evaluator does, quietly, and
 * shows what it read that seen has not: 1, 0 (false) or -1 (it cannot
 * be worked out); *val its value. */
int trace_reads(Check *c, int x, int k, TraceSeen *seen, Buf *b, double *val);

#endif
