/* test_lint.c: the warnings of lint. */
#include "testutil.h"

/* Asserts the messages, warnings only, of a file that compiles: all of
 * them, or (results) those check and plan print. */
static void
assert_lint(const char *src, bool tidy, const char *want)
{
	Compiled *c = compile_lint(src, tidy);
	assert_int_equal(c->errors, 0);
	assert_string_equal(c->msgs.p, want);
	compiled_free(c);
}

#define assert_warnings(src, want) assert_lint(src, true, want)
#define assert_results(src, want) assert_lint(src, false, want)

static void
test_clean(void **state)
{
	(void)state;
	assert_warnings("kind hub\nrole t\nrole o\n1 t per hub\n1 t per 10 o\n", "");
}

static void
test_unused_declarations(void **state)
{
	(void)state;
	assert_warnings("role t\nrole o\ngroup g = t\nattribute a : text\n1 t\n",
			"t.rules:2:6: warning: role 'o' is declared but no rule uses it\n"
			"    2 | role o\n"
			"      |      ^\n"
			"t.rules:3:7: warning: group 'g' is declared but no rule uses it\n"
			"    3 | group g = t\n"
			"      |       ^\n"
			"t.rules:4:11: warning: attribute 'a' is declared but no rule uses it\n"
			"    4 | attribute a : text\n"
			"      |           ^\n");
}

static void
test_headcount_uses_every_role(void **state)
{
	(void)state;
	assert_warnings("role t\nrole o\n1 t if headcount > 10\n", "");
}

static void
test_scope_never_applies(void **state)
{
	(void)state;
	assert_warnings("role t\nscope s where 1 > 2 {\n    1 t\n}\n",
			"t.rules:2:15: warning: the rules of scope 's' never apply: its condition is always false\n"
			"    2 | scope s where 1 > 2 {\n"
			"      |               ^~~~~\n");
}

static void
test_rule_never_applies(void **state)
{
	(void)state;
	assert_warnings("role t\n1 t if \"a\" == \"b\"\n",
			"t.rules:2:8: warning: this rule never applies: its condition is always false\n"
			"    2 | 1 t if \"a\" == \"b\"\n"
			"      |        ^~~~~~~~~~\n");
	assert_warnings("role t\nt = 1 if not true or false\n",
			"t.rules:2:10: warning: this rule never applies: its condition is always false\n"
			"    2 | t = 1 if not true or false\n"
			"      |          ^~~~~~~~~~~~~~~~~\n");
}

static void
test_else_never_used(void **state)
{
	(void)state;
	assert_warnings("role t\n1 t, else 2\n",
			"t.rules:2:6: warning: 'else' is never used: the first amount has no condition that can fail, so it applies whenever no alternative does\n"
			"    2 | 1 t, else 2\n"
			"      |      ^~~~~~\n");
}

static void
test_alternatives_never_chosen(void **state)
{
	(void)state;
	assert_warnings("role t\nattribute n : number\n1 t if n > 1, 2 if 1 > 2\n",
			"t.rules:3:20: warning: this alternative is never chosen: its condition is always false\n"
			"    3 | 1 t if n > 1, 2 if 1 > 2\n"
			"      |                    ^~~~~\n");
	assert_warnings("role t\nattribute n : number\n1 t if n > 1, 2 if n > 2, 3 if true\n",
			"t.rules:3:1: warning: this amount is never chosen: a later alternative always holds\n"
			"    3 | 1 t if n > 1, 2 if n > 2, 3 if true\n"
			"      | ^\n"
			"t.rules:3:15: warning: this alternative is never chosen: a later one always holds\n"
			"    3 | 1 t if n > 1, 2 if n > 2, 3 if true\n"
			"      |               ^~~~~~~~~~\n");
}

static void
test_unknown_conditions_stay_quiet(void **state)
{
	(void)state;
	assert_warnings("kind hub\nrole t\nattribute n : number\n1 t if kind == hub or n > 1, else 0\n", "");
}

/* The first line of the warnings, or "" */
static void
assert_first(const char *src, const char *want)
{
	Compiled *c = compile_lint(src, false);
	assert_int_equal(c->errors, 0);
	char line[512];
	assert_string_equal(first_line(c, line, sizeof line), want);
	compiled_free(c);
}

#define DECL "kind store\nrole d\nattribute r : number\nattribute s : number\n"

