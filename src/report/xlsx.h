/* xlsx.h: reports as Excel workbooks, written with libxlsxwriter: numbers
 * as numbers, each sheet's header frozen with an autofilter, severities
 * coloured by a conditional format, each row naming its rule's label and
 * line.  The workbook is made in a temporary file and handed back in a
 * Buf, so it is written whole or not at all like every report. */
#ifndef COPLAN_XLSX_H
#define COPLAN_XLSX_H

#include "report_info.h"

/* Sheets Findings, Totals, Units and Rules.  False (said to c->diag)
 * when the workbook could not be made. */
bool xlsx_check(Check *c, const ReportInfo *info, Buf *out);

#endif
