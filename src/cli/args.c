/* args.c: the command line's words: flags, files, options and their
 * values, checked before anything is read. */
#include "args.h"
#include "msg.h"
#include "formats.h"
#include "encoding.h"
#include "diff.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "number.h"
#include "par.h"
#include "plan_report.h"
#include "report.h"
#include "suggest.h"

/* The options of check, plan and explain that take a value, and which
 * of the three take each. */
enum { C_CHECK = 1, C_PLAN = 2, C_EXPLAIN = 4, C_DIFF = 8 };
typedef enum Opt {
	OPT_ROSTER, OPT_FORMAT, OPT_OUT, OPT_FAIL_ON, OPT_UNIT, OPT_UNDER, OPT_TOTALS_BY, OPT_DELIMITER,
	OPT_STEP, OPT_DECIMAL, OPT_BUDGET_COST, OPT_REPORT, OPT_BASELINE, OPT_WAIVERS,
	OPT_ROSTER_BEFORE, OPT_ROSTER_AFTER, OPT_JOBS, OPT_BLANK, OPT_ENCODING, OPT_TIME_LIMIT, NOPTS
} Opt;
static const struct {
	const char *name;
	unsigned cmds;
} options[NOPTS] = {
	[OPT_ROSTER] = {"--roster", C_CHECK | C_PLAN | C_EXPLAIN},
	[OPT_FORMAT] = {"--format", C_CHECK | C_PLAN | C_DIFF},
	[OPT_OUT] = {"-o", C_CHECK | C_PLAN | C_DIFF},
	[OPT_FAIL_ON] = {"--fail-on", C_CHECK},
	[OPT_UNIT] = {"--unit", C_CHECK | C_PLAN | C_DIFF},
	[OPT_UNDER] = {"--under", C_CHECK | C_PLAN | C_EXPLAIN | C_DIFF},
	[OPT_TOTALS_BY] = {"--totals-by", C_CHECK | C_PLAN},
	[OPT_DELIMITER] = {"--delimiter", C_CHECK | C_PLAN | C_EXPLAIN | C_DIFF},
	[OPT_STEP] = {"--step", C_PLAN},
	[OPT_DECIMAL] = {"--decimal", C_CHECK | C_PLAN | C_EXPLAIN | C_DIFF},
	[OPT_BUDGET_COST] = {"--budget-cost", C_PLAN},
	[OPT_REPORT] = {"--report", C_CHECK | C_PLAN},
	[OPT_BASELINE] = {"--baseline", C_CHECK},
	[OPT_WAIVERS] = {"--waivers", C_CHECK},
	[OPT_ROSTER_BEFORE] = {"--roster-before", C_DIFF},
	[OPT_ROSTER_AFTER] = {"--roster-after", C_DIFF},
	[OPT_JOBS] = {"--jobs", C_CHECK | C_PLAN | C_EXPLAIN | C_DIFF},
	[OPT_BLANK] = {"--blank", C_CHECK | C_PLAN | C_EXPLAIN | C_DIFF},
	[OPT_ENCODING] = {"--encoding", C_CHECK | C_PLAN | C_EXPLAIN | C_DIFF},
	[OPT_TIME_LIMIT] = {"--time-limit", C_PLAN | C_EXPLAIN},
};

static Buf *usage_to;	/* where usage errors go; NULL: stderr */

void
usage_capture(Buf *b)
{
	usage_to = b;
}

int
usage_error(const char *cmd, const char *fmt, const char *arg)
{
	Buf b = {0};
	buf_printf(&b, "coplan%s%s: ", cmd ? " " : "", cmd ? cmd : "");
	buf_printf(&b, _(fmt), arg);
	buf_printf(&b, _(" (see 'coplan help%s%s')\n"), cmd ? " " : "", cmd ? cmd : "");
	if (usage_to)
		buf_put(usage_to, b.p, b.len);
	else
		fputs(buf_cstr(&b), stderr);
	buf_free(&b);
	return 2;
}

static const char *
option_name(const void *names, int i)	/* for closest_name: no dashes */
{
	const char *s = ((const char *const *)names)[i];
	return s + strspn(s, "-");
}

/* "; did you mean '--format'?" for an option one or two letters off. */
const char *
option_hint(const char *arg, const char *const *names, char *buf, size_t n)
{
	char word[64];
	snprintf(word, sizeof word, "%.*s", (int)strcspn(arg, "="), arg);
	/* the start of one option alone: --budget for --budget-cost */
	int hits = 0, hit = -1;
	for (int i = 0; names[i]; i++)
		if (strlen(word) > 3 && !strncmp(names[i], word, strlen(word)))
			hits++, hit = i;
	if (hits == 1) {
		snprintf(buf, n, _("; did you mean '%s'?"), names[hit]);
		return buf;
	}
	const char *w = word + strspn(word, "-");	/* compared as names are */
	int count = 0;
	while (names[count])
		count++;
	int i = closest_name(w, count, option_name, names, suggest_cap(w));
	if (i < 0)
		return "";
	snprintf(buf, n, _("; did you mean '%s'?"), names[i]);
	return buf;
}

