/* main.c: the command line.  Results go to stdout, messages to stderr;
 * exit 0 on success, 1 when fmt --check finds work, 2 when the input
 * cannot be used (and then nothing is printed on stdout). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sys/stat.h>
#include <unistd.h>

#include "args.h"
#include "coplan.h"
#include "help.h"
#include "roster.h"
#include "explain.h"
#include "check_all.h"
#include "diff.h"
#include "report_files.h"
#include "msg.h"
#include "ruletest.h"
#include "plan_moves.h"
#include "plan_run.h"
#include "plan_report.h"
#include "xlsx.h"
#include "table.h"
#include "fmt.h"
#include "report.h"
#include "compile.h"
#include "dump.h"
#include "lint.h"
#include "suggest.h"
#include "files.h"

typedef struct Command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *usage;	/* one line */
	const char *help[5];	/* the rest of `coplan help NAME`, in pieces */
} Command;

static int cmd_check(int argc, char **argv);
static int cmd_plan(int argc, char **argv);
static int cmd_explain(int argc, char **argv);
static int cmd_lint(int argc, char **argv);
static int cmd_fmt(int argc, char **argv);
static int cmd_help(int argc, char **argv);
static int cmd_diff(int argc, char **argv);

static const Command commands[] = {
	{"check", cmd_check, HELP_CHECK_USAGE, {HELP_CHECK, HELP_SELECT_OPTIONS, HELP_FILE_OPTIONS, HELP_STDIN}},
	{"plan", cmd_plan, HELP_PLAN_USAGE, {HELP_PLAN, HELP_SELECT_OPTIONS, HELP_PLAN_MORE, HELP_FILE_OPTIONS,
					     HELP_STDIN}},
	{"explain", cmd_explain, HELP_EXPLAIN_USAGE, {HELP_EXPLAIN, HELP_FILE_OPTIONS}},
	{"diff", cmd_diff, HELP_DIFF_USAGE, {HELP_DIFF}},
	{"test", ruletest_command, RULETEST_USAGE, {RULETEST_HELP}},
	{"lint", cmd_lint, HELP_LINT_USAGE, {HELP_LINT}},
	{"fmt", cmd_fmt, HELP_FMT_USAGE, {HELP_FMT}},
	{"help", cmd_help, HELP_HELP_USAGE, {HELP_HELP}},
};
enum { NCOMMANDS = sizeof commands / sizeof commands[0] };

