/* plan_html.h: plan's html page. */
#ifndef COPLAN_PLAN_HTML_H
#define COPLAN_PLAN_HTML_H

#include "plan_moves.h"
#include "plan_tree.h"

/* The page: the counts n, the changes' table rows in body (already
 * written), each unit's own in fr (the organisation's tree), the totals
 * t and mt. */
void plan_html_page(const Plan *pl, const PlanCounts *n, const Buf *body, const PlanFrags *fr, const Totals *t,
		    const MoveTotals *mt, const bool *selected, Buf *out);

#endif
