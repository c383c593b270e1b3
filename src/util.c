/* util.c: arenas, buffers, files. */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
	if (!len || len > n || (len == 2 && s[0] < 0xC2))
		return 0;
	for (size_t i = 1; i < len; i++)
		if ((s[i] & 0xC0) != 0x80)
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

char *
read_file(const char *path, size_t *len)
{
	return read_file_max(path, len, 0);
}

FILE *
open_input(const char *path)
{
	if (strcmp(path, "-") != 0)
		return fopen(path, "rb");
	int fd = dup(STDIN_FILENO);	/* closing it leaves stdin be */
	FILE *f = fd < 0 ? NULL : fdopen(fd, "rb");
	if (!f && fd >= 0)
		close(fd);
	return f;
}

char *
read_file_max(const char *path, size_t *len, size_t max)
{
	FILE *f = open_input(path);
	if (!f)
		return NULL;
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		errno = EISDIR;
		return NULL;
	}
	Buf b = {0};
	if (st.st_size > 0 && (!max || (size_t)st.st_size <= max))
		buf_grow(&b, (size_t)st.st_size + 1);	/* one allocation */
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (max && b.len + n > max) {
			fclose(f);
			buf_free(&b);
			errno = EFBIG;
			return NULL;
		}
		buf_put(&b, chunk, n);
	}
	int err = ferror(f);
	fclose(f);
	if (err) {
		buf_free(&b);
		errno = EIO;
		return NULL;
	}
	buf_cstr(&b);
	*len = b.len;
	return b.p;
}

int
sink_open(Sink *s, const char *path)
{
	memset(s, 0, sizeof *s);
	s->fd = STDOUT_FILENO;
	if (!path)
		return 0;
	size_t n = strlen(path);
	s->path = xmalloc(n + 1);
	memcpy(s->path, path, n + 1);
	s->tmp = xmalloc(n + 32);
	snprintf(s->tmp, n + 32, "%s.tmp.%ld", path, (long)getpid());
	s->fd = open(s->tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (s->fd < 0) {
		int e = errno;
		free(s->path);
		free(s->tmp);
		errno = e;
		return -1;
	}
	struct stat st;
	if (stat(path, &st) == 0)
		fchmod(s->fd, st.st_mode & 07777);
	return 0;
}

static void
sink_write(Sink *s, Buf *b)
{
	for (size_t off = 0; off < b->len && !s->err;) {
		ssize_t w = write(s->fd, b->p + off, b->len - off);
		if (w < 0 && errno != EINTR)
			s->err = errno;
		else if (w > 0)
			off += (size_t)w;
	}
	b->len = 0;
}

void
sink_spill(Sink *s, Buf *b)
{
	if (b->len >= (1 << 20))
		sink_write(s, b);
}

int
sink_close(Sink *s, Buf *b, bool keep)
{
	if (keep)
		sink_write(s, b);
	if (!s->path)
		return s->err ? (errno = s->err, -1) : 0;
	if (keep && !s->err && fsync(s->fd) != 0)
		s->err = errno;
	if (close(s->fd) != 0 && !s->err)
		s->err = errno;
	if (keep && !s->err && rename(s->tmp, s->path) != 0)
		s->err = errno;
	if (!keep || s->err)
		unlink(s->tmp);
	free(s->path);
	free(s->tmp);
	if (s->err)
		errno = s->err;
	return s->err ? -1 : 0;
}

int
write_file_atomic(const char *path, const char *data, size_t len)
{
	Sink s;
	if (sink_open(&s, path) != 0)
		return -1;
	Buf b = {(char *)data, len, len};
	return sink_close(&s, &b, true);
}

unsigned
mem_hash(const char *s, size_t n)
{
	unsigned h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

unsigned
str_hash(const char *s)
{
	return mem_hash(s, strlen(s));
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
edit_distance(const char *a, const char *b, int cap)
{
	/* edits, and swaps of two neighbours (`wrad` is 1 from `ward`) */
	size_t la = strlen(a), lb = strlen(b);
	if ((la > lb ? la - lb : lb - la) > (size_t)cap)
		return cap + 1;
	if (lb > 63)
		return cap + 1;
	int rows[3][64], *two = rows[0], *prev = rows[1], *row = rows[2];
	for (size_t j = 0; j <= lb; j++)
		prev[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		row[0] = (int)i;
		int best = row[0];
		for (size_t j = 1; j <= lb; j++) {
			int v = prev[j - 1] + (a[i - 1] != b[j - 1]);
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && two[j - 2] + 1 < v)
				v = two[j - 2] + 1;
			row[j] = v;
			if (v < best)
				best = v;
		}
		if (best > cap)	/* a swap cannot bring a later row back under */
			return cap + 1;
		int *t = two;
		two = prev, prev = row, row = t;
	}
	return prev[lb] > cap ? cap + 1 : prev[lb];
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
