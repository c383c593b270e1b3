/* test_example.c: the order's sizing tables are its own test of its
 * standards.  Each of the 26 table rows is a whole centre (a hub with its
 * spokes or presidi); a row passes when, in the shipped example
 * (examples/customer-operations/units.csv), every figure of the row equals
 * the sum over the hub and its children, and no unit of the centre breaks
 * a must rule.  The figures below are typed from the order itself (the
 * line numbers are the source's), not from the example; a blank cell lost
 * in extraction is absent (rules/customer-operations.md says which column
 * each short row lost, and why). */
#include "testutil.h"

#include "requirements.h"

typedef struct Cell {		/* one figure of a table row */
	const char *role;
	double value;
} Cell;

typedef struct Row {
	const char *hub, *what;
	Cell cells[6];
} Row;

#define SAC(a, b, c, d, e, f) {{"ref_prog", a}, {"ref_prodotto", b}, \
	{"ref_secondo_livello", c}, {"spec_prog", d}, {"tutor_formazione", e}, {"tutor", f}}
#define DE(a, b, c) {{"spec_prog", a}, {"tutor", b}, {"caposquadra", c}}
#define GD(a, b, c) {{"ref_prog", a}, {"spec_prog", b}, {"tutor", c}}
#define BO(a, b, c, d) {{"ref_prodotto", a}, {"ref_prog", b}, {"capo_settore", c}, {"spec_prog", d}}

static const Row rows[] = {
	/* customer service: Ref.Prog | Ref.Prodotto | Ref.II | Spec.Prog |
	 * Tutor formazione | Tutor; the CAR rows of five numbers lost Ref.II,
	 * the CAB rows have no Ref.Prog, and those of three numbers lost
	 * Ref.II and Tutor, the one of four Ref.II */
	{"CAR_TO", "CAR TORINO 1 2 1 1 10 (line 1380)", SAC(1, 2, 0, 1, 1, 10)},
	{"CAR_RM", "CAR ROMA 1 6 1 3 5 31 (line 1382)", SAC(1, 6, 1, 3, 5, 31)},
	{"CAR_PE", "CAR PESCARA 1 2 1 1 13 (line 1384)", SAC(1, 2, 0, 1, 1, 13)},
	{"CAR_NA", "CAR NAPOLI 1 3 3 2 28 (line 1386)", SAC(1, 3, 0, 3, 2, 28)},
	{"CAR_PA", "CAR PALERMO 1 2 1 2 14 (line 1388)", SAC(1, 2, 0, 1, 2, 14)},
	{"CAB_MI", "CAB MILANO 2 1 1 (line 1390)", SAC(0, 2, 0, 1, 1, 0)},
	{"CAB_TN", "CAB TRENTO 1 1 1 1 2 (line 1392)", SAC(0, 1, 1, 1, 1, 2)},
	{"CAB_GE", "CAB GENOVA 2 1 1 1 10 (line 1394)", SAC(0, 2, 1, 1, 1, 10)},
	{"CAB_PI", "CAB PISA 1 1 1 3 (line 1396)", SAC(0, 1, 0, 1, 1, 3)},
	{"CAB_FI", "CAB FIRENZE 2 1 1 1 2 (line 1398)", SAC(0, 2, 1, 1, 1, 2)},
	{"CAB_RM", "CAB ROMA 2 1 1 (line 1400)", SAC(0, 2, 0, 1, 1, 0)},
	/* data entry: Spec.Prog | Tutor | Caposquadra */
	{"DE_FM", "Centro Servizi DE Fiumicino 1 3 10 (line 1484)", DE(1, 3, 10)},
	{"DE_MI", "Centro Servizi DE Milano 1 6 14 (line 1486)", DE(1, 6, 14)},
	{"DE_PA", "Centro Servizi DE Palermo 1 3 13 (line 1491)", DE(1, 3, 13)},
	{"DE_TE", "Centro Servizi DE Teramo 1 3 10 (line 1493)", DE(1, 3, 10)},
	{"DE_TS", "Centro Servizi DE Trieste 1 4 13 (line 1495)", DE(1, 4, 13)},
	/* document management: Ref.Prog | Spec.Prog | Tutor */
	{"GD_MI", "Centro Servizi GD Milano 1 4 5 (line 1591)", GD(1, 4, 5)},
	{"GD_RM", "Centro Servizi GD Roma 1 4 9 (line 1593)", GD(1, 4, 9)},
	{"GD_RC", "Centro Servizi GD Reggio Calabria 1 6 6 (line 1595)", GD(1, 6, 6)},
	/* financial back office: Ref.Prodotto | Ref.Prog | Capo Settore |
	 * Spec.Prog */
	{"PP_VE", "Centro Servizi Postepay Venezia 3 1 5 4 (line 1725)", BO(3, 1, 5, 4)},
	{"PP_RM", "Centro Servizi Postepay Roma 3 1 6 3 (line 1727)", BO(3, 1, 6, 3)},
	{"BP_RM", "Centro Servizi Bancoposta Roma 2 1 7 5 (line 1729)", BO(2, 1, 7, 5)},
	{"BP_MI", "Centro Servizi Bancoposta Milano 3 1 4 5 (line 1731)", BO(3, 1, 4, 5)},
	{"SS_MI", "Centro Servizi Supporto Milano 2 1 4 4 (line 1733)", BO(2, 1, 4, 4)},
	{"SS_PA", "Centro Servizi Supporto Palermo 2 1 3 3 (line 1735)", BO(2, 1, 3, 3)},
	{"ST_BA", "Centro Servizi Trasversali Bari 4 2 14 4 (line 1737)", BO(4, 2, 14, 4)},
};

