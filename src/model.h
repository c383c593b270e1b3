/* model.h: the (unit, role)s, pool candidates and moves of a whole plan
 * (solve.h splits them into parts), and one part as an integer program
 * for GLPK, solved level by level. */
#ifndef COPLAN_MODEL_H
#define COPLAN_MODEL_H

#include "check.h"

#include <math.h>

/* How far x is from [lo, hi]. */
static inline double
solve_dist(double x, double lo, double hi)
{
	return x < lo ? lo - x : x > hi ? x - hi : 0;
}

/* Whether v is a multiple of step, within the tolerance of ratios. */
static inline bool
solve_on_grid(double v, double step)
{
	double q = v / step;
	return fabs(q - round(q)) <= 1e-9 * (1 + fabs(q));
}

typedef struct SolvePair {
	int unit, role;
	double current;		/* the loaded count */
	Span must;		/* M */
	Span target;		/* T when the should tier fits M, else unused */
	bool should;		/* T is aimed at (level 2) */
	double cost;		/* per head; 0 when the role has none */
	int group;		/* transfer group, -1: its staff do not move */
	/* the answer */
	double proposed, hired, released, moved_in, moved_out, placed;
} SolvePair;

typedef struct SolveCand {	/* pool `pool` may place into pair `pair` */
	int pool, pair;
	double count;		/* the answer */
} SolveCand;

typedef struct SolveMove {
	int role, from, to;	/* units */
	double count;
} SolveMove;

typedef struct Solve {
	const Program *p;
	double step;		/* counts are multiples of it */
	SolvePair *pair; int npairs, cappairs;	/* in unit id order */
	SolveCand *cand; int ncand, capcand;	/* by pool, then pair */
	double *unplaced;	/* per pool: people no unit took */
	double over[2];		/* per budget: how far the plan overruns it */
	SolveMove *moves; int nmoves, capmoves;
	int problems, solves;	/* independent problems; GLPK runs */
	struct {		/* the round before: a part whose input is the
				 * same keeps its answer */
		bool valid, same_cands;
		SolvePair *pair; int npairs;
		SolveCand *cand; int ncand;
		double over[2];
	} last;
} Solve;


/* Solves pairs[0..n) of s (in id order) with the candidates cands[0..nc)
 * and, when budget is set, the budgets; writes the answers into s.
 * local is scratch of s->npairs ints.  False when GLPK could not prove
 * an optimum. */
bool model_solve(Solve *s, const int *pairs, int n, const int *cands, int nc, bool budget, int *local);

#endif
