/* report.h: the formats of `coplan check`. */
#ifndef COPLAN_REPORT_H
#define COPLAN_REPORT_H

#include "baseline.h"

typedef enum Format {
	FMT_TEXT, FMT_JSON, FMT_CSV, FMT_JUNIT, FMT_SARIF, FMT_GITHUB, FMT_MARKDOWN,
} Format;

/* Parses a --format name; -1 when unknown. */
int format_parse(const char *name);

typedef struct ReportInfo {
	int units;		/* units checked */
	bool color;		/* text: colour the severities */
	const bool *selected;	/* junit: the units checked (NULL: all) */
	bool fail_warning;	/* --fail-on warning: warnings fail too */
	const char *units_path;	/* sarif, github: the data file, and */
	const char *roster_path;	/* the roster (or NULL) */
	const Baseline *baseline;	/* check --baseline, or NULL */
} ReportInfo;

/* Appends the report of c's findings to out.  junit re-runs the rules to
 * list every (rule, unit) applied; false after a runtime error there. */
bool report_check(Check *c, Format f, const ReportInfo *info, Buf *out);

#endif
