/* plan.h: the staffing that meets every rule with the fewest changes. */
#ifndef COPLAN_PLAN_H
#define COPLAN_PLAN_H

#include "solve.h"

enum { PLAN_MAX_ROUNDS = 100, PLAN_LATE_ROUNDS = 0 };

/* What a plan can propose: a requirement above PLAN_MAX_COUNT of a role,
 * a link's coefficient above PLAN_MAX_COEF (counts per count) or a count
 * more than PLAN_MAX_COUNT steps is refused before anything is solved,
 * rather than planned in numbers no solver keeps exact. */
#define PLAN_MAX_COUNT 1e9
#define PLAN_MAX_COEF 1e6

typedef struct Plan {
	Check *c;
	Counts proposed;	/* the staffing proposed; the loaded one
				 * (c->u->counts) never changes */
	Col *next;		/* the round being worked out */
	bool every_unit;	/* work out every unit in every round, not
				 * only those near a change (tests compare) */
	int rounds;		/* rounds evaluated, the last changing nothing */
	double step;		/* counts are multiples of it; 0 means 1 */
	bool has_budget_cost;	/* --budget-cost: budget_cost stands for the
				 * rules' `budget cost` */
	double budget_cost;
	Budget budget[2];	/* the budgets in force (plan_run: the rules',
				 * or budget_cost) */
	double time_limit;	/* whole plan: seconds its searches may take,
				 * then their best plans are the answer
				 * (solve.unproven says how far from proven);
				 * 0: until proven */
	const int *by_attr;	/* its reports' totals by these text
				 * attributes too (--totals-by) */
	int nby_attr;
	bool quiet;		/* what the plan leaves unmet is said on the
				 * Diag no more (a second report of the same
				 * plan; plan_issues.h) */
	bool whole;		/* pools, transfers or a budget: the last
				 * round's answer is in solve */
	bool unsettled;		/* the time limit stopped the rounds before a
				 * round changed nothing */
	bool budgeted;		/* whole plan: the budget binds, and was
				 * solved with (without it, the plan kept it) */
	Solve solve;
	int *rank;		/* whole plan: each unit's place in id order */
	struct Linear *linear;	/* whole plan: the rules linear in counts (linear.h) */
	/* unit by unit, as each unit was last worked out: whether a role
	 * was left unresolved, and the scopes it is in (a bit each) */
	unsigned char *unres, *scope_bits;
} Plan;

/* In a whole plan, the pair of (unit k, role r) in pl->solve, or -1
 * when the statements do not touch it. */
int plan_pair(const Plan *pl, int k, int r);

/* The count proposed for `v` against q: kept when inside
 * the target (T, else M), else moved to the nearest multiple of step
 * inside it.  When no multiple meets M, *unresolved is set and the count
 * is the least multiple at or above M's minimum.  *aim is the interval
 * aimed at. */
double plan_propose(double v, const Req *q, double step, bool *unresolved, Span *aim);


/* Whether unit k's requirement on role r is within what a plan can
 * propose at step; if not, says so at the rule (unless quiet). */
bool plan_within_limits(Check *c, int k, int r, double step, bool quiet);
/* Whether the links of unit k (s->link[first ..)) are within what a
 * plan can solve: said at the rule when not. */
bool plan_links_within_limits(Check *c, const Solve *s, int k, int first);
void plan_free(Plan *pl);

#endif
