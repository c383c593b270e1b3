/* plan_moves.h: what a whole plan does beyond each unit's counts (the
 * moves, the pool placements, the people no unit took, a budget it
 * overruns), in each format of plan's report. */
#ifndef COPLAN_PLAN_MOVES_H
#define COPLAN_PLAN_MOVES_H

#include "plan_sums.h"

/* Says, as errors (unless pl->quiet), the pools not all placed and the
 * budgets overrun; returns how many. */
int moves_unresolved(const Plan *pl);
/* Whether a time limit left the whole plan unproven (solve.unproven,
 * unsettled); moves_unresolved says so (not counted: plan exits 1). */
bool plan_unproven(const Plan *pl);
/* Why role r's count at a unit (current, planned proposed) stays short
 * of what its must rules ask (q; at: the rule that asks the most) when
 * a count could meet it: the budget, or the time limit. */
void moves_short(const Plan *pl, int r, double current, double proposed, const Req *q, int at, Buf *m);
/* "; settled in N rounds" (who before "settled": "the plan ", or ""),
 * or where the time limit stopped the rounds, and "; not proven optimal
 * (gap N %)" when it is so: for summaries. */
void moves_rounds(const Plan *pl, const char *who, Buf *b);
/* The json report's head: "iterations", "not_proven" when it is so,
 * and the opening of "units". */
void moves_json_head(const Plan *pl, Buf *b);

/* "moves", "placements" and "unplaced" members of the json report,
 * each line starting with ",\n  ". */
void moves_json(const Plan *pl, const bool *selected, Buf *b);
/* The sections of the table (or Markdown) report. */
void moves_table(const Plan *pl, const bool *selected, Buf *b, bool md);
/* The sections of the html report. */
void moves_html(const Plan *pl, const bool *selected, Buf *b);
/* "3 changes in 2 units": the head of every plan report's summary. */
void moves_changes(Buf *b, int nchanged, int nunits);
/* The last line's count: ": 2 hires, 1 release, 3 moves, 58 placed". */
void moves_summary(const MoveTotals *t, Buf *b);

/* For explain: what the whole plan does at unit k (for one role, or
 * every role when role < 0), and why. */
void moves_explain(const Plan *pl, int k, int role, Buf *b);

/* The must asserts that fail on the plan's staffing, each unresolved:
 * said (unless quiet), counted in pl->unresolved and written to unres
 * as json rows.  False after a runtime error. */
bool moves_asserts(Plan *pl, const bool *selected, Buf *unres);

#endif
