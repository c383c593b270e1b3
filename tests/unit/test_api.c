/* test_api.c: the public face (coplan.h) end to end, as a client other
 * than the command line uses it: rules compiled once, organisations
 * loaded, checked and planned, what fails said on the session's Diag. */
#include "testutil.h"

#include "coplan.h"
#include "plan_report.h"
#include "report.h"

typedef struct Session {
	Diag d;
	Rules r;
} Session;

static Session *
session(const char *rules)
{
	Session *s = xcalloc(1, sizeof *s);
	s->r.diag = &s->d;
	assert_int_equal(coplan_rules(&s->r, rules), 0);
	return s;
}

static void
session_free(Session *s)
{
	rules_free(&s->r);
	diag_free(&s->d);
	free(s);
}

static void
test_check_counts_what_fails(void **state)
{
	(void)state;
	Session *s = session(REPO("rules/customer-operations.rules"));
	CoplanData in = {.units = REPO("examples/customer-operations/2022-01/units.csv")};
	CoplanRun run;
	assert_true(coplan_load(&s->r, &in, &run));
	assert_int_equal(run.nselected, 146);
	assert_null(run.selected);
	assert_true(coplan_check(&run));
	assert_int_equal(run.errors, 4);	/* as `coplan check` says of it */
	assert_int_equal(run.warnings, 9);
	assert_true(coplan_check_fails(&run));
	ReportInfo info = coplan_report_info(&run, &in);
	assert_int_equal(info.units, 146);
	assert_string_equal(info.units_path, in.units);
	assert_null(info.baseline);
	Buf out = {0};
	assert_true(report_check(&run.c, FMT_TEXT, &info, &out));
	assert_non_null(strstr(buf_cstr(&out), "146 units, 32 rules: 4 errors, 9 warnings\n"));
	buf_free(&out);
	coplan_run_free(&run);
	/* the same rules over a second organisation, no compile again */
	in.units = REPO("examples/customer-operations/units.csv");
	assert_true(coplan_load(&s->r, &in, &run));
	assert_true(coplan_check(&run));
	assert_int_equal(run.errors, 0);
	assert_int_equal(run.warnings, 2);
	assert_false(coplan_check_fails(&run));
	run.fail_warning = true;	/* --fail-on warning */
	assert_true(coplan_check_fails(&run));
	coplan_run_free(&run);
	session_free(s);
}

static void
test_selection_and_plan(void **state)
{
	(void)state;
	Session *s = session(REPO("rules/customer-operations.rules"));
	char *ids[] = {"CAR_RM"};
	CoplanData in = {.units = REPO("examples/customer-operations/2022-01/units.csv"), .unit_ids = ids,
			 .nunit_ids = 1};
	CoplanRun run;
	assert_true(coplan_load(&s->r, &in, &run));
	assert_int_equal(run.nselected, 1);
	assert_non_null(run.selected);
	Plan pl = {0};
	assert_int_equal(coplan_plan(&run, &pl), 0);
	int unmet = -1;
	Buf out = {0};
	assert_true(plan_report(&pl, PF_CSV, run.selected, &out, NULL, &unmet));
	assert_int_equal(unmet, 0);
	assert_non_null(strstr(buf_cstr(&out), "unit,role,grade,current,proposed,delta,rules,moved,placed\n"));
	buf_free(&out);
	plan_free(&pl);
	coplan_run_free(&run);
	session_free(s);
}

static void
test_what_cannot_be_read_is_said(void **state)
{
	(void)state;
	Session *s = session(REPO("rules/customer-operations.rules"));
	CoplanData in = {.units = REPO("examples/customer-operations/no-such-file.csv")};
	CoplanRun run;
	assert_false(coplan_load(&s->r, &in, &run));
	assert_int_equal(s->d.errors, 1);
	coplan_run_free(&run);
	session_free(s);
	/* a table given as the rules: the order said */
	Diag d = {0};
	Rules r = {.diag = &d};
	assert_true(coplan_rules(&r, REPO("examples/customer-operations/units.csv")) > 0);
	Buf msgs = {0};
	diag_flush(&d, &msgs);
	assert_non_null(strstr(buf_cstr(&msgs), "was read as the rules file: the rules come first, then the units table"));
	buf_free(&msgs);
	rules_free(&r);
	diag_free(&d);
}

/* explain and diff through the face: the text the commands print, an
 * unknown unit and role said with their hints. */
static void
test_explain_and_diff(void **state)
{
	(void)state;
	Session *s = session(REPO("rules/customer-operations.rules"));
	CoplanData in = {.units = REPO("examples/customer-operations/units.csv")};
	CoplanRun run, after;
	assert_true(coplan_load(&s->r, &in, &run));
	Buf out = {0};
	assert_true(coplan_explain(&run, "OPS_SAC", NULL, 0, &out));
	assert_memory_equal(buf_cstr(&out),
		"OPS_SAC  Servizi di Assistenza Clienti  (struttura, parent SEDE, headcount 0)\n\n"
		"responsabile_hub  (actual 0)\n  no rule applies: any count is fine\n", 132);
	out.len = 0;
	int errors = s->d.errors;
	assert_false(coplan_explain(&run, "OPS_SACC", "tutr", 0, &out));
	assert_int_equal(out.len, 0);
	assert_int_equal(s->d.errors, errors + 2);
	Buf msgs = {0};
	diag_flush(&s->d, &msgs);
	assert_string_equal(buf_cstr(&msgs), "coplan: error: 'tutr' is not a declared role; did you mean 'tutor'?\n"
			    "coplan: error: no unit has the id 'OPS_SACC'; did you mean 'OPS_SAC'?\n");
	in.units = REPO("examples/customer-operations/2022-01/units.csv");
	assert_true(coplan_load(&s->r, &in, &after));
	int new_errors = 0;
	assert_true(coplan_diff(&run, &after, DF_TEXT, &out, &new_errors));
	assert_int_equal(new_errors, 4);
	assert_memory_equal(buf_cstr(&out), "counts\n  BP_FI  operatore_bo  15 -> 27  (+12)\n", 41);
	assert_non_null(strstr(out.p, "  new    error: CAR_PE: spec_prog: 1, needs 2 (1 spec_prog per hub, 2 if > 200) "
			       "[sac_spec_prog_hub]\n"));
	buf_free(&msgs);
	buf_free(&out);
	coplan_run_free(&run);
	coplan_run_free(&after);
	session_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_counts_what_fails),
		cmocka_unit_test(test_selection_and_plan),
		cmocka_unit_test(test_what_cannot_be_read_is_said),
		cmocka_unit_test(test_explain_and_diff),
	};
	return cmocka_run_group_tests_name("api", tests, NULL, NULL);
}
