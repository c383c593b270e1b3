/* test_check.c: the units table, the hierarchy, the evaluator and the
 * meaning of rules: clause by clause, as docs/language.md states them. */
#include "testutil.h"

#include <math.h>

#include "requirements.h"
#include "encoding.h"

static const char *const UNITS =
	"id,name,kind,parent,function,services,shifts,tutor,operatore,specialista,addetti\n"
	"H,Hub,hub,,assistenza,A|B,3,10,100,20,0\n"
	"S1,Spoke 1,spoke,H,assistenza,A|C,1,2,30,0,5\n"
	"S2,Spoke 2,spoke,H,data_entry,,2,0,0,0,12\n"
	"P,Presidio,spoke,S1,data_entry,B,0,1,0,0,7\n"
	"R,Root,hub,,assistenza,,0,0,0,0,0\n";

/* What rule 0 does for a unit. */
static Applied
apply(World *w, const char *id, double *lo, double *hi)
{
	return check_rule(&w->c, 0, unit(w, id), lo, hi);
}

/* The value of a number expression on a unit. */
static double
num(const char *expr, const char *id)
{
	Buf b = {0};
	buf_printf(&b, "tutor = %s\n", expr);
	World *w = world(b.p, UNITS);
	buf_free(&b);
	assert_int_equal(w->errors, 0);
	Value v;	/* the expression itself: the rule would clamp at 0 */
	assert_true(eval_expr(w->c.ev, w->r.prog.rules[0].e1, unit(w, id), &v));
	world_free(w);
	return v.n;
}

/* Whether a condition holds on a unit. */
static bool
holds(const char *cond, const char *id)
{
	Buf b = {0};
	buf_printf(&b, "tutor = 1 if %s\n", cond);
	World *w = world(b.p, UNITS);
	buf_free(&b);
	double lo, hi;
	Applied a = apply(w, id, &lo, &hi);
	assert_true(a == AP_YIELD || a == AP_NONE);
	world_free(w);
	return a == AP_YIELD;
}

static void
assert_interval(const char *rule, const char *id, double lo, double hi)
{
	World *w = world(rule, UNITS);
	double a, b;
	assert_int_equal(apply(w, id, &a, &b), AP_YIELD);
	assert_true(a == lo);
	assert_true(b == hi || (isinf(b) && isinf(hi)));
	world_free(w);
}

/* ---- the units table and the hierarchy ---- */

static void
test_columns_loaded(void **state)
{
	(void)state;
	World *w = world("", UNITS);
	assert_int_equal(w->errors, 0);
	assert_int_equal(w->u.n, 5);
	int h = unit(w, "H"), s1 = unit(w, "S1"), p = unit(w, "P");
	assert_int_equal(w->u.parent[s1], h);
	assert_int_equal(w->u.parent[h], -1);
	assert_true(units_count(&w->u, 0, h) == 10);		/* tutor */
	assert_true(col_get(&w->u.counts.headcount, h) == 130);
	assert_true(w->u.num[2][s1] == 1);		/* shifts */
	assert_int_equal(w->u.set_len[1][h], 2);	/* services A|B */
	assert_string_equal(w->r.prog.strs->text[w->u.kind[p]], "spoke");
	world_free(w);
}

/* Rules whose aggregates walk children and descendants. */
#define WALKS "rule walks: 1 tutor if count(descendants) >= 0 and count(children) >= 0\n"

static void
test_hierarchy_preorder(void **state)
{
	(void)state;
	World *w = world(WALKS, UNITS);
	const Units *u = &w->u;
	int h = unit(w, "H"), s1 = unit(w, "S1");
	/* H's descendants are the 3 units after it in preorder */
	assert_int_equal(u->size[h], 4);
	assert_int_equal(u->size[s1], 2);
	assert_int_equal(u->order[u->pre[s1] + 1], unit(w, "P"));
	assert_int_equal(u->child_start[h + 1] - u->child_start[h], 2);
	world_free(w);
}

static void
test_deep_chain_needs_no_recursion(void **state)
{
	(void)state;
	Buf b = {0};
	buf_puts(&b, "id,parent,kind\nu0,,hub\n");
	for (int i = 1; i < 200000; i++)
		buf_printf(&b, "u%d,u%d,spoke\n", i, i - 1);
	World *w = world(WALKS, b.p);
	assert_int_equal(w->errors, 0);
	assert_int_equal(w->u.size[0], 200000);
	buf_free(&b);
	world_free(w);
}

