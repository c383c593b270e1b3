/* coplan.h: coplan's public face, the one way in for the command line,
 * `coplan test` and an editor's server: rules compiled once, then the
 * organisations they are run over, each checked, planned or explained,
 * its results plain data (a Check's findings, a Plan's counts) that the
 * report writers take.  Every message goes to the session's Diag.
 *
 *	Diag d = {0};
 *	Rules r = {.diag = &d};
 *	if (coplan_rules(&r, "main.rules") != 0) ...
 *	CoplanData in = {.units = "units.csv"};
 *	CoplanRun run;
 *	if (coplan_load(&r, &in, &run) && coplan_check(&run)) ...
 *	coplan_run_free(&run);
 *	rules_free(&r);
 */
#ifndef COPLAN_COPLAN_H
#define COPLAN_COPLAN_H

#include "baseline.h"
#include "check_all.h"
#include "compile.h"
#include "diff.h"
#include "plan_run.h"
#include "report_info.h"
#include "waivers.h"

/* What a run reads: the organisation and how to read it, the units to
 * answer for, and for check the findings of before (a baseline) and
 * the approved exceptions (waivers). */
typedef struct CoplanData {
	const char *units;	/* a units table ("-": standard input) */
	const char *roster;	/* a roster, or NULL */
	bool fte;		/* the roster's fte column, not heads */
	LoadOptions load;	/* .roster is set from roster */
	char *const *unit_ids;	/* --unit: report these alone */
	const bool *unit_under;	/* or, where set, --under: with every unit below */
	char *const *totals_by;	/* --totals-by: text attributes to total by */
	int ntotals_by;
	int nunit_ids;
	const char *baseline, *waivers;	/* or NULL */
	bool fail_warning;	/* --fail-on warning */
} CoplanData;

/* One organisation under the rules: its units, the selection, the
 * checker, and what check made of them. */
typedef struct CoplanRun {
	const Program *p;
	Diag *d;
	Units u;
	bool *selected;		/* NULL: every unit */
	int nselected;		/* the units answered for */
	Check c;
	bool started;		/* c is initialised */
	int *by_attr, nby_attr;	/* --totals-by, as attribute indexes */
	Baseline base;
	Waivers wv;
	bool has_base, has_waivers, fail_warning;
	/* after coplan_check: the findings that count (a waived one, and
	 * with a baseline an unchanged one, count for nothing) */
	int errors, warnings;
} CoplanRun;

/* Compiles the rules file at path (its includes too) into r (whose
 * .diag is set) and says the warnings that can change the answer;
 * 0, or the number of errors (said). */
int coplan_rules(Rules *r, const char *path);
/* Loads in's organisation under r, its selection, baseline and
 * waivers, into run (to free with coplan_run_free in every case);
 * false after errors (said). */
bool coplan_load(const Rules *r, const CoplanData *in, CoplanRun *run);
/* Checks the selected units: the findings, with the baseline's states
 * and the waivers marked, counted; false after a runtime error. */
bool coplan_check(CoplanRun *run);
/* What every report of the run's check is given. */
ReportInfo coplan_report_info(const CoplanRun *run, const CoplanData *in);
/* Whether the check fails: an error that counts, or under --fail-on
 * warning a warning (of the findings, or about the rules and data). */
bool coplan_check_fails(const CoplanRun *run);
/* Plans the organisation (pl's settings: step, time limit, budget);
 * 0, or -1 after an error (said). */
int coplan_plan(CoplanRun *run, Plan *pl);
/* Why unit `unit` (an id) is as check says, for every role or the one
 * named (NULL: all): explain's text into out, and where the rules plan
 * the whole organisation, what pools, moves and budgets do there (the
 * plan made once, with time_limit as --time-limit; 0: none).  False
 * after an error (said: an unknown unit or role, with its hint). */
bool coplan_explain(CoplanRun *run, const char *unit, const char *role, double time_limit, Buf *out);
/* explain --under: every unit of the run's selection, in id order, a
 * blank line between (the whole plan made once for them all). */
bool coplan_explain_selected(CoplanRun *run, const char *role, double time_limit, Buf *out);
/* What changed from before to after (two runs on the same rules, every
 * unit of each checked; what applies to no unit said of after): the report in format f
 * into out, the errors after has that before had not in *new_errors.
 * False after a runtime error. */
bool coplan_diff(CoplanRun *before, CoplanRun *after, DiffFormat f, Buf *out, int *new_errors);
/* diff --unit and --under: the units of the n ids on each side (a unit
 * may be on one side only; an id on neither is an error, said); the
 * diff then shows those alone.  False after an error. */
bool coplan_diff_select(CoplanRun *before, CoplanRun *after, char *const *ids, const bool *under, int n);
void coplan_run_free(CoplanRun *run);

#endif