/* Splits argv[1..] into the flags named in `flags` (set[i] for flags[i])
 * and files; `--` ends the flags.  Returns the number of files, or -1
 * after a usage error. */
int
parse_args(const char *cmd, int argc, char **argv, const char *const *flags,
	   bool *set, char **files)
{
	int nfiles = 0;
	bool opts = true;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (opts && !strcmp(a, "--")) {
			opts = false;
			continue;
		}
		if (!opts || a[0] != '-' || !a[1]) {
			files[nfiles++] = argv[i];
			continue;
		}
		int k = 0;
		while (flags[k] && strcmp(flags[k], a) != 0)
			k++;
		if (!flags[k]) {
			char hint[128];
			fprintf(stderr, _("coplan %s: unknown option '%s'%s (see 'coplan help %s')\n"), cmd, a,
				option_hint(a, flags, hint, sizeof hint), cmd);
			return -1;
		}
		set[k] = true;
	}
	if (!nfiles) {
		usage_error(cmd, "%sname at least one rules file", "");
		return -1;
	}
	return nfiles;
}

/* Says that name is no format of cmd's, and which are. */
static void
unknown_format(const char *cmd, FormatCmd of, const char *name)
{
	Buf msg = {0};	/* the name is the one word of it not ours: %s */
	buf_puts(&msg, _("unknown format '%s'; the formats are "));
	format_list(of, &msg);
	usage_error(cmd, buf_cstr(&msg), name);
	buf_free(&msg);
}

int
args_report(const char *cmd, FormatCmd of, const char *val, DataArgs *a)
{
	const char *eq = strchr(val, '=');
	if (!eq || eq == val || !eq[1]) {
		usage_error(cmd, "--report takes FORMAT=FILE, such as sarif=coplan.sarif or github=- (standard output), not '%s'",
			    val);
		return -1;
	}
	char name[32];
	snprintf(name, sizeof name, "%.*s", (int)(eq - val), val);
	int f = format_find(of, name);
	if (f < 0 || (size_t)(eq - val) >= sizeof name) {
		unknown_format(cmd, of, name);
		return -1;
	}
	if (a->nreports == MAX_REPORTS) {
		usage_error(cmd, "%s: at most 16 reports in one run", val);
		return -1;
	}
	a->reports[a->nreports++] = (ReportArg){f, strcmp(eq + 1, "-") ? eq + 1 : NULL};
	return 0;
}

bool
data_args_primary(const DataArgs *a)
{
	return !a->nreports || a->format_given || a->out;
}

int
args_outputs(const char *cmd, DataArgs *a, FormatCmd of)
{
	bool to_stdout = data_args_primary(a) && (!a->out || !strcmp(a->out, "-"));
	/* a workbook is bytes for a file, not text for a terminal or a pipe */
	bool xlsx = to_stdout && format_workbook(of, a->format);
	for (int i = 0; i < a->nreports; i++)
		xlsx |= !a->reports[i].path && format_workbook(of, a->reports[i].format);
	if (xlsx) {
		usage_error(cmd, "%sthe xlsx format needs a file: -o FILE.xlsx (or --report xlsx=FILE.xlsx)", "");
		return -1;
	}
	to_stdout = data_args_primary(a) && !a->out;
	for (int i = 0; i < a->nreports; i++) {
		const char *p = a->reports[i].path;
		if (!p) {
			if (to_stdout) {
				usage_error(cmd, "%sonly one report can go to standard output", "");
				return -1;
			}
			to_stdout = true;
			continue;
		}
		if (a->out && !strcmp(p, a->out)) {
			usage_error(cmd, "'%s' is named by -o and by --report; one report a file", p);
			return -1;
		}
		for (int j = 0; j < i; j++)
			if (a->reports[j].path && !strcmp(a->reports[j].path, p)) {
				usage_error(cmd, "'%s' is named by two --report; one report a file", p);
				return -1;
			}
	}
	return 0;
}

/* Sets option k of command cmd to val (as given); -1 after saying why
 * val is not one it takes. */