/* Children and preorder are built for the aggregates that walk them,
 * and only then. */
static void
test_hierarchy_only_when_walked(void **state)
{
	(void)state;
	World *w = world("", UNITS);
	assert_null(w->u.child_start);
	assert_null(w->u.order);
	world_free(w);
	w = world("rule c: 1 tutor if count(children) > 0\n", UNITS);
	assert_non_null(w->u.child_start);
	assert_null(w->u.order);
	world_free(w);
}

/* ---- the meaning of rules, clause by clause ---- */

static void
test_rule_outside_scope(void **state)
{
	(void)state;
	World *w = world("scope de where function == \"data_entry\" {\n    1 tutor\n}\n", UNITS);
	double lo, hi;
	assert_int_equal(apply(w, "H", &lo, &hi), AP_SCOPE);
	assert_int_equal(apply(w, "S2", &lo, &hi), AP_YIELD);
	world_free(w);
}

static void
test_nested_scopes_both_hold(void **state)
{
	(void)state;
	World *w = world("scope a where function == \"assistenza\" {\n    scope b where kind == spoke {\n        1 tutor\n    }\n}\n", UNITS);
	double lo, hi;
	assert_int_equal(apply(w, "S1", &lo, &hi), AP_YIELD);
	assert_int_equal(apply(w, "H", &lo, &hi), AP_SCOPE);
	assert_int_equal(apply(w, "S2", &lo, &hi), AP_SCOPE);
	world_free(w);
}

static void
test_per_kind(void **state)
{
	(void)state;
	World *w = world("1 tutor per hub\n", UNITS);
	double lo, hi;
	assert_int_equal(apply(w, "S1", &lo, &hi), AP_KIND);
	assert_int_equal(apply(w, "H", &lo, &hi), AP_YIELD);
	assert_true(lo == 1 && hi == 1);
	world_free(w);
}

static void
test_last_alternative_wins(void **state)
{
	(void)state;
	/* H: headcount 130, shifts 3: both alternatives hold, the last wins */
	assert_interval("1 tutor, 2 if headcount > 100, 3 if shifts > 2\n", "H", 3, 3);
	assert_interval("1 tutor, 2 if headcount > 100, 3 if shifts > 5\n", "H", 2, 2);
	assert_interval("1 tutor, 2 if headcount > 500, 3 if shifts > 5\n", "H", 1, 1);
}

static void
test_first_amount_then_else(void **state)
{
	(void)state;
	assert_interval("1 tutor if shifts > 2, else 7\n", "H", 1, 1);
	assert_interval("1 tutor if shifts > 2, else 7\n", "S1", 7, 7);
	World *w = world("1 tutor if shifts > 2, 2 if shifts > 5\n", UNITS);
	double lo, hi;
	assert_int_equal(apply(w, "S1", &lo, &hi), AP_NONE);	/* nothing holds, no else */
	world_free(w);
}

static void
test_amount_intervals(void **state)
{
	(void)state;
	assert_interval("2 tutor\n", "H", 2, 2);
	assert_interval("at least 2 tutor\n", "H", 2, INFINITY);
	assert_interval("at most 2 tutor\n", "H", 0, 2);
	assert_interval("2..5 tutor\n", "H", 2, 5);
}

static void
test_ratio(void **state)
{
	(void)state;
	/* H: operativi 120 */
	assert_interval("1 tutor per 50 operativi\n", "H", 3, 3);		/* ceil(120/50) */
	assert_interval("1..2 tutor per 50 operativi\n", "H", 3, 6);
	assert_interval("2 tutor per operativi\n", "H", 240, 240);		/* N defaults to 1 */
	assert_interval("1 tutor per (operatore / 2)\n", "H", 50, 50);
	assert_interval("at least 1 tutor per 10 operativi\n", "H", 12, INFINITY);
}

