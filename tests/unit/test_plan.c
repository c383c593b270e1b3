/* test_plan.c: the planner: fewest changes, the fixpoint, conflicts, a
 * plan that cannot settle; and, over many random organisations and the
 * repository's rules, that `check` on a plan finds nothing but conflicts. */
#include "testutil.h"

#include <math.h>

#include "plan_report.h"
#include "plan_run.h"

typedef struct Run {
	World w;
	Plan pl;
	int rc;
} Run;

static Run *
load_text(const char *rules, const char *rules_path, const char *units, bool plan)
{
	Run *x = xcalloc(1, sizeof *x);
	world_init(&x->w, rules, rules_path, units, NULL);
	assert_int_equal(x->w.errors, 0);
	if (plan)
		x->rc = plan_run(&x->pl, &x->w.c);
	return x;
}

static Run *
plan_text(const char *rules, const char *rules_path, const char *units)
{
	return load_text(rules, rules_path, units, true);
}

static void
run_free(Run *x)
{
	plan_free(&x->pl);
	world_fini(&x->w);
	free(x);
}

static double
proposed(Run *x, const char *unit, const char *role)
{
	int k = units_find(&x->w.u, unit, (int)strlen(unit));
	assert_true(k >= 0);
	for (int r = 0; r < x->w.r.prog.nroles; r++)
		if (!strcmp(x->w.r.prog.roles[r].name, role))
			return counts_get(&x->pl.proposed, r, k);
	fail_msg("no role %s", role);
	return -1;
}

static void
test_fewest_changes(void **state)
{
	(void)state;
	/* within the interval nothing moves; outside, to the nearest end */
	Run *x = plan_text("role t\nrole o\n1 t per 12..18 o\n",
			   NULL, "id,t,o\nA,7,100\nB,2,100\nC,20,100\nD,3,0\n");
	assert_int_equal(x->rc, 0);
	assert_true(proposed(x, "A", "t") == 7);	/* [6, 8] */
	assert_true(proposed(x, "B", "t") == 6);
	assert_true(proposed(x, "C", "t") == 8);
	assert_true(proposed(x, "D", "t") == 0);	/* no o: [0, 0] */
	assert_true(proposed(x, "A", "o") == 100);	/* no rule: kept */
	assert_int_equal(x->pl.rounds, 2);
	run_free(x);
}

static void
test_nothing_to_change_is_one_round(void **state)
{
	(void)state;
	Run *x = plan_text("role t\n1 t\n", NULL, "id,t\nA,1\n");
	assert_int_equal(x->rc, 0);
	assert_int_equal(x->pl.rounds, 1);
	run_free(x);
}

static void
test_headcount_feedback(void **state)
{
	(void)state;
	/* tutors added by the plan push the hub over 200: a second specialist */
	Run *x = plan_text("kind hub\nrole spec_prog\nrole tutor\nrole operatore\n"
			   "1 spec_prog per hub, 2 if headcount > 200\n1 tutor per 12..18 operatore\n",
			   NULL, "id,kind,spec_prog,tutor,operatore\nH,hub,1,0,190\n");
	assert_int_equal(x->rc, 0);
	assert_true(proposed(x, "H", "tutor") == 11);
	assert_true(proposed(x, "H", "spec_prog") == 2);
	assert_int_equal(x->pl.rounds, 3);
	run_free(x);
}

static void
test_feedback_through_children(void **state)
{
	(void)state;
	/* the hub's planning lead depends on its spokes' proposed staff */
	Run *x = plan_text("kind hub, spoke\nrole lead\nrole tutor\nrole op\n"
			   "1 lead per hub if sum(children.tutor) > 2, else 0\n1 tutor per 10 op if kind == spoke\n",
			   NULL, "id,kind,parent,lead,tutor,op\nH,hub,,0,0,0\nS1,spoke,H,0,0,20\nS2,spoke,H,0,0,10\n");
	assert_int_equal(x->rc, 0);
	assert_true(proposed(x, "S1", "tutor") == 2);
	assert_true(proposed(x, "H", "lead") == 1);
	run_free(x);
}

static void
test_conflict_takes_the_minimum(void **state)
{
	(void)state;
	Run *x = plan_text("role t\nrole o\nat least 5 t\nat most 3 t\n", NULL, "id,t,o\nA,4,0\n");
	assert_int_equal(x->rc, 0);
	assert_true(proposed(x, "A", "t") == 5);
	run_free(x);
}

