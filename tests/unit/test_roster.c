/* test_roster.c: counts from one row per person: heads, or the sum of
 * fte; what a bad row says; the units table keeps no counts of its own. */
#include "testutil.h"

#include "roster.h"

static const char *const UNITS =
	"id,name,kind,parent\n"
	"H,Hub,hub,\n"
	"S,Spoke,spoke,H\n";

/* The shared declarations, UNITS, and rows as a roster. */
static World *
roster(const char *rows, bool fte)
{
	World *w = xcalloc(1, sizeof *w);
	LoadOptions o = {.roster = true};
	world_init(w, DECLS, NULL, UNITS, &o);
	assert_int_equal(w->errors, 0);
	w->errors = roster_load_file(&w->u, &w->r.prog, &w->d, add_text(&w->d, "r.csv", rows), &o, fte);
	diag_flush(&w->d, &w->msgs);
	buf_cstr(&w->msgs);
	return w;
}

static double
count(World *w, const char *id, const char *role)
{
	return units_count(&w->u, prog_role(&w->r.prog, role), unit(w, id));
}

static void
test_heads_and_fte(void **state)
{
	(void)state;
	const char *rows =
		"person,unit,role,fte\n"
		"p1,H,tutor,1\n"
		"p2,H,operatore,0.5\n"
		"p3,H,operatore,1\n"
		"p4,S,operatore,0.5\n";
	World *x = roster(rows, false);
	assert_int_equal(x->errors, 0);
	assert_true(count(x, "H", "tutor") == 1);
	assert_true(count(x, "H", "operatore") == 2);
	assert_true(count(x, "S", "operatore") == 1);
	assert_true(count(x, "S", "tutor") == 0);
	assert_true(col_get(&x->u.counts.headcount, 0) == 3);
	world_free(x);
	x = roster(rows, true);
	assert_int_equal(x->errors, 0);
	assert_true(count(x, "H", "operatore") == 1.5);
	assert_true(count(x, "S", "operatore") == 0.5);
	assert_true(col_get(&x->u.counts.headcount, 0) == 2.5);
	world_free(x);
}

static void
test_bad_rows_each_said(void **state)
{
	(void)state;
	World *x = roster("unit,role,fte\n"
			   "X,tutor,1\n"
			   "H,tutr,1\n"
			   "H,tutor,2\n", true);
	assert_int_equal(x->errors, 3);
	assert_string_equal(x->msgs.p,
		"r.csv:2:1: error: no unit has the id 'X'\n"
		"    2 | X,tutor,1\n"
		"      | ^\n"
		"r.csv:3:3: error: 'tutr' is not a declared role; did you mean 'tutor'?\n"
		"    3 | H,tutr,1\n"
		"      |   ^~~~\n"
		"r.csv:4:9: error: column 'fte': '2' is not a number from 0 to 1\n"
		"    4 | H,tutor,2\n"
		"      |         ^\n");
	world_free(x);
}

static void
test_header_needs_unit_and_role(void **state)
{
	(void)state;
	World *x = roster("person,unit\np1,H\n", false);
	/* the counts are stored all the same: zero */
	assert_true(count(x, "H", "tutor") == 0 && count(x, "S", "operatore") == 0);
	assert_int_equal(x->errors, 1);
	assert_string_equal(x->msgs.p,
		"r.csv:1:1: error: the roster's header needs the columns 'unit' and 'role'\n"
		"    1 | person,unit\n"
		"      | ^~~~~~\n");
	world_free(x);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_heads_and_fte),
		cmocka_unit_test(test_bad_rows_each_said),
		cmocka_unit_test(test_header_needs_unit_and_role),
	};
	return cmocka_run_group_tests_name("roster", tests, NULL, NULL);
}
