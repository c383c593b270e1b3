/* csv.c: the RFC 4180 reader (quoted fields, embedded separators and
 * newlines, doubled quotes), UTF-8 BOM, LF or CRLF. */
#include "csv.h"

#include <stdlib.h>
#include <string.h>

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

void
csv_open(Csv *c, Diag *d, int file, char sep, Arena *arena)
{
	memset(c, 0, sizeof *c);
	c->diag = d;
	c->file = file;
	c->arena = arena;
	c->p = d->files[file].text;
	c->end = c->p + d->files[file].len;
	if (c->end - c->p >= 3 && memcmp(c->p, "\xEF\xBB\xBF", 3) == 0)
		c->p += 3;
	c->sep = sep ? sep : detect(c->p, c->end);
	c->stop[(unsigned char)c->sep] = c->stop['\n'] = c->stop['"'] = 1;
	c->line = 1;
	c->line_off = (size_t)(c->p - d->files[file].text);
}

void
csv_close(Csv *c)
{
	free(c->f);
	c->f = NULL;
}

/* The place of byte off of the record just read, `width` letters wide;
 * the record may span lines. */
static Loc
loc_at(const Csv *c, size_t off, int width)
{
	const char *base = c->diag->files[c->file].text;
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
	const char *base = c->diag->files[c->file].text;
	size_t off = c->f[i].off;
	/* a quoted field: point at its quote */
	int w = base[off] == '"' ? 1 : utf8_width(c->f[i].s, (size_t)c->f[i].len);
	return loc_at(c, off, w);
}

enum { CSV_MAX_FIELDS = 10000, CSV_MAX_LINE = 1 << 20 };

static inline void
push(Csv *c, const char *s, int len, size_t off)
{
	if (c->nf == c->capf)
		vec_grow((void **)&c->f, c->nf, &c->capf, sizeof *c->f);
	c->f[c->nf++] = (CsvField){s, len, off};
}

static int
fail(Csv *c, const char *at, const char *msg)
{
	diag_error(c->diag, loc_at(c, (size_t)(at - c->diag->files[c->file].text), 1), "%s", msg);
	return -1;
}

int
csv_next(Csv *c)
{
	const char *base = c->diag->files[c->file].text;
	const char *p = c->p, *end = c->end;
	/* skip blank lines */
	while (p < end && (*p == '\n' || (*p == '\r' && p + 1 < end && p[1] == '\n'))) {
		p += *p == '\r' ? 2 : 1;
		c->line++;
		c->line_off = (size_t)(p - base);
	}
	c->nf = 0;
	if (p >= end)
		return 0;
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
				if (!e) {
					c->p = end;
					return fail(c, start, "this quoted field is never closed: a '\"' is missing");
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
				char *u = arena_alloc(c->arena, (size_t)(q - p) + 1);
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
			    !(*p == '\r' && p + 1 == end)) {
				c->p = end;
				return fail(c, p, "after a closing quote comes the separator or the end of the line");
			}
		} else {
			const char *e = p;
			while (e < end && !c->stop[(unsigned char)*e])
				e++;
			if (e < end && *e == '"') {
				c->p = end;
				return fail(c, e, "a '\"' inside a field that does not start with one; quote the whole field and double the '\"'");
			}
			const char *fe = e;
			if (fe > p && fe[-1] == '\r' && (fe == end || *fe == '\n'))
				fe--;
			push(c, p, (int)(fe - p), (size_t)(start - base));
			p = e;
		}
		if ((size_t)(p - base) - c->rec_off > CSV_MAX_LINE) {
			c->p = end;
			return fail(c, base + c->rec_off, "this line is longer than 1 MiB; is this a CSV table?");
		}
		if (p < end && *p == sep) {
			if (c->nf == CSV_MAX_FIELDS) {
				c->p = end;
				return fail(c, p, "this line has more than 10000 fields; is this a CSV table?");
			}
			p++;
			continue;
		}
		if (p < end && *p == '\r')
			p++;
		if (p < end && *p == '\n') {
			p++;
			c->line++;
			c->line_off = (size_t)(p - base);
		}
		break;
	}
	c->p = p;
	return 1;
}
