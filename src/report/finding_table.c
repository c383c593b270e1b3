/* finding_table.c: the columns of check's tabular reports (see
 * finding_table.h).  Each row: its headers (CSV, Markdown, sheet), its
 * places there, its width in a sheet, its cell. */
#include "finding_table.h"
#include "msg.h"

#include <math.h>
#include <string.h>


static void
c_unit(const Check *c, const Finding *f, Cell *out)
{
	(void)c;
	cell_str(out, f->id.s, (size_t)f->id.len);
}

static void
c_name(const Check *c, const Finding *f, Cell *out)
{
	Str name = units_name(c->u, f->unit);
	cell_str(out, name.s, (size_t)name.len);
}

static void
c_role(const Check *c, const Finding *f, Cell *out)
{
	cell_text(out, prog_role_name(c->p, f->role));
}

static void
c_grade(const Check *c, const Finding *f, Cell *out)
{
	cell_text(out, prog_role_grade(c->p, f->role));
}

static void
c_status(const Check *c, const Finding *f, Cell *out)
{
	(void)c;
	cell_text(out, status_name(f->v.status));
}

static void
c_severity(const Check *c, const Finding *f, Cell *out)
{
	(void)c;
	cell_text(out, f->v.error ? "error" : "warning");
}

static void
c_actual(const Check *c, const Finding *f, Cell *out)
{
	(void)c;
	cell_num(out, f->actual);
}

static void
c_min(const Check *c, const Finding *f, Cell *out)
{
	(void)c;
	cell_num(out, f->v.min);
}

static void
c_max(const Check *c, const Finding *f, Cell *out)
{
	(void)c;
	cell_num(out, f->v.max);
}

static void
c_rule_id(const Check *c, const Finding *f, Cell *out)
{
	cell_text(out, c->p->rules[f->v.rule].id);
}

static void
c_rule_name(const Check *c, const Finding *f, Cell *out)
{
	out_rule(c->p, f->v.rule, &out->text);
	cell_made(out);
}

/* The rule as a reader finds it: its name, and where an id hides it. */
static void
c_rule_place(const Check *c, const Finding *f, Cell *out)
{
	const Rule *r = &c->p->rules[f->v.rule];
	out_rule(c->p, f->v.rule, &out->text);
	if (r->id)
		buf_printf(&out->text, " (%s:%d)", c->p->files[r->file], r->line);
	cell_made(out);
}

static void
c_label(const Check *c, const Finding *f, Cell *out)
{
	cell_text(out, c->p->rules[f->v.rule].label);
}

static void
c_file(const Check *c, const Finding *f, Cell *out)
{
	cell_text(out, c->p->files[c->p->rules[f->v.rule].file]);
}

static void
c_line(const Check *c, const Finding *f, Cell *out)
{
	cell_num(out, c->p->rules[f->v.rule].line);
}

static void
c_message(const Check *c, const Finding *f, Cell *out)
{
	finding_message(c, f, &out->text);
	cell_made(out);
}

/* headers: CSV, Markdown, HTML, sheet; places: the same; width in a
 * sheet; a number */
static const FindingColumn columns[] = {
	{{{N_("unit"), N_("unit"), NULL, N_("unit")}, {1, 1, 0, 1}, 12, false}, c_unit},
	{{{NULL, NULL, NULL, N_("name")}, {0, 0, 0, 2}, 28, false}, c_name},
	{{{N_("role"), N_("role"), NULL, N_("role")}, {2, 2, 0, 3}, 16, false}, c_role},
	{{{NULL, NULL, NULL, N_("grade")}, {0, 0, 0, 4}, 7, false}, c_grade},
	{{{N_("status"), N_("status"), NULL, N_("status")}, {3, 4, 0, 8}, 9, false}, c_status},
	{{{N_("severity"), N_("severity"), NULL, N_("severity")}, {4, 3, 0, 9}, 9, false}, c_severity},
	{{{N_("actual"), NULL, NULL, N_("count")}, {5, 0, 0, 5}, 8, true}, c_actual},
	{{{N_("min"), NULL, NULL, N_("min")}, {6, 0, 0, 6}, 8, true}, c_min},
	{{{N_("max"), NULL, NULL, N_("max")}, {7, 0, 0, 7}, 8, true}, c_max},
	{{{N_("rule"), NULL, NULL, NULL}, {8, 0, 0, 0}, 0, false}, c_rule_id},
	{{{NULL, NULL, NULL, N_("rule")}, {0, 0, 0, 10}, 24, false}, c_rule_name},
	{{{NULL, N_("rule"), NULL, NULL}, {0, 6, 0, 0}, 0, false}, c_rule_place},
	{{{NULL, NULL, NULL, N_("label")}, {0, 0, 0, 11}, 36, false}, c_label},
	{{{N_("file"), NULL, NULL, N_("file")}, {9, 0, 0, 12}, 28, false}, c_file},
	{{{N_("line"), NULL, NULL, N_("line")}, {10, 0, 0, 13}, 6, true}, c_line},
	{{{N_("message"), N_("finding"), NULL, N_("message")}, {11, 5, 0, 14}, 70, false}, c_message},
};
enum { NCOLUMNS = sizeof columns / sizeof columns[0] };

int
finding_columns(TableKind t, const TableColumn **cols)
{
	return table_columns(columns, sizeof *columns, NCOLUMNS, t, cols);
}

void
finding_head(TableKind t, Buf *out)
{
	const TableColumn *c[NCOLUMNS];
	table_columns_head(out, t, c, finding_columns(t, c));
}

void
finding_cell(const TableColumn *col, const Check *c, const Finding *f, Cell *out)
{
	cell_reset(out);
	((const FindingColumn *)col)->cell(c, f, out);
}