static void
test_oscillation_reported(void **state)
{
	(void)state;
	Run *x = plan_text("role a\nrole b\nat least 1 a if b == 0\nat least 1 b if a == 0\n",
			   NULL, "id,a,b\nX,0,0\n");
	assert_int_equal(x->rc, -1);
	assert_int_equal(x->pl.rounds, PLAN_MAX_ROUNDS);
	Buf b = {0};
	diag_flush(&x->w.d, &b);
	assert_string_equal(b.p, "coplan: error: the plan does not settle after 100 rounds; these still change: X a (1 -> 0), X b (1 -> 0)\n");
	buf_free(&b);
	run_free(x);
}

/* ---- the property ---- */

static unsigned
rnd(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return (*s >> 16) & 0x7fff;
}

/* A random organisation for a rules file whose first kind is hub: every
 * kind, every function, random counts (some far off the standards); in
 * one seed of three, a blank count now and then (missing data). */
static char *
random_units(unsigned seed, const Program *p)
{
	static const char *const functions[] = {"assistenza", "data_entry", "gestione_documentale",
						"back_office", "sede"};
	static const char *const services[] = {"", "A", "A|B", "B|C", "A|B|C"};
	unsigned s = seed;
	Buf b = {0};
	buf_puts(&b, "id,kind,parent,function,services");
	for (int r = 0; r < p->nroles; r++)
		buf_printf(&b, ",%s", p->roles[r].name);
	buf_putc(&b, '\n');
	int n = 5 + (int)(rnd(&s) % 40), hub = -1;
	for (int k = 0; k < n; k++) {
		int kind = (int)(rnd(&s) % (unsigned)p->nkinds);	/* hub first */
		if (hub < 0)
			kind = 0;
		const char *fn = functions[rnd(&s) % 5];
		buf_printf(&b, "U%d,%s,", k, p->strs->text[p->kinds[kind]]);
		if (kind != 0 && hub >= 0)
			buf_printf(&b, "U%d", hub);
		buf_printf(&b, ",%s,%s", fn, services[rnd(&s) % 5]);
		for (int r = 0; r < p->nroles; r++) {
			int v = (int)(rnd(&s) % 8);
			if (rnd(&s) % 5 == 0)
				v = (int)(rnd(&s) % 400);	/* a big staff now and then */
			if (seed % 3 == 0 && rnd(&s) % 80 == 0)
				buf_putc(&b, ',');	/* blank */
			else
				buf_printf(&b, ",%d", v);
		}
		buf_putc(&b, '\n');
		if (kind == 0)
			hub = k;
	}
	return b.p;
}

static void
property(const char *rules_path, unsigned seeds)
{
	int settled = 0, broken = 0, unresolved = 0, missing = 0;
	for (unsigned seed = 1; seed <= seeds; seed++) {
		Diag d = {0};
		Rules r = {.diag = &d};
		assert_int_equal(rules_compile(&r, rules_path), 0);
		char *units = random_units(seed, &r.prog);
		rules_free(&r);
		diag_free(&d);
		/* the organisation as generated breaks the rules... */
		Run *x = load_text(NULL, rules_path, units, false);
		assert_true(check_run(&x->w.c, NULL));
		for (int i = 0; i < x->w.c.nf; i++)
			broken += x->w.c.f[i].v.error;
		run_free(x);
		/* ...and its plan does not */
		x = plan_text(NULL, rules_path, units);
		free(units);
		if (x->rc == 0) {
			settled++;
			Buf out = {0};
			int unmet = 0;
			assert_true(plan_report(&x->pl, PF_JSON, NULL, &out, NULL, &unmet));
			buf_free(&out);
			/* check on the proposed staffing: a plan that exits 0
			 * leaves no error at all */
			assert_true(check_run(&x->w.c, NULL));
			int errors = 0;
			for (int i = 0; i < x->w.c.nf; i++) {
				const Finding *f = &x->w.c.f[i];
				errors += f->v.error;
				missing += f->v.status == ST_MISSING;
				if (f->v.error && !unmet)
					fail_msg("seed %u: %.*s %s is %s after the plan", seed,
						 f->id.len, f->id.s, prog_role_name(&x->w.r.prog, f->role), status_name(f->v.status));
			}
			/* and one that cannot meet every must says so */
			if (unmet)
				assert_true(errors > 0);
			unresolved += unmet > 0;
		}
		run_free(x);
	}
	assert_true(settled >= (int)seeds * 9 / 10);
	assert_true(unresolved < settled);	/* most plans meet every must */
	assert_true(broken > (int)seeds * 5);	/* the test has something to fix */
	assert_true(missing > 0);	/* and missing data it must leave alone */
}

