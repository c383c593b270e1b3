/* help.h: what `coplan help COMMAND` and the usage say of each command
 * (but test's, ruletest.h): a line of usage, then the rest in pieces,
 * each a message of the catalogue whole (N_): the options some commands
 * share are pieces of their own. */
#ifndef COPLAN_HELP_H
#define COPLAN_HELP_H

/* The options of the data files and the threads: check, plan and
 * explain say them alike (check and plan also stdin). */
#define HELP_FILE_OPTIONS N_( \
	"  --delimiter C   the data's separator: ',', ';' or 'tab' (default: detected)\n" \
	"  --decimal D     comma or dot: the data's decimal mark (default: comma in a\n" \
	"                  ';' table, where '.' groups thousands; else dot)\n" \
	"  --blank zero    read a blank number or count as 0 (default: missing data,\n" \
	"                  a finding of status missing where a rule reads it)\n" \
	"  --encoding E    the data files' encoding: utf-8 (default), cp1252 (a\n" \
	"                  spreadsheet's 'CSV' in Italy) or latin1\n" \
	"  --jobs N        threads to use (default: every core); the output is the same\n")

#define HELP_STDIN N_( \
	"\n" \
	"A file named '-' is standard input (one input at most).\n")

/* check's and plan's: which units, and totals by what */
#define HELP_SELECT_OPTIONS N_( \
	"  --unit ID       report only this unit, not the units below it (may be\n" \
	"                  repeated)\n" \
	"  --under ID      report this unit and every unit below it (may be\n" \
	"                  repeated; with --unit, the units of both)\n" \
	"  --totals-by A   totals by each value of the text attribute or column A\n" \
	"                  (a unit with none: its nearest ancestor's); may be repeated\n")

#define HELP_CHECK_USAGE \
	"coplan check RULES UNITS [--roster F] [--fte] [--format F] [-o FILE] [--report F=FILE]...\n" \
	"                           [--baseline F] [--waivers F] [--fail-on error|warning] [--unit ID]... [--under ID]... [--totals-by A]...\n" \
	"                           [--delimiter C] [--decimal D] [--blank zero] [--encoding E] [--jobs N]"

#define HELP_CHECK N_( \
	"Reports every unit and role whose count breaks the rules: under the\n" \
	"minimum, over the maximum, or between rules that conflict.  The must\n" \
	"rules come first: breaking one is an error; the should rules are\n" \
	"weighed within what the musts allow, and breaking one is a warning.\n" \
	"Rules and scopes that apply to no unit of the table are warned of on\n" \
	"stderr (and in json's \"warnings\").  Exits 1 when a finding (with\n" \
	"--fail-on warning, also a warning about the rules or the data) is at\n" \
	"or above the fail level, 2 when the rules or the data cannot be used,\n" \
	"else 0.\n" \
	"\n" \
	"  --roster F      count staff from a roster, one row per person\n" \
	"  --fte           with --roster: add up the fte column, not heads\n" \
	"  --format F      text (default), json, csv, junit, sarif, github,\n" \
	"                  codequality (GitLab), markdown, html (a page for\n" \
	"                  people: the tree, the reasoning) or\n" \
	"                  xlsx (a workbook; needs -o FILE.xlsx)\n" \
	"  -o FILE         write the report to FILE, whole or not at all\n" \
	"  --report F=FILE one more report of the same run, in format F, to FILE\n" \
	"                  ('-': stdout); may be repeated; with --report only,\n" \
	"                  no report of --format goes to stdout\n" \
	"  --baseline F    an earlier report (--format json): its findings seen again\n" \
	"                  fail nothing unless further from their interval (worse);\n" \
	"                  the others are new, the gone fixed\n" \
	"  --waivers F     approved exceptions, a CSV of unit,role,rule,until,reason:\n" \
	"                  a finding one covers is waived until that date\n" \
	"  --fail-on L     error (default) or warning\n")

#define HELP_PLAN_USAGE \
	"coplan plan RULES UNITS [--roster F] [--fte] [--format F] [-o FILE] [--report F=FILE]... [--unit ID]... [--under ID]... [--totals-by A]...\n" \
	"                          [--step N] [--budget-cost N] [--time-limit S] [--delimiter C] [--decimal D]\n" \
	"                          [--blank zero] [--encoding E] [--jobs N]"

#define HELP_PLAN N_( \
	"Proposes the staffing that meets every rule with the fewest changes:\n" \
	"each count that a rule constrains is moved into what the must rules\n" \
	"require and, where they leave room, what the should rules ask; a count\n" \
	"already there is kept, a count moved is a whole number (a multiple of\n" \
	"--step).  Requirements are worked out again on the proposed staffing\n" \
	"until nothing changes (at most 100 rounds).  Exits 1 when no count can\n" \
	"meet every must rule somewhere (each such conflict is listed on\n" \
	"stderr and under \"unresolved\" in json), 2 when the rules or the data\n" \
	"cannot be used or the plan does not settle, else 0.\n" \
	"\n" \
	"With pool, transfer or budget statements the plan is solved for the\n" \
	"whole organisation as an integer program (GLPK), minimising in order:\n" \
	"a budget's overrun, the distance from the must rules (a pool person not\n" \
	"placed counts 1), the distance from the should rules, the people\n" \
	"changed (a hire, a release, a move, a placement), the cost; it lists\n" \
	"the moves and placements, and a pool or budget it cannot meet exits 1.\n" \
	"A search that cannot prove its plan exits 2 with its best and its\n" \
	"bound; with --time-limit its best plan is the answer, not proven\n" \
	"optimal (its gap said), exit 1.\n" \
	"\n" \
	"  --roster F      count staff from a roster, one row per person\n" \
	"  --fte           with --roster: add up the fte column, not heads\n" \
	"  --format F      table (default), csv, json, markdown, html or xlsx\n" \
	"                  (a workbook; needs -o FILE.xlsx)\n" \
	"  -o FILE         write the plan to FILE, whole or not at all\n" \
	"  --report F=FILE one more report of the same plan, in format F, to FILE\n" \
	"                  ('-': stdout); may be repeated\n")