static void
usage(FILE *f)
{
	fprintf(f, _("coplan %s: check staffing rules for operating centres\n\n"), COPLAN_VERSION);
	fputs(_("usage:\n"), f);
	for (int i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %s\n", commands[i].usage);
	fputs("  coplan --help | --version\n\n", f);
	fputs(_("'coplan help COMMAND' tells more about a command.\n"), f);
}

static const Command *
find_command(const char *name)
{
	for (int i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static void
flush_diag(Diag *d)
{
	Buf b = {0};
	diag_flush(d, &b);
	fputs(buf_cstr(&b), stderr);
	buf_free(&b);
}

static int
write_stdout(const Buf *b)
{
	if (b->len && fwrite(b->p, 1, b->len, stdout) != b->len)
		return -1;
	return fflush(stdout);
}

static int
cmd_lint(int argc, char **argv)
{
	static const char *const flags[] = {"--dump", NULL};
	bool set[1] = {false};
	char **files = xcalloc((size_t)argc, sizeof *files);
	int nfiles = parse_args("lint", argc, argv, flags, set, files);
	if (nfiles < 0) {
		free(files);
		return 2;
	}
	bool dump = set[0];
	int errors = 0;
	Buf out = {0};
	for (int i = 0; i < nfiles; i++) {
		Diag d = {0};
		Rules r = {.diag = &d};
		int e = rules_compile(&r, files[i]);
		if (!e)
			lint_warnings(&r, true);
		if (!e && dump) {
			if (nfiles > 1)
				buf_printf(&out, "== %s\n", files[i]);
			prog_dump(&r.prog, &out, true);
		}
		errors += e;
		flush_diag(&d);
		rules_free(&r);
		diag_free(&d);
	}
	free(files);
	int rc = errors ? 2 : 0;
	if (!errors && write_stdout(&out) != 0) {
		fprintf(stderr, _("coplan: cannot write the output: %s\n"), strerror(errno));
		rc = 2;
	}
	buf_free(&out);
	return rc;
}

static int
cmd_fmt(int argc, char **argv)
{
	static const char *const flags[] = {"--check", "--write", NULL};
	bool set[2] = {false, false};
	char **files = xcalloc((size_t)argc, sizeof *files);
	int nfiles = parse_args("fmt", argc, argv, flags, set, files);
	if (nfiles >= 0 && set[0] && set[1]) {
		usage_error("fmt", "%s--check and --write cannot be used together", "");
		nfiles = -1;
	}
	if (nfiles < 0) {
		free(files);
		return 2;
	}
	enum { PRINT, CHECK, WRITE } mode = set[0] ? CHECK : set[1] ? WRITE : PRINT;
	/* format everything first: a bad file means nothing is written */
	Diag d = {0};
	Buf *formatted = xcalloc((size_t)nfiles, sizeof *formatted);
	bool *differs = xcalloc((size_t)nfiles, sizeof *differs);
	int errors = 0;
	for (int i = 0; i < nfiles; i++) {
		size_t len;
		struct stat st;
		if (mode == WRITE && (!strcmp(files[i], "-") || (stat(files[i], &st) == 0 && !S_ISREG(st.st_mode)))) {
			diag_plain(&d, "cannot rewrite '%s': only a regular file can be formatted in place", files[i]);
			errors++;
			continue;
		}
		char *text = read_file(files[i], &len);
		if (!text) {
			diag_plain(&d, "cannot read '%s': %s", files[i], strerror(errno));
			errors++;
			continue;
		}
		int f = diag_add_file(&d, files[i], text, len, -1);
		if (!diag_check_text(&d, f, N_("a rules file"))) {
			errors++;
			continue;
		}
		errors += fmt_file(&d, f, &formatted[i]);
		buf_cstr(&formatted[i]);
		differs[i] = formatted[i].len != len || memcmp(formatted[i].p, text, len) != 0;
	}
	flush_diag(&d);
	int rc = errors ? 2 : 0;
	Buf out = {0};
	char why[640];
	for (int i = 0; i < nfiles && !errors; i++) {
		if (mode == PRINT)
			buf_put(&out, formatted[i].p, formatted[i].len);
		else if (mode == CHECK && differs[i])
			buf_printf(&out, "%s\n", files[i]), rc = 1;
		else if (mode == WRITE && differs[i] &&
			 write_file_atomic(files[i], formatted[i].p, formatted[i].len, why, sizeof why) != 0) {
			fprintf(stderr, "coplan: %s\n", why);
			rc = 2;
		}
	}
	if (!errors && write_stdout(&out) != 0) {
		fprintf(stderr, _("coplan: cannot write the output: %s\n"), strerror(errno));
		rc = 2;
	}
	buf_free(&out);
	for (int i = 0; i < nfiles; i++)
		buf_free(&formatted[i]);
	free(formatted);
	free(differs);
	free(files);
	diag_free(&d);
	return rc;
}

/* What check, plan and explain share: the arguments, the rules, the
 * organisation under them (coplan.h); one teardown for every path. */
typedef struct Session {
	DataArgs a;
	Diag d;
	Rules r;
	CoplanData in;
	CoplanRun run;
	Buf out;
	const char **inputs;	/* every file read: never written over */
} Session;

/* The arguments of a command as what a run reads. */
static CoplanData
data_of(const DataArgs *a)
{
	return (CoplanData){
		.units = a->units, .roster = a->roster, .fte = a->fte,
		.load = {a->delimiter, false, a->decimal, a->keep_lines, a->blank_zero, a->encoding},
		.unit_ids = a->unit_ids, .unit_under = a->unit_under, .nunit_ids = a->nunit_ids,
		.totals_by = a->totals_by, .ntotals_by = a->ntotals_by,
		.baseline = a->baseline, .waivers = a->waivers, .fail_warning = a->fail_warning,
	};
}

/* Parses, compiles and loads; false (after saying why) if it cannot. */
static bool
session_open(Session *s, const char *cmd, int argc, char **argv)
{
	s->r.diag = &s->d;
	if (parse_data_args(cmd, argc, argv, &s->a) < 0 || coplan_rules(&s->r, s->a.rules) != 0)
		return false;
	s->in = data_of(&s->a);
	return coplan_load(&s->r, &s->in, &s->run);
}

/* The files the run read: the rules and what they include, the units
 * table, the roster. */
static const char *const *
session_inputs(Session *s)
{
	free(s->inputs);
	s->inputs = xcalloc((size_t)s->d.nfiles + 1, sizeof *s->inputs);
	for (int i = 0; i < s->d.nfiles; i++)
		s->inputs[i] = s->d.files[i].path;
	return s->inputs;
}

/* Says what is left to say, frees everything, returns rc. */
static int
session_close(Session *s, int rc)
{
	flush_diag(&s->d);
	coplan_run_free(&s->run);
	buf_free(&s->out);
	free(s->inputs);
	free(s->a.unit_ids);
	free(s->a.unit_under);
	free(s->a.totals_by);
	rules_free(&s->r);
	diag_free(&s->d);
	return rc;
}

static int
cmd_check(int argc, char **argv)
{
	Session s = {0};
	if (!session_open(&s, "check", argc, argv))
		return session_close(&s, 2);
	if (!s.a.baseline && !s.a.waivers)
		units_drop_index(&s.run.u);	/* no more lookups by id */
	ReportInfo info = coplan_report_info(&s.run, &s.in);
	Output o[MAX_REPORTS + 1];
	int no = outputs(&s.a, o), rc = 2;
	Sink sk[MAX_REPORTS + 1];
	bool ok = open_outputs(o, no, sk, session_inputs(&s)) && coplan_check(&s.run);
	Buf *b = xcalloc((size_t)no, sizeof *b);
	for (int i = 0; i < no && ok; i++) {
		info.color = !o[i].path && o[i].format == FMT_TEXT && isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
		/* rows go out as they come to a file (kept only when every
		 * report is made) or to stdout when it is the only output */
		info.sink = sk[i].path || no == 1 ? &sk[i] : NULL;
		ok = report_check(&s.run.c, (Format)o[i].format, &info, &b[i]);
	}
	if (close_outputs(sk, b, no, ok))
		rc = coplan_check_fails(&s.run) ? 1 : 0;
	free(b);
	return session_close(&s, rc);
}

static int
cmd_plan(int argc, char **argv)
{
	Session s = {0};
	if (!session_open(&s, "plan", argc, argv))
		return session_close(&s, 2);
	units_drop_index(&s.run.u);	/* no more lookups by id */
	Plan pl = {0};
	pl.step = s.a.step;
	pl.time_limit = s.a.time_limit;
	if (s.a.has_budget_cost) {	/* over the rules' own budget */
		bool costs = false;
		for (int r = 0; r < s.r.prog.nroles; r++)
			costs |= s.r.prog.roles[r].has_cost;
		if (!costs) {
			usage_error("plan", "--budget-cost needs roles with a cost ('role NAME cost N'), and %s has none",
				    s.a.rules);
			return session_close(&s, 2);
		}
		pl.has_budget_cost = true;
		pl.budget_cost = s.a.budget_cost;
	}
	Output o[MAX_REPORTS + 1];
	int no = outputs(&s.a, o), rc = 2;
	Sink sk[MAX_REPORTS + 1];	/* a big plan leaves as it is written */
	bool ok = open_outputs(o, no, sk, session_inputs(&s)) && coplan_plan(&s.run, &pl) == 0;
	Buf *b = xcalloc((size_t)no, sizeof *b);
	int unresolved = 0;	/* each report counts the same */
	for (int i = 0; i < no && ok; i++) {
		ok = plan_report(&pl, (PlanFormat)o[i].format, s.run.selected, &b[i], o[i].format == PF_XLSX ? NULL : &sk[i],
				 &unresolved);
		pl.quiet = true;	/* what the plan cannot meet, said once */
	}
	/* 1: the plan is written, but some must rule stays broken, or the
	 * time limit left it not proven optimal */
	if (close_outputs(sk, b, no, ok))
		rc = unresolved || plan_unproven(&pl) ? 1 : 0;
	free(b);
	plan_free(&pl);
	return session_close(&s, rc);
}

static int
cmd_explain(int argc, char **argv)
{
	Session s = {0};
	if (!session_open(&s, "explain", argc, argv))
		return session_close(&s, 2);
	bool ok = s.a.unit ? coplan_explain(&s.run, s.a.unit, s.a.role, s.a.time_limit, &s.out)
		: coplan_explain_selected(&s.run, s.a.role, s.a.time_limit, &s.out);
	return session_close(&s, ok && output_emit(&s.out, NULL, NULL) == 0 ? 0 : 2);
}

static int
cmd_diff(int argc, char **argv)
{
	DataArgs a = {0};
	Diag d = {0};
	Rules r = {.diag = &d};
	CoplanRun before = {0}, after = {0};
	const char **inputs = NULL;
	int rc = 2;
	if (parse_data_args("diff", argc, argv, &a) < 0 || coplan_rules(&r, a.rules) != 0)
		goto done;
	CoplanData in = data_of(&a);
	in.load.keep_lines = false;
	in.nunit_ids = 0;	/* a unit may be on one side only: chosen below */
	if (!coplan_load(&r, &in, &before))
		goto done;
	in.units = a.units_after, in.roster = a.roster_after;
	if (!coplan_load(&r, &in, &after) || !coplan_diff_select(&before, &after, a.unit_ids, a.unit_under, a.nunit_ids))
		goto done;
	Buf out = {0};
	int new_errors = 0;
	if (coplan_diff(&before, &after, (DiffFormat)a.format, &out, &new_errors)) {
		inputs = xcalloc((size_t)d.nfiles + 1, sizeof *inputs);
		for (int i = 0; i < d.nfiles; i++)
			inputs[i] = d.files[i].path;
		rc = output_emit(&out, a.out, inputs) == 0 ? (new_errors ? 1 : 0) : 2;
	}
	buf_free(&out);
done:
	flush_diag(&d);
	coplan_run_free(&before);
	coplan_run_free(&after);
	free(inputs);
	free(a.unit_ids);
	free(a.unit_under);
	free(a.totals_by);
	rules_free(&r);
	diag_free(&d);
	return rc;
}

static int
unknown_command(const char *name)
{
	const char *best = NULL;
	int bd = 3;
	for (int i = 0; i < NCOMMANDS; i++) {
		int dd = edit_distance(name, commands[i].name, 2);
		if (dd < bd)
			bd = dd, best = commands[i].name;
	}
	if (best)
		fprintf(stderr, _("coplan: unknown command '%s'; did you mean '%s'? (see 'coplan --help')\n"),
			name, best);
	else
		fprintf(stderr, _("coplan: unknown command '%s' (see 'coplan --help')\n"), name);
	return 2;
}

static int
cmd_help(int argc, char **argv)
{
	if (argc < 2) {
		usage(stdout);
		return 0;
	}
	if (argc > 2)
		return usage_error("help", "%sname one command", "");
	const Command *c = find_command(argv[1]);
	if (!c)
		return unknown_command(argv[1]);
	printf(_("usage: %s\n\n"), c->usage);
	for (int i = 0; i < 5 && c->help[i]; i++)
		fputs(_(c->help[i]), stdout);
	return 0;
}

enum { STACK_MIN = 64 << 10 };	/* below it, not even short rules fit */

static int
run_command(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	const char *name = argv[1];
	if (!strcmp(name, "--help") || !strcmp(name, "-h"))
		return cmd_help(1, argv + 1);
	if (!strcmp(name, "--version")) {
		printf("coplan %s\n", COPLAN_VERSION);
		return 0;
	}
	if (name[0] == '-')
		return usage_error(NULL, "unknown option '%s'", name);
	const Command *c = find_command(name);
	if (!c)
		return unknown_command(name);
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			break;
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			char *args[] = {"help", (char *)c->name};
			return cmd_help(2, args);
		}
	}
	return c->run(argc - 1, argv + 1);
}

int
main(int argc, char **argv)
{
	size_t room = stack_room();	/* raised when it may be */
	if (room < STACK_MIN) {
		fprintf(stderr, _("coplan: the stack limit (ulimit -s) is %zu KiB; coplan needs at least %d KiB\n"),
			room >> 10, STACK_MIN >> 10);
		return 2;
	}
	msg_init();
	int rc = run_command(argc, argv);
	/* whatever went to stdout must have arrived: a full disk is exit 2 */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (rc != 2)
			fprintf(stderr, _("coplan: cannot write the output: %s\n"), strerror(errno ? errno : EIO));
		rc = 2;
	}
	return rc;
}
