/* util.c: arenas, buffers, files. */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
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
	/* over the limit: said before reading, and a stream that has no
	 * size (a device, a pipe) is read no further than the limit */
	if (max && S_ISREG(st.st_mode) && (size_t)st.st_size > max) {
		fclose(f);
		errno = EFBIG;
		return NULL;
	}
	Buf b = {0};
	if (S_ISREG(st.st_mode) && st.st_size > 0)
		buf_grow(&b, (size_t)st.st_size + 1);	/* one allocation */
	char *chunk = xmalloc(65536);	/* not on the stack: it may be small */
	size_t n;
	while ((n = fread(chunk, 1, 65536, f)) > 0) {
		if (max && b.len + n > max) {
			fclose(f);
			free(chunk);
			buf_free(&b);
			errno = EFBIG;
			return NULL;
		}
		buf_put(&b, chunk, n);
	}
	free(chunk);
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

size_t
stack_room(void)
{
	struct rlimit rl;
	const rlim_t want = 8 << 20;
	if (getrlimit(RLIMIT_STACK, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY)
		return want;
	if (rl.rlim_cur < want && rl.rlim_max > rl.rlim_cur) {	/* as much as we may */
		rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || rl.rlim_max > want ? want : rl.rlim_max;
		setrlimit(RLIMIT_STACK, &rl);
		getrlimit(RLIMIT_STACK, &rl);
	}
	return rl.rlim_cur > want ? want : (size_t)rl.rlim_cur;
}

/* The temporary files being written (a run writes up to SINK_MAX
 * reports), each removed if the process ends before it is renamed: by a
 * signal, or by exit() (out of memory).  The one piece of state a signal
 * handler can reach. */
enum { SINK_MAX = 32 };
static char *volatile sink_pending[SINK_MAX];

static void
sink_cleanup(void)
{
	for (int i = 0; i < SINK_MAX; i++) {
		char *t = sink_pending[i];
		if (t)
			unlink(t);
	}
}

void
sink_forget(const char *tmp)
{
	for (int i = 0; i < SINK_MAX; i++)
		if (sink_pending[i] == tmp)
			sink_pending[i] = NULL;
}

static void
sink_signal(int sig)
{
	sink_cleanup();
	signal(sig, SIG_DFL);
	raise(sig);
}

void
sink_guard(char *tmp)
{
	static bool armed;
	if (!armed) {
		armed = true;
		atexit(sink_cleanup);
		static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGXFSZ};
		for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
			struct sigaction sa;
			if (sigaction(sigs[i], NULL, &sa) == 0 && sa.sa_handler == SIG_IGN)
				continue;	/* ignored by who started us: stays so */
			memset(&sa, 0, sizeof sa);
			sa.sa_handler = sink_signal;
			sigemptyset(&sa.sa_mask);
			sigaction(sigs[i], &sa, NULL);
		}
	}
	for (int i = 0; i < SINK_MAX; i++)
		if (!sink_pending[i]) {
			sink_pending[i] = tmp;
			return;
		}
}

static int
sink_fail(Sink *s, int err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->why, sizeof s->why, fmt, ap);
	va_end(ap);
	free(s->path);
	s->path = NULL;
	errno = err;
	return -1;
}

/* A new name's own folder resolved, plus the name: where it will be. */
static char *
new_target(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xmalloc((size_t)(slash - path) + 2) : NULL;
	if (dir) {
		memcpy(dir, path, (size_t)(slash - path));
		dir[slash == path ? 1 : slash - path] = 0;
		if (slash == path)
			dir[0] = '/';
	}
	char *real = realpath(dir ? dir : ".", NULL);
	free(dir);
	if (!real)
		return NULL;
	const char *base = slash ? slash + 1 : path;
	size_t n = strlen(real) + strlen(base) + 2;
	char *t = xmalloc(n);
	snprintf(t, n, "%s/%s", strcmp(real, "/") ? real : "", base);
	free(real);
	return t;
}

