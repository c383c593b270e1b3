/* roster.c: counts from one row per person: rows per (unit,
 * role), or the sum of their `fte` with --fte. */
#include "roster.h"
#include "msg.h"
#include "encoding.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "rows.h"
#include "number.h"

static bool
field_is(const Field *f, const char *name)
{
	size_t n = strlen(name);
	const char *s = f->s;
	int len = f->len;
	while (len > 0 && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	return (size_t)len == n && memcmp(s, name, n) == 0;
}

static int
find_role(const Program *p, const char *s, int len)
{
	for (int r = 0; r < p->nroles; r++)
		if ((int)strlen(p->roles[r].name) == len && memcmp(p->roles[r].name, s, (size_t)len) == 0)
			return r;
	return -1;
}

int
roster_load(Units *u, const Program *p, Diag *d, const char *path, const LoadOptions *o, bool fte)
{
	size_t len = 0;
	char *text = NULL;
	if (o->encoding != ENC_UTF8 && !(text = encoding_read(path, o->encoding, DATA_MAX_FILE, &len))) {
		diag_plain(d, "cannot read '%s': %s", path, strerror(errno));
		return 1;
	}
	return roster_load_file(u, p, d, diag_add_file(d, path, text, len, -1), o, fte);
}

int
roster_load_file(Units *u, const Program *p, Diag *d, int file, const LoadOptions *o, bool fte)
{
	int errors = d->errors;
	Rows *rs = rows_csv(d, file, o->delimiter, N_("a roster"));
	roster_load_rows(u, p, d, rs, o, fte);
	rows_close(rs);
	return d->errors - errors;
}

int
roster_load_rows(Units *u, const Program *p, Diag *d, Rows *c, const LoadOptions *o, bool fte)
{
	int errors = d->errors;
	Arena arena = {0};
	/* sums of fte are seldom whole: doubles from the start */
	size_t bytes = (size_t)(u->n ? u->n : 1) * sizeof(double);
	double **count = xcalloc((size_t)u->nroles + 1, sizeof *count);
	for (int r = 0; r < u->nroles; r++)
		count[r] = xcalloc(1, bytes);
	if (!c)
		goto store;
	const char *path = d->files[c->file].path;
	int col_unit = -1, col_role = -1, col_fte = -1, ncols = 0;
	if (rows_next(c) > 0) {
		ncols = c->ncells;
		static const char *const names[] = {"unit", "role", "fte"};
		int *col[] = {&col_unit, &col_role, &col_fte};
		rows_twice(c);	/* which would count? neither */
		for (int i = 0; i < c->ncells; i++)
			for (int j = 0; j < 3; j++)
				if (field_is(&c->cell[i], names[j]) && *col[j] < 0)
					*col[j] = i;
		if (d->errors == errors && (col_unit < 0 || col_role < 0))
			diag_error(d, rows_loc(c, 0), "the roster's header needs the columns 'unit' and 'role'");
	} else if (d->errors == errors) {
		diag_plain(d, "%s is empty: it needs a header line with the columns 'unit' and 'role'", path);
	}
	bool comma = o->decimal ? o->decimal == ',' : c->sep == ';';
	if (u->njumps) {	/* reports point at a unit's first row here */
		free(u->roster_line);
		u->roster_line = xcalloc((size_t)(u->n ? u->n : 1), sizeof *u->roster_line);
		u->roster_file = c->file;
	}
	int header_errors = d->errors;
	/* every bad row is said, up to the limit of errors */
	while (header_errors == errors && d->errors - errors < DATA_MAX_ERRORS && rows_next(c) > 0) {
		if (c->ncells != ncols) {
			diag_error(d, rows_loc(c, c->ncells < ncols ? c->ncells - 1 : ncols),
				   "this line has %d fields, and the header %d", c->ncells, ncols);
			continue;
		}
		/* cells trimmed, as in every table */
		Str fu = str_trim(c->cell[col_unit].s, c->cell[col_unit].len), fr = str_trim(c->cell[col_role].s, c->cell[col_role].len);
		int k = units_find(u, fu.s, fu.len);
		if (k < 0)
			diag_error(d, rows_loc(c, col_unit), "no unit has the id '%.*s'", fu.len, fu.s);
		int r = find_role(p, fr.s, fr.len);
		if (r < 0) {
			char *w = arena_strndup(&arena, fr.s, (size_t)fr.len);
			const char *pick = prog_closest_role(p, w);
			diag_error(d, rows_loc(c, col_role), "'%s' is not a declared role%s%s%s", w,
				   pick ? _("; did you mean '") : "", pick ? pick : "", pick ? "'?" : "");
		}
		double w = 1;
		const Field *ff = col_fte >= 0 ? &c->cell[col_fte] : NULL;
		if (ff && ff->len && (!parse_decimal(ff->s, ff->len, comma, &w) || w < 0 || w > 1)) {
			diag_error(d, rows_loc(c, col_fte), "column 'fte': '%.*s' is not a number from 0 to 1%s",
				   ff->len, ff->s, decimal_hint(ff->s, ff->len, comma));
			continue;
		}
		if (k < 0 || r < 0)
			continue;
		count[r][k] += fte ? w : 1;
		if (u->roster_line && !u->roster_line[k])
			u->roster_line[k] = c->line;
	}
	if (d->errors - errors >= DATA_MAX_ERRORS)
		diag_plain(d, "'%s': reading stopped after %d errors; fix these first", path, DATA_MAX_ERRORS);
store:
	arena_free(&arena);
	for (int r = 0; r < u->nroles; r++) {	/* the units' counts, stored once */
		u->counts.count[r] = (Col){count[r], 8};
		col_fit(&u->counts.count[r], u->n);	/* rows counted: whole numbers */
	}
	free(count);
	counts_headcount(&u->counts, u->nroles, u->n);
	return d->errors - errors;
}
