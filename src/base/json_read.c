/* json_read.c: a recursive-descent JSON reader (RFC 8259), depth-limited so
 * that no input exhausts the stack; each error names where it is. */
#include "json_read.h"
#include "msg.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct Reader {
	Arena *a;
	Diag *d;
	int file;
	const char *s;
	size_t n, i;
	int line, col;		/* of s[i] */
	int depth;
} Reader;

static Loc
here(const Reader *r)
{
	return (Loc){r->line, r->col, r->line, r->col + 1, r->file};
}

static void
step(Reader *r)
{
	if (r->s[r->i] == '\n')
		r->line++, r->col = 1;
	else if (((unsigned char)r->s[r->i] & 0xC0) != 0x80)
		r->col++;	/* a character, not a continuation byte */
	r->i++;
}

static void
blanks(Reader *r)
{
	while (r->i < r->n && strchr(" \t\r\n", r->s[r->i]))
		step(r);
}

static Json *
fail(Reader *r, const char *what)
{
	if (r->i >= r->n)
		diag_error(r->d, here(r), "the file ends where %s should be; is it the whole report?", what);
	else
		diag_error(r->d, here(r), "expected %s here", what);
	return NULL;
}

static int
hex(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
		c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static void
put_utf8(Buf *b, unsigned u)
{
	if (u < 0x80) {
		buf_putc(b, (char)u);
	} else if (u < 0x800) {
		buf_putc(b, (char)(0xC0 | u >> 6));
		buf_putc(b, (char)(0x80 | (u & 0x3F)));
	} else if (u < 0x10000) {
		buf_putc(b, (char)(0xE0 | u >> 12));
		buf_putc(b, (char)(0x80 | (u >> 6 & 0x3F)));
		buf_putc(b, (char)(0x80 | (u & 0x3F)));
	} else {
		buf_putc(b, (char)(0xF0 | u >> 18));
		buf_putc(b, (char)(0x80 | (u >> 12 & 0x3F)));
		buf_putc(b, (char)(0x80 | (u >> 6 & 0x3F)));
		buf_putc(b, (char)(0x80 | (u & 0x3F)));
	}
}

/* Four hex digits after \u; -1 when they are not. */
static long
hex4(Reader *r)
{
	long u = 0;
	for (int k = 0; k < 4; k++) {
		int h = r->i < r->n ? hex(r->s[r->i]) : -1;
		if (h < 0)
			return -1;
		u = u * 16 + h;
		step(r);
	}
	return u;
}

static char *
string(Reader *r)
{
	Buf b = {0};
	step(r);	/* the opening quote */
	while (r->i < r->n && r->s[r->i] != '"') {
		char c = r->s[r->i];
		if ((unsigned char)c < 0x20) {
			diag_error(r->d, here(r), "a text in quotes cannot hold a line break or a control character");
			goto bad;
		}
		if (c != '\\') {
			buf_putc(&b, c);
			step(r);
			continue;
		}
		Loc at = here(r);
		step(r);
		char e = r->i < r->n ? r->s[r->i] : 0;
		const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t";
		const char *k = e ? strchr(from, e) : NULL;
		if (k) {
			buf_putc(&b, to[k - from]);
			step(r);
			continue;
		}
		if (e != 'u') {
			diag_error(r->d, at, "unknown escape in a text; JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX");
			goto bad;
		}
		step(r);
		long u = hex4(r);
		if (u >= 0xD800 && u < 0xDC00 && r->i + 1 < r->n && r->s[r->i] == '\\' && r->s[r->i + 1] == 'u') {
			step(r), step(r);
			long lo = hex4(r);
			u = lo >= 0xDC00 && lo < 0xE000 ? 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00) : -1;
		} else if (u >= 0xD800 && u < 0xE000) {
			u = -1;
		}
		if (u < 0) {
			diag_error(r->d, at, "a \\u escape needs four hex digits (and a surrogate its pair)");
			goto bad;
		}
		put_utf8(&b, (unsigned)u);
	}
	if (r->i >= r->n) {
		fail(r, _("the closing quote of a text"));
		goto bad;
	}
	step(r);
	char *s = arena_strndup(r->a, b.p ? b.p : "", b.len);
	buf_free(&b);
	return s;
bad:
	buf_free(&b);
	return NULL;
}

static Json *value(Reader *r);

static Json *
node(Reader *r, JsonType t, Loc loc)
{
	Json *j = arena_alloc(r->a, sizeof *j);
	j->type = t;
	j->loc = loc;
	return j;
}

