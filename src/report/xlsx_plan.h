/* xlsx_plan.h: plan's proposal as an Excel workbook (xlsx.h says how
 * coplan's workbooks are made): sheets Plan (a row per (unit, role) with
 * a requirement), Totals (by grade, by scope, all; hires, releases,
 * moves, placed), Units, Rules, Moves and Placements (and the people
 * not placed). */
#ifndef COPLAN_XLSX_PLAN_H
#define COPLAN_XLSX_PLAN_H

#include "plan_moves.h"

/* The workbook of the plan's results: every row of res (the selected
 * units'), the totals t and mt.  False (said) when it cannot be made. */
bool xlsx_plan(const Plan *pl, const PlanRows *res, const Totals *t, const MoveTotals *mt, const bool *selected,
	       Buf *out);

#endif