#define HELP_PLAN_MORE N_( \
	"  --step N        counts moved are multiples of N (default 1; 0.5 plans\n" \
	"                  half-time posts)\n" \
	"  --budget-cost N the plan's cost may grow by at most N (negative: save\n" \
	"                  at least -N); replaces the rules' 'budget cost'\n" \
	"  --time-limit S  the whole plan's search takes about S seconds, then\n" \
	"                  its best plan is the answer, said as not proven optimal\n")

#define HELP_EXPLAIN_USAGE \
	"coplan explain RULES UNITS UNIT [ROLE] [--roster F] [--fte] [--time-limit S] [--delimiter C]\n" \
	"                                         [--decimal D] [--blank zero] [--encoding E] [--jobs N]\n" \
	"       coplan explain RULES UNITS --under ID [ROLE] [options as above]"

#define HELP_EXPLAIN N_( \
	"Shows, for one unit (and one role, or every role a rule sets), every\n" \
	"rule that applied in file order: the values it read, each of its\n" \
	"amounts with its condition and the one chosen (the last alternative\n" \
	"that holds), the interval it produced and how the count stands\n" \
	"against it; how the must and should rules combine; then the rules that\n" \
	"did not apply, and why.\n" \
	"\n" \
	"  --under ID      every unit of ID's subtree instead of one, in id order\n" \
	"  --roster F      count staff from a roster, one row per person\n" \
	"  --fte           with --roster: add up the fte column, not heads\n" \
	"  --time-limit S  with pools, transfers or a budget: the whole plan's search\n" \
	"                  takes about S seconds (see plan)\n")

#define HELP_DIFF_USAGE \
	"coplan diff RULES BEFORE AFTER [--roster-before F] [--roster-after F] [--fte]\n" \
	"                           [--format F] [-o FILE] [--delimiter C] [--decimal D] [--blank zero] [--encoding E]\n" \
	"                           [--unit ID]... [--under ID]... [--jobs N]"

#define HELP_DIFF N_( \
	"Compares two states of an organisation under the same rules: the\n" \
	"counts that changed (by unit id and role), the units added and\n" \
	"removed and the attributes changed, the findings new, fixed and still\n" \
	"there (by unit, role, rule and status), and the totals by grade with\n" \
	"the cost of the change.  BEFORE and AFTER are units tables; the same one may be\n" \
	"given twice when the rosters differ.  Exits 1 when AFTER has an error\n" \
	"BEFORE did not have, 2 when an input cannot be used, else 0.\n" \
	"\n" \
	"  --roster-before F  count BEFORE's staff from a roster\n" \
	"  --roster-after F   count AFTER's staff from a roster\n" \
	"  --fte              with a roster: add up the fte column, not heads\n" \
	"  --format F         text (default), json, csv, markdown or html\n" \
	"  --unit ID          show only this unit (before or after; may be repeated)\n" \
	"  --under ID         show this unit and every unit below it, on either side\n" \
	"  -o FILE            write the report to FILE, whole or not at all\n" \
	"  --delimiter C      the data's separator: ',', ';' or 'tab' (default: detected)\n" \
	"  --decimal D        comma or dot: the data's decimal mark\n" \
	"  --blank zero       read a blank number or count as 0 (default: missing data)\n" \
	"  --encoding E       the data files' encoding: utf-8 (default), cp1252 or latin1\n" \
	"  --jobs N           threads to use (default: every core); the output is the same\n")

#define HELP_LINT_USAGE \
	"coplan lint [--dump] RULES..."

#define HELP_LINT N_( \
	"Compiles each rules file without data and reports every error and\n" \
	"warning: unused declarations, rules that can never apply, amounts\n" \
	"that are never chosen (such as a higher threshold listed before a\n" \
	"lower one: the last alternative that holds wins).  check, plan and\n" \
	"explain say the last two kinds too.  Exits 2 if any file has an\n" \
	"error, else 0.\n" \
	"\n" \
	"  --dump   print the compiled program of each file on stdout\n")

#define HELP_FMT_USAGE \
	"coplan fmt [--check | --write] RULES..."

#define HELP_FMT N_( \
	"Prints each rules file in the canonical layout: one statement per\n" \
	"line, aligned declarations, one space around operators, comments kept.\n" \
	"\n" \
	"  --check  print the names of the files that are not formatted;\n" \
	"           exit 1 if there is any\n" \
	"  --write  rewrite the files that are not formatted, in place\n")

#define HELP_HELP_USAGE \
	"coplan help [COMMAND]"

#define HELP_HELP N_("Shows the commands, or what one command does.\n")

#endif
