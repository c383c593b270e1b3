/* csv.c: the RFC 4180 reader (quoted fields, embedded separators and
 * newlines, doubled quotes), UTF-8 BOM, LF or CRLF. */
#include "csv.h"
#include "msg.h"
#include "files.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The end of the first record at p: its first newline outside quotes,
 * or NULL when the record goes on past end. */
static const char *
record_end(const char *p, const char *end)
{
	bool q = false;
	for (; p < end; p++)
		if (*p == '"')
			q = !q;
		else if (*p == '\n' && !q)
			return p;
	return NULL;
}

static char
detect(const char *p, const char *end)
{
	int n[3] = {0, 0, 0};
	bool q = false;
	for (; p < end && (q || *p != '\n'); p++) {
		if (*p == '"')
			q = !q;
		else if (!q)
			n[0] += *p == ',', n[1] += *p == ';', n[2] += *p == '\t';
	}
	if (n[1] > n[0] && n[1] >= n[2])
		return ';';
	if (n[2] > n[0] && n[2] > n[1])
		return '\t';
	return ',';
}

enum {
	CSV_MAX_FIELDS = 10000,
	CSV_MAX_LINE = 1 << 20,
	CSV_MAX_BUF = 3 * CSV_MAX_LINE,	/* a record, and then some */
};

size_t csv_piece = 1 << 20;

