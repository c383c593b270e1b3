/* sarif.h: the SARIF and Code Quality reports of check, and where a finding's unit is in
 * the data (its row in the units table, or its first in the roster). */
#ifndef COPLAN_SARIF_H
#define COPLAN_SARIF_H

#include "report_info.h"

void sarif_write(Check *c, const ReportInfo *info, Buf *out);
/* GitLab's Code Quality report (codequality): the findings as issues. */
void codequality_write(Check *c, const ReportInfo *info, Buf *out);
/* Line 0 when unknown; *path the file it is a line of. */
int report_unit_row(const Check *c, const ReportInfo *info, int k, const char **path);

#endif
