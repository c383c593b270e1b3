/* finding_table.c: the columns of check's tabular reports (see
 * finding_table.h).  Each row: its headers (CSV, Markdown, sheet), its
 * places there, its width in a sheet, its cell. */
#include "finding_table.h"

#include <math.h>
#include <string.h>

static void
put_text(Cell *out, const char *s)	/* NULL: nothing */
{
	if (!s)
		return;
	out->kind = CELL_TEXT;
	buf_puts(&out->text, s);
}

static void
put_number(Cell *out, double v)
{
	out->kind = CELL_NUM;
	out->num = v;
}

static void
c_unit(const Check *c, const Finding *f, Cell *out)
{
	(void)c;
	out->kind = CELL_TEXT;
	buf_put(&out->text, f->id.s, (size_t)f->id.len);
}

static void
c_name(const Check *c, const Finding *f, Cell *out)
{
	Str name = units_name(c->u, f->unit);
	out->kind = CELL_TEXT;
	buf_put(&out->text, name.s, (size_t)name.len);
}

static void
c_role(const Check *c, const Finding *f, Cell *out)
{
	put_text(out, prog_role_name(c->p, f->role));
}

static void
c_grade(const Check *c, const Finding *f, Cell *out)
{
	put_text(out, prog_role_grade(c->p, f->role));
}

static void
c_status(const Check *c, const Finding *f, Cell *out)
{
	(void)c;
	put_text(out, status_name(f->v.status));
}

static void
c_severity(const Check *c, const Finding *f, Cell *out)
{
	(void)c;
	put_text(out, f->v.error ? "error" : "warning");
}

static void
c_actual(const Check *c, const Finding *f, Cell *out)
{
	(void)c;
	put_number(out, f->actual);
}

static void
c_min(const Check *c, const Finding *f, Cell *out)
{
	(void)c;
	put_number(out, f->v.min);
}

static void
c_max(const Check *c, const Finding *f, Cell *out)
{
	(void)c;
	put_number(out, f->v.max);
}

static void
c_rule_id(const Check *c, const Finding *f, Cell *out)
{
	put_text(out, c->p->rules[f->v.rule].id);
}

static void
c_rule_name(const Check *c, const Finding *f, Cell *out)
{
	out->kind = CELL_TEXT;
	out_rule(c->p, f->v.rule, &out->text);
}

/* The rule as a reader finds it: its name, and where an id hides it. */
static void
c_rule_place(const Check *c, const Finding *f, Cell *out)
{
	const Rule *r = &c->p->rules[f->v.rule];
	out->kind = CELL_TEXT;
	out_rule(c->p, f->v.rule, &out->text);
	if (r->id)
		buf_printf(&out->text, " (%s:%d)", c->p->files[r->file], r->line);
}

static void
c_label(const Check *c, const Finding *f, Cell *out)
{
	put_text(out, c->p->rules[f->v.rule].label);
}

static void
c_file(const Check *c, const Finding *f, Cell *out)
{
	put_text(out, c->p->files[c->p->rules[f->v.rule].file]);
}

static void
c_line(const Check *c, const Finding *f, Cell *out)
{
	put_number(out, c->p->rules[f->v.rule].line);
}

static void
c_message(const Check *c, const Finding *f, Cell *out)
{
	out->kind = CELL_TEXT;
	finding_message(c, f, &out->text);
}

/* headers: CSV, Markdown, sheet; places: the same */
static const FindingColumn columns[] = {
	{{"unit", "unit", "unit"}, {1, 1, 1}, 12, c_unit},
	{{NULL, NULL, "name"}, {0, 0, 2}, 28, c_name},
	{{"role", "role", "role"}, {2, 2, 3}, 16, c_role},
	{{NULL, NULL, "grade"}, {0, 0, 4}, 7, c_grade},
	{{"status", "status", "status"}, {3, 4, 8}, 9, c_status},
	{{"severity", "severity", "severity"}, {4, 3, 9}, 9, c_severity},
	{{"actual", NULL, "count"}, {5, 0, 5}, 8, c_actual},
	{{"min", NULL, "min"}, {6, 0, 6}, 8, c_min},
	{{"max", NULL, "max"}, {7, 0, 7}, 8, c_max},
	{{"rule", NULL, NULL}, {8, 0, 0}, 0, c_rule_id},
	{{NULL, NULL, "rule"}, {0, 0, 10}, 24, c_rule_name},
	{{NULL, "rule", NULL}, {0, 6, 0}, 0, c_rule_place},
	{{NULL, NULL, "label"}, {0, 0, 11}, 36, c_label},
	{{"file", NULL, "file"}, {9, 0, 12}, 28, c_file},
	{{"line", NULL, "line"}, {10, 0, 13}, 6, c_line},
	{{"message", "finding", "message"}, {11, 5, 14}, 70, c_message},
};
enum { NCOLUMNS = sizeof columns / sizeof columns[0] };

int
finding_columns(TableKind t, const FindingColumn **cols)
{
	int n = 0;	/* each column at its place; the places run 1..n */
	for (int j = 0; j < NCOLUMNS; j++)
		if (columns[j].head[t]) {
			cols[columns[j].at[t] - 1] = &columns[j];
			n++;
		}
	return n;
}

void
finding_cell(const FindingColumn *col, const Check *c, const Finding *f, Cell *out)
{
	out->kind = CELL_NONE;
	out->num = NAN;
	out->text.len = 0;
	col->cell(c, f, out);
}
