/* test_eval.c: the interpreter's trace (what explain shows), the counts
 * it reads through (a plan's, or the loaded ones), and its runtime
 * errors, loud or quiet. */
#include "testutil.h"

#include <math.h>

static const char *const UNITS =
	"id,name,kind,parent,function,services,shifts,tutor,operatore,specialista,addetti\n"
	"H,Hub,hub,,assistenza,A|B,3,10,100,20,0\n"
	"S,Spoke,spoke,H,assistenza,A|C,1,2,30,0,5\n";

/* The expression of rule 0's `tutor = EXPR`. */
static int
expr_of(World *w)
{
	return w->r.prog.rules[0].e1;
}

/* Expression x on unit id, traced into *tr; it must work out. */
static Value
traced(World *w, int x, const char *id, EvalTrace *tr)
{
	Value v;
	assert_true(eval_traced(w->c.ev, x, unit(w, id), tr, &v));
	return v;
}

static void
test_trace_in_order_with_group_parts(void **state)
{
	(void)state;
	World *w = world("tutor = operativi + shifts + size(services) + parent.tutor\n", UNITS);
	EvalTrace tr = {0};
	assert_true(traced(w, expr_of(w), "S", &tr).n == 30 + 1 + 2 + 10);
	/* the group, then each of its roles; two attributes; the parent's count */
	assert_int_equal(tr.n, 6);
	assert_int_equal(tr.v[0].in.op, I_GROUP);
	assert_true(tr.v[0].v.n == 30);
	assert_int_equal(tr.v[1].in.op, I_ROLE);
	assert_true(tr.v[1].v.n == 30);	/* operatore */
	assert_int_equal(tr.v[2].in.op, I_ROLE);
	assert_true(tr.v[2].v.n == 0);	/* specialista */
	assert_int_equal(tr.v[3].in.op, I_ATTR);
	assert_true(tr.v[3].v.n == 1);	/* shifts */
	assert_int_equal(tr.v[4].in.op, I_ATTR);
	assert_int_equal(tr.v[4].v.set.n, 2);	/* services: A|C */
	assert_int_equal(tr.v[5].in.op, I_ROLE);
	assert_int_equal(tr.v[5].in.up, 1);
	assert_true(tr.v[5].v.n == 10);	/* parent.tutor */
	free(tr.v);
	/* tracing ends with the evaluation */
	assert_null(w->c.ev->trace);
	world_free(w);
}

static void
test_trace_skips_what_is_not_read(void **state)
{
	(void)state;
	/* `and` stops at a false left side: its right side is never read */
	World *w = world("tutor = 1 if kind == \"spoke\" and shifts > 0\n", UNITS);
	int cond = w->r.prog.rules[0].cond;
	EvalTrace tr = {0};
	assert_true(traced(w, cond, "H", &tr).n == 0);
	assert_int_equal(tr.n, 1);
	assert_int_equal(tr.v[0].in.op, I_KIND);
	assert_string_equal(prog_text(&w->r.prog, tr.v[0].v.s), "hub");
	free(tr.v);
	world_free(w);
}

static void
test_trace_keeps_an_aggregate_whole(void **state)
{
	(void)state;
	World *w = world("tutor = sum(children.operatore) + 1\n", UNITS);
	EvalTrace tr = {0};
	assert_true(traced(w, expr_of(w), "H", &tr).n == 31);
	/* the aggregate's value, not the counts it walked */
	assert_int_equal(tr.n, 1);
	assert_int_equal(tr.v[0].in.op, I_AGG);
	assert_true(tr.v[0].v.n == 30);
	free(tr.v);
	world_free(w);
}

/* A unit's siblings are its parent's other children; parent.children
 * holds the unit too; a root has neither. */
static void
test_siblings_and_parent_children(void **state)
{
	(void)state;
	static const char *const units =
		"id,name,kind,parent,function,services,shifts,tutor,operatore,specialista,addetti\n"
		"H,Hub,hub,,assistenza,A,1,0,100,0,0\n"
		"A,Spoke A,spoke,H,assistenza,A,1,0,30,0,0\n"
		"B,Spoke B,spoke,H,assistenza,A,1,0,7,0,0\n"
		"C,Spoke C,hub,H,assistenza,A,1,0,2,0,0\n"
		"D,Spoke D,hub,A,assistenza,A,1,0,1,0,0\n";
	World *w = world("tutor = sum(siblings.operatore) + 1000 * count(parent.children where kind == \"spoke\")\n", units);
	assert_int_equal(w->errors, 0);
	EvalTrace tr = {0};
	assert_true(traced(w, expr_of(w), "A", &tr).n == 9 + 2000);
	free(tr.v);
	tr = (EvalTrace){0};
	assert_true(traced(w, expr_of(w), "C", &tr).n == 37 + 2000);
	free(tr.v);
	tr = (EvalTrace){0};
	/* D is an only child: no siblings, itself its parent's one child */
	assert_true(traced(w, expr_of(w), "D", &tr).n == 0);
	free(tr.v);
	tr = (EvalTrace){0};
	assert_true(traced(w, expr_of(w), "H", &tr).n == 0);
	free(tr.v);
	world_free(w);
}

