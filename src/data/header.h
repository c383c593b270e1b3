/* header.h: the header of a units table: which column is the id, the
 * name, the kind, the parent, a role's count or an attribute.  Columns
 * no rule reads are carried along and ignored. */
#ifndef COPLAN_HEADER_H
#define COPLAN_HEADER_H

#include "rows.h"
#include "units.h"

enum { COL_IGNORED, COL_ID, COL_NAME, COL_KIND, COL_PARENT, COL_ROLE, COL_ATTR, COL_EXTRA };

typedef struct Column {
	int what, index;	/* index: of the role or attribute */
	Str header;
	int recent[4];		/* texts: the last cells', which rows
				 * often repeat */
	unsigned nrecent;
	char set_text[64];	/* sets: the last cell as written, and */
	int set_len;		/* where its items are (-1: none) */
	int set_off, set_n;
	int blanks;		/* numbers the rules read: empty cells, */
	int blank_line[3];	/* the first of them */
	const char *name;	/* its header, trimmed */
	Loc loc;		/* of its header, for messages after the rows */
} Column;

/* Reads the header row of r into *cols (malloc'd, one a field).  Returns
 * the number of columns, or -1 after the errors it reported. */
int header_read(Rows *r, Units *u, const Program *p, Diag *d, const LoadOptions *o,
		Column **cols);
/* "hub, spoke", the declared kinds, in a */
const char *header_kind_list(const Program *p, Arena *a);
/* "; did you mean 'x'?" for a kind the rules do not declare, else the list */
const char *header_kind_hint(const Program *p, Str k, Arena *a);
/* One warning per column of numbers the rules read that had empty cells. */
void header_say_blanks(Diag *d, const Column *cols, int ncols);

#endif
