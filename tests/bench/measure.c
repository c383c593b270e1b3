/* measure.c: run a command, its output to a file, and print its wall
 * time, CPU time (s) and peak memory (MB): the best of three runs. */
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
	double best_wall = 1e30, best_cpu = 1e30, best_mem = 1e30;
	int status = 0;
	for (int run = 0; run < 3; run++) {
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
		if (cpu < best_cpu)
			best_cpu = cpu;
		if (mem < best_mem)
			best_mem = mem;
	}
	printf("%.3f %.3f %.1f %d\n", best_wall, best_cpu, best_mem,
	       WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
	return 0;
}