static int
set_option(const char *cmd, Opt k, char *val, DataArgs *a)
{
	bool plan = !strcmp(cmd, "plan"), diff = !strcmp(cmd, "diff");
	switch (k) {
	case OPT_ROSTER: a->roster = val; break;
	case OPT_FORMAT:
		a->format = format_find(plan ? FOR_PLAN : diff ? FOR_DIFF : FOR_CHECK, val);
		if (a->format < 0) {
			unknown_format(cmd, plan ? FOR_PLAN : diff ? FOR_DIFF : FOR_CHECK, val);
			return -1;
		}
		a->format_given = true;
		break;
	case OPT_REPORT:
		if (args_report(cmd, plan ? FOR_PLAN : FOR_CHECK, val, a) < 0)
			return -1;
		break;
	case OPT_OUT: a->out = val; break;
	case OPT_BASELINE: a->baseline = val; break;
	case OPT_WAIVERS: a->waivers = val; break;
	case OPT_ROSTER_BEFORE: a->roster = val; break;
	case OPT_ROSTER_AFTER: a->roster_after = val; break;
	case OPT_FAIL_ON:
		if (strcmp(val, "error") && strcmp(val, "warning")) {
			usage_error(cmd, "--fail-on takes error or warning, not '%s'", val);
			return -1;
		}
		a->fail_warning = val[0] == 'w';
		break;
	case OPT_UNIT: a->unit_ids[a->nunit_ids++] = val; break;
	case OPT_UNDER: a->unit_under[a->nunit_ids] = true, a->unit_ids[a->nunit_ids++] = val; break;
	case OPT_TOTALS_BY: a->totals_by[a->ntotals_by++] = val; break;
	case OPT_DELIMITER:
		if (!strcmp(val, ",") || !strcmp(val, ";"))
			a->delimiter = val[0];
		else if (!strcmp(val, "tab") || !strcmp(val, "\\t") || !strcmp(val, "\t"))
			a->delimiter = '\t';
		else {
			usage_error(cmd, "--delimiter takes ',', ';' or 'tab', not '%s'", val);
			return -1;
		}
		break;
	case OPT_STEP:
		if (!parse_decimal(val, (int)strlen(val), false, &a->step) || a->step < 0.001 || a->step > 1e6) {
			usage_error(cmd, "--step takes a number from 0.001 to 1000000, such as 1 or 0.5, not '%s'", val);
			return -1;
		}
		break;
	case OPT_TIME_LIMIT:
		if (!parse_decimal(val, (int)strlen(val), false, &a->time_limit) || a->time_limit < 0.1 ||
		    a->time_limit > 86400) {
			usage_error(cmd, "--time-limit takes seconds from 0.1 to 86400, such as 2 or 30, not '%s'", val);
			return -1;
		}
		break;
	case OPT_BUDGET_COST: {
		bool minus = val[0] == '-';
		if (!parse_decimal(val + minus, (int)strlen(val + minus), false, &a->budget_cost) ||
		    a->budget_cost > 1e15) {
			usage_error(cmd, "--budget-cost takes an amount, such as 1500000 or -200000 (a saving), not '%s'", val);
			return -1;
		}
		a->budget_cost = minus ? -a->budget_cost : a->budget_cost;
		a->has_budget_cost = true;
		break;
	}
	case OPT_DECIMAL:
		if (strcmp(val, "comma") && strcmp(val, "dot")) {
			usage_error(cmd, "--decimal takes comma or dot, not '%s'", val);
			return -1;
		}
		a->decimal = val[0] == 'c' ? ',' : '.';
		break;
	case OPT_JOBS: {
		double n;
		if (!parse_decimal(val, (int)strlen(val), false, &n) || n < 1 || n > 256 || n != (int)n) {
			usage_error(cmd, "--jobs takes a number of threads from 1 to 256, not '%s'", val);
			return -1;
		}
		par_jobs = (int)n;
		break;
	}
	case OPT_ENCODING:
		if ((a->encoding = encoding_parse(val)) < 0) {
			usage_error(cmd, "--encoding takes utf-8, cp1252 (Windows-1252, as Excel saves 'CSV') or latin1, not '%s'", val);
			return -1;
		}
		break;
	case OPT_BLANK:
		if (strcmp(val, "zero") && strcmp(val, "missing")) {
			usage_error(cmd, "--blank takes zero (a blank cell reads 0) or missing (the default), not '%s'", val);
			return -1;
		}
		a->blank_zero = val[0] == 'z';
		break;
	case NOPTS:
		break;
	}
	return 0;
}

/* Says that arg is no option of cmd (mask: its bit), with the one it
 * may have meant. */
static void
unknown_option(const char *cmd, const char *arg, unsigned mask)
{
	/* the options this command takes, for a "did you mean" */
	const char *mine[NOPTS + 2];
	int nm = 0;
	for (int j = 0; j < NOPTS; j++)
		if (options[j].cmds & mask)
			mine[nm++] = options[j].name;
	mine[nm++] = "--fte";
	mine[nm] = NULL;
	char hint[128];
	fprintf(stderr, _("coplan %s: unknown option '%s'%s (see 'coplan help %s')\n"), cmd, arg,
		option_hint(arg, mine, hint, sizeof hint), cmd);
}

