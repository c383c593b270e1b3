/* table.h: reading a units table (CSV) into Units. */
#ifndef COPLAN_TABLE_H
#define COPLAN_TABLE_H

#include "units.h"

/* Reads the units table at path into u, for the roles and attributes of
 * p (whose text table takes the data's texts), a piece at a time.
 * Errors and warnings go to d; returns the number of errors. */
int units_load(Units *u, const Program *p, Diag *d, const char *path, const LoadOptions *o);
/* The same over text in memory (NUL-terminated, malloc'd: the Diag
 * takes it). */
int units_load_text(Units *u, const Program *p, Diag *d, const char *path, char *text,
		    size_t len, const LoadOptions *o);

#endif
