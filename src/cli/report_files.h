/* report_files.h: a run's reports: the one of --format (to -o, or stdout)
 * unless only --report were asked for, then each --report in order;
 * each written whole or not at all (a Sink), never over an input. */
#ifndef COPLAN_REPORT_FILES_H
#define COPLAN_REPORT_FILES_H

#include "args.h"
#include "files.h"

typedef struct Output {
	int format;
	const char *path;	/* NULL: stdout */
} Output;

/* Says why a Sink failed, on stderr; returns -1. */
int output_error(const Sink *sk);
/* Writes a report to stdout or, whole or not at all, to path, which is
 * none of the inputs; 0, or -1 (said). */
int output_emit(Buf *out, const char *path, const char *const *inputs);
/* The outputs of a command's arguments, into o (MAX_REPORTS + 1). */
int outputs(const DataArgs *a, Output *o);
/* Opens a Sink for each output; false (said, none left open) if one
 * cannot be. */
bool open_outputs(const Output *o, int n, Sink *sk, const char *const *inputs);
/* Writes each report whole (keep), or none; frees the buffers.  False
 * when not kept or a report could not be written. */
bool close_outputs(Sink *sk, Buf *b, int n, bool keep);

#endif
