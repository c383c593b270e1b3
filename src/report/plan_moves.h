/* plan_moves.h: what a whole plan does beyond each unit's counts (the
 * moves, the pool placements, the people no unit took, a budget it
 * overruns), in each format of plan's report. */
#ifndef COPLAN_PLAN_MOVES_H
#define COPLAN_PLAN_MOVES_H

#include "plan_issues.h"
#include "plan_sums.h"

/* What a plan's report counts: the changes, the units they are in, what
 * the plan leaves unmet. */
typedef struct PlanCounts {
	int nchanged, nunits_changed, unresolved;
} PlanCounts;

/* "3 changes in 2 units: 1 hire, ...; settled in 2 rounds": the head of
 * every plan report's summary (who as moves_rounds takes it). */
void moves_changes(Buf *b, const Plan *pl, const PlanCounts *n, const MoveTotals *mt, const char *who);
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
/* The last line's count: ": 2 hires, 1 release, 3 moves, 58 placed". */
void moves_summary(const MoveTotals *t, Buf *b);

/* For explain: what the whole plan does at unit k (for one role, or
 * every role when role < 0), and why. */
void moves_explain(const Plan *pl, int k, int role, Buf *b);

#endif
