/* diag.c: collect messages, print them as file:line:col, the line and a caret. */
#include "diag.h"
#include "msg.h"

#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <stdlib.h>
#include <string.h>

int
diag_add_file(Diag *d, const char *path, char *text, size_t len, int parent)
{
	if (d->nfiles == d->capfiles) {
		d->capfiles = d->capfiles ? d->capfiles * 2 : 8;
		d->files = xrealloc(d->files, d->capfiles * sizeof *d->files);
	}
	SrcFile *f = &d->files[d->nfiles];
	memset(f, 0, sizeof *f);
	size_t n = strlen(path);
	f->path = xmalloc(n + 1);
	memcpy(f->path, path, n + 1);
	f->text = text;
	f->len = len;
	f->parent = parent;
	return d->nfiles++;
}

void
diag_set_sheet(Diag *d, int file, const char *sheet)
{
	size_t n = strlen(sheet);
	free(d->files[file].sheet);
	d->files[file].sheet = xmalloc(n + 1);
	memcpy(d->files[file].sheet, sheet, n + 1);
}

/* A sheet's column: 1 A, 26 Z, 27 AA. */
static void
put_column_name(Buf *out, int col)
{
	char s[8];
	int n = 0;
	for (; col > 0 && n < (int)sizeof s; col = (col - 1) / 26)
		s[n++] = (char)('A' + (col - 1) % 26);
	while (n > 0)
		buf_putc(out, s[--n]);
}

enum {
	DIAG_KEEP = 1000,	/* messages kept; past that, only counted */
	DIAG_TEXT = 400,	/* a message quoting a huge cell is cut */
};

/* Line `line` of a pipe, if it is in the part in memory and not huge. */
static char *
copy_line(const SrcFile *f, int line)
{
	if (f->text || !f->win || line < f->win_line)
		return NULL;
	const char *p = f->win, *end = f->win + f->win_len;
	for (int l = f->win_line; l < line; l++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			return NULL;
		p = nl + 1;
	}
	const char *e = memchr(p, '\n', (size_t)(end - p));
	if (!e)
		e = end;
	if (e - p > 65536)
		return NULL;
	char *q = xmalloc((size_t)(e - p) + 1);
	memcpy(q, p, (size_t)(e - p));
	q[e - p] = 0;
	return q;
}

static void
add(Diag *d, DiagLevel level, Loc loc, const char *fmt, va_list ap)
{
	if (d->nmsgs >= DIAG_KEEP && loc.file >= 0) {	/* a message with no place is a
							 * summary: always kept */
		if (level == DIAG_ERROR)
			d->errors++, d->dropped++;
		else
			d->warnings++;
		return;
	}
	if (d->nmsgs == d->capmsgs) {
		d->capmsgs = d->capmsgs ? d->capmsgs * 2 : 16;
		d->msgs = xrealloc(d->msgs, d->capmsgs * sizeof *d->msgs);
	}
	Buf b = {0};
	buf_vprintf(&b, _(fmt), ap);
	if (b.len > DIAG_TEXT) {
		size_t cut = DIAG_TEXT;
		while (cut > 0 && ((unsigned char)b.p[cut] & 0xC0) == 0x80)
			cut--;
		b.len = cut;
		buf_puts(&b, "...");
	}
	DiagMsg *m = &d->msgs[d->nmsgs];
	m->quote = loc.file >= 0 ? copy_line(&d->files[loc.file], loc.first_line) : NULL;
	m->level = level;
	m->loc = loc;
	m->seq = d->nmsgs++;
	m->text = b.p;
	m->kind = m->rule = m->scope = NULL;
	if (level == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
}

void
diag_take(Diag *to, Diag *from)
{
	for (int i = 0; i < from->nmsgs; i++) {
		DiagMsg *m = &from->msgs[i];
		bool error = m->level == DIAG_ERROR;
		if (to->nmsgs >= DIAG_KEEP && m->loc.file >= 0) {
			to->errors += error, to->dropped += error, to->warnings += !error;
			free(m->text);
			free(m->quote);
			continue;
		}
		if (to->nmsgs == to->capmsgs) {
			to->capmsgs = to->capmsgs ? to->capmsgs * 2 : 16;
			to->msgs = xrealloc(to->msgs, to->capmsgs * sizeof *to->msgs);
		}
		to->msgs[to->nmsgs] = *m;
		to->msgs[to->nmsgs].seq = to->nmsgs;
		to->nmsgs++;
		to->errors += error, to->warnings += !error;
	}
	to->errors += from->dropped;
	to->dropped += from->dropped;
	from->nmsgs = from->errors = from->warnings = from->dropped = 0;
}

void
diag_error(Diag *d, Loc loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, DIAG_ERROR, loc, fmt, ap);
	va_end(ap);
}

