/* html.h: check's findings as one self-contained HTML page for people:
 * a summary, the organisation as a tree coloured by each unit's worst
 * finding, each finding with explain's reasoning, filters by scope,
 * severity and role (a script; without it everything shows). */
#ifndef COPLAN_HTML_H
#define COPLAN_HTML_H

#include "report_info.h"

/* False after a runtime error while explaining (none after check_run
 * succeeded over every unit). */
bool html_check(Check *c, const ReportInfo *info, Buf *out);
/* What every page shares: the head (title, the inline style) and body's
 * start. */
void html_begin(Buf *b, const char *title);

#endif