static void
test_thresholds_high_to_low(void **state)
{
	(void)state;
	/* the last alternative that holds wins: a higher threshold first is
	 * hidden by a lower one after it */
	assert_results(DECL "2 d per store if r > 5000000, 1 if r > 2000000, else 0\n",
			"t.rules:5:1: warning: this amount is never chosen: whenever r > 5000000 holds, so does r > 2000000, a later alternative's condition, and the last alternative that holds wins; list thresholds in increasing order\n"
			"    5 | 2 d per store if r > 5000000, 1 if r > 2000000, else 0\n"
			"      | ^\n");
	assert_results(DECL "0 d, 2 if r > 5, 1 if r > 2\n",
			"t.rules:5:6: warning: this alternative is never chosen: whenever r > 5 holds, so does r > 2, a later alternative's condition, and the last alternative that holds wins; list thresholds in increasing order\n"
			"    5 | 0 d, 2 if r > 5, 1 if r > 2\n"
			"      |      ^~~~~~~~~~\n");
	/* the headcount shorthand */
	assert_first(DECL "2 d per store if > 200, 1 if > 100\n",
		     "t.rules:5:1: warning: this amount is never chosen: whenever headcount > 200 holds, so does headcount > 100, a later alternative's condition, and the last alternative that holds wins; list thresholds in increasing order");
}

static void
test_thresholds_in_order_are_quiet(void **state)
{
	(void)state;
	assert_results(DECL "0 d per store, 1 if r > 2000000, 2 if r > 5000000\n", "");
	assert_results(DECL "1 d per store, 2 if > 200\n", "");
	assert_results(DECL "1 d if r > 5, 2 if r >= 6\n", "");	/* 5.5 */
	assert_results(DECL "1 d if r >= 5, 2 if r > 5\n", "");	/* 5 */
	assert_results(DECL "1 d if r > 5 or s > 1, 2 if r > 2\n", "");	/* s 2, r 0 */
	assert_results(DECL "1 d if r > 5, 2 if r > 2 and s > 1\n", "");
	assert_results(DECL "1 d if r < 2, 2 if r > 5, else 0\n", "");
}

static void
test_implied_conditions(void **state)
{
	(void)state;
	static const char *const hidden[] = {
		DECL "1 d if r > 5 and s > 1, 2 if r > 2\n",	/* and */
		DECL "1 d if r == 3, 2 if r >= 3\n",		/* == */
		DECL "1 d if r > 5, 2 if r != 3\n",		/* != */
		DECL "1 d if r >= 5 and r != 5, 2 if r > 5\n",	/* != takes the end off */
		DECL "1 d if 5 < r, 2 if r > 2\n",		/* constant on the left */
		DECL "1 d if r > 5, 2 if r > 2 or s > 1\n",	/* or on the right */
		DECL "1 d if r > 5 or r < -5, 2 if r != 0\n",	/* or on the left */
		DECL "1 d if r * 2 > 10, 2 if r * 2 > 4\n",	/* the same expression */
		DECL "1 d if r > 3 and s > 1, 2 if s > 1 and r > 2\n",
	};
	for (size_t i = 0; i < sizeof hidden / sizeof *hidden; i++) {
		Compiled *c = compile_lint(hidden[i], false);
		assert_int_equal(c->errors, 0);
		if (!strstr(c->msgs.p, "t.rules:5:1: warning: this amount is never chosen: whenever "))
			fail_msg("not found hidden: %s", hidden[i]);
		compiled_free(c);
	}
	/* the same condition twice: the first is never chosen */
	assert_first(DECL "0 d, 1 if kind == store and size({\"a\"}) > 0, 2 if kind == store and size({\"a\"}) > 0\n",
		     "t.rules:5:6: warning: this alternative is never chosen: a later alternative has the same condition (kind == store and size({\"a\"}) > 0), and the last alternative that holds wins");
	/* a condition that can never hold */
	assert_first(DECL "1 d if r > 5 and r < 3\n",
		     "t.rules:5:8: warning: this rule never applies: its condition is always false");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_unused_declarations),
		cmocka_unit_test(test_headcount_uses_every_role),
		cmocka_unit_test(test_scope_never_applies),
		cmocka_unit_test(test_rule_never_applies),
		cmocka_unit_test(test_else_never_used),
		cmocka_unit_test(test_alternatives_never_chosen),
		cmocka_unit_test(test_unknown_conditions_stay_quiet),
		cmocka_unit_test(test_thresholds_high_to_low),
		cmocka_unit_test(test_thresholds_in_order_are_quiet),
		cmocka_unit_test(test_implied_conditions),
	};
	return cmocka_run_group_tests_name("lint", tests, NULL, NULL);
}
