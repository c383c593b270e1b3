/* util.c: arenas, buffers, hashing, UTF-8. */
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

struct ArenaBlock {
	ArenaBlock *next;
	size_t used, cap;
	_Alignas(16) unsigned char data[];
};

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p) {
		fputs("coplan: out of memory\n", stderr);
		exit(2);
	}
	return p;
}

char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xmalloc(n), s, n);
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p) {
		fputs("coplan: out of memory\n", stderr);
		exit(2);
	}
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p) {
		fputs("coplan: out of memory\n", stderr);
		exit(2);
	}
	return p;
}

void *
arena_alloc(Arena *a, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	ArenaBlock *b = a->head;
	if (!b || b->cap - b->used < n) {
		size_t cap = n > 32768 ? n : 32768;
		b = xmalloc(sizeof *b + cap);
		b->used = 0;
		b->cap = cap;
		b->next = a->head;
		a->head = b;
	}
	void *p = b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

char *
arena_strndup(Arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

char *
arena_strdup(Arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *
arena_printf(Arena *a, const char *fmt, ...)
{
	Buf b = {0};
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	char *p = arena_strndup(a, b.p ? b.p : "", b.len);
	buf_free(&b);
	return p;
}

void
arena_reset(Arena *a)
{
	ArenaBlock *b = a->head;
	if (!b)
		return;
	ArenaBlock *rest = b->next;
	while (rest) {
		ArenaBlock *next = rest->next;
		free(rest);
		rest = next;
	}
	b->next = NULL;
	b->used = 0;
}

ArenaMark
arena_mark(Arena *a)
{
	ArenaMark m = {a->head, a->head ? a->head->used : 0};
	return m;
}

void
arena_release(Arena *a, ArenaMark m)
{
	while (a->head && a->head != m.block) {
		ArenaBlock *next = a->head->next;
		free(a->head);
		a->head = next;
	}
	if (a->head)
		a->head->used = m.used;
}

void
arena_free(Arena *a)
{
	ArenaBlock *b = a->head;
	while (b) {
		ArenaBlock *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
}

void
buf_grow(Buf *b, size_t extra)
{
	if (b->cap - b->len > extra)
		return;
	size_t cap = b->cap ? b->cap * 2 : 256;
	while (cap - b->len <= extra)
		cap *= 2;
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
}

void
buf_put(Buf *b, const char *s, size_t n)
{
	buf_grow(b, n);
	if (n)		/* s may be NULL then: an empty Buf's p */
		memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = 0;
}

void
buf_puts(Buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void
buf_putc(Buf *b, char c)
{
	buf_put(b, &c, 1);
}

void
buf_vprintf(Buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n + 1);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
buf_printf(Buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
buf_int(Buf *b, long long v)
{
	char t[24], *q = t + sizeof t;
	unsigned long long u = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
	do
		*--q = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--q = '-';
	buf_put(b, q, (size_t)(t + sizeof t - q));
}

void
buf_pad(Buf *b, size_t width)
{
	size_t start = b->len;
	/* pad by display width from the start of the current line */
	size_t i = start;
	while (i > 0 && b->p[i - 1] != '\n')
		i--;
	size_t w = (size_t)utf8_width(b->p + i, start - i);
	while (w++ < width)
		buf_putc(b, ' ');
}

size_t
utf8_len(const unsigned char *s, size_t n)
{
	size_t len = s[0] < 0x80 ? 1 : (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3
		: (s[0] & 0xF8) == 0xF0 ? 4 : 0;
	if (!len || len > n || (len == 2 && s[0] < 0xC2) || s[0] > 0xF4)
		return 0;
	for (size_t i = 1; i < len; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	/* no longer form than needed, no surrogate, nothing past U+10FFFF */
	if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] >= 0xA0) ||
	    (s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] >= 0x90))
		return 0;
	return len;
}

void
buf_put_text(Buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		const unsigned char *u = (const unsigned char *)s + i;
		size_t k = utf8_len(u, n - i);
		bool bom = k == 3 && memcmp(u, "\xEF\xBB\xBF", 3) == 0;
		if (bom || !k || (k == 1 && (u[0] < 0x20 || u[0] == 0x7F) && u[0] != '\t')) {
			buf_putc(b, '?');	/* one letter for one letter */
			i += bom ? 3 : 1;
			continue;
		}
		buf_put(b, s + i, k);
		i += k;
	}
}

void
buf_put_utf8(Buf *b, const char *s, size_t n, bool xml)
{
	for (size_t i = 0; i < n;) {
		const unsigned char *u = (const unsigned char *)s + i;
		size_t k = u[0] < 0x80 ? 1 : utf8_len(u, n - i);
		/* U+FFFE and U+FFFF are no characters of XML */
		if (!k || (xml && k == 3 && u[0] == 0xEF && u[1] == 0xBF && u[2] >= 0xBE)) {
			buf_puts(b, "\xEF\xBF\xBD");	/* U+FFFD */
			i += k ? k : 1;
			continue;
		}
		buf_put(b, s + i, k);
		i += k;
	}
}

const char *
buf_cstr(Buf *b)
{
	if (!b->p)
		buf_grow(b, 1), b->p[0] = 0;
	return b->p;
}

void
buf_free(Buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

unsigned
mem_hash(const char *s, size_t n)
{
	unsigned h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}


void
vec_grow(void **v, int n, int *cap, size_t size)
{
	if (n < *cap)
		return;
	*cap = *cap ? *cap * 2 : 16;
	*v = xrealloc(*v, (size_t)*cap * size);
}


int
utf8_width(const char *s, size_t n)
{
	int w = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			w++;
	return w;
}

void
buf_pad_to(Buf *b, size_t col)
{
	size_t start = b->len;
	while (start > 0 && b->p[start - 1] != '\n')
		start--;
	size_t w = (size_t)utf8_width(b->p + start, b->len - start);
	do
		buf_putc(b, ' ');
	while (++w < col);
}

double
clock_seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}
