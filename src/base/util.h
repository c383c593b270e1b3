/* util.h: arena allocation, growable byte buffers, small helpers.
 *
 * Ownership: everything allocated from an Arena lives until arena_free();
 * nothing in it is freed one by one.  A Buf owns its bytes until buf_free().
 */
#ifndef COPLAN_UTIL_H
#define COPLAN_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct ArenaBlock ArenaBlock;
typedef struct Arena {
	ArenaBlock *head;	/* newest block first */
} Arena;

void *arena_alloc(Arena *a, size_t n);		/* zeroed, 16-aligned */
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_strdup(Arena *a, const char *s);
char *arena_printf(Arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void arena_free(Arena *a);
void arena_reset(Arena *a);	/* empty it, keeping one block */
/* A point to come back to: what is allocated after it goes at release. */
typedef struct ArenaMark {
	ArenaBlock *block;
	size_t used;
} ArenaMark;
ArenaMark arena_mark(Arena *a);
void arena_release(Arena *a, ArenaMark m);

typedef struct Buf {
	char *p;
	size_t len, cap;
} Buf;

void buf_grow(Buf *b, size_t extra);
void buf_put(Buf *b, const char *s, size_t n);
void buf_puts(Buf *b, const char *s);
void buf_putc(Buf *b, char c);
void buf_printf(Buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vprintf(Buf *b, const char *fmt, va_list ap);
void buf_pad(Buf *b, size_t width);
void buf_int(Buf *b, long long v);	/* in decimal, as printf's %lld */	/* spaces up to width bytes */
/* Text from a user's file, safe on a terminal: control characters, bytes
 * that are not UTF-8 and U+FEFF become '?'. */
void buf_put_text(Buf *b, const char *s, size_t n);
const char *buf_cstr(Buf *b);		/* NUL-terminated view */
void buf_free(Buf *b);

void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
void *xcalloc(size_t n, size_t size);
char *xstrdup(const char *s);

/* FNV-1a hash of a string, or of n bytes, for the open-addressing
 * tables; the two agree on the same bytes. */
unsigned mem_hash(const char *s, size_t n);

/* A piece of text, not NUL-terminated. */
typedef struct Str {
	const char *s;
	int len;
} Str;

/* Whether s holds only blanks and tabs; s without them at its ends. */
static inline bool
str_blank(const char *s, int len)
{
	for (int i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

static inline Str
str_trim(const char *s, int len)
{
	while (len > 0 && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	return (Str){s, len};
}


/* Makes room for element n of *v (capacity *cap, doubling). */
void vec_grow(void **v, int n, int *cap, size_t size);

/* s with each byte that starts no UTF-8 character written U+FFFD;
 * with xml, U+FFFE and U+FFFF too (XML has no such characters). */
void buf_put_utf8(Buf *b, const char *s, size_t n, bool xml);
/* Length of the valid UTF-8 sequence at s (n bytes at most), 0 if none. */
size_t utf8_len(const unsigned char *s, size_t n);

/* Number of UTF-8 code points in s[0..n). */
int utf8_width(const char *s, size_t n);

/* Spaces up to display column col of b's last line (one at least). */
void buf_pad_to(Buf *b, size_t col);

/* CLOCK_MONOTONIC in seconds: the clock of a plan's deadline. */
double clock_seconds(void);

#endif
