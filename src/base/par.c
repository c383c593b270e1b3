/* par.c: POSIX threads for the parts of a parallel for. */
#include "par.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "util.h"

int par_jobs;

int
par_cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}

int
par_parts(long n, long least)
{
	int jobs = par_jobs > 0 ? par_jobs : par_cores();
	long parts = least > 0 ? n / least : n;
	if (parts > jobs)
		parts = jobs;
	return parts < 1 ? 1 : (int)parts;
}

typedef struct Task {
	void (*fn)(void *arg, int i);
	void *arg;
	int i;
} Task;

static void *
task_run(void *t)
{
	Task *task = t;
	task->fn(task->arg, task->i);
	return NULL;
}

void
par_for(int n, void (*fn)(void *arg, int i), void *arg)
{
	if (n <= 1) {
		if (n == 1)
			fn(arg, 0);
		return;
	}
	pthread_t *th = xmalloc((size_t)n * sizeof *th);
	Task *task = xmalloc((size_t)n * sizeof *task);
	bool *started = xcalloc((size_t)n, sizeof *started);
	for (int i = 1; i < n; i++) {
		task[i] = (Task){fn, arg, i};
		started[i] = pthread_create(&th[i], NULL, task_run, &task[i]) == 0;
	}
	fn(arg, 0);
	for (int i = 1; i < n; i++) {
		if (started[i])
			pthread_join(th[i], NULL);
		else
			fn(arg, i);
	}
	free(th);
	free(task);
	free(started);
}

typedef struct Ranges {
	ParRange *fn;
	void *arg;
	int n, parts;
} Ranges;

static void
range_run(void *arg, int i)
{
	const Ranges *r = arg;
	r->fn(r->arg, i, par_start(r->n, r->parts, i), par_start(r->n, r->parts, i + 1));
}

void
par_ranges(int n, int parts, ParRange *fn, void *arg)
{
	Ranges r = {fn, arg, n, parts};
	par_for(parts, range_run, &r);
}