/* Parses `RULES UNITS [options]`; -1 after a usage error. */
int
parse_data_args(const char *cmd, int argc, char **argv, DataArgs *a)
{
	bool plan = !strcmp(cmd, "plan"), explain = !strcmp(cmd, "explain"), diff = !strcmp(cmd, "diff");
	unsigned mask = plan ? C_PLAN : explain ? C_EXPLAIN : diff ? C_DIFF : C_CHECK;
	int maxpos = explain ? 4 : diff ? 3 : 2;
	const char *pos[4] = {NULL, NULL, NULL, NULL};
	int npos = 0;
	a->unit_ids = xcalloc((size_t)argc, sizeof *a->unit_ids);
	a->unit_under = xcalloc((size_t)argc, sizeof *a->unit_under);
	a->totals_by = xcalloc((size_t)argc, sizeof *a->totals_by);
	bool opts = true;
	for (int i = 1; i < argc; i++) {
		char *arg = argv[i];
		if (opts && !strcmp(arg, "--")) {
			opts = false;
			continue;
		}
		if (!opts || arg[0] != '-' || !arg[1]) {
			if (npos == maxpos) {
				usage_error(cmd, explain ? "a rules file, a units file, a unit and a role at most; what is '%s'?"
					   : diff ? "a rules file and two units files (before, after), then options; what is '%s'?"
					   : "one rules file and one units file, then options; what is '%s'?", arg);
				return -1;
			}
			pos[npos++] = arg;
			continue;
		}
		if (!strcmp(arg, "--fte")) {
			a->fte = true;
			continue;
		}
		/* the options that take a value: --opt VALUE or --opt=VALUE */
		char *val = NULL;
		int k = 0;
		for (; k < NOPTS; k++) {
			size_t n = strlen(options[k].name);
			if (!strncmp(arg, options[k].name, n) && (arg[n] == 0 || arg[n] == '=')) {
				val = arg[n] == '=' ? arg + n + 1 : NULL;
				break;
			}
		}
		if (k == NOPTS || !(options[k].cmds & mask)) {
			unknown_option(cmd, arg, mask);
			return -1;
		}
		if (!val) {
			if (i + 1 == argc) {
				usage_error(cmd, "'%s' needs a value", arg);
				return -1;
			}
			val = argv[++i];
		}
		if (set_option(cmd, (Opt)k, val, a) < 0)
			return -1;
	}
	bool listing = explain && a->nunit_ids > 0;	/* explain --under: no UNIT, ROLE third */
	if (npos < (diff || (explain && !listing) ? 3 : 2)) {
		usage_error(cmd, explain ? "%sname a rules file, a units file and a unit" :
			   diff ? "%sname a rules file and two units files: before, then after" :
			   "%sname a rules file and a units file", "");
		return -1;
	}
	if (a->fte && !a->roster && !a->roster_after) {
		usage_error(cmd, diff ? "%s--fte counts the fte column of a roster: add --roster-before or --roster-after FILE"
			    : "%s--fte counts the fte column of a roster: add --roster FILE", "");
		return -1;
	}
	if (args_outputs(cmd, a, plan ? FOR_PLAN : diff ? FOR_DIFF : FOR_CHECK) < 0)
		return -1;
	a->keep_lines = !plan && !explain &&
		(a->format == FMT_SARIF || a->format == FMT_GITHUB || a->format == FMT_CODEQUALITY);
	for (int i = 0; i < a->nreports && !plan; i++)
		a->keep_lines |= a->reports[i].format == FMT_SARIF || a->reports[i].format == FMT_GITHUB ||
			a->reports[i].format == FMT_CODEQUALITY;
	int stdin_uses = 0;
	for (int i = 0; i < npos && i < (diff ? 3 : 2); i++)
		stdin_uses += !strcmp(pos[i], "-");
	stdin_uses += a->roster && !strcmp(a->roster, "-");
	stdin_uses += a->roster_after && !strcmp(a->roster_after, "-");
	if (stdin_uses > 1) {
		usage_error(cmd, "%sonly one input can be '-', standard input", "");
		return -1;
	}
	if (looks_like(pos[0], ".csv") && looks_like(pos[1], ".rules")) {
		fprintf(stderr, _("coplan %s: '%s' is a table and '%s' rules: the rules file comes first "
			"(coplan %s RULES UNITS)\n"), cmd, pos[0], pos[1], cmd);
		return -1;
	}
	a->rules = pos[0];
	a->units = pos[1];
	a->unit = diff || listing ? NULL : pos[2];
	a->units_after = diff ? pos[2] : NULL;
	a->role = listing ? pos[2] : pos[3];
	if (listing && npos > 3) {
		usage_error(cmd, "%swith --under, name the rules, the units and a role at most (the units are those below ID)",
			    "");
		return -1;
	}
	return 0;
}
