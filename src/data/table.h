/* table.h: reading a units table (CSV) into Units. */
#ifndef COPLAN_TABLE_H
#define COPLAN_TABLE_H

#include "rows.h"
#include "units.h"

/* Reads the units table at path into u, for the roles and attributes of
 * p (whose text table takes the data's texts), a piece at a time.
 * Errors and warnings go to d; returns the number of errors. */
/* Tables of this many bytes and more (and pipes) are read on two
 * threads; a variable for the fuzzers, which read small ones so. */
extern size_t feed_least;
int units_load(Units *u, const Program *p, Diag *d, const char *path, const LoadOptions *o);
/* The same over text in memory (NUL-terminated, malloc'd: the Diag
 * takes it). */
int units_load_text(Units *u, const Program *p, Diag *d, const char *path, char *text,
		    size_t len, const LoadOptions *o);
/* The same from any row source (rows.h): its first row the header.
 * The caller closes rs. */
int units_load_rows(Units *u, const Program *p, Diag *d, Rows *rs, const LoadOptions *o);

#endif
