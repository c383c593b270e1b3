/* cells.c: cells and table heads, as each text format writes them. */
#include "cells.h"
#include "msg.h"
#include "escape.h"

#include <math.h>
#include <string.h>

void
cell_reset(Cell *c)
{
	c->kind = CELL_NONE;
	c->num = NAN;
	c->text.len = 0;
	c->s = c->sub = "";
	c->len = c->sublen = 0;
}

void
cell_text(Cell *c, const char *s)
{
	if (s)
		cell_str(c, s, strlen(s));
}

void
cell_str(Cell *c, const char *s, size_t n)
{
	c->kind = CELL_TEXT;
	c->s = s;
	c->len = n;
}

void
cell_made(Cell *c)
{
	cell_str(c, c->text.p ? c->text.p : "", c->text.len);
}

void
cell_num(Cell *c, double v)
{
	c->kind = CELL_NUM;
	c->num = v;
}

void
cell_free(Cell *c)
{
	buf_free(&c->text);
}

void
cell_csv(Buf *out, const Cell *c)
{
	if (c->kind == CELL_TEXT || c->kind == CELL_NAMED)
		csv_field(out, c->s, c->len);
	else if (c->kind != CELL_NONE && isfinite(c->num))
		num_text(out, c->num);
}

void
cell_md(Buf *out, const Cell *c)
{
	if (c->kind == CELL_TEXT || c->kind == CELL_NAMED)
		md_text(out, c->s, c->len);
	else if (c->kind == CELL_DELTA && isfinite(c->num))
		num_signed_people(out, c->num);
	else if (c->kind == CELL_NUM && isfinite(c->num))
		num_people(out, c->num);
}

void
cell_html(Buf *out, const Cell *c)
{
	buf_puts(out, "<td>");
	if (c->kind == CELL_NAMED) {
		buf_puts(out, "<span class=\"id\">");
		html_esc(out, c->s, c->len);
		buf_puts(out, "</span> ");
		html_esc(out, c->sub, c->sublen);
	} else if (c->kind == CELL_TEXT) {
		html_esc(out, c->s, c->len);
	} else if (c->kind == CELL_DELTA && isfinite(c->num)) {
		num_signed_people(out, c->num);
	} else if (c->kind == CELL_NUM && isfinite(c->num)) {
		num_people(out, c->num);
	}
	buf_puts(out, "</td>");
}

void
cell_sep(Buf *out, TableKind t, int j)
{
	if (t == TAB_CSV)
		buf_puts(out, j ? "," : "");
	else if (t == TAB_MARKDOWN)
		buf_puts(out, j ? " | " : "| ");
	else if (t == TAB_HTML && !j)
		buf_puts(out, "<tr>");
}

void
cell_row_end(Buf *out, TableKind t)
{
	buf_puts(out, t == TAB_MARKDOWN ? " |\n" : t == TAB_HTML ? "</tr>\n" : "\n");
}

void
table_text_row(Buf *out, TableKind t, const char *const *s, const size_t *len, int n)
{
	Cell c = {0};
	for (int j = 0; j < n; j++) {
		cell_sep(out, t, j);
		cell_reset(&c);
		cell_str(&c, s[j], len[j]);
		if (t == TAB_HTML)
			cell_html(out, &c);
		else
			cell_md(out, &c);
	}
	cell_row_end(out, t);
}

void
table_head(Buf *out, TableKind t, const char *const *heads, const bool *right, int n)
{
	if (t == TAB_HTML)
		buf_puts(out, "<table><thead><tr>");
	for (int j = 0; j < n; j++) {	/* a CSV's header is for programs: never translated */
		if (t == TAB_CSV)
			buf_printf(out, "%s%s", j ? "," : "", heads[j]);
		else if (t == TAB_MARKDOWN)
			buf_printf(out, "| %s ", _(heads[j]));
		else
			buf_printf(out, "<th scope=\"col\">%s</th>", _(heads[j]));
	}
	if (t == TAB_MARKDOWN) {
		buf_puts(out, "|\n");
		for (int j = 0; j < n; j++)
			buf_puts(out, right && right[j] ? "| ---: " : "| --- ");
		buf_puts(out, "|\n");
	} else {
		buf_puts(out, t == TAB_HTML ? "</tr></thead><tbody>\n" : "\n");
	}
}

int
table_columns(const void *model, size_t size, int n, TableKind t, const TableColumn **cols)
{
	int m = 0;
	for (int j = 0; j < n; j++) {
		const TableColumn *c = (const TableColumn *)((const char *)model + (size_t)j * size);
		if (c->head[t]) {
			cols[c->at[t] - 1] = c;
			m++;
		}
	}
	return m;
}

void
table_columns_head(Buf *out, TableKind t, const TableColumn *const *cols, int n)
{
	const char *heads[64];
	bool right[64];
	for (int j = 0; j < n && j < 64; j++)
		heads[j] = cols[j]->head[t], right[j] = cols[j]->right != COL_TEXT;
	table_head(out, t, heads, right, n < 64 ? n : 64);
}
