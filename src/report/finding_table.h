/* finding_table.h: check's findings as a table, one model for every
 * tabular report (CSV, the Markdown table, the workbook's Findings
 * sheet): each column once, with its header and its place in each, its
 * width in a sheet, and how its cell is made of a finding.  A new column
 * is one row of the model (finding_table.c); each writer takes the
 * columns of its table in their order and writes the cells its way. */
#ifndef COPLAN_FINDING_TABLE_H
#define COPLAN_FINDING_TABLE_H

#include "finding.h"

typedef enum TableKind { TAB_CSV, TAB_MARKDOWN, TAB_SHEET, NTABLES } TableKind;

typedef enum CellKind { CELL_NONE, CELL_TEXT, CELL_NUM } CellKind;

/* A cell: nothing, a text (in text), or a number (NAN: nothing). */
typedef struct Cell {
	CellKind kind;
	double num;
	Buf text;		/* the caller's, emptied for each cell */
} Cell;

typedef struct FindingColumn {
	const char *head[NTABLES];	/* its header in each table; NULL: not there */
	signed char at[NTABLES];	/* its place there, from 1 */
	double width;			/* in a sheet */
	void (*cell)(const Check *c, const Finding *f, Cell *out);
} FindingColumn;

/* The columns of table t, in their order, into cols (room for every
 * column); how many. */
int finding_columns(TableKind t, const FindingColumn **cols);
/* Column j's cell of finding f into out (its text emptied first). */
void finding_cell(const FindingColumn *col, const Check *c, const Finding *f, Cell *out);

#endif
