/* plan_report.h: the reports of `coplan plan`. */
#ifndef COPLAN_PLAN_REPORT_H
#define COPLAN_PLAN_REPORT_H

#include "plan.h"
#include "files.h"

typedef enum PlanFormat { PF_TABLE, PF_CSV, PF_JSON, PF_MARKDOWN, PF_HTML, PF_XLSX } PlanFormat;


/* Appends the report for the selected units (NULL: all) to out, which
 * spills to sink (unless NULL) as it grows; *unresolved (unless NULL):
 * how many things the plan leaves unmet (plan_issues.h, said on the
 * Diag unless the plan is quiet).  False after a runtime error (none
 * after plan_run succeeded: it evaluated every scope). */
bool plan_report(const Plan *pl, PlanFormat f, const bool *selected, Buf *out, Sink *sink, int *unresolved);

#endif
