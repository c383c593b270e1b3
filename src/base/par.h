/* par.h: work shared among threads: how many, and a parallel for.
 *
 * Every use splits its work into parts that write nothing in common and
 * puts their results together in the order of the parts, so the output
 * is the same byte for byte whatever the number of threads. */
#ifndef COPLAN_PAR_H
#define COPLAN_PAR_H

#include <stdbool.h>

/* Threads to use: --jobs N, else every core online (par_cores()). */
extern int par_jobs;
int par_cores(void);

/* Runs fn(arg, i) for i in [0, n), part 0 on the calling thread and the
 * others each on a thread of its own; returns when all are done.  A
 * thread that cannot be started runs its part on the caller. */
void par_for(int n, void (*fn)(void *arg, int i), void *arg);

/* The parts to split n items into: par_jobs, fewer when each would get
 * under `least` items; at least 1. */
int par_parts(long n, long least);

/* Where part i of n items split into `parts` starts (part i ends where
 * part i + 1 starts; part `parts` starts at n). */
static inline int
par_start(int n, int parts, int i)
{
	return (int)((long)n * i / parts);
}

/* The one way coplan runs a job in parts: n items split into `parts`
 * (par_parts) ranges, fn(arg, part, from, to) run for each on a thread
 * of its own (part 0 on the caller); the caller then puts the parts'
 * results together in the order of the parts. */
typedef void ParRange(void *arg, int part, int from, int to);
void par_ranges(int n, int parts, ParRange *fn, void *arg);

#endif