/* A blank cell is missing (NAN): arithmetic, comparisons, and/or, min
 * and aggregates carry it, and the evaluator names the first cell; a
 * side never read (and's left false) does not make it missing. */
static void
test_blank_cells_are_missing(void **state)
{
	(void)state;
	static const char *const units =
		"id,name,kind,parent,function,services,shifts,tutor,operatore,specialista,addetti\n"
		"H,Hub,hub,,assistenza,A,,0,100,0,0\n"
		"A,Spoke A,spoke,H,assistenza,A,2,,30,0,0\n";
	static const struct { const char *expr; const char *id; double want; int miss_unit, miss_col; } cases[] = {
		{"shifts + 1", "H", NAN, 0, -3},			/* shifts: attribute 2 */
		{"1 if shifts > 0", "H", NAN, 0, -3},			/* (the condition) */
		{"max(operatore, shifts)", "H", NAN, 0, -3},
		{"1 if shifts > 0 and tutor > 0", "A", NAN, 1, 0},
		{"1 if operatore > 50 and shifts > 0", "A", 0, -1, 0},	/* right side never read */
		{"1 if not (shifts > 0) or operatore > 1", "H", NAN, 0, -3},
		{"sum(children.tutor)", "H", NAN, 1, 0},		/* another unit's cell */
		{"count(children where operatore > 10)", "H", 1, -1, 0},
		{"headcount", "A", NAN, 1, 0},
		{"operativi", "A", 30, -1, 0},
		{"parent.shifts * 2", "A", NAN, 0, -3},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		Buf src = {0};
		buf_printf(&src, "tutor = %s\n", cases[i].expr);
		World *w = world(src.p, units);
		assert_int_equal(w->errors, 0);
		Value v;
		int x = w->r.prog.rules[0].cond >= 0 ? w->r.prog.rules[0].cond : expr_of(w);
		assert_true(eval_expr(w->c.ev, x, unit(w, cases[i].id), &v));
		if (isnan(cases[i].want))
			assert_true(isnan(v.n));
		else
			assert_true(v.n == cases[i].want);
		assert_int_equal(w->c.ev->miss_unit, cases[i].miss_unit);
		if (cases[i].miss_unit >= 0)
			assert_int_equal(w->c.ev->miss_col, cases[i].miss_col);
		world_free(w);
		buf_free(&src);
	}
}

static void
test_counts_through_a_view(void **state)
{
	(void)state;
	World *w = world("tutor = operatore + headcount\n", UNITS);
	int k = unit(w, "S");
	Value v;
	assert_true(eval_expr(w->c.ev, expr_of(w), k, &v));
	assert_true(v.n == 30 + 37);
	/* other counts: a plan's proposal; the loaded ones stay as they were */
	int n = w->u.n, nr = w->r.prog.nroles;
	Counts other = {xcalloc((size_t)nr, sizeof *other.count), {0}};
	for (int r = 0; r < nr; r++)
		other.count[r] = col_copy(&w->u.counts.count[r], n, n);
	col_put(&other.count[prog_role(&w->r.prog, "operatore")], k, 40);
	counts_headcount(&other, nr, n);
	w->c.ev->counts = &other;
	eval_forget(w->c.ev);
	assert_true(eval_expr(w->c.ev, expr_of(w), k, &v));
	assert_true(v.n == 40 + 47);
	assert_true(units_count(&w->u, prog_role(&w->r.prog, "operatore"), k) == 30);
	w->c.ev->counts = &w->u.counts;
	for (int r = 0; r < nr; r++)
		col_free(&other.count[r]);
	col_free(&other.headcount);
	free(other.count);
	world_free(w);
}

static void
test_runtime_error_loud_and_quiet(void **state)
{
	(void)state;
	World *w = world("tutor = operatore / specialista\n", UNITS);
	int k = unit(w, "S");	/* no specialista: a division by zero */
	Value v;
	EvalTrace tr = {0};
	assert_false(eval_traced(w->c.ev, expr_of(w), k, &tr, &v));
	free(tr.v);
	assert_int_equal(w->d.errors, 0);	/* quiet: nothing said */
	assert_false(eval_expr(w->c.ev, expr_of(w), k, &v));
	assert_int_equal(w->d.errors, 1);
	diag_flush(&w->d, &w->msgs);
	assert_string_equal(w->msgs.p,
		"t.rules:10:9: error: division by zero for unit 'S', in a rule\n"
		"   10 | tutor = operatore / specialista\n"
		"      |         ^~~~~~~~~~~~~~~~~~~~~~~\n");
	world_free(w);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_trace_in_order_with_group_parts),
		cmocka_unit_test(test_trace_skips_what_is_not_read),
		cmocka_unit_test(test_trace_keeps_an_aggregate_whole),
		cmocka_unit_test(test_siblings_and_parent_children),
		cmocka_unit_test(test_blank_cells_are_missing),
		cmocka_unit_test(test_counts_through_a_view),
		cmocka_unit_test(test_runtime_error_loud_and_quiet),
	};
	return cmocka_run_group_tests_name("eval", tests, NULL, NULL);
}
