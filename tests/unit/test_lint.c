/* test_lint.c: the warnings of SPEC §4.5. */
#include "testutil.h"

/* Asserts the messages, warnings only, of a file that compiles. */
static void
assert_warnings(const char *src, const char *want)
{
	Compiled *c = compile_src(src);
	assert_int_equal(c->errors, 0);
	assert_string_equal(c->msgs.p, want);
	compiled_free(c);
}

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
	};
	return cmocka_run_group_tests_name("lint", tests, NULL, NULL);
}
