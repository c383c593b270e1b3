/* rows.h: a table as rows of cells, wherever it comes from.
 *
 * The units and roster loaders read a Rows: a header row, then a row per
 * unit or per person.  A source fills `cell` (Fields, csv.h), `ncells` and `line` at each
 * rows_next and says where a cell is (rows_loc): a CSV file's line and
 * column, or a sheet's cell (Sheet!C12) when its file in the Diag names a
 * sheet (diag_set_sheet).  Cells point into the source's memory, valid
 * until the next row.  Two sources: a CSV file or text (read on a thread
 * of its own when large), and a grid of cells in memory. */
#ifndef COPLAN_ROWS_H
#define COPLAN_ROWS_H

#include <stdbool.h>
#include <stddef.h>

#include "csv.h"
#include "diag.h"

typedef struct Rows Rows;

typedef struct RowsOps {
	int (*next)(Rows *r);	/* 1, 0 at the end, -1 after a fault said */
	Loc (*loc)(const Rows *r, int i);	/* cell i of the row */
	Loc (*loc_text)(const Rows *r, const char *s, int len);	/* text in a cell */
	/* The hash (mem_hash) of the id cell of the row `ahead` rows on,
	 * when the source has it at hand; NULL: never. */
	bool (*ahead)(const Rows *r, int ahead, unsigned *hash);
	/* The reading is over, at the end or not: what the source still
	 * has to say (a thread's messages) is said, or dropped when the
	 * caller stopped before the end.  NULL: nothing to say. */
	void (*done)(Rows *r);
	void (*close)(Rows *r);
} RowsOps;

struct Rows {
	const RowsOps *ops;
	const Field *cell;	/* the row just read */
	int ncells;
	int line;		/* its line, or its row in a sheet */
	int file;		/* in the Diag */
	Diag *diag;
	char sep;		/* a CSV's separator, 0 for other sources */
	size_t rows_hint;	/* rows the source seems to hold; 0: unknown */
};

static inline int rows_next(Rows *r) { return r->ops->next(r); }
static inline Loc rows_loc(const Rows *r, int i) { return r->ops->loc(r, i); }
static inline Loc
rows_loc_text(const Rows *r, const char *s, int len)
{
	return r->ops->loc_text(r, s, len);
}
static inline bool
rows_ahead(const Rows *r, int ahead, unsigned *hash)
{
	return r->ops->ahead && r->ops->ahead(r, ahead, hash);
}
static inline void rows_done(Rows *r) { if (r->ops->done) r->ops->done(r); }
/* Frees r (NULL: nothing), done first. */
static inline void rows_close(Rows *r) { if (r) r->ops->close(r); }

/* Says each cell of the row just read (a header) whose text (trimmed) a
 * cell before it has: "appears twice (columns J and I)", in column
 * order; how many.  In n log n: a header may have 10,000 columns. */
int rows_twice(const Rows *r);

/* A CSV file of the Diag (its text, if the Diag holds it, else the file
 * at its path) as rows; sep 0 finds the separator.  NULL after saying
 * why it cannot be read.  what: "a units table", for messages. */
Rows *rows_csv(Diag *d, int file, char sep, const char *what);
/* From the next row on, the CSV is split into rows on a thread of its
 * own (when it has this many bytes or more, or is a pipe, and there is a
 * second core); id_field: the cell whose hash `ahead` gives, or -1. */
void rows_csv_ahead(Rows *r, size_t least, int id_field);
/* The file's text around the row at `line` read again, for a message
 * said after the reading: the place of cell i there, or {line, 1}. */
Loc rows_csv_reread(Diag *d, int file, char sep, int line, int i);

/* A grid of cells in memory, row by row (ncols each, the first row the
 * header): NULL for a blank cell.  Rows are numbered from 1; the cells
 * are not copied and must outlive the rows. */
Rows *rows_grid(Diag *d, int file, const char *const *cells, int nrows, int ncols);

#endif
