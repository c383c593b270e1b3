/* plan_totals.h: the ends of plan's json, table and Markdown reports. */
#ifndef COPLAN_PLAN_TOTALS_H
#define COPLAN_PLAN_TOTALS_H

#include "plan_moves.h"

/* The json report from the end of "units": "unresolved" (its rows in
 * unres), the moves and placements, the totals; first_unit: no unit
 * row was written. */
void plan_json_end(const Plan *pl, bool first_unit, const Buf *unres, const Totals *t, const MoveTotals *mt,
		   const bool *selected, Buf *out);
/* The table (or Markdown) report: the changes (counted in n, written
 * in body), the moves, the totals, the summary. */
void plan_table_end(const Plan *pl, const PlanCounts *n, const Buf *body, const Totals *t,
		    const MoveTotals *mt, const bool *selected, bool md, Buf *out);

#endif
