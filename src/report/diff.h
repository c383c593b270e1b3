/* diff.h: two states of one organisation under the same rules (coplan
 * diff): the counts that changed, the findings new, fixed and still
 * there, and the totals by grade and cost. */
#ifndef COPLAN_DIFF_H
#define COPLAN_DIFF_H

#include "diff_data.h"	/* DiffFormat */
#include "requirements.h"

/* Appends the report comparing `before` with `after` (both checked, over
 * the same Program; the units of sel_before and sel_after alone, NULL:
 * all) to out; *new_errors counts the error findings of
 * after that before did not have. */
void diff_report(Check *before, Check *after, const bool *sel_before, const bool *sel_after, DiffFormat f, Buf *out,
		 int *new_errors);

#endif