/* Whether s[0..n) is the start of a character cut at n. */
static bool
cut_short(const unsigned char *s, size_t n)
{
	size_t want = (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
	if (want <= n)
		return false;
	for (size_t i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return false;
	return true;
}

/* Checks the bytes not yet checked; at the end, all of them. */
static bool
check_text(Csv *c)
{
	if (c->check.at == 0 && c->check.line == 1 && c->len >= 3 && memcmp(c->buf, "\xEF\xBB\xBF", 3) == 0)
		c->check.at = 3;
	size_t n = c->len;
	if (!c->eof) {	/* leave a character cut at the end for the next piece */
		size_t i = n > 3 ? n - 3 : 0;
		for (; i < n; i++)
			if (((unsigned char)c->buf[i] & 0xC0) != 0x80 && cut_short((unsigned char *)c->buf + i, n - i))
				break;
		n = i > c->check.at ? i : c->check.at;
	}
	if (diag_check_span(c->diag, c->file, c->what, c->buf, n, &c->check))
		return true;
	c->broken = true;
	return false;
}

/* A pipe cannot be read again: the Diag copies its lines from here. */
static void
show_window(Csv *c)
{
	SrcFile *f = &c->diag->files[c->file];
	if (c->fp && !f->reread) {
		f->win = c->buf;
		f->win_len = c->len;
		f->win_line = c->line;
	}
}

/* Moves the next record (at c->p, a line start) to the front of the
 * buffer and reads more after it.  False at a fault (said, and the
 * reading is broken), or when the buffer is full of one record. */
static bool
fill(Csv *c)
{
	if (!c->fp || c->eof)
		return false;
	size_t keep = (size_t)(c->p - c->buf);
	memmove(c->buf, c->p, c->len - keep);
	c->len -= keep;
	c->p = c->buf;
	c->line_off -= keep;
	c->check.at -= keep;
	c->check.line_start -= keep;
	if (c->len == c->cap) {
		if (c->cap >= CSV_MAX_BUF)
			return false;
		c->cap = c->cap * 2 < CSV_MAX_BUF ? c->cap * 2 : CSV_MAX_BUF;
		c->buf = xrealloc(c->buf, c->cap + 1);
		c->p = c->buf;
	}
	size_t want = c->cap - c->len < csv_piece ? c->cap - c->len : csv_piece;
	size_t n = fread(c->buf + c->len, 1, want, c->fp);
	const char *path = c->diag->files[c->file].path;
	if (n == 0 && ferror(c->fp)) {
		diag_plain(c->diag, "cannot read '%s': %s", path, strerror(errno));
		c->broken = true;
		return false;
	}
	c->eof = n == 0;
	c->total += n;
	if (c->total > DATA_MAX_FILE) {
		diag_plain(c->diag, "'%s' is larger than %d GiB", path, (int)(DATA_MAX_FILE >> 30));
		c->broken = true;
		return false;
	}
	c->len += n;
	c->buf[c->len] = 0;
	show_window(c);
	return check_text(c);
}

bool
csv_open(Csv *c, Diag *d, int file, char sep, const char *what)
{
	memset(c, 0, sizeof *c);
	c->diag = d;
	c->file = file;
	c->what = what;
	c->line = 1;
	c->check.line = 1;
	const SrcFile *sf = &d->files[file];
	if (sf->text) {
		c->buf = sf->text;
		c->len = c->size = sf->len;
		c->eof = true;
		if (!check_text(c))
			return false;
	} else {
		const char *path = sf->path;
		struct stat st;
		c->fp = open_input(path);
		int err = !c->fp ? errno : fstat(fileno(c->fp), &st) != 0 ? errno
			: S_ISDIR(st.st_mode) ? EISDIR : 0;
		if (err) {
			diag_plain(d, "cannot read '%s': %s", path, strerror(err));
			c->broken = true;
			return false;
		}
		/* a regular file: its size is known, and it can be read again */
		d->files[file].reread = S_ISREG(st.st_mode) && strcmp(path, "-") != 0;
		if (S_ISREG(st.st_mode))
			c->size = (size_t)st.st_size;
		if (c->size > DATA_MAX_FILE) {	/* said before reading it */
			diag_plain(d, "'%s' is larger than %d GiB", path, (int)(DATA_MAX_FILE >> 30));
			c->broken = true;
			return false;
		}
		c->cap = csv_piece < CSV_MAX_BUF ? csv_piece : CSV_MAX_BUF;
		c->buf = xmalloc(c->cap + 1);
		c->buf[0] = 0;
		c->p = c->buf;
		/* the header record whole (a quoted field may hold line
		 * breaks), to find its separator as the whole file would */
		while (!c->eof && !record_end(c->buf, c->buf + c->len))
			if (!fill(c) && (c->broken || c->len == c->cap))
				break;
		if (c->broken)
			return false;
	}
	c->p = c->buf;
	if (c->len >= 3 && memcmp(c->p, "\xEF\xBB\xBF", 3) == 0)
		c->p += 3;
	/* lines ended by CR alone (old Mac files) read as one long line of
	 * nonsense: said plainly instead */
	const char *end = c->buf + c->len, *nl = memchr(c->p, '\n', (size_t)(end - c->p));
	const char *cr = memchr(c->p, '\r', (size_t)((nl ? nl : end) - c->p));
	if (cr && cr + 1 < end && cr[1] != '\n') {
		Loc at = {1, utf8_width(c->p, (size_t)(cr - c->p)) + 1, 1, 0, c->file};
		at.last_column = at.first_column + 1;
		diag_error(d, at, "this file ends its lines with a carriage return alone (CR); save it with LF or CRLF line ends");
		c->broken = true;
		return false;
	}
	c->sep = sep ? sep : detect(c->p, c->buf + c->len);
	c->stop[(unsigned char)c->sep] = c->stop['\n'] = c->stop['"'] = 1;
	c->line_off = (size_t)(c->p - c->buf);
	return true;
}

void
csv_close(Csv *c)
{
	if (c->fp) {
		SrcFile *f = &c->diag->files[c->file];
		if (f->win == c->buf)
			f->win = NULL;
		fclose(c->fp);
		free(c->buf);
	}
	c->fp = NULL;
	c->buf = NULL;
	free(c->f);
	c->f = NULL;
	arena_free(&c->scratch);
}

/* The place of byte off of the record just read, `width` letters wide;
 * the record may span lines. */
static Loc
loc_at(const Csv *c, size_t off, int width)
{
	const char *base = c->buf;
	int line = c->rec_line;
	size_t ls = c->rec_line_off;
	for (size_t k = c->rec_off; k < off; k++)
		if (base[k] == '\n')
			line++, ls = k + 1;
	int col = 1 + utf8_width(base + ls, off - ls);
	Loc l = {line, col, line, col + (width > 0 ? width : 1), c->file};
	return l;
}

Loc
csv_loc(const Csv *c, int i)
{
	if (i >= c->nf)
		return loc_at(c, c->rec_off, 1);
	size_t off = c->f[i].off;
	/* a quoted field: point at its quote */
	int w = c->buf[off] == '"' ? 1 : utf8_width(c->f[i].s, (size_t)c->f[i].len);
	return loc_at(c, off, w);
}

Loc
csv_loc_text(const Csv *c, const char *s, int len)
{
	if (s < c->buf || s > c->buf + c->len) {	/* unescaped apart */
		Loc l = {c->rec_line, 1, c->rec_line, 2, c->file};
		return l;
	}
	return loc_at(c, (size_t)(s - c->buf), len ? utf8_width(s, (size_t)len) : 1);
}


static inline void
push(Csv *c, const char *s, int len, size_t off)
{
	if (c->nf == c->capf)
		vec_grow((void **)&c->f, c->nf, &c->capf, sizeof *c->f);
	c->f[c->nf++] = (Field){s, len, off};
}

static int
csv_fail(Csv *c, const char *at, const char *msg)
{
	diag_error(c->diag, loc_at(c, (size_t)(at - c->buf), 1), "%s", _(msg));
	c->broken = true;
	return -1;
}

enum { MORE = 2 };	/* parse: the record goes on past the buffer */

/* Where an unquoted field from p ends: the first separator, newline or
 * quote; eight bytes at a time where the machine allows. */
static inline const char *
field_end(const Csv *c, const char *p, const char *end)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
	const uint64_t ms = ones * (unsigned char)c->sep, mn = ones * '\n', mq = ones * '"';
	for (; p + 8 <= end; p += 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		uint64_t a = w ^ ms, b = w ^ mn, q = w ^ mq;
		/* a zero byte in a, b or q; the lowest one found is exact */
		uint64_t hit = (((a - ones) & ~a) | ((b - ones) & ~b) | ((q - ones) & ~q)) & highs;
		if (hit)
			return p + (__builtin_ctzll(hit) >> 3);
	}
#endif
	while (p < end && !c->stop[(unsigned char)*p])
		p++;
	return p;
}

/* One record from c->p, a line start; *whole when it ended at a
 * newline, so that more bytes cannot change it. */
static int
parse(Csv *c, bool *whole)
{
	const char *base = c->buf;
	const char *p = c->p, *end = c->buf + c->len;
	*whole = false;
	c->nf = 0;
	arena_reset(&c->scratch);
	c->rec_line = c->line;
	c->rec_off = (size_t)(p - base);
	c->rec_line_off = c->line_off;
	char sep = c->sep;
	for (;;) {
		const char *start = p;
		if (p < end && *p == '"') {
			p++;
			const char *q = p;
			bool doubled = false;
			for (;;) {
				const char *e = memchr(q, '"', (size_t)(end - q));
				if (!e || (e + 1 == end && !c->eof)) {
					if (!c->eof)
						return MORE;
					return csv_fail(c, start, "this quoted field is never closed: a '\"' is missing");
				}
				if (e + 1 < end && e[1] == '"') {
					doubled = true;
					q = e + 2;
					continue;
				}
				q = e;
				break;
			}
			for (const char *k = p; k < q; k++)
				if (*k == '\n')
					c->line++, c->line_off = (size_t)(k + 1 - base);
			if (doubled) {
				char *u = arena_alloc(&c->scratch, (size_t)(q - p) + 1);
				int n = 0;
				for (const char *k = p; k < q; k++) {
					u[n++] = *k;
					if (*k == '"')
						k++;
				}
				push(c, u, n, (size_t)(start - base));
			} else {
				push(c, p, (int)(q - p), (size_t)(start - base));
			}
			p = q + 1;
			if (p < end && *p != sep && *p != '\n' && !(*p == '\r' && p + 1 < end && p[1] == '\n') &&
			    !(*p == '\r' && p + 1 == end))
				return csv_fail(c, p, "after a closing quote comes the separator or the end of the line");
		} else {
			const char *e = field_end(c, p, end);
			if (e < end && *e == '"')
				return csv_fail(c, e, "a '\"' inside a field that does not start with one; quote the whole field and double the '\"'");
			const char *fe = e;
			if (fe > p && fe[-1] == '\r' && (fe == end || *fe == '\n'))
				fe--;
			push(c, p, (int)(fe - p), (size_t)(start - base));
			p = e;
		}
		if ((size_t)(p - base) - c->rec_off > CSV_MAX_LINE)
			return csv_fail(c, base + c->rec_off, "this line is longer than 1 MiB; is this a CSV table?");
		if (p < end && *p == sep) {
			if (c->nf == CSV_MAX_FIELDS)
				return csv_fail(c, p, "this line has more than 10000 fields; is this a CSV table?");
			p++;
			continue;
		}
		if (p < end && *p == '\r')
			p++;
		if (p < end && *p == '\n') {
			p++;
			c->line++;
			c->line_off = (size_t)(p - base);
			*whole = true;
		}
		break;
	}
	c->p = p;
	return 1;
}

int
csv_next(Csv *c)
{
	for (;;) {
		if (c->broken)
			return c->nf = 0, -1;
		const char *p = c->p, *end = c->buf + c->len;
		/* skip blank lines */
		while (p < end && (*p == '\n' || (*p == '\r' && p + 1 < end && p[1] == '\n'))) {
			p += *p == '\r' ? 2 : 1;
			c->line++;
			c->line_off = (size_t)(p - c->buf);
		}
		c->p = p;
		if (c->line > CSV_MAX_LINES) {	/* line numbers stay ints */
			c->rec_line = c->line = CSV_MAX_LINES;
			c->rec_line_off = c->rec_off = c->line_off = (size_t)(p - c->buf);
			diag_plain(c->diag, "'%s' has more than %d lines, blank ones included; is it a CSV table?",
				   c->diag->files[c->file].path, CSV_MAX_LINES);
			c->broken = true;
			return c->nf = 0, -1;
		}
		if ((p == end || (*p == '\r' && p + 1 == end)) && !c->eof) {
			if (!fill(c) && c->broken)
				return c->nf = 0, -1;
			continue;
		}
		if (p == end)
			return c->nf = 0, 0;
		int line = c->line;
		bool whole;
		int r = parse(c, &whole);
		if (r == 1 && (whole || c->eof))
			return 1;
		if (r < 0)
			return -1;
		/* cut by the end of the buffer: again, with more */
		c->p = p;
		c->line = line;
		c->line_off = (size_t)(p - c->buf);
		if (!fill(c)) {
			if (c->broken)
				return c->nf = 0, -1;
			/* the buffer is full of one record */
			c->rec_line = c->line;
			c->rec_off = c->rec_line_off = 0;
			return csv_fail(c, c->buf, "this line is longer than 1 MiB; is this a CSV table?");
		}
	}
}
