/* finding_table.h: check's findings as a table, one model for every
 * tabular report (CSV, the Markdown table, the workbook's Findings
 * sheet; cells.h): each column once, with its header and its place in each, its
 * width in a sheet, and how its cell is made of a finding.  A new column
 * is one row of the model (finding_table.c); each writer takes the
 * columns of its table in their order and writes the cells its way. */
#ifndef COPLAN_FINDING_TABLE_H
#define COPLAN_FINDING_TABLE_H

#include "cells.h"
#include "finding.h"

typedef struct FindingColumn {
	TableColumn col;	/* its header and place in each table (cells.h) */
	void (*cell)(const Check *c, const Finding *f, Cell *out);
} FindingColumn;

/* The columns of table t, in their order, into cols (room for every
 * column); how many. */
int finding_columns(TableKind t, const TableColumn **cols);
/* The header of table t (cells.h: table_head). */
void finding_head(TableKind t, Buf *out);
/* Column j's cell of finding f into out (its text emptied first). */
void finding_cell(const TableColumn *col, const Check *c, const Finding *f, Cell *out);

#endif