static void
test_span(void **state)
{
	(void)state;
	/* [lo * ceil(Q/B), hi * floor(Q/A)]: 120 over 12..18 */
	assert_interval("1 tutor per 12..18 operativi\n", "H", 7, 10);
	assert_interval("1..2 tutor per 12..18 operativi\n", "H", 7, 20);
	/* 20 operatori: [2, 1], a conflict of its own */
	assert_interval("1 tutor per 12..18 operatore\n", "S1", 2, 2);
	World *w = world("1 tutor per 12..18 (operatore - 10)\n", UNITS);
	double lo, hi;
	apply(w, "S1", &lo, &hi);
	assert_true(lo == 2 && hi == 1);
	world_free(w);
}

static void
test_zero_quantity(void **state)
{
	(void)state;
	/* R has no staff: an exact amount gives [0, 0], an open end stays */
	assert_interval("1 tutor per 15 addetti\n", "R", 0, 0);
	assert_interval("at least 1 tutor per 10 addetti\n", "R", 0, INFINITY);
	assert_interval("1 tutor per 12..18 operativi\n", "R", 0, 0);
}

static void
test_decimal_counts_round_exactly(void **state)
{
	(void)state;
	/* 0.1 * 3 is not exactly 0.3: the ratio must still be 1, not 2 */
	assert_interval("1 tutor per 0.3 (shifts * 0.1)\n", "H", 1, 1);
}

static void
test_implicit_headcount(void **state)
{
	(void)state;
	assert_interval("1 tutor, 2 if > 129\n", "H", 2, 2);
	assert_interval("1 tutor, 2 if > 130\n", "H", 1, 1);
	assert_interval("1 tutor, 2 if <= 130\n", "H", 2, 2);
}

static void
test_core_forms(void **state)
{
	(void)state;
	assert_interval("tutor = 2 * shifts\n", "H", 6, 6);
	assert_interval("tutor >= shifts\n", "H", 3, INFINITY);
	assert_interval("tutor <= shifts\n", "H", 0, 3);
	assert_interval("tutor in ceil(operativi / 18) .. floor(operativi / 12)\n", "H", 7, 10);
	World *w = world("tutor = 1 if shifts > 5\n", UNITS);
	double lo, hi;
	assert_int_equal(apply(w, "H", &lo, &hi), AP_NONE);
	world_free(w);
}

/* The findings of a rule set over UNITS, as "unit role status severity
 * min max rule-index" lines. */
static char *
findings(const char *rules)
{
	World *w = world(rules, UNITS);
	assert_true(check_run(&w->c, NULL));
	Buf b = {0};
	static const char *const st[] = {"under", "over", "conflict"};
	for (int i = 0; i < w->c.nf; i++) {
		const Finding *f = &w->c.f[i];
		buf_printf(&b, "%.*s %s %s %s ", f->id.len, f->id.s, w->r.prog.roles[f->role].name,
			   st[f->v.status], f->v.error ? "error" : "warning");
		num_text(&b, f->v.min);
		buf_putc(&b, ' ');
		num_text(&b, f->v.max);
		buf_printf(&b, " #%d\n", f->v.rule);
	}
	world_free(w);
	buf_cstr(&b);
	return b.p;
}

static void
test_intersection_and_naming(void **state)
{
	(void)state;
	/* H has 10 tutors: [8, inf] & [0, 9] & [9, inf] = [9, 9], over; the
	 * rule with the smallest max is named */
	char *f = findings("at least 8 tutor per hub\nat most 9 tutor per hub\nat least 9 tutor per hub\n");
	assert_string_equal(f, "H tutor over error 9 9 #1\nR tutor under error 9 9 #2\n");
	free(f);
	/* ties: the first in file order */
	f = findings("at least 11 tutor per hub\nat least 11 tutor if kind == hub\n");
	assert_string_equal(f, "H tutor under error 11 inf #0\nR tutor under error 11 inf #0\n");
	free(f);
}

static void
test_severity(void **state)
{
	(void)state;
	/* the musts first: under a must is an error naming the must rule,
	 * compared with M alone, though a should asks for more */
	char *f = findings("should at least 12 tutor per hub\nat least 11 tutor per hub\n");
	assert_string_equal(f, "H tutor under error 11 inf #1\nR tutor under error 11 inf #1\n");
	free(f);
	/* the musts met, a should above the count: a warning against T */
	f = findings("should at least 12 tutor per hub\nat least 10 tutor per hub\n");
	assert_string_equal(f, "H tutor under warning 12 inf #0\nR tutor under error 10 inf #1\n");
	free(f);
	/* over, the same way round */
	f = findings("should at most 8 tutor per hub\nat most 9 tutor per hub\n");
	assert_string_equal(f, "H tutor over error 0 9 #1\n");
	free(f);
	f = findings("should at most 8 tutor per hub\nat most 10 tutor per hub\n");
	assert_string_equal(f, "H tutor over warning 0 8 #0\n");
	free(f);
}

