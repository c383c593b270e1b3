/* test_sema.c: names, types, the rules of rules; includes. */
#include "testutil.h"

#include <stdio.h>
#include <unistd.h>

static void
test_clean_file_compiles(void **state)
{
	(void)state;
	Compiled *c = compile_src(DECLS
				  "1 tutor per 12..18 operativi\n"
				  "should at least 1 tutor if addetti >= 10 and shifts > 1\n"
				  "tutor in ceil(operativi / 18) .. floor(operativi / 12) if function == \"a\"\n"
				  "1 tutor per spoke if size(services - parent.services) > 0, else 0\n"
				  "tutor <= max(descendants.tutor where shifts > 2) + count(children where kind == spoke)\n"
				  "1 tutor per hub, 2 if > 200\n");
	assert_int_equal(c->errors, 0);
	assert_string_equal(c->msgs.p, "");
	compiled_free(c);
}

static void
test_names_any_order(void **state)
{
	(void)state;
	Compiled *c = compile_src("1 tutor per 10 addetti\nrole tutor\nrole addetti\n");
	assert_int_equal(c->errors, 0);
	compiled_free(c);
}

static void
test_unknown_role_suggests(void **state)
{
	(void)state;
	assert_error(DECLS "1 tutr per 10 addetti\n",
		     "t.rules:10:3: error: unknown role 'tutr'; did you mean 'tutor'?");
}

static void
test_unknown_name_suggests(void **state)
{
	(void)state;
	assert_error(DECLS "1 tutor if shift > 2\n",
		     "t.rules:10:12: error: unknown name 'shift'; did you mean 'shifts'?");
}

static void
test_unknown_without_suggestion(void **state)
{
	(void)state;
	assert_error(DECLS "1 tutor if zzzzzz > 2\n",
		     "t.rules:10:12: error: unknown name 'zzzzzz'");
}

static void
test_one_namespace(void **state)
{
	(void)state;
	assert_error("role a\nattribute a : text\n",
		     "t.rules:2:11: error: 'a' is already declared as a role on line 1");
	assert_error("kind hub\nrule hub: 1 x\nrole x\n",
		     "t.rules:2:6: error: 'hub' is already declared as a kind on line 1");
}

static void
test_builtin_names_reserved(void **state)
{
	(void)state;
	assert_error("role headcount\n",
		     "t.rules:1:6: error: 'headcount' is a built-in name of the rules language; choose another name for this role");
	assert_error("attribute sum : number\n",
		     "t.rules:1:11: error: 'sum' is a built-in name of the rules language; choose another name for this attribute");
}

static void
test_group_of_roles_only(void **state)
{
	(void)state;
	assert_error("role a\ngroup g = a\ngroup h = g + a\n",
		     "t.rules:3:11: error: a group adds up roles, and 'g' is a group");
	assert_error("role a\ngroup g = a + b\n",
		     "t.rules:2:15: error: unknown role 'b' in group 'g'");
}

static void
test_rule_sets_a_role(void **state)
{
	(void)state;
	assert_error(DECLS "1 operativi per hub\n",
		     "t.rules:10:3: error: 'operativi' is a group; a rule sets the count of one role ('operatore' or 'specialista')");
	assert_error(DECLS "1 shifts\n",
		     "t.rules:10:3: error: 'shifts' is an attribute, not a role; a rule sets the count of a role");
}

static void
test_per_kind_or_quantity(void **state)
{
	(void)state;
	Compiled *c = compile_src(DECLS "1 tutor per hub\n1 tutor per addetti\n1 tutor per shifts\n1 tutor per headcount\n");
	assert_int_equal(c->errors, 0);
	Program *p = &c->r.prog;
	assert_int_equal(p->rules[0].kind, 0);
	assert_int_equal(p->rules[0].per, PER_NONE);
	assert_int_equal(p->rules[1].kind, -1);
	assert_int_equal(p->rules[1].per, PER_RATIO);
	assert_true(p->rules[1].n == 1);
	assert_int_equal(p->rules[2].per, PER_RATIO);
	assert_int_equal(p->rules[3].per, PER_RATIO);
	compiled_free(c);
	assert_error(DECLS "1 tutor per function\n",
		     "t.rules:10:13: error: 'per' needs a kind or a number (a role, a group, a number attribute, headcount), but 'function' is a text");
	assert_error(DECLS "1 tutor per hubb\n",
		     "t.rules:10:13: error: unknown kind or quantity 'hubb' after 'per'; did you mean 'hub'?");
}

