/* main.c: the command line.  Results go to stdout, messages to stderr;
 * exit 0 on success, 1 when fmt --check finds work, 2 when the input
 * cannot be used (and then nothing is printed on stdout). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "rules.h"

typedef struct Command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *usage;	/* one line */
	const char *help;	/* the rest of `coplan help NAME` */
} Command;

static int cmd_lint(int argc, char **argv);
static int cmd_fmt(int argc, char **argv);
static int cmd_help(int argc, char **argv);

static const Command commands[] = {
	{"lint", cmd_lint, "coplan lint [--dump] RULES...",
	 "Compiles each rules file without data and reports every error and\n"
	 "warning: unused declarations, rules that can never apply, amounts\n"
	 "that are never chosen.  Exits 2 if any file has an error, else 0.\n"
	 "\n"
	 "  --dump   print the compiled program of each file on stdout\n"},
	{"fmt", cmd_fmt, "coplan fmt [--check | --write] RULES...",
	 "Prints each rules file in the canonical layout: one statement per\n"
	 "line, aligned declarations, one space around operators, comments kept.\n"
	 "\n"
	 "  --check  print the names of the files that are not formatted;\n"
	 "           exit 1 if there is any\n"
	 "  --write  rewrite the files that are not formatted, in place\n"},
	{"help", cmd_help, "coplan help [COMMAND]",
	 "Shows the commands, or what one command does.\n"},
};
enum { NCOMMANDS = sizeof commands / sizeof commands[0] };

/* commands of SPEC §4 that this version does not have yet */
static const char *const later[] = {"check", "plan", "explain"};

static void
usage(FILE *f)
{
	fputs("coplan " COPLAN_VERSION ": check staffing rules for operating centres\n\n"
	      "usage:\n", f);
	for (int i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %s\n", commands[i].usage);
	fputs("  coplan --help | --version\n\n"
	      "'coplan help COMMAND' tells more about a command.\n", f);
}

static const Command *
find_command(const char *name)
{
	for (int i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static int
usage_error(const char *cmd, const char *fmt, const char *arg)
{
	fprintf(stderr, "coplan%s%s: ", cmd ? " " : "", cmd ? cmd : "");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, " (see 'coplan help%s%s')\n", cmd ? " " : "", cmd ? cmd : "");
	return 2;
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

/* Splits argv[1..] into the flags named in `flags` (set[i] for flags[i])
 * and files; `--` ends the flags.  Returns the number of files, or -1
 * after a usage error. */
static int
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
			usage_error(cmd, "unknown option '%s'", a);
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
			lint_warnings(&r);
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
		fprintf(stderr, "coplan: cannot write the output: %s\n", strerror(errno));
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
		char *text = read_file(files[i], &len);
		if (!text) {
			diag_plain(&d, "cannot read '%s': %s", files[i], strerror(errno));
			errors++;
			continue;
		}
		int f = diag_add_file(&d, files[i], text, len, -1);
		errors += fmt_file(&d, f, &formatted[i]);
		buf_cstr(&formatted[i]);
		differs[i] = formatted[i].len != len || memcmp(formatted[i].p, text, len) != 0;
	}
	flush_diag(&d);
	int rc = errors ? 2 : 0;
	Buf out = {0};
	for (int i = 0; i < nfiles && !errors; i++) {
		if (mode == PRINT)
			buf_put(&out, formatted[i].p, formatted[i].len);
		else if (mode == CHECK && differs[i])
			buf_printf(&out, "%s\n", files[i]), rc = 1;
		else if (mode == WRITE && differs[i] &&
			 write_file_atomic(files[i], formatted[i].p, formatted[i].len) != 0) {
			fprintf(stderr, "coplan: cannot write '%s': %s\n", files[i], strerror(errno));
			rc = 2;
		}
	}
	if (!errors && write_stdout(&out) != 0) {
		fprintf(stderr, "coplan: cannot write the output: %s\n", strerror(errno));
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

static int
unknown_command(const char *name)
{
	for (size_t i = 0; i < sizeof later / sizeof later[0]; i++)
		if (!strcmp(name, later[i])) {
			fprintf(stderr, "coplan: '%s' is not in this version yet; it has lint and fmt (see 'coplan --help')\n",
				name);
			return 2;
		}
	const char *best = NULL;
	int bd = 3;
	for (int i = 0; i < NCOMMANDS; i++) {
		int dd = edit_distance(name, commands[i].name, 2);
		if (dd < bd)
			bd = dd, best = commands[i].name;
	}
	if (best)
		fprintf(stderr, "coplan: unknown command '%s'; did you mean '%s'? (see 'coplan --help')\n",
			name, best);
	else
		fprintf(stderr, "coplan: unknown command '%s' (see 'coplan --help')\n", name);
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
	printf("usage: %s\n\n%s", c->usage, c->help);
	return 0;
}

int
main(int argc, char **argv)
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
