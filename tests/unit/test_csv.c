/* test_csv.c: the RFC 4180 reader, on every malformed input we could
 * think of. */
#include "testutil.h"

#include <unistd.h>

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
	int f = add_text(&r->d, "u.csv", text);
	csv_open(&r->c, &r->d, f, sep, "a units table");
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

/* The same text, read from a file a few bytes at a time. */
static Read *
open_file_csv(const char *text, size_t len, char sep, size_t piece)
{
	Read *r = xcalloc(1, sizeof *r);
	char path[] = "/tmp/coplan-csv-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	close(fd);
	int f = diag_add_file(&r->d, path, NULL, 0, -1);
	size_t keep = csv_piece;
	csv_piece = piece;
	if (!csv_open(&r->c, &r->d, f, sep, "a units table"))
		r->c.broken = true;
	csv_piece = keep;
	unlink(path);	/* open: still readable */
	return r;
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

/* Every record, field and place, and every message, as one text. */
static char *
transcript(Read *r)
{
	Buf b = {0};
	int rc;
	buf_printf(&b, "sep %d\n", r->c.sep);
	while ((rc = csv_next(&r->c)) > 0) {
		buf_printf(&b, "record at %d:", r->c.rec_line);
		for (int i = 0; i < r->c.nf; i++) {
			Loc l = csv_loc(&r->c, i);
			buf_printf(&b, " [%.*s]@%d:%d-%d", r->c.f[i].len, r->c.f[i].s, l.first_line,
				   l.first_column, l.last_column);
		}
		buf_putc(&b, '\n');
	}
	buf_printf(&b, "end %d\n", rc);
	for (int i = 0; i < r->d.nmsgs; i++)
		buf_printf(&b, "%d:%d %s\n", r->d.msgs[i].loc.first_line, r->d.msgs[i].loc.first_column,
			   r->d.msgs[i].text);
	return b.p;
}

static const size_t small_pieces[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 16, 64, 1 << 20, 0};
static const size_t big_pieces[] = {1 << 18, 1 << 20, 0};

/* A file read in pieces (of 1 to 9 bytes, and more) reads as the whole. */
static void
assert_pieces(const char *text, size_t len, const size_t *pieces)
{
	char *t = xmalloc(len + 1);
	memcpy(t, text, len);
	t[len] = 0;
	Read *r = xcalloc(1, sizeof *r);
	int f = diag_add_file(&r->d, "u.csv", t, len, -1);
	if (!csv_open(&r->c, &r->d, f, 0, "a units table"))
		r->c.broken = true;
	bool opened = !r->c.broken;
	char *whole = transcript(r);
	close_csv(r);
	if (!opened)	/* its sep: none; the rest: the message */
		memmove(whole, strstr(whole, "end -1\n"), strlen(strstr(whole, "end -1\n")) + 1);
	for (size_t i = 0; pieces[i]; i++) {
		r = open_file_csv(text, len, 0, pieces[i]);
		char *got = transcript(r);
		/* a fault found at the start of a whole text is found, read
		 * in pieces, where the reading reaches it: the same message */
		if (!opened && strstr(got, "end -1\n"))
			memmove(got, strstr(got, "end -1\n"), strlen(strstr(got, "end -1\n")) + 1);
		if (strcmp(got, whole))
			fail_msg("pieces of %zu bytes:\n%s\nwhole:\n%s", pieces[i], got, whole);
		free(got);
		close_csv(r);
	}
	free(whole);
}

static void
test_read_in_pieces(void **state)
{
	(void)state;
#define T(s) {s, sizeof s - 1}
	static const struct { const char *s; size_t n; } texts[] = {
		T("id,name,n\nA,Forlì,1\n"),
		T("\xEF\xBB\xBFid;città;n\r\n\r\nA;\"Forlì;\r\nsud\";12\r\n\n\nB;\"\"\"q\"\"\";3,5\r\n"),
		T("id,name\nA,\"two\nlines\"\nB,\xF0\x9F\x98\x80 smile\nC,last\r"),
		T("id,name\nA,\"\"\nB,x\n"),
		T("a,b\n1,\"open\n"),
		T("a,b\n1,\"x\"y\n"),
		T("a,b\n1,x\"y\n"),
		T("a,b\n\"multi\nline\" x,2\n"),
		T("a,b\n1,\xC3(\n"),
		T("a,b\n1,\xC3\n"),
		T("a,b\n1,\xC3"),
		T("a,b\n1,2\n\xEF\xBB\xBF,3\n"),
		T("a,b\n1,\xC3\xA8\xE2\x82\xAC\n"),
		T("a,b\n1,2\n3,\0\n"),
		T("\""),
		T(""),
		T("\n\n"),
		/* the header's separator is found on the whole header record:
		 * tabs lead the first piece, commas win past a quoted break */
		T("\t\t\tid,na,\",x\n\n\n\",,kind,parent,a,b,c\nA,b,c,d,e,f,g,h,i\n"),
	};
#undef T
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
		assert_pieces(texts[i].s, texts[i].n, small_pieces);
}

/* A record longer than 1 MiB, whatever the pieces: one message. */
static void
test_long_record_in_pieces(void **state)
{
	(void)state;
	size_t n = (size_t)4 << 20;	/* longer than the buffer holds */
	char *t = xmalloc(n + 16);
	memcpy(t, "a,b\n1,", 6);
	memset(t + 6, 'x', n);
	memcpy(t + 6 + n, "\n", 2);
	assert_pieces(t, n + 7, big_pieces);
	memset(t + 6, ',', n / 4);	/* many fields, shorter than the buffer */
	t[6 + n / 4 + 1] = '\n';
	assert_pieces(t, n / 4 + 8, big_pieces);
	free(t);
	Read *r = open_file_csv(t = strdup("a,b\n1,xyz\n"), 10, 0, 1);
	free(t);
	assert_int_equal(csv_next(&r->c), 1);
	assert_int_equal(csv_next(&r->c), 1);
	assert_field(&r->c, 1, "xyz");
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
		cmocka_unit_test(test_read_in_pieces),
		cmocka_unit_test(test_long_record_in_pieces),
	};
	return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