static void
test_plan_meets_the_shipped_rules(void **state)
{
	(void)state;
	property(REPO("rules/customer-operations.rules"), 300);
}

static void
test_plan_meets_the_check_rules(void **state)
{
	(void)state;
	property(REPO("tests/cli/check-format-text/main.rules"), 200);
}

/* Rules whose requirements reach up two levels, into children and into
 * descendants, and feed back through headcount. */
static const char reaching_rules[] =
	"kind hub, spoke, presidio\n"
	"role t\nrole o\nrole l\nrole c\n"
	"rule span: 1 t per 10..15 o\n"
	"rule lead_hub: 1 l per hub if sum(descendants.t) > 4, else 0\n"
	"rule lead_spoke: at least 1 l if kind == spoke and parent.l > 0\n"
	"rule coord: 1 c per presidio if parent.parent.l > 0, else 0\n"
	"rule kids: at least 20 o if kind == spoke and count(children where t > 0) > 1\n"
	"rule big: at least 1 t if headcount > 60\n";

/* Rules that read kinds through parent and children, never counts:
 * a changed count there changes no other unit's requirement. */
static const char attribute_rules[] =
	"kind hub, spoke, presidio\n"
	"role t\nrole o\nrole l\nrole c\n"
	"rule span: 1 t per 10..15 o\n"
	"rule kids: at least 2 l if count(children where kind == spoke) > 1\n"
	"rule up: 1 c per presidio if parent.kind == spoke, else 0\n"
	"rule deep: at least 1 o if count(descendants where kind == presidio) > 2\n"
	"rule big: at least 1 t if headcount > 60\n";

/* A plan that works out only the units near a change proposes what one
 * that works out every unit in every round does. */
static void
test_rounds_skip_only_what_cannot_change(void **state)
{
	(void)state;
	static const char *const kinds[] = {"hub", "spoke", "presidio"};
	int differ = 0, moved = 0;
	for (unsigned seed = 1; seed <= 600; seed++) {
		const char *rules = seed % 2 ? reaching_rules : attribute_rules;
		unsigned s = seed;
		Buf b = {0};
		buf_puts(&b, "id,kind,parent,t,o,l,c\n");
		int n = 3 + (int)(rnd(&s) % 60), last[3] = {-1, -1, -1};
		for (int k = 0; k < n; k++) {
			int kind = last[0] < 0 ? 0 : (int)(rnd(&s) % 3);
			if (kind == 2 && last[1] < 0)
				kind = 1;
			buf_printf(&b, "U%d,%s,", k, kinds[kind]);
			if (kind > 0)
				buf_printf(&b, "U%d", last[kind - 1] - (int)(rnd(&s) % 2) * (last[kind - 1] > 0));
			buf_printf(&b, ",%u,%u,%u,%u\n", rnd(&s) % 3, rnd(&s) % 50, rnd(&s) % 2, rnd(&s) % 2);
			last[kind] = k;
		}
		Run *x = load_text(rules, NULL, b.p, false);
		Run *y = load_text(rules, NULL, b.p, false);
		y->pl.every_unit = true;
		x->rc = plan_run(&x->pl, &x->w.c);
		y->rc = plan_run(&y->pl, &y->w.c);
		assert_int_equal(x->rc, y->rc);
		assert_int_equal(x->pl.rounds, y->pl.rounds);
		moved += x->pl.rounds > 2;
		for (int r = 0; r < x->w.r.prog.nroles; r++)
			for (int k = 0; k < n; k++)
				differ += counts_get(&x->pl.proposed, r, k) != counts_get(&y->pl.proposed, r, k);
		run_free(x);
		run_free(y);
		buf_free(&b);
	}
	assert_int_equal(differ, 0);
	assert_true(moved > 60);	/* changes that ripple: something to skip */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fewest_changes),
		cmocka_unit_test(test_nothing_to_change_is_one_round),
		cmocka_unit_test(test_headcount_feedback),
		cmocka_unit_test(test_feedback_through_children),
		cmocka_unit_test(test_conflict_takes_the_minimum),
		cmocka_unit_test(test_oscillation_reported),
		cmocka_unit_test(test_plan_meets_the_shipped_rules),
		cmocka_unit_test(test_plan_meets_the_check_rules),
		cmocka_unit_test(test_rounds_skip_only_what_cannot_change),
	};
	return cmocka_run_group_tests_name("plan", tests, NULL, NULL);
}
