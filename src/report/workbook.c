/* workbook.c: an Excel workbook written with libxlsxwriter, in a
 * temporary file and handed back whole in a Buf: sheets with a frozen
 * header and an autofilter, cells cut where a spreadsheet cuts them,
 * severities coloured, a rule's and a unit's cells. */
#include "workbook.h"
#include "msg.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A workbook in a temporary file; false when none can be made. */
bool
book_open(Book *b)
{
	const char *dir = getenv("TMPDIR");
	snprintf(b->path, sizeof b->path, "%s/coplan-xlsx-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(b->path);
	if (fd < 0)
		return false;
	close(fd);
	sink_guard(b->path);	/* removed on a signal or exit too */
	/* each row leaves for the file as the next begins: rows are written
	 * in order, sheet after sheet, so a big workbook needs no memory */
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
	b->wb = workbook_new_opt(b->path, &opt);
	if (!b->wb) {
		unlink(b->path);
		sink_forget(b->path);
		return false;
	}
	b->head = workbook_add_format(b->wb);
	format_set_bold(b->head);
	format_set_bottom(b->head, LXW_BORDER_THIN);
	b->error = workbook_add_format(b->wb);
	format_set_bg_color(b->error, 0xF4CCCC);
	format_set_font_color(b->error, 0x9C0006);
	b->money = workbook_add_format(b->wb);
	format_set_num_format(b->money, "#,##0.00");
	b->warning = workbook_add_format(b->wb);
	format_set_bg_color(b->warning, 0xFFEB9C);
	format_set_font_color(b->warning, 0x9C5700);
	return true;
}

void
book_refused(const Book *b, Diag *d)
{
	diag_plain(d, "the workbook would need a sheet of %d rows, and a spreadsheet holds %d: "
		   "use --format csv or json for an organisation this large", b->too_big + 1, SHEET_ROWS);
}

/* Closes the workbook and appends its bytes to out. */
bool
book_close(Book *b, Buf *out, Diag *d)
{
	lxw_error e = workbook_close(b->wb);
	if (b->too_big) {
		book_refused(b, d);
		e = LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE;
	} else if (e != LXW_NO_ERROR) {
		diag_plain(d, "cannot make the workbook: %s", lxw_strerror(e));
	}
	size_t len = 0;
	char *data = e == LXW_NO_ERROR ? read_file(b->path, &len) : NULL;
	unlink(b->path);
	sink_forget(b->path);
	buf_free(&b->s);
	for (int r = 0; b->rule && b->rule[r]; r++)
		free(b->rule[r]);
	free(b->rule);
	free(b->by_name);
	if (!data)
		return false;
	buf_put(out, data, len);
	free(data);
	return true;
}

/* A sheet with its header row (bold, frozen) and its columns' widths. */
lxw_worksheet *
book_sheet(Book *b, const char *name, const char *const *heads, const double *widths, int n)
{
	/* a sheet's name and headers are for people: the reader's language */
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, _(name));
	for (int i = 0; i < n; i++) {
		worksheet_write_string(ws, 0, (lxw_col_t)i, _(heads[i]), b->head);
		worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, widths[i], NULL);
	}
	worksheet_freeze_panes(ws, 1, 0);
	return ws;
}

/* The autofilter over the header and rows 1..rows; more rows than a
 * sheet holds are said, never cut. */
void
book_finish(Book *b, lxw_worksheet *ws, int rows, int cols)
{
	if (rows >= SHEET_ROWS && !b->too_big)
		b->too_big = rows;
	worksheet_autofilter(ws, 0, 0, (lxw_row_t)(rows < SHEET_ROWS ? rows : SHEET_ROWS - 1), (lxw_col_t)(cols - 1));
}

/* A cell holds 32,767 characters: a longer text is cut there, and
 * says so at its end. */
enum { CELL_CHARS = 32767 };

