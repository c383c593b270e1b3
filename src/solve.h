/* solve.h: the part of a plan that crosses units (pools, transfers,
 * budgets), solved exactly as integer programs with GLPK.
 *
 * The caller lists the (unit, role)s the statements touch, each with its
 * requirements, and the pool candidates; solve_run splits them into
 * independent problems (what one pool, one transfer group or the budget
 * ties together) and minimises, in this order: budget overrun, distance
 * from the must requirements plus pool people not placed, distance from
 * the should target, people changed (hires, releases, moves, placements),
 * cost, hires, and last a tie-break towards the units first in id order.
 * Each level is solved to optimality and then held while the next is
 * minimised, so the answer is optimal for the whole order, not weighted.
 */
#ifndef COPLAN_SOLVE_H
#define COPLAN_SOLVE_H

#include "check.h"

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
} Solve;

/* Adds a (unit, role); returns its index. */
int solve_add_pair(Solve *s, SolvePair pair);
void solve_add_cand(Solve *s, int pool, int pair);
/* Solves every problem; the answers are in pair[], cand[], unplaced,
 * over and moves.  0, or -1 when GLPK failed (said to d). */
int solve_run(Solve *s, Diag *d);
/* Empties s for the next round, keeping its memory. */
void solve_clear(Solve *s);
void solve_free(Solve *s);

#endif
