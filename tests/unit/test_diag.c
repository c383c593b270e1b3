/* test_diag.c: messages as users see them: file:line:col, the line
 * quoted, the span underlined; sorted by place; errors past the limit
 * counted, not shown; plain messages; UTF-8 columns; a fault's place
 * after many lines. */
#include "testutil.h"

typedef struct Msgs {		/* each test's messages and what they print */
	Diag d;
	Buf b;
} Msgs;

static int
setup(void **state)
{
	*state = xcalloc(1, sizeof(Msgs));
	return 0;
}

static int
teardown(void **state)
{
	Msgs *m = *state;
	buf_free(&m->b);
	diag_free(&m->d);
	free(m);
	return 0;
}

static char *
flushed(Msgs *m)
{
	m->b.len = 0;
	diag_flush(&m->d, &m->b);
	return (char *)buf_cstr(&m->b);
}

static void
test_caret_under_the_span(void **state)
{
	Msgs *m = *state;
	int f = add_text(&m->d, "r.rules", "role a\nrule x: 2 bb per hub\n");
	diag_error(&m->d, (Loc){2, 11, 2, 13, f}, "unknown role '%s'", "bb");
	assert_int_equal(m->d.errors, 1);
	assert_string_equal(flushed(m),
		"r.rules:2:11: error: unknown role 'bb'\n"
		"    2 | rule x: 2 bb per hub\n"
		"      |           ^~\n");
	assert_int_equal(m->d.nmsgs, 0);	/* flushing clears them */
}

static void
test_sorted_by_place(void **state)
{
	Msgs *m = *state;
	int f = add_text(&m->d, "r.rules", "a\nb\nc\n");
	diag_warning(&m->d, (Loc){3, 1, 3, 2, f}, "third");
	diag_error(&m->d, (Loc){1, 1, 1, 2, f}, "first");
	diag_warning(&m->d, (Loc){2, 1, 2, 2, f}, "second");
	assert_int_equal(m->d.errors, 1);
	assert_int_equal(m->d.warnings, 2);
	assert_string_equal(flushed(m),
		"r.rules:1:1: error: first\n"
		"    1 | a\n"
		"      | ^\n"
		"r.rules:2:1: warning: second\n"
		"    2 | b\n"
		"      | ^\n"
		"r.rules:3:1: warning: third\n"
		"    3 | c\n"
		"      | ^\n");
}

static void
test_errors_past_the_limit_are_counted(void **state)
{
	Msgs *m = *state;
	int f = add_text(&m->d, "r.rules", "x\n");
	for (int i = 0; i < DIAG_MAX_ERRORS + 3; i++)
		diag_error(&m->d, (Loc){1, 1, 1, 2, f}, "error %d", i);
	assert_int_equal(m->d.errors, DIAG_MAX_ERRORS + 3);
	const char *out = flushed(m);
	assert_non_null(strstr(out, "error 19\n"));
	assert_null(strstr(out, "error 20\n"));
	assert_non_null(strstr(out, "coplan: 3 more errors not shown\n"));
}

static void
test_plain_and_wide_characters(void **state)
{
	Msgs *m = *state;
	/* columns count code points: 'è' is one */
	int f = add_text(&m->d, "u.csv", "id,città\nA,Bè x\n");
	diag_error(&m->d, (Loc){2, 6, 2, 7, f}, "here");
	diag_plain(&m->d, "cannot read '%s'", "nope.csv");
	assert_string_equal(flushed(m),
		"coplan: error: cannot read 'nope.csv'\n"
		"u.csv:2:6: error: here\n"
		"    2 | A,Bè x\n"
		"      |      ^\n");
}

static void
test_text_checked(void **state)
{
	Msgs *m = *state;
	/* a byte that is not UTF-8, said where it is */
	assert_false(diag_check_text(&m->d, add_text(&m->d, "r.rules", "role a\nrule \xff\n"), "a rules file"));
	assert_non_null(strstr(flushed(m), "r.rules:2:6: error: "));
	assert_int_equal(m->d.errors, 1);
}

/* Lines of every length from 0 to 40 (a newline at every place in an
 * eight-byte word, several in one), then a fault: its line and column
 * are those counted one byte at a time, wherever the fault is. */
static void
test_fault_found_after_many_lines(void **state)
{
	Msgs *m = *state;
	for (int at = 0; at < 24; at++) {
		Buf t = {0};
		int lines = 1;
		for (int len = 0; len <= 40; len++, lines++) {
			for (int i = 0; i < len; i++)
				buf_putc(&t, (char)('a' + (len + i) % 26));
			buf_putc(&t, '\n');
		}
		for (int i = 0; i < at; i++)
			buf_putc(&t, 'x');
		buf_puts(&t, "\xff tail\n");
		char want[64];
		snprintf(want, sizeof want, "t.csv:%d:%d: error: ", lines, at + 1);
		int f = add_text(&m->d, "t.csv", buf_cstr(&t));
		assert_false(diag_check_text(&m->d, f, "a units table"));
		assert_non_null(strstr(flushed(m), want));
		buf_free(&t);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_caret_under_the_span, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sorted_by_place, setup, teardown),
		cmocka_unit_test_setup_teardown(test_errors_past_the_limit_are_counted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plain_and_wide_characters, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text_checked, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fault_found_after_many_lines, setup, teardown),
	};
	return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}
