/* test_example.c: what the shipped rules say of each row of the order's
 * sizing tables (DIGEST §2), on the shipped example.  Each row is a test:
 * the counts the table gives, the interval the rules require of each, and
 * how the centre stands.  A change of rules, data or engine that alters
 * one of them shows here.  Intervals were worked out by hand from the
 * rules; e.g. CAR Roma's 31 tutors lead 420 operators and 45 specialists
 * (estimates at 15 per tutor): 1 tutor per 12..18 gives [ceil(465/18),
 * floor(465/12)] = [26, 38]. */
#include "testutil.h"

#include <math.h>

#include "check.h"

typedef struct Says {		/* one column of a sizing-table row */
	const char *role;
	double actual, min, max;
	const char *status;	/* ok, under, over */
} Says;

typedef struct Row {
	const char *unit, *what;
	Says says[6];
} Row;

static const Row rows[] = {
	{"CAR_TO", "§2.1 CAR Torino '1 2 1 1 10'", {
		{"ref_prog", 1, 1, 1, "ok"},
		{"ref_prodotto", 2, 1, INFINITY, "ok"},
		{"spec_prog", 1, 1, 1, "ok"},
		{"tutor", 10, 9, 12, "ok"},
		{"tutor_formazione", 0, 1, 1, "under"},
	}},
	{"CAR_RM", "§2.1 CAR Roma '1 6 1 3 5 31'", {
		{"ref_prog", 1, 1, 1, "ok"},
		{"ref_prodotto", 6, 1, INFINITY, "ok"},
		{"spec_prog", 3, 2, 2, "over"},
		{"tutor", 31, 26, 38, "ok"},
		{"tutor_formazione", 5, 1, 1, "over"},
	}},
	{"CAR_PE", "§2.1 CAR Pescara '1 2 1 1 13'", {
		{"ref_prog", 1, 1, 1, "ok"},
		{"ref_prodotto", 2, 1, INFINITY, "ok"},
		{"spec_prog", 1, 1, 1, "ok"},
		{"tutor", 13, 11, 15, "ok"},
		{"tutor_formazione", 0, 1, 1, "under"},
	}},
	{"CAR_NA", "§2.1 CAR Napoli '1 3 3 2 28'", {
		{"ref_prog", 1, 1, 1, "ok"},
		{"ref_prodotto", 3, 1, INFINITY, "ok"},
		{"spec_prog", 2, 2, 2, "ok"},
		{"tutor", 28, 24, 35, "ok"},
		{"tutor_formazione", 0, 1, 1, "under"},
	}},
	{"CAR_PA", "§2.1 CAR Palermo '1 2 1 2 14'", {
		{"ref_prog", 1, 1, 1, "ok"},
		{"ref_prodotto", 2, 1, INFINITY, "ok"},
		{"spec_prog", 2, 2, 2, "ok"},
		{"tutor", 14, 12, 17, "ok"},
		{"tutor_formazione", 0, 1, 1, "under"},
	}},
	{"CAB_MI", "§2.1 CAB Milano '2 1 1'", {
		{"ref_prog", 0, 0, 0, "ok"},
		{"ref_prodotto", 2, 1, INFINITY, "ok"},
		{"spec_prog", 1, 1, 1, "ok"},
		{"tutor", 1, 1, 1, "ok"},
		{"tutor_formazione", 0, 1, 1, "under"},
	}},
	{"CAB_TN", "§2.1 CAB Trento '1 1 1 1 2'", {
		{"ref_prog", 0, 0, 0, "ok"},
		{"ref_prodotto", 1, 1, INFINITY, "ok"},
		{"spec_prog", 1, 1, 1, "ok"},
		{"tutor", 2, 2, 2, "ok"},
		{"tutor_formazione", 1, 1, 1, "ok"},
	}},
	{"CAB_GE", "§2.1 CAB Genova '2 1 1 1 10'", {
		{"ref_prog", 0, 0, 0, "ok"},
		{"ref_prodotto", 2, 1, INFINITY, "ok"},
		{"spec_prog", 1, 1, 1, "ok"},
		{"tutor", 10, 9, 12, "ok"},
		{"tutor_formazione", 1, 1, 1, "ok"},
	}},
	{"CAB_PI", "§2.1 CAB Pisa '1 1 1 3'", {
		{"ref_prog", 0, 0, 0, "ok"},
		{"ref_prodotto", 1, 1, INFINITY, "ok"},
		{"spec_prog", 1, 1, 1, "ok"},
		{"tutor", 3, 3, 3, "ok"},
		{"tutor_formazione", 1, 1, 1, "ok"},
	}},
	{"CAB_FI", "§2.1 CAB Firenze '2 1 1 1 2'", {
		{"ref_prog", 0, 0, 0, "ok"},
		{"ref_prodotto", 2, 1, INFINITY, "ok"},
		{"spec_prog", 1, 1, 1, "ok"},
		{"tutor", 2, 2, 2, "ok"},
		{"tutor_formazione", 1, 1, 1, "ok"},
	}},
	{"CAB_RM", "§2.1 CAB Roma '2 1 1'", {
		{"ref_prog", 0, 0, 0, "ok"},
		{"ref_prodotto", 2, 1, INFINITY, "ok"},
		{"spec_prog", 1, 1, 1, "ok"},
		{"tutor", 1, 1, 1, "ok"},
		{"tutor_formazione", 0, 1, 1, "under"},
	}},
	{"DE_FM", "§2.2 DE Fiumicino '1 3 10'", {
		{"spec_prog", 1, 1, 1, "ok"},
		{"tutor", 3, 1, INFINITY, "ok"},
		{"caposquadra", 10, 10, 10, "ok"},
	}},
	{"DE_MI", "§2.2 DE Milano '1 6 14'", {
		{"spec_prog", 1, 1, 1, "ok"},
		{"tutor", 6, 1, INFINITY, "ok"},
		{"caposquadra", 14, 14, 14, "ok"},
	}},
	{"DE_PA", "§2.2 DE Palermo '1 3 13'", {
		{"spec_prog", 1, 1, 1, "ok"},
		{"tutor", 3, 1, INFINITY, "ok"},
		{"caposquadra", 13, 13, 13, "ok"},
	}},
	{"DE_TE", "§2.2 DE Teramo '1 3 10'", {
		{"spec_prog", 1, 1, 1, "ok"},
		{"tutor", 3, 1, INFINITY, "ok"},
		{"caposquadra", 10, 10, 10, "ok"},
	}},
	{"DE_TS", "§2.2 DE Trieste '1 4 13'", {
		{"spec_prog", 1, 1, 1, "ok"},
		{"tutor", 4, 1, INFINITY, "ok"},
		{"caposquadra", 13, 13, 13, "ok"},
	}},
	{"GD_MI", "§2.3 GD Milano '1 4 5'", {
		{"ref_prog", 1, 1, 1, "ok"},
		{"spec_prog", 4, 1, 2, "over"},
		{"tutor", 5, 5, 5, "ok"},
	}},
	{"GD_RM", "§2.3 GD Roma '1 4 9'", {
		{"ref_prog", 1, 1, 1, "ok"},
		{"spec_prog", 4, 1, 2, "over"},
		{"tutor", 9, 9, 9, "ok"},
	}},
	{"GD_RC", "§2.3 GD Reggio Calabria '1 6 6'", {
		{"ref_prog", 1, 1, 1, "ok"},
		{"spec_prog", 6, 1, 2, "over"},
		{"tutor", 6, 6, 6, "ok"},
	}},
	{"PP_VE", "§2.4 PostePay Venezia '3 1 5 4'", {
		{"ref_prog", 1, 1, 1, "ok"},
		{"ref_prodotto", 3, 1, INFINITY, "ok"},
		{"capo_settore", 5, 5, 5, "ok"},
		{"spec_prog", 4, 1, 2, "over"},
	}},
	{"PP_RM", "§2.4 PostePay Roma '3 1 6 3'", {
		{"ref_prog", 1, 1, 1, "ok"},
		{"ref_prodotto", 3, 1, INFINITY, "ok"},
		{"capo_settore", 6, 6, 6, "ok"},
		{"spec_prog", 3, 1, 2, "over"},
	}},
	{"BP_RM", "§2.4 BancoPosta Roma '2 1 7 5'", {
		{"ref_prog", 1, 1, 1, "ok"},
		{"ref_prodotto", 2, 1, INFINITY, "ok"},
		{"capo_settore", 7, 7, 7, "ok"},
		{"spec_prog", 5, 1, 2, "over"},
	}},
	{"BP_MI", "§2.4 BancoPosta Milano '3 1 4 5'", {
		{"ref_prog", 1, 1, 1, "ok"},
		{"ref_prodotto", 3, 1, INFINITY, "ok"},
		{"capo_settore", 4, 4, 4, "ok"},
		{"spec_prog", 5, 1, 2, "over"},
	}},
	{"SS_MI", "§2.4 Supporto Milano '2 1 4 4'", {
		{"ref_prog", 1, 1, 1, "ok"},
		{"ref_prodotto", 2, 1, INFINITY, "ok"},
		{"capo_settore", 4, 4, 4, "ok"},
		{"spec_prog", 4, 1, 2, "over"},
	}},
	{"SS_PA", "§2.4 Supporto Palermo '2 1 3 3'", {
		{"ref_prog", 1, 1, 1, "ok"},
		{"ref_prodotto", 2, 1, INFINITY, "ok"},
		{"capo_settore", 3, 3, 3, "ok"},
		{"spec_prog", 3, 1, 2, "over"},
	}},
	{"ST_BA", "§2.4 Trasversali Bari '4 2 14 4'", {
		{"ref_prog", 2, 1, 1, "over"},
		{"ref_prodotto", 4, 1, INFINITY, "ok"},
		{"capo_settore", 14, 14, 14, "ok"},
		{"spec_prog", 4, 1, 2, "over"},
	}},
};

