/* output.c: where a run's reports go, each written whole or not at
 * all, never over an input. */
#include "output.h"

#include <stdio.h>

int
output_error(const Sink *sk)
{
	fprintf(stderr, "coplan: %s\n", sk->why[0] ? sk->why : "cannot write the output");
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

/* Opens a Sink for each output; false (said, none left open) if one
 * cannot be. */
bool
open_outputs(const Output *o, int n, Sink *sk, const char *const *inputs)
{
	for (int i = 0; i < n; i++)
		if (sink_open(&sk[i], o[i].path, inputs) != 0) {
			output_error(&sk[i]);
			for (int j = 0; j < i; j++)
				sink_close(&sk[j], NULL, false);
			return false;
		}
	return true;
}

/* Writes each report whole (keep), or none; frees the buffers.  False
 * when not kept or a report could not be written. */
bool
close_outputs(Sink *sk, Buf *b, int n, bool keep)
{
	bool ok = keep;
	for (int i = 0; i < n; i++) {
		if (sink_close(&sk[i], &b[i], keep) != 0 && keep)
			ok = false, output_error(&sk[i]);
		buf_free(&b[i]);
	}
	return ok;
}

