/* check_totals.h: check's totals by the values of text attributes
 * (--totals-by): per value, the units, their headcount, and the errors
 * and warnings that count (attr_totals.h), in the report's format. */
#ifndef COPLAN_CHECK_TOTALS_H
#define COPLAN_CHECK_TOTALS_H

#include "cells.h"
#include "report_info.h"
#include "requirements.h"

/* The totals as a Markdown or HTML table (t: TAB_MARKDOWN, TAB_HTML)
 * under a heading, or any other t as text (aligned columns after the
 * summary); nothing without --totals-by. */
void check_totals_table(const Check *c, const ReportInfo *info, TableKind t, Buf *out);
/* , "by_attribute": {"area": {"Centro": {"units": 40, "headcount":
 * 1520, "errors": 2, "warnings": 3}, ...}}: inside json's summary. */
void check_totals_json(const Check *c, const ReportInfo *info, Buf *out);

#endif
