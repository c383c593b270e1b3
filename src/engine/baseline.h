/* baseline.h: an earlier check's findings (`check --format json`), to
 * tell the findings that are new from those already known, and those
 * gone (fixed). */
#ifndef COPLAN_BASELINE_H
#define COPLAN_BASELINE_H

#include "requirements.h"

typedef struct BaseEntry {	/* one finding of the earlier run */
	const char *unit, *role, *rule, *status, *severity, *message;
	const char *key;	/* unit, role, rule (id or file:line), and the
				 * status when it has no gap (missing, failed) */
	double gap;		/* how far actual was from [min, max]; NAN: not said */
	bool seen;		/* found again in this run */
	bool outside;		/* of a unit the run did not report (--unit) */
} BaseEntry;

typedef struct Baseline {
	Arena arena;
	BaseEntry *e;
	int n;
	int nnew, nworse, nunchanged, nbetter, nfixed;
	int new_errors, new_warnings;	/* what counts for the exit code:
					 * new and worse */
} Baseline;

/* Reads the report at path; the number of errors (said to d, at
 * file:line:col). */
int baseline_load(Baseline *b, Diag *d, const char *path);
/* The same, of file `file` of d, already read. */
int baseline_parse(Baseline *b, Diag *d, int file);
/* Marks each finding of c new, worse, unchanged or better, and the
 * entries seen; with
 * a selection (--unit), the entries of units left out are not fixed. */
void baseline_apply(Baseline *b, Check *c, const bool *selected);
/* Whether a unit with this id is in the data but not selected (--unit);
 * false when selected is NULL or no unit has the id. */
bool unit_outside(const Units *u, const bool *selected, const char *id);
void baseline_free(Baseline *b);

#endif
