/* plan_table.h: a plan's rows as a table, one model for every tabular
 * report of a plan (its CSV, the Markdown and HTML tables of the
 * changes, the workbook's Plan sheet; cells.h): each column once, with
 * its header and place in each, its width in a sheet, and how its cell
 * is made of a row.  A new column is one row of the model
 * (plan_table.c); each writer takes the columns of its table in their
 * order and writes the cells its way. */
#ifndef COPLAN_PLAN_TABLE_H
#define COPLAN_PLAN_TABLE_H

#include "cells.h"
#include "plan_issues.h"

typedef struct PlanColumn {
	TableColumn col;	/* its header and place in each table (cells.h) */
	void (*cell)(const Plan *pl, const PlanRows *res, const PlanRow *w, TableKind t, Cell *out);
} PlanColumn;

/* The columns of table t, in their order, into cols (room for
 * PLAN_COLUMNS); how many. */
enum { PLAN_COLUMNS = 24 };
int plan_columns(TableKind t, const TableColumn **cols);
/* The header of table t (a text table: cells.h's table_head). */
void plan_table_head(TableKind t, Buf *out);
/* Row w of res (a row of plan pl) as a line of text table t, whose n
 * columns are cols (plan_columns), into out; cell is the caller's, for
 * its buffers. */
void plan_table_row(const TableColumn *const *cols, int n, const Plan *pl, const PlanRows *res, const PlanRow *w,
		    TableKind t, Cell *cell, Buf *out);
/* Column col's cell of row w into out (emptied first). */
void plan_cell(const TableColumn *col, const Plan *pl, const PlanRows *res, const PlanRow *w, TableKind t,
	       Cell *out);

#endif
