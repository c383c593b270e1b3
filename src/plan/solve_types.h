/* solve_types.h: what a whole plan's solver works on: the (unit,
 * role)s the statements touch, the pools' candidates, the links (rules
 * linear in counts), the moves found, and the solver's state between
 * rounds.  Types only. */
#ifndef COPLAN_SOLVE_TYPES_H
#define COPLAN_SOLVE_TYPES_H

#include "requirements.h"

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
	bool surplus;		/* only what is above the most its rules
				 * allow moves away (solve_excess) */
	/* the answer */
	double proposed, hired, released, moved_in, moved_out, placed;
	/* links (linear.h): s->link[link0 .. link0 + nlinks); must and target
	 * then hold only the bounds that do not link, and top is the most
	 * the rules allowed on the counts of the round before */
	int link0, nlinks;
	double top;
} SolvePair;

/* What of pair q's own staff may leave when a pool places into it: the
 * part of its loaded count above the most its rules allow. */
static inline double
solve_excess(const SolvePair *q)
{
	double top = q->nlinks ? q->top : q->should ? q->target.max : q->must.max;
	return isfinite(top) && q->current > top ? q->current - top : 0;
}

typedef struct SolveTerm {	/* coef times the count of pair */
	int pair;
	double coef;
} SolveTerm;

/* A bound on a pair's count that is linear in counts of its unit:
 * E = c0 + the sum of its terms; the bound is E itself (per 0), or
 * amount * m with m whole: m >= E / div below, m <= E / div above
 * (m <= (E + gap) / div when the rule rounds up: gap is div less the
 * smallest step of E).  A bound below is never under 0. */
typedef struct SolveLink {
	int pair;
	int rule;		/* the rule it comes from */
	bool should, upper;	/* its tier; which end of the interval */
	bool per;
	double amount, div, gap, c0;
	int t0, nt;		/* s->term[t0 .. t0 + nt) */
} SolveLink;

typedef struct SolveCand {	/* pool `pool` may place into pair `pair` */
	int pool, pair;
	double count;		/* the answer */
} SolveCand;

typedef struct SolveMove {
	int role, from, to;	/* units */
	double count;
} SolveMove;

typedef struct SolveStop {
	int level;		/* the level (solve.h's order), -1: none */
	double best, bound;	/* its best plan's value, its bound */
} SolveStop;

/* How far, in %, a plan at best may be above the optimum when no plan
 * can be below bound. */
static inline double
solve_gap(double best, double bound)
{
	return fabs(best - bound) / fmax(1, fabs(best)) * 100;
}

/* v, or the whole number it is within GLPK's tolerance of (a bound of
 * 3.5e-16 is said as 0): for messages. */
static inline double
solve_tidy(double v)
{
	return fabs(v - round(v)) <= 1e-9 * fmax(1, fabs(v)) ? round(v) + 0.0 : v;
}

/* What level l (solve.h's order) minimises, in words. */
const char *solve_level_name(int l);


typedef struct Solve {
	const Program *p;
	Budget budget[2];	/* the budgets in force: the rules', or
				 * --budget-cost's (Plan.budget) */
	double step;		/* counts are multiples of it */
	bool unbudgeted;	/* the budgets are set aside (a plan made
				 * without them first, to see whether they bind) */
	SolvePair *pair; int npairs, cappairs;	/* in unit id order */
	SolveCand *cand; int ncand, capcand;	/* by pool, then pair */
	double *unplaced;	/* per pool: people no unit took */
	double over[2];		/* per budget: how far the plan overruns it */
	SolveMove *moves; int nmoves, capmoves;
	SolveLink *link; int nlinks, caplinks;
	SolveTerm *term; int nterms, capterms;
	int problems, solves;	/* independent problems; GLPK runs */
	SolveStop stop;		/* a search that stopped at its limit */
	SolveStop unproven;	/* with a deadline: the first level a search
				 * left unproven (its best plan taken), level
				 * -1 when every search was proven */
	double deadline;	/* CLOCK_MONOTONIC seconds after which a
				 * search stops with its best plan; 0: none */
	double time_limit;	/* the seconds it was set from */
	struct {		/* the round before: a part whose input is the
				 * same keeps its answer */
		bool valid, same_cands;
		SolvePair *pair; int npairs;
		SolveCand *cand; int ncand;
		SolveLink *link; int nlinks;
		SolveTerm *term; int nterms;
		double over[2];
	} last;
} Solve;

#endif
