/* report.h: the formats of `coplan check`. */
#ifndef COPLAN_REPORT_H
#define COPLAN_REPORT_H

#include "baseline.h"
#include "waivers.h"
#include "report_info.h"

/* Parses a --format name; -1 when unknown. */

/* Appends the report of c's findings to out.  junit re-runs the rules to
 * list every (rule, unit) applied; false after a runtime error there. */
bool report_check(Check *c, Format f, const ReportInfo *info, Buf *out);

#endif
