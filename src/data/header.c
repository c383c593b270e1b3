/* header.c: which column of a units table is what, and what is missing. */
#include "header.h"
#include "msg.h"
#include "suggest.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *
header_kind_list(const Program *p, Arena *a)
{
	Buf b = {0};
	for (int i = 0; i < p->nkinds; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", p->strs->text[p->kinds[i]]);
	char *s = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return s;
}

static const char *
kind_name(const void *p, int i)	/* for closest_name */
{
	const Program *prog = p;
	return prog->strs->text[prog->kinds[i]];
}

const char *
header_kind_hint(const Program *p, Str k, Arena *a)
{
	char *w = arena_strndup(a, k.s, (size_t)k.len);
	int i = closest_name(w, p->nkinds, kind_name, p, 2);
	if (i >= 0)
		return arena_printf(a, _("; did you mean '%s'?"), p->strs->text[p->kinds[i]]);
	return arena_printf(a, _("; the declared kinds are %s"), header_kind_list(p, a));
}

/* A column the table has but nobody reads, whose header is the name
 * wanted but for case or a letter: "; column 1 is 'ID': ...". */
static const char *
header_hint(const Column *cols, int n, const char *want, Arena *a, bool paren)
{
	size_t wl = strlen(want);
	for (int i = 0; i < n; i++) {
		if (cols[i].what != COL_IGNORED)
			continue;
		bool close = strlen(cols[i].name) == wl && !strcasecmp(cols[i].name, want);
		if (!close && wl >= 3)
			close = edit_distance(cols[i].name, want, 1) <= 1;
		if (close && paren)
			return arena_printf(a, _(" (column %d is '%s': headers are matched exactly)"), i + 1, cols[i].name);
		if (close)
			return arena_printf(a, _("; column %d is '%s': headers are matched exactly, write '%s'"),
					    i + 1, cols[i].name, want);
	}
	return "";
}

static const char *
column_name(const void *cols, int i)	/* for closest_name */
{
	return ((const Column *)cols)[i].name;
}

int
header_read(Rows *c, Units *u, const Program *p, Diag *d, const LoadOptions *o,
	    Column **cols_out)
{
	int errors = d->errors;
	const char *path = d->files[c->file].path;
	if (rows_next(c) <= 0) {
		if (d->errors == errors)
			diag_plain(d, "%s is empty: it needs a header line naming its columns, 'id' first among them",
				   path);
		return -1;
	}
	Column *cols = xcalloc((size_t)c->ncells, sizeof *cols);
	bool has_id = false;
	bool *role_seen = xcalloc((size_t)p->nroles + 1, sizeof *role_seen);
	bool *attr_seen = xcalloc((size_t)p->nattrs + 1, sizeof *attr_seen);
	rows_twice(c);
	for (int i = 0; i < c->ncells; i++) {
		Str h = str_trim(c->cell[i].s, c->cell[i].len);
		cols[i].header = h;
		cols[i].recent[0] = cols[i].recent[1] = cols[i].recent[2] = cols[i].recent[3] = -1;
		cols[i].set_len = -1;
		char *name = arena_strndup(&u->arena, h.s, (size_t)h.len);
		cols[i].name = name;
		cols[i].loc = rows_loc(c, i);
		if (!strcmp(name, "id"))
			cols[i].what = COL_ID, has_id = true;
		else if (!strcmp(name, "name"))
			cols[i].what = COL_NAME;
		else if (!strcmp(name, "kind"))
			cols[i].what = COL_KIND;
		else if (!strcmp(name, "parent"))
			cols[i].what = COL_PARENT;
		for (int r = 0; r < p->nroles && cols[i].what == COL_IGNORED; r++)
			if (!strcmp(name, p->roles[r].name)) {
				if (o->roster)
					diag_error(d, rows_loc(c, i),
						   "the column '%s' gives counts, and so does the roster; keep one of the two",
						   name);
				cols[i].what = COL_ROLE, cols[i].index = r, role_seen[r] = true;
			}
		for (int a = 0; a < p->nattrs && cols[i].what == COL_IGNORED; a++)
			if (!strcmp(name, p->attrs[a].name))
				cols[i].what = COL_ATTR, cols[i].index = a, attr_seen[a] = true;
		for (int e = 0; e < o->nextra && cols[i].what == COL_IGNORED; e++)
			if (!strcmp(name, o->extra[e]))
				cols[i].what = COL_EXTRA, cols[i].index = p->nattrs + e;
	}
	for (int e = 0; e < o->nextra; e++) {
		bool seen = false;
		for (int i = 0; i < c->ncells; i++)	/* the kind: copied from the units' */
			seen |= (cols[i].what == COL_EXTRA && cols[i].index == p->nattrs + e) ||
				(cols[i].what == COL_KIND && !strcmp(o->extra[e], "kind"));
		int j = seen ? -1 : closest_name(o->extra[e], c->ncells, column_name, cols, 2);
		if (!seen)
			diag_error(d, rows_loc(c, 0), "--totals-by %s: the table has no column '%s'%s%s%s", o->extra[e],
				   o->extra[e], j >= 0 ? _("; did you mean '") : "", j >= 0 ? cols[j].name : "",
				   j >= 0 ? "'?" : "");
	}
	if (!has_id)
		diag_error(d, rows_loc(c, 0), "the header has no 'id' column; every unit needs one%s",
			   header_hint(cols, c->ncells, "id", &u->arena, false));
	bool has_kind = false, has_parent = false;
	for (int i = 0; i < c->ncells; i++) {
		has_kind |= cols[i].what == COL_KIND;
		has_parent |= cols[i].what == COL_PARENT;
	}
	if (!has_parent && p->needs.hierarchy)
		diag_error(d, rows_loc(c, 0), "the header has no 'parent' column, and the rules read the hierarchy "
			   "(parent, children or descendants): without it every unit would be a root%s",
			   header_hint(cols, c->ncells, "parent", &u->arena, false));
	if (p->nkinds && !has_kind)
		diag_error(d, rows_loc(c, 0), "the header has no 'kind' column, and the rules declare kinds (%s)%s",
			   header_kind_list(p, &u->arena), header_hint(cols, c->ncells, "kind", &u->arena, false));
	for (int a = 0; a < p->nattrs; a++)
		if (!attr_seen[a] && p->attrs[a].used)
			diag_error(d, rows_loc(c, 0), "the header has no column '%s', and the rules read that attribute%s",
				   p->attrs[a].name, header_hint(cols, c->ncells, p->attrs[a].name, &u->arena, false));
	Buf missing = {0};
	int nmissing = 0;
	for (int r = 0; r < p->nroles && !o->roster; r++) {
		if (role_seen[r])
			continue;
		/* the role's name in other capitals: every count would be 0 */
		for (int i = 0; i < c->ncells; i++)
			if (cols[i].what == COL_IGNORED && !strcasecmp(cols[i].name, p->roles[r].name))
				diag_error(d, rows_loc(c, i), "column '%s' is not the role '%s': headers are matched exactly, "
					   "and every unit would count 0 of it; name the column '%s'", cols[i].name,
					   p->roles[r].name, p->roles[r].name);
		buf_printf(&missing, "%s'%s'%s", nmissing++ ? ", " : "", p->roles[r].name,
			   header_hint(cols, c->ncells, p->roles[r].name, &u->arena, true));
	}
	if (nmissing && d->errors == errors)
		diag_warning_about(d, "missing-column", NULL, NULL, rows_loc(c, 0),
				   plural(nmissing, "the header has no column for the role %s; every unit counts 0 of it",
					  "the header has no column for the roles %s; every unit counts 0 of them"),
				   missing.p);
	buf_free(&missing);
	free(role_seen);
	free(attr_seen);
	*cols_out = cols;
	return d->errors > errors ? -1 : c->ncells;
}

/* Empty cells of number columns the rules read count 0: said once a
 * column, with how many and where the first are, never in silence. */
void
header_say_blanks(Diag *d, const Column *cols, int ncols)
{
	for (int i = 0; i < ncols; i++) {
		const Column *col = &cols[i];
		if (!col->blanks)
			continue;
		Buf lines = {0};
		for (int j = 0; j < col->blanks && j < 3; j++)
			buf_printf(&lines, "%s%d", j ? ", " : "", col->blank_line[j]);
		diag_warning_about(d, "blank-cells", NULL, NULL, col->loc,
				   plural(col->blanks, "column '%s': %d empty cell (line %s%s) read as 0",
					  "column '%s': %d empty cells (lines %s%s) read as 0"),
				   col->name, col->blanks, lines.p, col->blanks > 3 ? ", ..." : "");
		buf_free(&lines);
	}
}
