/* roster.h: counts from a roster, one row per person. */
#ifndef COPLAN_ROSTER_H
#define COPLAN_ROSTER_H

#include "units.h"

/* Reads a roster into u's counts: rows per (unit, role), or
 * the sum of `fte` when fte is set.  Returns the number of errors. */
int roster_load(Units *u, const Program *p, Diag *d, const char *path, const LoadOptions *o, bool fte);
/* The same over file `file` of d (its text, or its path). */
int roster_load_file(Units *u, const Program *p, Diag *d, int file, const LoadOptions *o, bool fte);

#endif