void
diag_warning(Diag *d, Loc loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, DIAG_WARNING, loc, fmt, ap);
	va_end(ap);
}

void
diag_warning_about(Diag *d, const char *kind, const char *rule, const char *scope, Loc loc,
		   const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = d->nmsgs;
	add(d, DIAG_WARNING, loc, fmt, ap);
	va_end(ap);
	if (d->nmsgs > n) {
		d->msgs[n].kind = kind;
		d->msgs[n].rule = rule;
		d->msgs[n].scope = scope;
	}
}

void
diag_plain(Diag *d, const char *fmt, ...)
{
	Loc none = {0, 0, 0, 0, -1};
	va_list ap;
	va_start(ap, fmt);
	add(d, DIAG_ERROR, none, fmt, ap);
	va_end(ap);
}

const char *
diag_line(const Diag *d, int f, int line, size_t *n)
{
	const SrcFile *sf = &d->files[f];
	const char *p = sf->text, *end = sf->text + sf->len;
	for (int l = 1; l < line && p < end; l++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl) {
			p = end;
			break;
		}
		p = nl + 1;
	}
	const char *e = memchr(p, '\n', (size_t)(end - p));
	if (!e)
		e = end;
	if (e > p && e[-1] == '\r')
		e--;
	*n = (size_t)(e - p);
	return p;
}

/* Byte offset of code-point column col (1-based) in s[0..n). */
static size_t
col_offset(const char *s, size_t n, int col)
{
	size_t i = 0;
	for (int c = 1; c < col && i < n; c++) {
		i++;
		while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
	}
	return i;
}

char *
diag_text(const Diag *d, Loc loc, Arena *a)
{
	size_t n;
	const char *s = diag_line(d, loc.file, loc.first_line, &n);
	size_t from = col_offset(s, n, loc.first_column);
	size_t to = loc.last_line == loc.first_line
		? col_offset(s, n, loc.last_column) : n;
	if (to < from)
		to = from;
	return arena_strndup(a, s + from, to - from);
}

