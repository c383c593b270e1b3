/* workbook.h: the pieces of coplan's workbooks (xlsx.c). */
#ifndef COPLAN_WORKBOOK_H
#define COPLAN_WORKBOOK_H

#include <xlsxwriter.h>

#include "cells.h"

#include "files.h"
#include "rule_text.h"
#include "units.h"

enum { SHEET_ROWS = 1048576 };	/* a sheet's rows, header included */

typedef struct Book {
	lxw_workbook *wb;
	lxw_format *head, *error, *warning, *money;
	char path[4096];
	Buf s;			/* a cell's text, NUL-terminated */
	int too_big;		/* the rows of a sheet too big for a spreadsheet */
	char **rule;		/* plan: each rule's name, as reports say it */
	int *by_name;		/* the rules in byte order of those names */
} Book;

/* A workbook in a temporary file; false when none can be made. */
bool book_open(Book *b);
/* Says that a sheet would have more rows than a spreadsheet holds. */
void book_refused(const Book *b, Diag *d);
/* Closes the workbook and appends its bytes to out. */
bool book_close(Book *b, Buf *out, Diag *d);
/* A sheet with its header row (bold, frozen) and its columns' widths. */
lxw_worksheet *book_sheet(Book *b, const char *name, const char *const *heads, const double *widths, int n);
/* A sheet of a table model's n columns (cells.h), their heads and
 * widths; *at: the place of the column headed `find` (0 if none). */
lxw_worksheet *book_table_sheet(Book *b, const char *name, const TableColumn *const *cols, int n, const char *find,
				int *at);
/* The autofilter over the header and rows 1..rows; more rows than a
 * sheet holds are said, never cut. */
void book_finish(Book *b, lxw_worksheet *ws, int rows, int cols);
/* Text in a cell, valid UTF-8; a cell holds 32,767 characters: a
 * longer text is cut there, and says so at its end. */
void book_text(Book *b, lxw_worksheet *ws, int r, int c, const char *s, size_t n);
void book_textz(Book *b, lxw_worksheet *ws, int r, int c, const char *s);
/* A number, or nothing for an open end; money: with thousands
 * grouped, as an amount (a cost). */
void book_money(Book *b, lxw_worksheet *ws, int r, int c, double v, bool money);
/* A number, or nothing for an open end. */
void book_number(lxw_worksheet *ws, int r, int c, double v);
/* Severities coloured in column col, rows 1..rows: red where the cell
 * says red (a quoted text), amber where it says amber. */
void book_colour(Book *b, lxw_worksheet *ws, int rows, int col, const char *red, const char *amber);
/* The rule's name (id or file:line), label, file and line in columns
 * c.. c+3. */
void book_rule_cells(Book *b, lxw_worksheet *ws, const Program *p, int r, int row, int c);
/* Unit k's id, name, kind and parent in columns 0..3 of row. */
void book_unit_cells(Book *b, lxw_worksheet *ws, const Program *p, const Units *u, int k, int row);

#endif
