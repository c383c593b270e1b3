/* cells.h: what every tabular report shares: the tables a model's
 * column can be in (CSV, Markdown, an HTML table, a workbook's sheet),
 * a cell, and how each text format writes a header and a cell.  The
 * models are finding_table (check's findings) and plan_table (a plan's
 * rows): a column is one row of its model, with its header and place in
 * each table; the writers take the columns in their order. */
#ifndef COPLAN_CELLS_H
#define COPLAN_CELLS_H

#include "util.h"

typedef enum TableKind { TAB_CSV, TAB_MARKDOWN, TAB_HTML, TAB_SHEET, NTABLES } TableKind;

typedef enum CellKind {
	CELL_NONE,
	CELL_TEXT,
	CELL_NUM,
	CELL_DELTA,		/* a change: with its sign where people read it */
	CELL_NAMED,		/* an id (text) and its name (sub): an HTML
				 * table shows both, the others the id */
} CellKind;

/* A cell: nothing, a text (s, len: a string that outlives the cell,
 * or the cell's own text), or a number (NAN: nothing). */
typedef struct Cell {
	CellKind kind;
	double num;
	const char *s, *sub;	/* the text; a named id's name */
	size_t len, sublen;
	Buf text;		/* a text made for the cell (cell_made) */
} Cell;

/* What every model's column is first: its header in each table (NULL:
 * not there), its place there (from 1), its width in a sheet, whether
 * it is a number (aligned right) or an amount (COL_MONEY: in a sheet,
 * thousands grouped). */
enum { COL_TEXT, COL_NUMBER, COL_MONEY };
typedef struct TableColumn {
	const char *head[NTABLES];
	signed char at[NTABLES];
	double width;
	signed char right;	/* COL_* (false, true: text, number) */
} TableColumn;

/* The columns of table t among a model's n columns (structs of `size`
 * bytes, each a TableColumn first), each at its place: into cols (room
 * for n); how many.  The places run 1..n: test_report.c holds it. */
int table_columns(const void *model, size_t size, int n, TableKind t, const TableColumn **cols);
/* The header of text table t of those columns (table_head). */
void table_columns_head(Buf *out, TableKind t, const TableColumn *const *cols, int n);

/* Emptied for the next cell. */
void cell_reset(Cell *c);
/* s as the cell's text (NULL: nothing); s is not copied. */
void cell_text(Cell *c, const char *s);
/* The n bytes at s as the cell's text, not copied. */
void cell_str(Cell *c, const char *s, size_t n);
/* What was written into c->text as the cell's text. */
void cell_made(Cell *c);
void cell_num(Cell *c, double v);
void cell_free(Cell *c);

/* The cell as CSV (quoted where needed), Markdown or HTML writes it. */
void cell_csv(Buf *out, const Cell *c);
void cell_md(Buf *out, const Cell *c);
void cell_html(Buf *out, const Cell *c);
/* A row of cells: the separator before cell j (j > 0 in CSV), and the
 * end of the row. */
void cell_sep(Buf *out, TableKind t, int j);
void cell_row_end(Buf *out, TableKind t);

/* A row of n texts (s[i], len[i] bytes) as a Markdown or HTML table
 * writes it. */
void table_text_row(Buf *out, TableKind t, const char *const *s, const size_t *len, int n);
/* The header of a table of n columns, heads[j] each, right[j]: numbers
 * (aligned right in Markdown): a CSV line; Markdown's two lines; an HTML
 * table's head up to its <tbody>. */
void table_head(Buf *out, TableKind t, const char *const *heads, const bool *right, int n);

#endif
