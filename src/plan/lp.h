/* lp.h: the integer program of one part being built (columns, rows, the
 * objective's levels) and what the levels need to make each solution
 * exact: shared by model.c, levels.c and exact.c. */
#ifndef COPLAN_LP_H
#define COPLAN_LP_H

#include "solve_types.h"

#include <glpk.h>

enum { LEVELS = 7 };	/* 0: the budgets, kept first (levels.c) */

typedef struct Cols {		/* a pair's columns; 0 when absent */
	int x, n, keep, h, r, in, out, um, om, us, os;
} Cols;

typedef struct Term {
	int col;
	double coef;
} Term;

typedef struct Model {
	glp_prob *lp;
	Term *t; int nt, capt;		/* the row being built */
	/* each level's objective, then each budget's change */
	Term *obj[LEVELS + 2]; int nobj[LEVELS + 2], capobj[LEVELS + 2];
	double *sol;			/* the last level's solution, by column */
	double least[2];		/* per budget: the least change any plan makes */
	SolveStop left;			/* the last search, when the deadline left
					 * it unproven (level -1: proven) */
} Model;

/* What model_solve built, for clean(). */
typedef struct Part {
	const Solve *s;
	const int *pairs, *cands, *local;
	int n, nc;
	const Cols *c;
	const int *cp, *unpl;	/* unpl: per pool, its column or 0 */
	const int *lcol;	/* per link of pair i, lcol[lbase[i] + j]: its m or 0 */
	const int *lbase;
	int brow[2];		/* per budget: its row (change <= limit + bconst), or 0 */
	double bconst[2];	/* the row's constant: the change is its terms less this */
	const int *kcol;	/* per cost class, the sum of its pairs' n */
	const int *cls;		/* per pair, its class or -1 */
	int nk;
} Part;

int lp_col(Model *m, int kind, double lo, double hi);
void lp_term(Model *m, int c, double coef);
void lp_obj(Model *m, int level, int c, double coef);
void lp_merge(Model *m);
void lp_row(Model *m, int type, double lo, double hi);
/* floor(q / n) for q of either sign, within ceil_div's tolerance */
double signed_floor(double q, double n);

#endif