int
sink_open(Sink *s, const char *path, const char *const *inputs)
{
	memset(s, 0, sizeof *s);
	s->fd = STDOUT_FILENO;
	if (!path || !strcmp(path, "-"))
		return 0;
	s->name = path;
	/* the file really written: a symbolic link's target, written in
	 * its own folder; never a device, a FIFO, or an input */
	struct stat st;
	bool exists = true;
	s->path = realpath(path, NULL);
	if (!s->path) {
		int e = errno;
		if (e != ENOENT)
			return sink_fail(s, e, "cannot write '%s': %s", path, strerror(e));
		if (lstat(path, &st) == 0)
			return sink_fail(s, ENOENT, "cannot write '%s': it is a symbolic link to a file that does not exist",
					 path);
		exists = false;
		if (!path[0] || path[strlen(path) - 1] == '/' || !(s->path = new_target(path)))
			return sink_fail(s, ENOENT, "cannot write '%s': %s", path, strerror(ENOENT));
	}
	if (exists) {
		if (stat(s->path, &st) != 0)
			return sink_fail(s, errno, "cannot write '%s': %s", path, strerror(errno));
		if (!S_ISREG(st.st_mode))
			return sink_fail(s, EINVAL, "cannot write '%s': it is not a regular file; a report goes to a "
					 "file or, without -o (or with -o -), to the standard output", path);
		for (int i = 0; inputs && inputs[i]; i++) {
			struct stat in;
			if (strcmp(inputs[i], "-") && stat(inputs[i], &in) == 0 &&
			    in.st_dev == st.st_dev && in.st_ino == st.st_ino)
				return sink_fail(s, EEXIST, "cannot write '%s': it is '%s', an input of this run; "
						 "coplan never writes over what it reads", path, inputs[i]);
		}
	}
	const char *slash = strrchr(s->path, '/');
	size_t dl = (size_t)(slash - s->path);
	s->tmp = xmalloc(dl + 32);
	snprintf(s->tmp, dl + 32, "%.*s/.coplan-XXXXXX", (int)dl, s->path);
	s->fd = mkstemp(s->tmp);
	if (s->fd < 0) {
		int e = errno;
		free(s->tmp);
		s->tmp = NULL;
		return sink_fail(s, e, "cannot write '%s': %s", path, strerror(e));
	}
	sink_guard(s->tmp);
	mode_t mask = umask(0);
	umask(mask);
	fchmod(s->fd, exists ? st.st_mode & 07777 : 0666 & ~mask);
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
	if (s->closed)
		return 0;
	s->closed = true;
	if (keep)
		sink_write(s, b);
	if (!s->path) {
		if (s->err)
			snprintf(s->why, sizeof s->why, "cannot write the output: %s", strerror(s->err));
		return s->err ? (errno = s->err, -1) : 0;
	}
	if (s->fd >= 0) {	/* not made ready before */
		if (keep && !s->err && fsync(s->fd) != 0)
			s->err = errno;
		if (close(s->fd) != 0 && !s->err)
			s->err = errno;
		s->fd = -1;
	}
	if (keep && !s->err && rename(s->tmp, s->path) != 0)
		s->err = errno;
	if (!keep || s->err)
		unlink(s->tmp);
	sink_forget(s->tmp);
	free(s->path);
	free(s->tmp);
	if (s->err) {
		snprintf(s->why, sizeof s->why, "cannot write '%s': %s", s->name, strerror(s->err));
		errno = s->err;
	}
	return s->err ? -1 : 0;
}

int
sink_ready(Sink *s, Buf *b)
{
	if (!s->path)
		return 0;	/* standard output: written when kept */
	sink_write(s, b);
	if (!s->err && fsync(s->fd) != 0)
		s->err = errno;
	if (close(s->fd) != 0 && !s->err)
		s->err = errno;
	s->fd = -1;
	if (s->err)
		snprintf(s->why, sizeof s->why, "cannot write '%s': %s", s->name, strerror(s->err));
	return s->err ? -1 : 0;
}

int
write_file_atomic(const char *path, const char *data, size_t len, char *why, size_t whylen)
{
	Sink s;
	int rc = sink_open(&s, path, NULL);
	if (rc == 0) {
		Buf b = {(char *)data, len, len};
		rc = sink_close(&s, &b, true);
	}
	if (rc != 0)
		snprintf(why, whylen, "%s", s.why);
	return rc;
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
