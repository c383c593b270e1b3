/* fuzz_feed.c: any bytes as a units table from a pipe, read on two
 * threads (the reader of large tables, here from the first byte on)
 * and on one: the units, their counts and every message, quoted lines
 * too, must be the same. */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include "fuzz.h"
#include "par.h"

/* Loads the bytes from a pipe on `jobs` threads: the units, the sum of
 * their counts and the messages in *out. */
static void
load(const uint8_t *data, size_t size, int jobs, int *n, double *sum, Buf *out)
{
	/* the whole input in the pipe before it is read (a pipe holds 64
	 * KiB, inputs are at most 8): the same reads each time, so a
	 * difference is the threads', not the timing's */
	int fds[2];
	if (size > 65536 || pipe(fds) != 0 || dup2(fds[0], 100) < 0)
		abort();
	close(fds[0]);
	for (size_t off = 0; off < size;) {
		ssize_t w = write(fds[1], data + off, size - off);
		if (w <= 0)
			abort();
		off += (size_t)w;
	}
	close(fds[1]);
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
