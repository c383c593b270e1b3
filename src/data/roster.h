/* roster.h: counts from a roster, one row per person. */
#ifndef COPLAN_ROSTER_H
#define COPLAN_ROSTER_H

#include "rows.h"
#include "units.h"

/* Reads a roster into u's counts: rows per (unit, role), or
 * the sum of `fte` when fte is set.  Returns the number of errors. */
int roster_load(Units *u, const Program *p, Diag *d, const char *path, const LoadOptions *o, bool fte);
/* The same over file `file` of d (its text, or its path). */
int roster_load_file(Units *u, const Program *p, Diag *d, int file, const LoadOptions *o, bool fte);
/* The same from any row source (rows.h), its first row the header;
 * NULL (a source that could not be opened): every count 0.  The
 * caller closes rs. */
int roster_load_rows(Units *u, const Program *p, Diag *d, Rows *rs, const LoadOptions *o, bool fte);

#endif
