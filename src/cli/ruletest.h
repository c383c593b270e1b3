/* ruletest.h: `coplan test`: snapshot cases for a rules file (a folder
 * with units.csv, maybe roster.csv and args, and expect.txt, the text
 * report check must print), with coverage of rules, scopes and
 * alternatives. */
#ifndef COPLAN_RULETEST_H
#define COPLAN_RULETEST_H

/* The command: argv[0] is "test".  Exit 0 all passed (and the coverage
 * is at least --min), 1 a case failed or the coverage is short, 2 an
 * input cannot be used. */
int ruletest_command(int argc, char **argv);

/* Its usage line and help, for `coplan help test`. */
#define RULETEST_USAGE \
	"coplan test RULES DIR... [--update] [--exact-lines] [--coverage [--min P]] [--format F] [-o FILE] [--report F=FILE]..."
#define RULETEST_HELP N_( \
	"Runs the snapshot cases of a rules file.  A case is a folder with\n" \
	"units.csv (maybe roster.csv, and args: more check options on one\n" \
	"line) and expect.txt, the text report `coplan check RULES units.csv`\n" \
	"must print; DIR is a case or a folder of cases.  A failing case shows\n" \
	"a unified diff.  Exits 1 when a case fails or the coverage is below\n" \
	"--min, 2 when an input cannot be used, else 0.\n" \
	"\n" \
	"  --update      write each case's expect.txt from what check prints\n" \
	"  --exact-lines compare the rules' line numbers too (by default a rule\n" \
	"                is known by its name, and by its file only, so that a\n" \
	"                line added to the rules fails no case)\n" \
	"  --coverage    report the rules, scopes and alternatives (first\n" \
	"                amount, each ', AMOUNT if', 'else') no case exercised\n" \
	"  --min P       with --coverage: fail below P percent of alternatives\n" \
	"  --format F    text (default), json, junit, github (an annotation on\n" \
	"                each failing case and on what no case exercised) or\n" \
	"                markdown (for a job's summary: the cases, each diff)\n" \
	"  -o FILE       write the report to FILE, whole or not at all\n" \
	"  --report F=FILE one more report of the same run, in format F, to\n" \
	"                FILE ('-': stdout); may be repeated; with --report\n" \
	"                only, no report of --format goes to stdout\n")

#endif
