/* test_diag.c: messages as users see them: file:line:col, the line
 * quoted, the span underlined; sorted by place; errors past the limit
 * counted, not shown; plain messages; UTF-8 columns. */
#include "testutil.h"

static int
file(Diag *d, const char *path, const char *text)
{
	size_t n = strlen(text);
	char *t = xmalloc(n + 1);
	memcpy(t, text, n + 1);
	return diag_add_file(d, path, t, n, -1);
}

static char *
flushed(Diag *d, Buf *b)
{
	b->len = 0;
	diag_flush(d, b);
	return (char *)buf_cstr(b);
}

static void
test_caret_under_the_span(void **state)
{
	(void)state;
	Diag d = {0};
	Buf b = {0};
	int f = file(&d, "r.rules", "role a\nrule x: 2 bb per hub\n");
	diag_error(&d, (Loc){2, 11, 2, 13, f}, "unknown role '%s'", "bb");
	assert_int_equal(d.errors, 1);
	assert_string_equal(flushed(&d, &b),
		"r.rules:2:11: error: unknown role 'bb'\n"
		"    2 | rule x: 2 bb per hub\n"
		"      |           ^~\n");
	assert_int_equal(d.nmsgs, 0);	/* flushing clears them */
	buf_free(&b);
	diag_free(&d);
}

static void
test_sorted_by_place(void **state)
{
	(void)state;
	Diag d = {0};
	Buf b = {0};
	int f = file(&d, "r.rules", "a\nb\nc\n");
	diag_warning(&d, (Loc){3, 1, 3, 2, f}, "third");
	diag_error(&d, (Loc){1, 1, 1, 2, f}, "first");
	diag_warning(&d, (Loc){2, 1, 2, 2, f}, "second");
	assert_int_equal(d.errors, 1);
	assert_int_equal(d.warnings, 2);
	assert_string_equal(flushed(&d, &b),
		"r.rules:1:1: error: first\n"
		"    1 | a\n"
		"      | ^\n"
		"r.rules:2:1: warning: second\n"
		"    2 | b\n"
		"      | ^\n"
		"r.rules:3:1: warning: third\n"
		"    3 | c\n"
		"      | ^\n");
	buf_free(&b);
	diag_free(&d);
}

static void
test_errors_past_the_limit_are_counted(void **state)
{
	(void)state;
	Diag d = {0};
	Buf b = {0};
	int f = file(&d, "r.rules", "x\n");
	for (int i = 0; i < DIAG_MAX_ERRORS + 3; i++)
		diag_error(&d, (Loc){1, 1, 1, 2, f}, "error %d", i);
	assert_int_equal(d.errors, DIAG_MAX_ERRORS + 3);
	const char *out = flushed(&d, &b);
	assert_non_null(strstr(out, "error 19\n"));
	assert_null(strstr(out, "error 20\n"));
	assert_non_null(strstr(out, "coplan: 3 more errors not shown\n"));
	buf_free(&b);
	diag_free(&d);
}

static void
test_plain_and_wide_characters(void **state)
{
	(void)state;
	Diag d = {0};
	Buf b = {0};
	/* columns count code points: 'è' is one */
	int f = file(&d, "u.csv", "id,città\nA,Bè x\n");
	diag_error(&d, (Loc){2, 6, 2, 7, f}, "here");
	diag_plain(&d, "cannot read '%s'", "nope.csv");
	assert_string_equal(flushed(&d, &b),
		"coplan: error: cannot read 'nope.csv'\n"
		"u.csv:2:6: error: here\n"
		"    2 | A,Bè x\n"
		"      |      ^\n");
	buf_free(&b);
	diag_free(&d);
}

static void
test_text_checked(void **state)
{
	(void)state;
	Diag d = {0};
	Buf b = {0};
	int f = file(&d, "r.rules", "role a\nrule \xff\n");
	assert_false(diag_check_text(&d, f, "a rules file"));
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(flushed(&d, &b), "r.rules:2:6: error: "));
	buf_free(&b);
	diag_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_caret_under_the_span),
		cmocka_unit_test(test_sorted_by_place),
		cmocka_unit_test(test_errors_past_the_limit_are_counted),
		cmocka_unit_test(test_plain_and_wide_characters),
		cmocka_unit_test(test_text_checked),
	};
	return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}
