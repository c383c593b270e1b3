/* test_roster.c: counts from one row per person: heads, or the sum of
 * fte; what a bad row says; the units table keeps no counts of its own. */
#include "testutil.h"

#include "roster.h"

static const char *const UNITS =
	"id,name,kind,parent\n"
	"H,Hub,hub,\n"
	"S,Spoke,spoke,H\n";

typedef struct Roster {
	Diag d;
	Rules r;
	Units u;
	Buf msgs;
	int errors;
} Roster;

static char *
copy(const char *s)
{
	size_t n = strlen(s);
	char *t = xmalloc(n + 1);
	memcpy(t, s, n + 1);
	return t;
}

static Roster *
roster(const char *rows, bool fte)
{
	Roster *x = xcalloc(1, sizeof *x);
	x->r.diag = &x->d;
	const char *src = DECLS;
	assert_int_equal(rules_compile_text(&x->r, "t.rules", src, strlen(src)), 0);
	LoadOptions o = {.roster = true};
	assert_int_equal(units_load_text(&x->u, &x->r.prog, &x->d, "u.csv", copy(UNITS), strlen(UNITS), &o), 0);
	int f = diag_add_file(&x->d, "r.csv", copy(rows), strlen(rows), -1);
	x->errors = roster_load_file(&x->u, &x->r.prog, &x->d, f, &o, fte);
	diag_flush(&x->d, &x->msgs);
	buf_cstr(&x->msgs);
	return x;
}

static void
roster_free(Roster *x)
{
	units_free(&x->u);
	rules_free(&x->r);
	diag_free(&x->d);
	buf_free(&x->msgs);
	free(x);
}

static double
count(Roster *x, const char *unit, const char *role)
{
	int k = units_find(&x->u, unit, (int)strlen(unit));
	assert_true(k >= 0);
	return units_count(&x->u, prog_role(&x->r.prog, role), k);
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
	Roster *x = roster(rows, false);
	assert_int_equal(x->errors, 0);
	assert_true(count(x, "H", "tutor") == 1);
	assert_true(count(x, "H", "operatore") == 2);
	assert_true(count(x, "S", "operatore") == 1);
	assert_true(count(x, "S", "tutor") == 0);
	assert_true(col_get(&x->u.counts.headcount, 0) == 3);
	roster_free(x);
	x = roster(rows, true);
	assert_int_equal(x->errors, 0);
	assert_true(count(x, "H", "operatore") == 1.5);
	assert_true(count(x, "S", "operatore") == 0.5);
	assert_true(col_get(&x->u.counts.headcount, 0) == 2.5);
	roster_free(x);
}

static void
test_bad_rows_each_said(void **state)
{
	(void)state;
	Roster *x = roster("unit,role,fte\n"
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
	roster_free(x);
}

static void
test_header_needs_unit_and_role(void **state)
{
	(void)state;
	Roster *x = roster("person,unit\np1,H\n", false);
	assert_int_equal(x->errors, 1);
	assert_string_equal(x->msgs.p,
		"r.csv:1:1: error: the roster's header needs the columns 'unit' and 'role'\n"
		"    1 | person,unit\n"
		"      | ^~~~~~\n");
	/* the counts are stored all the same: zero */
	assert_true(count(x, "H", "tutor") == 0);
	roster_free(x);
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
