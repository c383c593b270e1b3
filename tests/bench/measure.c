/* measure.c: run a command, its output to a file, and print its wall
 * time, CPU time (s) and peak memory (MB).  It runs at least three
 * times, and a short command more (until a second has passed, at most
 * 41 runs): the wall time is the best run's, the CPU time the mean of
 * the faster half of the runs (the kernel counts CPU time in ticks of a
 * few ms: one short run alone says little; the slower half is the other
 * users of a shared machine). */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	if (argc < 3) {
		fputs("usage: measure OUTFILE COMMAND...\n", stderr);
		return 2;
	}
	enum { MAX_RUNS = 41 };
	double best_wall = 1e30, best_mem = 1e30, total = 0, cpus[MAX_RUNS];
	int status = 0, runs = 0;
	while (runs < 3 || (total < 1 && runs < MAX_RUNS)) {
		struct timespec t0, t1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		pid_t pid = fork();
		if (pid == 0) {
			int fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
			if (fd < 0 || dup2(fd, 1) < 0)
				_exit(127);
			execvp(argv[2], argv + 2);
			_exit(127);
		}
		struct rusage ru;
		if (pid < 0 || wait4(pid, &status, 0, &ru) < 0)
			return 2;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		double wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		double cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
			(double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
		double mem = (double)ru.ru_maxrss / 1024;
		if (wall < best_wall)
			best_wall = wall;
		if (mem < best_mem)
			best_mem = mem;
		total += wall;
		int i = runs++;	/* kept sorted */
		for (; i > 0 && cpus[i - 1] > cpu; i--)
			cpus[i] = cpus[i - 1];
		cpus[i] = cpu;
	}
	int half = (runs + 1) / 2;
	double best_cpu = 0;
	for (int i = 0; i < half; i++)
		best_cpu += cpus[i] / half;
	printf("%.3f %.3f %.1f %d\n", best_wall, best_cpu, best_mem,
	       WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
	return 0;
}