static int
cmp_msg(const void *pa, const void *pb)
{
	const DiagMsg *a = pa, *b = pb;
	if (a->loc.file != b->loc.file)
		return a->loc.file < b->loc.file ? -1 : 1;
	if (a->loc.first_line != b->loc.first_line)
		return a->loc.first_line < b->loc.first_line ? -1 : 1;
	if (a->loc.first_column != b->loc.first_column)
		return a->loc.first_column < b->loc.first_column ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

enum { DIAG_WINDOW = 160 };	/* longer lines are quoted around the caret */

/* Lines of a file read as a stream, read again in order to be quoted. */
typedef struct LineReader {
	int file;
	FILE *fp;
	int line;		/* of the text in buf */
	char *buf;
	size_t cap;
	ssize_t len;
} LineReader;

static const char *
reread_line(const Diag *d, LineReader *r, int f, int line, size_t *n)
{
	if (r->file != f || r->line > line) {
		if (r->fp)
			fclose(r->fp);
		r->fp = fopen(d->files[f].path, "rb");
		r->file = f;
		r->line = 0;
	}
	while (r->fp && r->line < line) {
		r->len = getline(&r->buf, &r->cap, r->fp);
		if (r->len < 0) {
			fclose(r->fp);
			r->fp = NULL;
			break;
		}
		r->line++;
	}
	if (!r->fp)
		return NULL;	/* gone, or a pipe: no quote */
	size_t k = (size_t)r->len;
	if (k && r->buf[k - 1] == '\n')
		k--;
	if (k && r->buf[k - 1] == '\r')
		k--;
	*n = k;
	return r->buf;
}

static void
print_msg(const Diag *d, const DiagMsg *m, LineReader *r, Buf *out)
{
	const char *level = m->level == DIAG_ERROR ? _("error") : _("warning");
	if (m->loc.file < 0) {
		buf_printf(out, "coplan: %s: ", level);
		buf_put_text(out, m->text, strlen(m->text));
		buf_putc(out, '\n');
		return;
	}
	const Loc *l = &m->loc;
	const char *path = d->files[l->file].path;
	if (!strcmp(path, "-"))
		path = "<stdin>";
	buf_put_text(out, path, strlen(path));
	const SrcFile *f = &d->files[l->file];
	if (f->sheet) {
		buf_putc(out, ':');
		buf_put_text(out, f->sheet, strlen(f->sheet));
		buf_putc(out, '!');
		put_column_name(out, l->first_column);
		buf_printf(out, "%d: %s: ", l->first_line, level);
	} else {
		buf_printf(out, ":%d:%d: %s: ", l->first_line, l->first_column, level);
	}
	buf_put_text(out, m->text, strlen(m->text));
	buf_putc(out, '\n');
	size_t n = 0;
	const char *s = f->text ? diag_line(d, l->file, l->first_line, &n)
		: m->quote ? m->quote
		: f->reread ? reread_line(d, r, l->file, l->first_line, &n) : NULL;
	if (!s)
		return;	/* a pipe's line gone by */
	if (s == m->quote) {
		n = strlen(s);
		if (n && s[n - 1] == '\r')
			n--;
	}
	size_t at = col_offset(s, n, l->first_column);
	/* a long line: a window around the caret */
	size_t from = 0, to = n;
	if (n > DIAG_WINDOW) {
		from = at > DIAG_WINDOW / 2 ? at - DIAG_WINDOW / 2 : 0;
		while (from > 0 && ((unsigned char)s[from] & 0xC0) == 0x80)
			from--;
		to = from + DIAG_WINDOW < n ? from + DIAG_WINDOW : n;
		while (to < n && ((unsigned char)s[to] & 0xC0) == 0x80)
			to++;
	}
	int gutter = 5;	/* wider for a line past 99999 */
	for (int x = l->first_line / 100000; x; x /= 10)
		gutter++;
	buf_printf(out, "%*d | %s", gutter, l->first_line, from ? "..." : "");
	buf_put_text(out, s + from, to - from);
	buf_printf(out, "%s\n%*s | %s", to < n ? "..." : "", gutter, "", from ? "   " : "");
	for (size_t i = from; i < at && i < to; i++) {
		if (((unsigned char)s[i] & 0xC0) == 0x80)
			continue;
		buf_putc(out, s[i] == '\t' ? '\t' : ' ');
	}
	buf_putc(out, '^');
	if (l->last_line == l->first_line) {
		int room = utf8_width(s + at, at < to ? to - at : 0);
		for (int c = l->first_column + 1; c < l->last_column && c - l->first_column < room; c++)
			buf_putc(out, '~');
	}
	buf_putc(out, '\n');
}

void
diag_sort(Diag *d)
{
	if (d->nmsgs > 1)
		qsort(d->msgs, (size_t)d->nmsgs, sizeof *d->msgs, cmp_msg);
}

void
diag_flush(Diag *d, Buf *out)
{
	if (d->nmsgs == 0 && !d->dropped)
		return;
	if (d->nmsgs > 1)
		qsort(d->msgs, (size_t)d->nmsgs, sizeof *d->msgs, cmp_msg);
	int shown = 0, hidden = 0;
	LineReader r = {-1, NULL, 0, NULL, 0, 0};
	for (int i = 0; i < d->nmsgs; i++) {
		DiagMsg *m = &d->msgs[i];
		if (m->level == DIAG_ERROR && shown == DIAG_MAX_ERRORS) {
			hidden++;
		} else {
			shown += m->level == DIAG_ERROR;
			print_msg(d, m, &r, out);
		}
		free(m->text);
		free(m->quote);
	}
	if (r.fp)
		fclose(r.fp);
	free(r.buf);
	hidden += d->dropped;
	if (hidden)
		buf_printf(out, plural(hidden, "coplan: %d more error not shown\n",
				       "coplan: %d more errors not shown\n"), hidden);
	d->nmsgs = 0;
	d->dropped = 0;
}

bool
diag_check_span(Diag *d, int f, const char *what, const char *text, size_t n,
		TextCheck *t)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = t->at;
	while (i < n) {
		/* the fast way over plain text, eight bytes at a time: no NUL,
		 * no high bit; its newlines counted at once (each byte below
		 * 0x80, so a byte's test carries into no other) */
		const uint64_t lows = 0x7F7F7F7F7F7F7F7Full, highs = 0x8080808080808080ull;
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if ((w & highs) || (~(((w & lows) + lows) | w) & highs))
				break;
			uint64_t nl = w ^ 0x0A0A0A0A0A0A0A0Aull;
			uint64_t hit = ~(((nl & lows) + lows) | nl) & highs;	/* a newline's high bit */
			if (hit) {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
				t->line += __builtin_popcountll(hit);
				t->line_start = i + (size_t)((63 - __builtin_clzll(hit)) >> 3) + 1;
#else
				break;	/* counted one by one below */
#endif
			}
			i += 8;
		}
		if (i >= n)
			break;
		unsigned char c = s[i];
		if (c == '\n') {
			t->line++;
			t->line_start = ++i;
			continue;
		}
		size_t k = c < 0x80 ? (c ? 1 : 0) : utf8_len(s + i, n - i);
		const char *fault = !c ? _("a NUL byte")
			: !k ? _("a byte that is not UTF-8")
			: k == 3 && memcmp(s + i, "\xEF\xBB\xBF", 3) == 0 ? _("a byte order mark (U+FEFF) in the middle of the file")
			: NULL;
		if (fault) {
			int col = 1 + utf8_width(text + t->line_start, i - t->line_start);
			Loc at = {t->line, col, t->line, col + 1, f};
			/* a table from a spreadsheet: how to read it */
			bool table = strstr(what, "table") || strstr(what, "roster") || strstr(what, "waivers");
			if (c && !k)
				diag_error(d, at, "the byte 0x%02X is not UTF-8: %s must be UTF-8 text%s", c, _(what),
					   table ? _("; a spreadsheet's 'CSV' is often Windows-1252: give --encoding cp1252, "
					   "or save the file as 'CSV UTF-8'") : "");
			else
				diag_error(d, at, "%s: %s must be UTF-8 text", fault, _(what));
			t->at = i;
			return false;
		}
		i += k;
	}
	t->at = i;
	return true;
}

bool
diag_check_text(Diag *d, int f, const char *what)
{
	const SrcFile *sf = &d->files[f];
	TextCheck t = {0, 0, 1};
	if (sf->len >= 3 && memcmp(sf->text, "\xEF\xBB\xBF", 3) == 0)
		t.at = 3;
	return diag_check_span(d, f, what, sf->text, sf->len, &t);
}

void
diag_free(Diag *d)
{
	for (int i = 0; i < d->nmsgs; i++) {
		free(d->msgs[i].text);
		free(d->msgs[i].quote);
	}
	for (int i = 0; i < d->nfiles; i++) {
		free(d->files[i].path);
		free(d->files[i].text);
		free(d->files[i].sheet);
	}
	free(d->msgs);
	free(d->files);
	memset(d, 0, sizeof *d);
}
