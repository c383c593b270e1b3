/* fuzz_feed.c: any bytes as a units table from a pipe, read on two
 * threads (the reader of large tables, here from the first byte on)
 * and on one: the units, their counts and every message, quoted lines
 * too, must be the same. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include "fuzz.h"
#include "par.h"

typedef struct Pipe {
	int fd;
	const uint8_t *data;
	size_t size;
} Pipe;

static void *
feed_pipe(void *arg)
{
	Pipe *p = arg;
	for (size_t off = 0; off < p->size;) {
		ssize_t w = write(p->fd, p->data + off, p->size - off);
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	close(p->fd);
	return NULL;
}

/* Loads the bytes from a pipe on `jobs` threads: the units, the sum of
 * their counts and the messages in *out. */
static void
load(const uint8_t *data, size_t size, int jobs, int *n, double *sum, Buf *out)
{
	int fds[2];
	if (pipe(fds) != 0 || dup2(fds[0], 100) < 0)
		abort();
	close(fds[0]);
	Pipe p = {fds[1], data, size};
	pthread_t t;
	if (pthread_create(&t, NULL, feed_pipe, &p) != 0)
		abort();
	Diag d = {0};
	Rules r = {.diag = &d};
	fuzz_compile(&r);
	Units u = {0};
	LoadOptions o = {.delimiter = 0};
	int keep = par_jobs;
	size_t least = feed_least;
	par_jobs = jobs;
	feed_least = 0;
	int rc = units_load(&u, &r.prog, &d, "/dev/fd/100", &o);
	par_jobs = keep;
	feed_least = least;
	pthread_join(t, NULL);
	close(100);
	*n = rc == 0 ? u.n : -1, *sum = 0;
	for (int k = 0; rc == 0 && k < u.n; k++)
		*sum += col_get(&u.counts.headcount, k);
	diag_flush(&d, out);
	units_free(&u);
	rules_free(&r);
	diag_free(&d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int n1, n2;
	double s1, s2;
	signal(SIGPIPE, SIG_IGN);	/* a loader that stops early closes the pipe */
	Buf m1 = {0}, m2 = {0};
	load(data, size, 2, &n2, &s2, &m2);
	load(data, size, 1, &n1, &s1, &m1);
	if (n1 != n2 || !(s1 == s2 || (s1 != s1 && s2 != s2)) || m1.len != m2.len || (m1.len && memcmp(m1.p, m2.p, m1.len)))
		fprintf(stderr, "n %d/%d sum %g/%g\n--- one\n%.*s--- two\n%.*s", n1, n2, s1, s2, (int)m1.len, m1.p ? m1.p : "", (int)m2.len, m2.p ? m2.p : ""), abort();	/* two threads read otherwise than one */
	buf_free(&m1);
	buf_free(&m2);
	return 0;
}