typedef struct World {
	Diag d;
	Rules r;
	Units u;
	Check c;
} World;

static World *world;

static int
setup(void **state)
{
	(void)state;
	world = xcalloc(1, sizeof *world);
	world->r.diag = &world->d;
	if (rules_compile(&world->r, "rules/customer-operations.rules") != 0)
		return -1;
	LoadOptions o = {.delimiter = 0};
	if (units_load(&world->u, &world->r.prog, &world->d,
		       "examples/customer-operations/units.csv", &o) != 0)
		return -1;
	check_init(&world->c, &world->r.prog, &world->u, &world->d);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	check_free(&world->c);
	units_free(&world->u);
	rules_free(&world->r);
	diag_free(&world->d);
	free(world);
	return 0;
}

static void
test_row(void **state)
{
	const Row *row = *state;
	World *w = world;
	int k = units_find(&w->u, row->unit, (int)strlen(row->unit));
	assert_true(k >= 0);
	check_forget(&w->c);
	assert_true(check_unit(&w->c, k));
	for (int i = 0; i < 6 && row->says[i].role; i++) {
		const Says *s = &row->says[i];
		int r = -1;
		for (int j = 0; j < w->r.prog.nroles; j++)
			if (!strcmp(w->r.prog.roles[j].name, s->role))
				r = j;
		assert_true(r >= 0);
		const Req *q = &w->c.req[r];
		double actual = units_count(&w->u, r, k);
		Verdict v = req_judge(q, actual);
		const char *status = v.ok ? "ok" : v.status == ST_CONFLICT ? "conflict"
			: v.status == ST_UNDER ? "under" : "over";
		if (!q->nrules || actual != s->actual || v.min != s->min ||
		    !(v.max == s->max || (isinf(v.max) && isinf(s->max))) || strcmp(status, s->status))
			fail_msg("%s %s: the table gives %g, the rules [%g, %g]: %s; stated %g, [%g, %g]: %s",
				 row->what, s->role, actual, v.min, v.max, q->nrules ? status : "no rule",
				 s->actual, s->min, s->max, s->status);
	}
}

int
main(void)
{
	struct CMUnitTest tests[sizeof rows / sizeof rows[0]];
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct CMUnitTest t = cmocka_unit_test_prestate(test_row, (void *)&rows[i]);
		t.name = rows[i].what;
		tests[i] = t;
	}
	return cmocka_run_group_tests_name("example", tests, setup, teardown);
}
