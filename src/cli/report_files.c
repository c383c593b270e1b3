/* report_files.c: where a run's reports go, each written whole or not at
 * all, never over an input. */
#include "report_files.h"
#include "msg.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int
output_error(const Sink *sk)
{
	fprintf(stderr, "coplan: %s\n", sk->why[0] ? sk->why : _("cannot write the output"));
	return -1;
}

/* Writes a report to stdout or, whole or not at all, to path, which is
 * none of the inputs. */
int
output_emit(Buf *out, const char *path, const char *const *inputs)
{
	Sink sk;
	if (sink_open(&sk, path, inputs) != 0 || sink_close(&sk, out, true) != 0)
		return output_error(&sk);
	return 0;
}

int
outputs(const DataArgs *a, Output *o)
{
	int n = 0;
	if (data_args_primary(a))
		o[n++] = (Output){a->format, a->out};
	for (int i = 0; i < a->nreports; i++)
		o[n++] = (Output){a->reports[i].format, a->reports[i].path};
	return n;
}

/* Whether sinks a and b write one file (told by its device and inode,
 * or, for one not there yet, by its folder resolved and its name). */
static bool
same_target(const Sink *a, const Sink *b)
{
	struct stat x, y;
	if (!a->path && !b->path)
		return false;	/* both stdout: refused by the arguments */
	if (a->path && b->path && !strcmp(a->path, b->path))
		return true;
	if (!a->path)
		return fstat(STDOUT_FILENO, &x) == 0 && S_ISREG(x.st_mode) && stat(b->path, &y) == 0 &&
			x.st_dev == y.st_dev && x.st_ino == y.st_ino;
	if (!b->path)
		return same_target(b, a);
	return stat(a->path, &x) == 0 && stat(b->path, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

/* Opens a Sink for each output; false (said, none left open) if one
 * cannot be, or two name one file however spelt. */
bool
open_outputs(const Output *o, int n, Sink *sk, const char *const *inputs)
{
	for (int i = 0; i < n; i++) {
		int j = -1;
		bool ok = sink_open(&sk[i], o[i].path, inputs) == 0;
		if (ok)
			for (j = 0; j < i && !same_target(&sk[i], &sk[j]); j++)
				;
		if (ok && j == i)
			continue;
		if (ok)
			usage_error(NULL, _("'%s' is one file named twice (-o, --report or the standard output); "
				    "one report a file"), o[i].path ? o[i].path : o[j].path);
		else
			output_error(&sk[i]);
		for (int k = 0; k < n; k++)	/* every one closed, once */
			if (k < i + ok)
				sink_close(&sk[k], NULL, false);
			else
				sk[k] = (Sink){.fd = -1, .closed = true};
		return false;
	}
	return true;
}

/* Writes every report whole (keep), or none: each made ready in its
 * temporary file first, then all renamed over their targets, then the
 * standard output's written.  Frees the buffers.  False when not kept
 * or a report could not be written. */
bool
close_outputs(Sink *sk, Buf *b, int n, bool keep)
{
	bool ok = keep;
	for (int i = 0; i < n && ok; i++)
		if (sink_ready(&sk[i], &b[i]) != 0)
			ok = false, output_error(&sk[i]);
	for (int pass = 0; pass < 2; pass++)	/* the files, then stdout */
		for (int i = 0; i < n; i++) {
			if ((sk[i].path == NULL) != (pass == 1))
				continue;
			if (sink_close(&sk[i], &b[i], ok) != 0 && ok)
				ok = false, output_error(&sk[i]);
			buf_free(&b[i]);
		}
	return ok;
}
