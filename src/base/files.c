/* files.c: files read whole, and output that leaves whole or not at
 * all (a Sink), never over an input. */
#include "files.h"
#include "msg.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

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
			return sink_fail(s, e, _("cannot write '%s': %s"), path, strerror(e));
		if (lstat(path, &st) == 0)
			return sink_fail(s, ENOENT, _("cannot write '%s': it is a symbolic link to a file that does not exist"),
					 path);
		exists = false;
		if (!path[0] || path[strlen(path) - 1] == '/' || !(s->path = new_target(path)))
			return sink_fail(s, ENOENT, _("cannot write '%s': %s"), path, strerror(ENOENT));
	}
	if (exists) {
		if (stat(s->path, &st) != 0)
			return sink_fail(s, errno, _("cannot write '%s': %s"), path, strerror(errno));
		if (!S_ISREG(st.st_mode))
			return sink_fail(s, EINVAL, _("cannot write '%s': it is not a regular file; a report goes to a "
					 "file or, without -o (or with -o -), to the standard output"), path);
		for (int i = 0; inputs && inputs[i]; i++) {
			struct stat in;
			if (strcmp(inputs[i], "-") && stat(inputs[i], &in) == 0 &&
			    in.st_dev == st.st_dev && in.st_ino == st.st_ino)
				return sink_fail(s, EEXIST, _("cannot write '%s': it is '%s', an input of this run; "
						 "coplan never writes over what it reads"), path, inputs[i]);
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
		return sink_fail(s, e, _("cannot write '%s': %s"), path, strerror(e));
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
			snprintf(s->why, sizeof s->why, _("cannot write the output: %s"), strerror(s->err));
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
		snprintf(s->why, sizeof s->why, _("cannot write '%s': %s"), s->name, strerror(s->err));
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
		snprintf(s->why, sizeof s->why, _("cannot write '%s': %s"), s->name, strerror(s->err));
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

bool
looks_like(const char *path, const char *ext)
{
	size_t n = strlen(path), e = strlen(ext);
	return n > e && !strcasecmp(path + n - e, ext);
}