void
book_text(Book *b, lxw_worksheet *ws, int r, int c, const char *s, size_t n)
{
	static const char cut[] = " [... cut: a cell holds 32,767 characters]";
	b->s.len = 0;
	buf_put_utf8(&b->s, s, n, true);	/* no U+FFFE in the sheet's XML */
	size_t chars = 0, end = 0, keep = 0;
	for (; end < b->s.len; end++)
		if (((unsigned char)b->s.p[end] & 0xC0) != 0x80 && ++chars == CELL_CHARS - sizeof cut + 2)
			keep = end;
	if (chars > CELL_CHARS) {
		b->s.len = keep;
		buf_puts(&b->s, cut);
	}
	worksheet_write_string(ws, (lxw_row_t)r, (lxw_col_t)c, buf_cstr(&b->s), NULL);
}

void
book_textz(Book *b, lxw_worksheet *ws, int r, int c, const char *s)
{
	if (s)
		book_text(b, ws, r, c, s, strlen(s));
}

lxw_worksheet *
book_table_sheet(Book *b, const char *name, const TableColumn *const *cols, int n, const char *find, int *at)
{
	const char *heads[64];
	double widths[64];
	*at = 0;
	n = n < 64 ? n : 64;
	for (int j = 0; j < n; j++) {
		heads[j] = cols[j]->head[TAB_SHEET];
		widths[j] = cols[j]->width;
		if (!strcmp(heads[j], find))
			*at = j;
	}
	return book_sheet(b, name, heads, widths, n);
}

void
book_money(Book *b, lxw_worksheet *ws, int r, int c, double v, bool money)
{
	if (isfinite(v))
		worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c, v, money ? b->money : NULL);
}

/* A number, or nothing for an open end. */
void
book_number(lxw_worksheet *ws, int r, int c, double v)
{
	if (isfinite(v))
		worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c, v, NULL);
}

/* Severities coloured in column col, rows 1..rows: red where the cell
 * says red (a quoted text), amber where it says amber. */
void
book_colour(Book *b, lxw_worksheet *ws, int rows, int col, const char *red, const char *amber)
{
	if (rows < 1)
		return;
	lxw_conditional_format cf = {0};
	cf.type = LXW_CONDITIONAL_TYPE_CELL;
	cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
	cf.value_string = (char *)red;
	cf.format = b->error;
	worksheet_conditional_format_range(ws, 1, (lxw_col_t)col, (lxw_row_t)rows, (lxw_col_t)col, &cf);
	cf.value_string = (char *)amber;
	cf.format = b->warning;
	worksheet_conditional_format_range(ws, 1, (lxw_col_t)col, (lxw_row_t)rows, (lxw_col_t)col, &cf);
}

/* The rule's name (id or file:line), label, file and line in columns
 * c.. c+3. */
void
book_rule_cells(Book *b, lxw_worksheet *ws, const Program *p, int r, int row, int c)
{
	const Rule *u = &p->rules[r];
	Buf n = {0};
	out_rule(p, r, &n);
	book_text(b, ws, row, c, n.p, n.len);
	buf_free(&n);
	book_textz(b, ws, row, c + 1, u->label);
	book_textz(b, ws, row, c + 2, p->files[u->file]);
	book_number(ws, row, c + 3, u->line);
}

/* Unit k's id, name, kind and parent in columns 0..3 of row. */
void
book_unit_cells(Book *b, lxw_worksheet *ws, const Program *p, const Units *u, int k, int row)
{
	Str id = units_id(u, k), name = units_name(u, k);
	book_text(b, ws, row, 0, id.s, (size_t)id.len);
	book_text(b, ws, row, 1, name.s, (size_t)name.len);
	book_textz(b, ws, row, 2, prog_text(p, u->kind[k]));
	if (u->parent[k] >= 0) {
		Str pid = units_id(u, u->parent[k]);
		book_text(b, ws, row, 3, pid.s, (size_t)pid.len);
	}
}