static void
test_conflict(void **state)
{
	(void)state;
	/* shoulds against each other: a warning, T's ends */
	char *f = findings("should at least 12 tutor per hub\nshould at most 5 tutor per hub\n");
	assert_string_equal(f, "H tutor conflict warning 12 5 #0\nR tutor conflict warning 12 5 #0\n");
	free(f);
	/* a should against a must: never an error; the must is broken or
	 * met on its own (H has 10: over the must, an error naming it) */
	f = findings("should at least 12 tutor per hub\nat most 5 tutor per hub\n");
	assert_string_equal(f, "H tutor over error 0 5 #1\nR tutor conflict warning 12 5 #0\n");
	free(f);
	/* a should allowing less than a must asks: the should is named */
	f = findings("at least 3 tutor per hub\nshould at most 1 tutor per hub\n");
	assert_string_equal(f, "H tutor conflict warning 3 1 #1\nR tutor under error 3 inf #0\n");
	free(f);
	/* two musts: an error naming the one with the larger min */
	f = findings("at most 5 tutor per hub\nat least 12 tutor per hub\n");
	assert_string_equal(f, "H tutor conflict error 12 5 #1\nR tutor conflict error 12 5 #1\n");
	free(f);
}

static void
test_bounds_clamped_at_zero(void **state)
{
	(void)state;
	/* `at most -3` is `at most 0`; a negative exact amount is 0 */
	assert_interval("tutor <= shifts - 5", "H", 0, 0);
	assert_interval("tutor = shifts - 5", "H", 0, 0);
	assert_interval("tutor in shifts - 9 .. shifts - 1", "H", 0, 2);
}

static void
test_overflow_is_an_error(void **state)
{
	(void)state;
	/* a requirement beyond a double would be inf, its difference NaN */
	Buf rule = {0};	/* operatore is 100 in H: 100^160 is 1e320 */
	buf_puts(&rule, "tutor >= operatore");
	for (int i = 1; i < 160; i++)
		buf_puts(&rule, " * operatore");
	buf_putc(&rule, '\n');
	World *w = world(rule.p, UNITS);
	buf_free(&rule);
	double lo, hi;
	assert_int_equal(apply(w, "H", &lo, &hi), AP_ERROR);
	diag_flush(&w->d, &w->msgs);
	assert_non_null(strstr(buf_cstr(&w->msgs), "t.rules:10:10: error: a number too large to compute (beyond 1e308) for unit 'H', in the rule of line 10\n"));
	world_free(w);
}

static void
test_ratios_exact(void **state)
{
	(void)state;
	/* whole numbers up to 2^53 divide exactly */
	assert_true(ceil_div(2000000001, 1) == 2000000001);
	assert_true(ceil_div(9007199254740991.0, 1) == 9007199254740991.0);
	assert_true(ceil_div(9007199254740991.0, 2) == 4503599627370496.0);
	assert_true(floor_div(9007199254740991.0, 2) == 4503599627370495.0);
	assert_true(ceil_div(2000000001, 2) == 1000000001);
	assert_true(floor_div(2000000001, 2) == 1000000000);
	/* decimals that should divide evenly do; a half stays a half */
	assert_true(ceil_div(0.3, 0.1) == 3);
	assert_true(floor_div(0.7, 0.1) == 7);
	assert_true(ceil_div(2000000000.5, 1) == 2000000001);
	assert_true(floor_div(2000000000.5, 1) == 2000000000);
}

