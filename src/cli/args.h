/* args.h: the command line, parsed.  Each function says its usage error
 * on stderr ("coplan CMD: ... (see 'coplan help CMD')"). */
#ifndef COPLAN_ARGS_H
#define COPLAN_ARGS_H

#include "formats.h"
#include "util.h"

enum { MAX_REPORTS = 16 };

typedef struct ReportArg {	/* --report FORMAT=FILE */
	int format;
	const char *path;	/* NULL: stdout */
} ReportArg;

typedef struct DataArgs {	/* what check, plan and explain share */
	const char *rules, *units, *roster, *out;
	const char *baseline;	/* check: an earlier json report */
	const char *waivers;	/* check: approved exceptions, a CSV */
	const char *unit, *role;	/* explain */
	const char *units_after, *roster_after;	/* diff: AFTER (roster: BEFORE's) */
	bool fte;
	int format;
	bool format_given;	/* --format: stdout (or -o) gets it even with --report */
	ReportArg reports[MAX_REPORTS];
	int nreports;
	bool fail_warning;
	double step;		/* plan: counts are multiples of it */
	double budget_cost;	/* plan: --budget-cost */
	bool has_budget_cost;
	double time_limit;	/* plan, explain: seconds the whole plan's
				 * search may take; 0: until it is proven */
	bool blank_zero;	/* --blank zero: blank cells read 0 */
	int encoding;		/* --encoding: the data files' (encoding.h) */
	char delimiter;
	char decimal;		/* ',' or '.', 0: by the separator */
	char **unit_ids;	/* --unit and --under, in order */
	bool *unit_under;	/* unit_ids[i] came with --under */
	char **totals_by;	/* --totals-by: attribute names */
	int ntotals_by;
	int nunit_ids;
	bool keep_lines;	/* reports point at data rows */
} DataArgs;

/* Whether the report of --format and -o is written: always, unless
 * --report is given without them. */
bool data_args_primary(const DataArgs *a);
/* --report FORMAT=FILE, a format of of's: one more report of the same
 * run, added to a; -1 after saying why not. */
int args_report(const char *cmd, FormatCmd of, const char *val, DataArgs *a);
/* Whether a's outputs can all be written: a workbook only to a file,
 * one report to stdout, no file named twice; -1 after saying why. */
int args_outputs(const char *cmd, DataArgs *a, FormatCmd of);

/* Says "coplan CMD: " fmt (with arg) and where help is; returns 2. */
int usage_error(const char *cmd, const char *fmt, const char *arg);
/* Usage errors go to b from now on (NULL: to stderr again). */
void usage_capture(Buf *b);
/* "; did you mean '--format'?" for an option one or two letters off
 * the NULL-terminated names, written in buf; or "". */
const char *option_hint(const char *arg, const char *const *names, char *buf, size_t n);
/* Splits argv[1..] into the flags named in `flags` (set[i] for flags[i])
 * and files; `--` ends the flags.  Returns the number of files, or -1
 * after a usage error. */
int parse_args(const char *cmd, int argc, char **argv, const char *const *flags,
	       bool *set, char **files);
/* Parses `RULES UNITS [options]` of check, plan and explain (cmd); -1
 * after a usage error. */
int parse_data_args(const char *cmd, int argc, char **argv, DataArgs *a);

#endif