static void
test_span_rules(void **state)
{
	(void)state;
	assert_error(DECLS "at least 1 tutor per 12..18 operativi\n",
		     "t.rules:10:1: error: a span of control ('per 12..18') needs an exact amount or a range, not 'at least'");
	assert_error(DECLS "1 tutor per 12..18 operativi, at most 2 if shifts > 1\n",
		     "t.rules:10:31: error: a span of control ('per 12..18') needs an exact amount or a range, not 'at most'");
	assert_error(DECLS "1 tutor per 18..12 operativi\n",
		     "t.rules:10:9: error: the span 18..12 goes backwards; write 12..18");
	assert_error(DECLS "1 tutor per 0..12 operativi\n",
		     "t.rules:10:9: error: a span of control starts above 0: 'per 0..12' would divide by zero");
	assert_error(DECLS "3..1 tutor\n",
		     "t.rules:10:1: error: the range 3..1 goes backwards; write 1..3");
	assert_error(DECLS "1 tutor per 0 addetti\n",
		     "t.rules:10:9: error: 'per 0 ...' would divide by zero; the number after 'per' must be above 0");
}

static void
test_types(void **state)
{
	(void)state;
	assert_error(DECLS "tutor = 1 if tutor > \"x\"\n",
		     "t.rules:10:14: error: cannot compare a number with a text: '>' needs two numbers");
	assert_error(DECLS "tutor = function\n",
		     "t.rules:10:9: error: the right side must be a number, but this is a text");
	assert_error(DECLS "1 tutor if shifts\n",
		     "t.rules:10:12: error: the condition after 'if' must be true or false, but this is a number; did you mean '... > 0'?");
	assert_error(DECLS "tutor = shifts + function\n",
		     "t.rules:10:9: error: '+' needs two numbers, found a number and a text");
	assert_error(DECLS "tutor = size(services + services)\n",
		     "t.rules:10:14: error: sets are joined with '|', not '+'");
	assert_error(DECLS "1 tutor if function in function\n",
		     "t.rules:10:24: error: 'in' needs a set on its right, like {\"A\", \"B\"}; this is a text");
	assert_error(DECLS "1 tutor if shifts in services\n",
		     "t.rules:10:12: error: a set holds texts, so 'in' needs a text on its left; this is a number");
	assert_error(DECLS "1 tutor if services == function\n",
		     "t.rules:10:12: error: cannot compare a set with a text");
	assert_error(DECLS "1 tutor if not shifts\n",
		     "t.rules:10:12: error: 'not' needs true or false, found a number");
	assert_error(DECLS "1 tutor if shifts > 1 and 2\n",
		     "t.rules:10:12: error: 'and' joins two conditions (true or false), found true or false and a number");
}

static void
test_functions(void **state)
{
	(void)state;
	assert_error(DECLS "tutor = sizee(services)\n",
		     "t.rules:10:9: error: unknown function 'sizee'; did you mean 'size'?");
	assert_error(DECLS "tutor = ceil(1, 2)\n",
		     "t.rules:10:9: error: 'ceil' takes one number, found 2");
	assert_error(DECLS "tutor = size(shifts)\n",
		     "t.rules:10:14: error: 'size' needs a set, but this is a number");
	assert_error(DECLS "tutor = sum(children)\n",
		     "t.rules:10:13: error: 'sum' needs numbers: name one after the dot, like children.headcount");
	assert_error(DECLS "tutor = count(tutor)\n",
		     "t.rules:10:9: error: 'count' takes one list: children, descendants, parent.children or siblings, like count(children.headcount)");
	assert_error(DECLS "tutor = min(children.tutor, 2)\n",
		     "t.rules:10:13: error: 'min' compares numbers, or takes one list; this is a list of numbers");
	assert_error(DECLS "tutor = tutor(1)\n",
		     "t.rules:10:9: error: 'tutor' is a role, not a function");
	assert_error(DECLS "tutor = ceil\n",
		     "t.rules:10:9: error: 'ceil' is a function: write ceil(...)");
	assert_error(DECLS "tutor = count(children where shifts)\n",
		     "t.rules:10:30: error: the condition after 'where' must be true or false, but this is a number");
}

static void
test_else_rules(void **state)
{
	(void)state;
	assert_error(DECLS "1 tutor if shifts > 1, else 0, else 2\n",
		     "t.rules:10:32: error: a rule has at most one 'else'");
	assert_error(DECLS "1 tutor if shifts > 1, else 0, 2 if shifts > 3\n",
		     "t.rules:10:32: error: 'else' must be the last alternative of a rule");
}

