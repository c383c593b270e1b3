/* plan_sums.h: the totals of plan's report (by grade, by scope, in
 * all), the hires, releases, moves and placements, and the quick way
 * to them when the plan went unit by unit. */
#ifndef COPLAN_PLAN_SUMS_H
#define COPLAN_PLAN_SUMS_H

#include "plan.h"

typedef struct MoveTotals {
	double hires, releases, moves, placed;
} MoveTotals;

/* Whether unit k is in the report: every unit when selected is NULL. */
static inline bool
unit_shown(const bool *selected, int k)
{
	return !selected || selected[k];
}

/* Whether the plan went unit by unit (no pools, moves or budget, counts
 * from a table) and so knows the units it left unresolved (pl->unres):
 * a report may then leave units alone or write them in parts. */
bool plan_by_unit(const Plan *pl);
/* A budget the plan was given, and what the plan makes of it over the
 * whole organisation (whatever the report shows): the change it adds
 * (cost or heads), or with `total` the total it comes to. */
typedef struct BudgetUse {
	int kind;		/* BUDGET_COST, BUDGET_HEADCOUNT */
	bool total;		/* budget total ...: the total after the plan */
	double limit;		/* as stated */
	double used;		/* the change, or the total after */
	int file, line;		/* where it is stated; line 0: --budget-cost */
} BudgetUse;

/* The plan's budgets, cost first, into out (room for 2); how many. */
int plan_budgets(const Plan *pl, BudgetUse *out);
/* The budget as stated and what the plan makes of it: "budget cost <=
 * 17000000: the plan adds +16990000 (10000 left)", "budget total
 * headcount <= 5000: the plan comes to 5020 (20 over)". */
void budget_text(const BudgetUse *b, Buf *out);

/* Adds the hires and releases of (unit k, role r) to t. */
void moves_count(const Plan *pl, int k, int r, MoveTotals *t);
/* The moves and placements of the plan (all, or those touching the
 * selected units) added to t. */
void moves_totals(const Plan *pl, const bool *selected, MoveTotals *t);
/* Moves in minus moves out, and people placed, at (unit k, role r). */
void moves_at(const Plan *pl, int k, int r, double *moved, double *placed);

typedef struct Sums {
	double current, proposed, cost;	/* cost: of the change */
	int units;			/* units counted */
} Sums;

typedef struct Totals {
	Sums all;
	const char **grades; Sums *by_grade; int ngrades;
	Sums *by_scope;		/* per scope */
	struct AttrTotals *by_attr;	/* per --totals-by attribute (attr_totals.h) */
	int nby_attr;
	bool costs;		/* some role has a cost */
} Totals;

void sums_add(Sums *s, double cur, double prop, const Role *r);
/* to += from */
void sums_merge(Sums *to, const Sums *from);
/* The index of grade g (NULL: "-") in t, added if new. */
int totals_grade(Totals *t, const char *g);

/* A unit-by-unit plan's totals over every unit (the selected ones),
 * added in parts on threads, in the order of the units, not of their
 * ids, from the scopes each unit was found in by the last round; the
 * hires and releases into *mt.  Each unit's byte of `mark` says whether
 * its report shows it: a count that changed, or one left unresolved.
 * False, with nothing added, when that order could change a total's
 * last digit (counts or costs not whole, sums near 2^53): the caller
 * adds them one unit at a time, in id order. */
bool totals_quick(Totals *t, const Plan *pl, const bool *selected, const int *grade_of,
		  MoveTotals *mt, unsigned char *mark);

#endif
