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
void coplan_run_free(CoplanRun *run);

#endif