static void
test_rule_id_is_not_a_value(void **state)
{
	(void)state;
	assert_error(DECLS "rule r: 1 tutor if r > 1\n",
		     "t.rules:10:20: error: 'r' is a rule id, not a value");
	assert_error(DECLS "rule r: 1 tutor\nrule r: 2 tutor\n",
		     "t.rules:11:6: error: 'r' is already declared as a rule id on line 10");
}

static void
test_scope_names_unique(void **state)
{
	(void)state;
	assert_error(DECLS "scope a where true {\n}\nscope a where true {\n}\n",
		     "t.rules:12:7: error: there is already a scope 'a', on line 10");
}

static void
test_every_error_reported(void **state)
{
	(void)state;
	Compiled *c = compile_src(DECLS "1 tutr\n1 tutor if x > 1\n1 tutor per hubb\n");
	assert_int_equal(c->errors, 3);
	compiled_free(c);
}

static void
test_error_limit(void **state)
{
	(void)state;
	Buf src = {0};
	buf_puts(&src, DECLS);
	for (int i = 0; i < 25; i++)
		buf_puts(&src, "1 nobody\n");
	Compiled *c = compile_src(src.p);
	assert_int_equal(c->errors, 25);
	assert_non_null(strstr(c->msgs.p, "coplan: 5 more errors not shown\n"));
	compiled_free(c);
	buf_free(&src);
}

static char dir[64];

static int
make_dir(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/coplan-test-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int
remove_dir(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void
put(const char *name, const char *text)
{
	char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* Compiles dir/name; returns its error count, the messages in *msgs. */
static int
compile_path(const char *name, Rules *r, Diag *d, Buf *msgs)
{
	char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	*r = (Rules){.diag = d};
	int e = rules_compile(r, path);
	diag_flush(d, msgs);
	buf_cstr(msgs);
	return e;
}

static void
test_include_expands_in_place(void **state)
{
	(void)state;
	put("decls.rules", "role tutor\nrole addetti\n");
	put("main.rules", "include \"decls.rules\"\n1 tutor per 10 addetti\n");
	Diag d = {0};
	Rules r;
	Buf b = {0};
	assert_int_equal(compile_path("main.rules", &r, &d, &b), 0);
	assert_int_equal(r.prog.nroles, 2);
	assert_int_equal(r.prog.nrules, 1);
	buf_free(&b);
	rules_free(&r);
	diag_free(&d);
}

static void
test_include_cycle(void **state)
{
	(void)state;
	put("a.rules", "include \"b.rules\"\n");
	put("b.rules", "include \"a.rules\"\n");
	Diag d = {0};
	Rules r;
	Buf b = {0};
	assert_int_equal(compile_path("a.rules", &r, &d, &b), 1);
	char want[512];
	snprintf(want, sizeof want,
		 "%s/b.rules:1:9: error: these files include each other in a loop: %s/a.rules includes %s/b.rules includes %s/a.rules\n",
		 dir, dir, dir, dir);
	assert_non_null(strstr(b.p, want));
	buf_free(&b);
	rules_free(&r);
	diag_free(&d);
}

static void
test_include_missing(void **state)
{
	(void)state;
	put("m.rules", "include \"nope.rules\"\n");
	Diag d = {0};
	Rules r;
	Buf b = {0};
	assert_int_equal(compile_path("m.rules", &r, &d, &b), 1);
	char want[512];
	snprintf(want, sizeof want,
		 "%s/m.rules:1:9: error: cannot read the included file 'nope.rules': No such file or directory\n",
		 dir);
	assert_non_null(strstr(b.p, want));
	buf_free(&b);
	rules_free(&r);
	diag_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clean_file_compiles),
		cmocka_unit_test(test_names_any_order),
		cmocka_unit_test(test_unknown_role_suggests),
		cmocka_unit_test(test_unknown_name_suggests),
		cmocka_unit_test(test_unknown_without_suggestion),
		cmocka_unit_test(test_one_namespace),
		cmocka_unit_test(test_builtin_names_reserved),
		cmocka_unit_test(test_group_of_roles_only),
		cmocka_unit_test(test_rule_sets_a_role),
		cmocka_unit_test(test_per_kind_or_quantity),
		cmocka_unit_test(test_span_rules),
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_functions),
		cmocka_unit_test(test_else_rules),
		cmocka_unit_test(test_rule_id_is_not_a_value),
		cmocka_unit_test(test_scope_names_unique),
		cmocka_unit_test(test_every_error_reported),
		cmocka_unit_test(test_error_limit),
		cmocka_unit_test(test_include_expands_in_place),
		cmocka_unit_test(test_include_cycle),
		cmocka_unit_test(test_include_missing),
	};
	return cmocka_run_group_tests_name("sema", tests, make_dir, remove_dir);
}