static void
test_rule_order_changes_no_finding(void **state)
{
	(void)state;
	static const char *const rules[] = {
		"1 tutor per 12..18 operativi if kind == hub\n",
		"should at least 1 tutor if addetti >= 10\n",
		"at most 3 tutor if kind == spoke\n",
		"1 operatore per 10 addetti if function == \"data_entry\"\n",
		"should 2..4 specialista per hub\n",
	};
	int order[][5] = {{0, 1, 2, 3, 4}, {4, 3, 2, 1, 0}, {2, 0, 4, 1, 3}, {1, 4, 0, 3, 2}};
	char *first = NULL;
	for (int o = 0; o < 4; o++) {
		Buf src = {0};
		for (int i = 0; i < 5; i++)
			buf_puts(&src, rules[order[o][i]]);
		char *f = findings(src.p);
		buf_free(&src);
		/* drop the rule index: it is a position in the file */
		for (char *p = f; (p = strstr(p, " #"));)
			for (char *q = p; *q && *q != '\n'; q++)
				*q = ' ';
		if (!first)
			first = f;
		else {
			assert_string_equal(f, first);
			free(f);
		}
	}
	assert_true(strlen(first) > 0);
	free(first);
}

/* ---- expressions ---- */

static void
test_literals_and_names(void **state)
{
	(void)state;
	assert_true(num("12.5", "H") == 12.5);
	assert_true(num("tutor + operatore", "H") == 110);
	assert_true(num("operativi", "H") == 120);
	assert_true(num("headcount", "H") == 130);
	assert_true(num("shifts", "S2") == 2);
	assert_true(holds("id == \"S1\" and name == \"Spoke 1\" and parent == \"H\"", "S1"));
	assert_true(holds("kind == spoke and parent.kind == hub", "S1"));
	assert_true(holds("parent == \"\" and parent.id == \"\"", "H"));
	assert_true(holds("true and not false", "H"));
	assert_true(holds("\"a\\\"b\" != \"a\"", "H"));
}

static void
test_parent_of_root(void **state)
{
	(void)state;
	assert_true(num("parent.tutor + parent.shifts + size(parent.services)", "H") == 0);
	assert_true(holds("parent.function == \"\"", "H"));
	assert_true(num("parent.parent.tutor", "P") == 10);
	assert_true(num("parent.parent.parent.tutor", "P") == 0);
}

static void
test_lists_and_aggregates(void **state)
{
	(void)state;
	assert_true(num("count(children)", "H") == 2);
	assert_true(num("count(descendants)", "H") == 3);
	assert_true(num("sum(children.headcount)", "H") == 49);
	assert_true(num("sum(descendants.addetti)", "H") == 24);
	assert_true(num("max(descendants.addetti)", "H") == 12);
	assert_true(num("min(descendants.addetti)", "H") == 5);
	assert_true(num("avg(children.tutor)", "H") == 1);
	assert_true(num("count(descendants where function == \"data_entry\")", "H") == 2);
	assert_true(num("sum(descendants.tutor where shifts > 0)", "H") == 2);
	/* inside where, parent.X is the unit's own X */
	assert_true(num("count(children where parent.shifts == 3)", "H") == 2);
	/* over an empty list, each aggregate is 0 */
	assert_true(num("count(children) + sum(children.tutor) + min(children.tutor) + max(children.tutor) + avg(children.tutor)", "R") == 0);
}

static void
test_arithmetic_and_functions(void **state)
{
	(void)state;
	assert_true(num("-shifts * 2 + 10 / 4", "H") == -3.5);
	assert_true(num("ceil(2.1) + floor(2.9) + abs(-3)", "H") == 8);
	assert_true(num("round(2.5) + round(-2.5) + round(2.4)", "H") == 2);	/* 3 - 3 + 2 */
	assert_true(num("min(4, 2, 3) + max(1, 5)", "H") == 7);
}

static void
test_comparisons_and_logic(void **state)
{
	(void)state;
	assert_true(holds("shifts >= 3 and shifts <= 3 and shifts > 2 and shifts < 4 and shifts != 2", "H"));
	assert_false(holds("shifts == 2 or tutor < 0", "H"));
	/* and/or stop early: no division by zero here */
	assert_true(holds("shifts == 0 or tutor / shifts > 0", "R"));
	assert_false(holds("shifts > 0 and tutor / shifts > 0", "R"));
}

