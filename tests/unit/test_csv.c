/* test_csv.c: the RFC 4180 reader, on every malformed input we could
 * think of. */
#include "testutil.h"

#include "csv.h"

typedef struct Read {
	Diag d;
	Arena a;
	Csv c;
} Read;

static Read *
open_csv(const char *text, char sep)
{
	Read *r = xcalloc(1, sizeof *r);
	size_t n = strlen(text);
	char *t = xmalloc(n + 1);
	memcpy(t, text, n + 1);
	int f = diag_add_file(&r->d, "u.csv", t, n, -1);
	csv_open(&r->c, &r->d, f, sep, &r->a);
	return r;
}

static void
close_csv(Read *r)
{
	csv_close(&r->c);
	arena_free(&r->a);
	diag_free(&r->d);
	free(r);
}

static void
assert_field(const Csv *c, int i, const char *want)
{
	assert_true(i < c->nf);
	assert_int_equal(c->f[i].len, (int)strlen(want));
	assert_memory_equal(c->f[i].s, want, strlen(want));
}

static void
test_plain_records(void **state)
{
	(void)state;
	Read *r = open_csv("a,b,c\n1,,3\n", 0);
	assert_int_equal(r->c.sep, ',');
	assert_int_equal(csv_next(&r->c), 1);
	assert_int_equal(r->c.nf, 3);
	assert_field(&r->c, 2, "c");
	assert_int_equal(csv_next(&r->c), 1);
	assert_field(&r->c, 0, "1");
	assert_field(&r->c, 1, "");
	assert_int_equal(r->c.rec_line, 2);
	assert_int_equal(csv_next(&r->c), 0);
	close_csv(r);
}

static void
test_quotes_separators_newlines(void **state)
{
	(void)state;
	Read *r = open_csv("id,name\nA,\"Roma, \"\"Tor\"\" Pagnotta\"\n\"B\",\"two\nlines\"\nC,x\n", 0);
	assert_int_equal(csv_next(&r->c), 1);
	assert_int_equal(csv_next(&r->c), 1);
	assert_field(&r->c, 1, "Roma, \"Tor\" Pagnotta");
	assert_int_equal(csv_next(&r->c), 1);
	assert_field(&r->c, 0, "B");
	assert_field(&r->c, 1, "two\nlines");
	assert_int_equal(csv_next(&r->c), 1);
	assert_int_equal(r->c.rec_line, 5);	/* the quoted newline counts */
	assert_field(&r->c, 0, "C");
	close_csv(r);
}

static void
test_bom_crlf_and_blank_lines(void **state)
{
	(void)state;
	Read *r = open_csv("\xEF\xBB\xBFid,n\r\n\r\nA,1\r\n\nB,2", 0);
	assert_int_equal(csv_next(&r->c), 1);
	assert_field(&r->c, 0, "id");
	assert_field(&r->c, 1, "n");
	assert_int_equal(csv_next(&r->c), 1);
	assert_field(&r->c, 1, "1");
	assert_int_equal(r->c.rec_line, 3);
	assert_int_equal(csv_next(&r->c), 1);
	assert_field(&r->c, 1, "2");
	assert_int_equal(csv_next(&r->c), 0);
	close_csv(r);
}

static void
test_separator_detected(void **state)
{
	(void)state;
	Read *r = open_csv("id;name;x\nA;\"a,b\";1,5\n", 0);
	assert_int_equal(r->c.sep, ';');
	csv_next(&r->c);
	csv_next(&r->c);
	assert_field(&r->c, 1, "a,b");
	assert_field(&r->c, 2, "1,5");
	close_csv(r);
	r = open_csv("id\tname\n", 0);
	assert_int_equal(r->c.sep, '\t');
	close_csv(r);
	r = open_csv("\"a;b;c\",x\n", 0);	/* quoted separators do not count */
	assert_int_equal(r->c.sep, ',');
	close_csv(r);
	r = open_csv("id,name;x\n", ';');	/* given, not detected */
	assert_int_equal(r->c.sep, ';');
	csv_next(&r->c);
	assert_field(&r->c, 0, "id,name");
	close_csv(r);
}

static void
assert_malformed(const char *text, int line, int col, const char *msg)
{
	Read *r = open_csv(text, 0);
	int rc;
	while ((rc = csv_next(&r->c)) > 0)
		;
	assert_int_equal(rc, -1);
	assert_int_equal(r->d.errors, 1);
	assert_string_equal(r->d.msgs[0].text, msg);
	assert_int_equal(r->d.msgs[0].loc.first_line, line);
	assert_int_equal(r->d.msgs[0].loc.first_column, col);
	close_csv(r);
}

static void
test_malformed(void **state)
{
	(void)state;
	assert_malformed("a,b\n1,\"open\n", 2, 3, "this quoted field is never closed: a '\"' is missing");
	assert_malformed("a,b\n1,\"x\"y\n", 2, 6, "after a closing quote comes the separator or the end of the line");
	assert_malformed("a,b\n1,x\"y\n", 2, 4, "a '\"' inside a field that does not start with one; quote the whole field and double the '\"'");
	assert_malformed("a,b\n1,\"\"\"\n", 2, 3, "this quoted field is never closed: a '\"' is missing");
	assert_malformed("a,b\n\"multi\nline\" x,2\n", 3, 6, "after a closing quote comes the separator or the end of the line");
	assert_malformed("\"", 1, 1, "this quoted field is never closed: a '\"' is missing");
}

static void
test_empty_quoted_and_trailing(void **state)
{
	(void)state;
	Read *r = open_csv("a,b,c\n\"\",,\"\"\r\n", 0);
	csv_next(&r->c);
	assert_int_equal(csv_next(&r->c), 1);
	assert_int_equal(r->c.nf, 3);
	assert_field(&r->c, 0, "");
	assert_field(&r->c, 1, "");
	assert_field(&r->c, 2, "");
	close_csv(r);
}

static void
test_field_locations(void **state)
{
	(void)state;
	Read *r = open_csv("id,città,n\nA,Forlì,12\n", 0);
	csv_next(&r->c);
	csv_next(&r->c);
	Loc l = csv_loc(&r->c, 2);
	assert_int_equal(l.first_line, 2);
	assert_int_equal(l.first_column, 9);	/* "A,Forlì," is 8 letters */
	assert_int_equal(l.last_column, 11);
	close_csv(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_records),
		cmocka_unit_test(test_quotes_separators_newlines),
		cmocka_unit_test(test_bom_crlf_and_blank_lines),
		cmocka_unit_test(test_separator_detected),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_empty_quoted_and_trailing),
		cmocka_unit_test(test_field_locations),
	};
	return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
