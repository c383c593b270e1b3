/* report_info.h: what every report of check is given (types only; the
 * writers are report.c and sarif.c). */
#ifndef COPLAN_REPORT_INFO_H
#define COPLAN_REPORT_INFO_H

#include "requirements.h"
#include "files.h"

typedef enum Format {
	FMT_TEXT, FMT_JSON, FMT_CSV, FMT_JUNIT, FMT_SARIF, FMT_GITHUB, FMT_MARKDOWN, FMT_HTML, FMT_XLSX,
	FMT_CODEQUALITY,
} Format;

typedef struct ReportInfo {
	int units;		/* units checked */
	bool color;		/* text: colour the severities */
	const bool *selected;	/* junit: the units checked (NULL: all) */
	const int *by_attr;	/* --totals-by: text attributes to total by */
	int nby_attr;
	bool fail_warning;	/* --fail-on warning: warnings fail too */
	const char *units_path;	/* sarif, github, codequality: the data file, and */
	const char *roster_path;	/* the roster (or NULL) */
	const struct Baseline *baseline;	/* check --baseline, or NULL */
	const struct Waivers *waivers;		/* check --waivers, or NULL */
	Sink *sink;		/* text, json, csv: where the rows may go as
				 * they are made (NULL: all in the Buf) */
} ReportInfo;

#endif