static void
test_sets(void **state)
{
	(void)state;
	assert_true(holds("\"A\" in services and not (\"C\" in services)", "H"));
	assert_true(num("size(services - parent.services)", "S1") == 1);	/* {C} */
	assert_true(num("size(services & parent.services)", "S1") == 1);	/* {A} */
	assert_true(num("size(services | parent.services)", "S1") == 3);
	assert_true(holds("{\"A\"} <= services and not (services <= {\"A\"})", "H"));
	assert_true(holds("services == {\"B\", \"A\"} and services != {}", "H"));
	assert_true(holds("function in {\"x\", \"assistenza\"}", "H"));
	assert_true(holds("size(services) == 0", "S2"));
}

static void
test_division_by_zero(void **state)
{
	(void)state;
	World *w = world("rule ratio: tutor = operatore / shifts\n", UNITS);
	double lo, hi;
	assert_int_equal(apply(w, "R", &lo, &hi), AP_ERROR);
	diag_flush(&w->d, &w->msgs);
	assert_string_equal(w->msgs.p,
		"t.rules:10:21: error: division by zero for unit 'R', in rule 'ratio'\n"
		"   10 | rule ratio: tutor = operatore / shifts\n"
		"      |                     ^~~~~~~~~~~~~~~~~~\n");
	assert_false(check_run(&w->c, NULL));
	world_free(w);
}

static void
test_descendants_errors_stay_where_they_are(void **state)
{
	(void)state;
	/* P has shifts 0: a filter dividing by shifts fails on P only.  The
	 * aggregate over S2's descendants (none) and R's is fine... */
	World *w = world("tutor >= count(descendants where tutor / shifts > 0) if id != \"H\" and id != \"S1\"\n", UNITS);
	assert_true(check_unit(&w->c, unit(w, "S2")));
	assert_true(check_unit(&w->c, unit(w, "R")));
	assert_int_equal(w->d.errors, 0);
	world_free(w);
	/* ...and over H's, which hold P, the error names P */
	w = world("rule d: tutor >= count(descendants where tutor / shifts > 0)\n", UNITS);
	assert_false(check_unit(&w->c, unit(w, "H")));
	diag_flush(&w->d, &w->msgs);
	assert_non_null(strstr(w->msgs.p, "error: division by zero for unit 'P', in rule 'd'\n"));
	world_free(w);
}

static void
test_long_chain_is_linear(void **state)
{
	(void)state;
	/* 300,000 units one under the other: every unit aggregates all of
	 * those below it, at no more than one pass per aggregate */
	Buf b = {0};
	buf_puts(&b, "id,parent,kind,tutor,shifts\nu0,,hub,1,1\n");
	for (int i = 1; i < 300000; i++)
		buf_printf(&b, "u%d,u%d,spoke,1,1\n", i, i - 1);
	World *w = world("tutor >= sum(descendants.tutor) - count(descendants where shifts > 0) + max(descendants.tutor)\n", b.p);
	assert_int_equal(w->errors, 0);
	assert_true(check_run(&w->c, NULL));
	assert_int_equal(w->c.nf, 0);	/* every unit has its 1 tutor */
	double lo, hi;
	assert_int_equal(check_rule(&w->c, 0, 0, &lo, &hi), AP_YIELD);
	assert_true(lo == 1);		/* 299999 - 299999 + 1 */
	assert_int_equal(check_rule(&w->c, 0, 299999, &lo, &hi), AP_YIELD);
	assert_true(lo == 0);		/* the last has none below */
	buf_free(&b);
	world_free(w);
}

/* An assert yields [1, 1] where it holds and [0, 0] where not; where it
 * does not apply (its if, its scope) nothing; a blank cell it reads makes
 * it missing, as a rule that reads one; check_run gives the findings of
 * no role (failed, missing) and the missing ones of a role. */