/* The members or items of an object or an array, up to `close`. */
static Json *
container(Reader *r, bool obj)
{
	Json *j = node(r, obj ? J_OBJ : J_ARR, here(r));
	char close = obj ? '}' : ']';
	if (++r->depth > JSON_MAX_DEPTH) {
		diag_error(r->d, here(r), "objects and arrays nest more than %d deep here", JSON_MAX_DEPTH);
		return NULL;
	}
	step(r);
	blanks(r);
	int cap = 0;
	if (r->i < r->n && r->s[r->i] == close) {
		step(r);
		r->depth--;
		return j;
	}
	for (;;) {
		char *key = NULL;
		blanks(r);
		if (obj) {
			if (r->i >= r->n || r->s[r->i] != '"')
				return fail(r, _("a member's name in quotes"));
			if (!(key = string(r)))
				return NULL;
			blanks(r);
			if (r->i >= r->n || r->s[r->i] != ':')
				return fail(r, _("':' after a member's name"));
			step(r);
		}
		Json *v = value(r);
		if (!v)
			return NULL;
		if (j->n == cap) {
			int ncap = cap ? cap * 2 : 8;
			Json **items = arena_alloc(r->a, (size_t)ncap * sizeof *items);
			char **keys = arena_alloc(r->a, (size_t)ncap * sizeof *keys);
			if (j->n) {
				memcpy(items, j->items, (size_t)j->n * sizeof *items);
				memcpy(keys, j->keys, (size_t)j->n * sizeof *keys);
			}
			j->items = items, j->keys = keys, cap = ncap;
		}
		j->keys[j->n] = key;
		j->items[j->n++] = v;
		blanks(r);
		if (r->i < r->n && r->s[r->i] == ',') {
			step(r);
			continue;
		}
		if (r->i < r->n && r->s[r->i] == close) {
			step(r);
			r->depth--;
			return j;
		}
		return fail(r, obj ? _("',' or '}' after a member") : _("',' or ']' after an item"));
	}
}

static Json *
number(Reader *r)
{
	Json *j = node(r, J_NUM, here(r));
	size_t start = r->i;
	if (r->s[r->i] == '-')
		step(r);
	size_t digits = r->i;
	while (r->i < r->n && strchr("0123456789.eE+-", r->s[r->i]))
		step(r);
	char tmp[64];
	size_t len = r->i - start;
	if (len >= sizeof tmp || r->i == digits) {
		r->i = start;	/* the caret where it starts */
		return fail(r, _("a number"));
	}
	memcpy(tmp, r->s + start, len);
	tmp[len] = 0;
	char *end;
	j->num = strtod(tmp, &end);
	if (*end || !isfinite(j->num)) {
		diag_error(r->d, j->loc, "'%s' is not a number JSON can hold", tmp);
		return NULL;
	}
	return j;
}

static Json *
word(Reader *r, const char *w, JsonType t, double v)
{
	size_t n = strlen(w);
	if (r->n - r->i < n || memcmp(r->s + r->i, w, n))
		return fail(r, _("a value (a text in quotes, a number, true, false, null, an object or an array)"));
	Json *j = node(r, t, here(r));
	j->num = v;
	for (size_t k = 0; k < n; k++)
		step(r);
	return j;
}

static Json *
value(Reader *r)
{
	blanks(r);
	if (r->i >= r->n)
		return fail(r, _("a value"));
	switch (r->s[r->i]) {
	case '{': return container(r, true);
	case '[': return container(r, false);
	case '"': {
		Json *j = node(r, J_STR, here(r));
		return (j->str = string(r)) ? j : NULL;
	}
	case 't': return word(r, "true", J_BOOL, 1);
	case 'f': return word(r, "false", J_BOOL, 0);
	case 'n': return word(r, "null", J_NULL, 0);
	default:
		if (r->s[r->i] == '-' || (r->s[r->i] >= '0' && r->s[r->i] <= '9'))
			return number(r);
		return fail(r, _("a value (a text in quotes, a number, true, false, null, an object or an array)"));
	}
}

Json *
json_parse(Arena *a, Diag *d, int file)
{
	const SrcFile *f = &d->files[file];
	Reader r = {a, d, file, f->text, f->len, 0, 1, 1, 0};
	if (r.n >= 3 && !memcmp(r.s, "\xEF\xBB\xBF", 3))
		r.i = 3;	/* a byte order mark */
	Json *j = value(&r);
	if (!j)
		return NULL;
	blanks(&r);
	if (r.i < r.n) {
		diag_error(d, here(&r), "the report ends before this: one JSON value a file");
		return NULL;
	}
	return j;
}

const Json *
json_get(const Json *obj, const char *key)
{
	for (int i = 0; obj && obj->type == J_OBJ && i < obj->n; i++)
		if (!strcmp(obj->keys[i], key))
			return obj->items[i];
	return NULL;
}

const char *
json_type_name(JsonType t)
{
	static const char *const names[] = {"null", N_("true or false"), N_("a number"), N_("a text"), N_("an array"),
					    N_("an object")};
	return _(names[t]);
}
