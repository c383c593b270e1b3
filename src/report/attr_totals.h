/* attr_totals.h: totals by the values of a text attribute (--totals-by:
 * region, area, function), each unit counted under its own value or,
 * where it has none, its nearest ancestor's; the units with none under
 * "(none)".  A plan's are its Sums (the headcount before and after, the
 * cost of the change); a check's the units, their headcount and the
 * findings that count. */
#ifndef COPLAN_ATTR_TOTALS_H
#define COPLAN_ATTR_TOTALS_H

#include "plan_sums.h"
#include "requirements.h"

typedef struct AttrTotals {
	int attr;
	const char *name;	/* the attribute's */
	int n;			/* values, in byte order of their texts */
	int *value;		/* text indexes (STR_EMPTY: none) */
	Sums *sums;		/* per value */
	int *errors, *warnings;	/* check: the findings that count */
} AttrTotals;

/* The totals of plan pl over the selected units (NULL: all) by attr. */
void attr_totals_plan(AttrTotals *t, const Plan *pl, const bool *selected, int attr);
/* The totals of check c by attr: its units (the selected), headcount,
 * and findings; a finding counts unless waived or, with a baseline
 * (base), unchanged. */
void attr_totals_check(AttrTotals *t, const Check *c, const bool *selected, bool base, int attr);
/* "(none)" or the value's text. */
const char *attr_value_text(const Program *p, int value);
void attr_totals_free(AttrTotals *t);

#endif