static void
test_assert_and_missing(void **state)
{
	(void)state;
	static const char *const units =
		"id,name,kind,parent,function,services,shifts,tutor,operatore,specialista,addetti\n"
		"H,Hub,hub,,assistenza,A,3,10,100,0,0\n"
		"S1,Spoke 1,spoke,H,assistenza,A,1,2,30,0,5\n"
		"S2,Spoke 2,spoke,H,data_entry,A,,1,,0,12\n";
	World *w = world("rule a: assert tutor * 10 <= operatore if kind == \"spoke\"\n"
			 "rule b: 1 tutor per 10 operatore\n", units);
	assert_int_equal(w->errors, 0);
	double lo, hi;
	assert_int_equal(apply(w, "H", &lo, &hi), AP_NONE);		/* its if */
	assert_int_equal(apply(w, "S1", &lo, &hi), AP_YIELD);
	assert_true(lo == 1 && hi == 1);				/* 20 <= 30 */
	assert_int_equal(apply(w, "S2", &lo, &hi), AP_MISSING);	/* operatore blank */
	assert_int_equal(w->c.ev->miss_unit, unit(w, "S2"));
	assert_true(check_run(&w->c, NULL));
	int failed = 0, missing_assert = 0, missing_role = 0;
	for (int i = 0; i < w->c.nf; i++) {
		const Finding *f = &w->c.f[i];
		failed += f->v.status == ST_FAILED;
		missing_assert += f->v.status == ST_MISSING && f->role < 0;
		missing_role += f->v.status == ST_MISSING && f->role >= 0;
	}
	assert_int_equal(failed, 0);
	assert_int_equal(missing_assert, 1);	/* S2's assert */
	assert_int_equal(missing_role, 1);	/* S2's tutor: b reads operatore */
	world_free(w);
	w = world("rule a: assert tutor * 10 <= operatore\n", units);
	assert_true(check_run(&w->c, NULL));
	assert_int_equal(w->c.nf, 1);		/* H: 100 <= 100 holds; S1 holds */
	assert_int_equal(w->c.f[0].v.status, ST_MISSING);	/* S2 */
	world_free(w);
}

/* Windows-1252 and Latin-1 to UTF-8, byte by byte. */
static void
test_cp1252_to_utf8(void **state)
{
	(void)state;
	size_t n;
	char *t = encoding_utf8("Forl\xec \x80 \x96 \x93x\x94", 13, ENC_CP1252, &n);
	assert_string_equal(t, "Forl\xc3\xac \xe2\x82\xac \xe2\x80\x93 \xe2\x80\x9cx\xe2\x80\x9d");
	assert_int_equal(n, strlen(t));
	free(t);
	t = encoding_utf8("\x80\xe0", 2, ENC_LATIN1, &n);
	assert_string_equal(t, "\xc2\x80\xc3\xa0");
	free(t);
	assert_int_equal(encoding_parse("Windows-1252"), ENC_CP1252);
	assert_int_equal(encoding_parse("UTF-8"), ENC_UTF8);
	assert_int_equal(encoding_parse("utf-16"), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_columns_loaded),
		cmocka_unit_test(test_hierarchy_preorder),
		cmocka_unit_test(test_deep_chain_needs_no_recursion),
		cmocka_unit_test(test_hierarchy_only_when_walked),
		cmocka_unit_test(test_rule_outside_scope),
		cmocka_unit_test(test_nested_scopes_both_hold),
		cmocka_unit_test(test_per_kind),
		cmocka_unit_test(test_last_alternative_wins),
		cmocka_unit_test(test_first_amount_then_else),
		cmocka_unit_test(test_amount_intervals),
		cmocka_unit_test(test_ratio),
		cmocka_unit_test(test_span),
		cmocka_unit_test(test_zero_quantity),
		cmocka_unit_test(test_decimal_counts_round_exactly),
		cmocka_unit_test(test_implicit_headcount),
		cmocka_unit_test(test_core_forms),
		cmocka_unit_test(test_intersection_and_naming),
		cmocka_unit_test(test_severity),
		cmocka_unit_test(test_conflict),
		cmocka_unit_test(test_bounds_clamped_at_zero),
		cmocka_unit_test(test_assert_and_missing),
		cmocka_unit_test(test_cp1252_to_utf8),
		cmocka_unit_test(test_overflow_is_an_error),
		cmocka_unit_test(test_ratios_exact),
		cmocka_unit_test(test_rule_order_changes_no_finding),
		cmocka_unit_test(test_literals_and_names),
		cmocka_unit_test(test_parent_of_root),
		cmocka_unit_test(test_lists_and_aggregates),
		cmocka_unit_test(test_arithmetic_and_functions),
		cmocka_unit_test(test_comparisons_and_logic),
		cmocka_unit_test(test_sets),
		cmocka_unit_test(test_division_by_zero),
		cmocka_unit_test(test_descendants_errors_stay_where_they_are),
		cmocka_unit_test(test_long_chain_is_linear),
	};
	return cmocka_run_group_tests_name("check", tests, NULL, NULL);
}
