/* test_fmt.c: the canonical layout, and that it changes nothing else. */
#include "testutil.h"

#include "fmt.h"

static char *
fmt(const char *src, int *errors)
{
	Diag d = {0};
	int f = add_source(&d, src);
	Buf out = {0};
	*errors = fmt_file(&d, f, &out);
	buf_cstr(&out);
	diag_free(&d);
	return out.p;
}

static void
assert_fmt(const char *src, const char *want)
{
	int e;
	char *got = fmt(src, &e);
	assert_int_equal(e, 0);
	assert_string_equal(got, want);
	char *again = fmt(got, &e);	/* idempotent */
	assert_string_equal(again, want);
	free(got);
	free(again);
}

static void
test_spacing_and_sugar(void **state)
{
	(void)state;
	assert_fmt("1   tutor   per 12..18 operativi,2 if >200 ,else 0\n",
		   "1 tutor per 12..18 operativi, 2 if > 200, else 0\n");
	assert_fmt("tutor in ceil(a/18)..floor( a/12 )\n",
		   "tutor in ceil(a / 18) .. floor(a / 12)\n");
	assert_fmt("should   rule x \"X\" :at least 1 t if a>=10 and not(b)\n",
		   "should rule x \"X\": at least 1 t if a >= 10 and not (b)\n");
	assert_fmt("t=count(children where kind==spoke)+size({\"a\",\"b\\\"\"}-parent.s)\n",
		   "t = count(children where kind == spoke) + size({\"a\", \"b\\\"\"} - parent.s)\n");
}

static void
test_continued_lines_join(void **state)
{
	(void)state;
	assert_fmt("1 t per hub,\n    2 if x > 1,   # big ones\n    else 0\n",
		   "# big ones\n1 t per hub, 2 if x > 1, else 0\n");
}

static void
test_declarations_align(void **state)
{
	(void)state;
	assert_fmt("role a \"A\" grade A1 cost 1\nrole bbbb grade B\nrole cc \"Long label\"\n\nrole z grade C\n"
		   "attribute x : text\nattribute yyy : set\n",
		   "role a    \"A\"          grade A1 cost 1\n"
		   "role bbbb              grade B\n"
		   "role cc   \"Long label\"\n"
		   "\n"
		   "role z grade C\n"
		   "attribute x   : text\n"
		   "attribute yyy : set\n");
}

static void
test_scopes_indent_and_comments(void **state)
{
	(void)state;
	assert_fmt("# head\n\n\n\nkind a   # kinds\nscope s where x == 1 {   # open\n\n  # first\n1 t\n\n\n  scope u where y {\n 2 t\n # last in u\n  }\n}  # close\n# tail\n",
		   "# head\n"
		   "\n"
		   "kind a  # kinds\n"
		   "scope s where x == 1 {  # open\n"
		   "    # first\n"
		   "    1 t\n"
		   "\n"
		   "    scope u where y {\n"
		   "        2 t\n"
		   "        # last in u\n"
		   "    }\n"
		   "}  # close\n"
		   "# tail\n");
}

static void
test_trailing_comments_align(void **state)
{
	(void)state;
	assert_fmt("role a # one\nrole bbbbbb grade C # two\n\nrole c # alone\n",
		   "role a               # one\n"
		   "role bbbbbb grade C  # two\n"
		   "\n"
		   "role c  # alone\n");
}

static void
test_rule_body_under_its_name(void **state)
{
	(void)state;
	assert_fmt("rule r \"long label\":\n1 t per hub\nrule q: 2 t\n",
		   "rule r \"long label\":\n"
		   "    1 t per hub\n"
		   "rule q: 2 t\n");
}

static void
test_empty_and_crlf(void **state)
{
	(void)state;
	assert_fmt("", "");
	assert_fmt("\n\n# only\n\n", "# only\n");
	assert_fmt("kind a\r\nrole b\r\n", "kind a\nrole b\n");
}

static void
test_syntax_error_formats_nothing(void **state)
{
	(void)state;
	int e;
	char *got = fmt("1 tutor per\n", &e);
	assert_int_equal(e, 1);
	assert_string_equal(got, "");
	free(got);
}

static void
test_same_program(void **state)
{
	(void)state;
	const char *src = DECLS "scope s where function == \"a\" {\n1 tutor per 12..18 (operatore+specialista) if shifts>1,2 if >200\n}\n";
	int e;
	char *f = fmt(src, &e);
	Compiled *a = compile_src(src), *b = compile_src(f);
	assert_int_equal(a->errors, 0);	/* else both dumps would be empty */
	assert_int_equal(b->errors, 0);
	Buf da = {0}, db = {0};
	prog_dump(&a->r.prog, &da, false);
	prog_dump(&b->r.prog, &db, false);
	assert_string_equal(da.p, db.p);
	buf_free(&da);
	buf_free(&db);
	compiled_free(a);
	compiled_free(b);
	free(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spacing_and_sugar),
		cmocka_unit_test(test_continued_lines_join),
		cmocka_unit_test(test_declarations_align),
		cmocka_unit_test(test_scopes_indent_and_comments),
		cmocka_unit_test(test_trailing_comments_align),
		cmocka_unit_test(test_rule_body_under_its_name),
		cmocka_unit_test(test_empty_and_crlf),
		cmocka_unit_test(test_syntax_error_formats_nothing),
		cmocka_unit_test(test_same_program),
	};
	return cmocka_run_group_tests_name("fmt", tests, NULL, NULL);
}