/* the order's example: a World (testutil.h) loaded from the repository */
static World *example;

static int
setup(void **state)
{
	(void)state;
	example = xcalloc(1, sizeof *example);
	example->r.diag = &example->d;
	if (rules_compile(&example->r, REPO("rules/customer-operations.rules")) != 0)
		return -1;
	LoadOptions o = {.delimiter = 0};
	if (units_load(&example->u, &example->r.prog, &example->d,
		       REPO("examples/customer-operations/units.csv"), &o) != 0)
		return -1;
	check_init(&example->c, &example->r.prog, &example->u, &example->d);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	check_free(&example->c);
	units_free(&example->u);
	rules_free(&example->r);
	diag_free(&example->d);
	free(example);
	return 0;
}

static int
role_index(const Program *p, const char *name)
{
	for (int j = 0; j < p->nroles; j++)
		if (!strcmp(p->roles[j].name, name))
			return j;
	return -1;
}

static void
test_row(void **state)
{
	const Row *row = *state;
	World *w = example;
	int hub = units_find(&w->u, row->hub, (int)strlen(row->hub));
	assert_true(hub >= 0);
	const int *kid = w->u.child + w->u.child_start[hub];
	int nkid = w->u.child_start[hub + 1] - w->u.child_start[hub];
	assert_true(nkid >= 0);
	/* the centre's figures: the hub's and its children's counts */
	for (int i = 0; i < 6 && row->cells[i].role; i++) {
		int r = role_index(&w->r.prog, row->cells[i].role);
		assert_true(r >= 0);
		double sum = units_count(&w->u, r, hub);
		for (int j = 0; j < nkid; j++)
			sum += units_count(&w->u, r, kid[j]);
		if (sum != row->cells[i].value)
			fail_msg("%s: %s: the centre has %g, the table %g", row->what,
				 row->cells[i].role, sum, row->cells[i].value);
	}
	/* no must rule broken anywhere in the centre */
	for (int j = -1; j < nkid; j++) {
		int k = j < 0 ? hub : kid[j];
		check_forget(&w->c);
		assert_true(check_unit(&w->c, k));
		for (int r = 0; r < w->r.prog.nroles; r++) {
			const Req *q = &w->c.req[r];
			if (!q->nrules)
				continue;
			Verdict v = req_judge(q, units_count(&w->u, r, k));
			if (!v.ok && v.error)
				fail_msg("%s: %.*s breaks a must rule on %s", row->what,
					 units_id(&w->u, k).len, units_id(&w->u, k).s,
					 w->r.prog.roles[r].name);
		}
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
