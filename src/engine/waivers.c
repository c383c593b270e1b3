/* waivers.c: a CSV of approved exceptions (unit, role, rule, until,
 * reason), matched with the findings of a run. */
#include "waivers.h"
#include "msg.h"
#include "encoding.h"
#include "baseline.h"
#include "csv.h"
#include "suggest.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

int
waivers_day(const char *s, int len)
{
	int y, m, d;
	char tail;
	char buf[16];
	if (len != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	memcpy(buf, s, 10);
	buf[10] = 0;
	if (sscanf(buf, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || y < 1970 || m < 1 || m > 12 || d < 1)
		return -1;
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (d > mdays[m - 1] + (m == 2 && leap))
		return -1;
	/* days from civil (proleptic Gregorian), 1970-01-01 = 0 */
	y -= m <= 2;
	int era = y / 400, yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int
waivers_today(Diag *d)
{
	const char *env = getenv("COPLAN_TODAY");
	if (env && *env) {
		int day = waivers_day(env, (int)strlen(env));
		if (day < 0)
			diag_plain(d, "COPLAN_TODAY is '%s'; it must be a date, YYYY-MM-DD", env);
		return day;
	}
	time_t now = time(NULL);
	struct tm tm;
	char buf[16];
	localtime_r(&now, &tm);
	strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
	return waivers_day(buf, 10);
}

static const char *const COLUMNS[] = {"unit", "role", "rule", "until", "reason"};
enum { C_UNIT, C_ROLE, C_RULE, C_UNTIL, C_REASON, NCOLS };

static const char *
cell(Waivers *w, const Csv *c, int i)
{
	return arena_strndup(&w->arena, c->f[i].s, (size_t)c->f[i].len);
}

/* One row into a waiver; false after saying what is wrong with it. */
static bool
row(Waivers *w, Diag *d, Csv *c, const int *col, int ncols, int today, Waiver *out)
{
	if (c->nf != ncols) {
		diag_error(d, csv_loc(c, c->nf - 1), plural(c->nf, "this row has %d field, the header %d",
							      "this row has %d fields, the header %d"), c->nf, ncols);
		return false;
	}
	static const char *const need[] = {N_("a unit id"), N_("a role"), NULL, NULL, N_("the reason it is approved")};
	for (int k = 0; k < NCOLS; k++)
		if (need[k] && c->f[col[k]].len == 0) {
			diag_error(d, csv_loc(c, col[k]), "a waiver needs %s", _(need[k]));
			return false;
		}
	const Field *u = &c->f[col[C_UNTIL]];
	int day = waivers_day(u->s, u->len);
	if (day < 0) {
		diag_error(d, csv_loc(c, col[C_UNTIL]), "'%.*s' is not a date; write the last day the waiver holds as YYYY-MM-DD",
			   u->len > 40 ? 40 : u->len, u->s);
		return false;
	}
	*out = (Waiver){cell(w, c, col[C_UNIT]), cell(w, c, col[C_ROLE]),
		c->f[col[C_RULE]].len ? cell(w, c, col[C_RULE]) : NULL, cell(w, c, col[C_UNTIL]),
		cell(w, c, col[C_REASON]), day, c->rec_line, day < today, false};
	return true;
}

int
waivers_load(Waivers *w, Diag *d, const char *path, int today, int encoding)
{
	int before = d->errors;
	size_t len;
	char *text = encoding_read(path, (Encoding)encoding, DATA_MAX_FILE, &len);
	if (!text) {
		diag_plain(d, "cannot read the waivers '%s': %s", path, strerror(errno));
		return 1;
	}
	w->file = diag_add_file(d, path, text, len, -1);
	Csv c;
	if (!csv_open(&c, d, w->file, 0, N_("a waivers file")) || csv_next(&c) <= 0) {
		if (d->errors == before)
			diag_error(d, (Loc){1, 1, 1, 1, w->file},
				   "a waivers file starts with the header unit,role,rule,until,reason");
		csv_close(&c);
		return d->errors - before;
	}
	int col[NCOLS], ncols = c.nf;
	for (int k = 0; k < NCOLS; k++) {
		col[k] = -1;
		for (int i = 0; i < c.nf; i++)
			if ((size_t)c.f[i].len == strlen(COLUMNS[k]) && !strncasecmp(c.f[i].s, COLUMNS[k], strlen(COLUMNS[k])))
				col[k] = i;
		if (col[k] < 0) {
			diag_error(d, csv_loc(&c, 0), "a waivers file has the columns unit, role, rule, until and reason; '%s' is missing",
				   COLUMNS[k]);
			csv_close(&c);
			return d->errors - before;
		}
	}
	int cap = 0, rc;
	while ((rc = csv_next(&c)) > 0) {
		if (c.nf == 1 && c.f[0].len == 0)
			continue;	/* a blank line */
		Waiver one;
		if (!row(w, d, &c, col, ncols, today, &one))
			continue;
		vec_grow((void **)&w->w, w->n, &cap, sizeof *w->w);
		w->w[w->n++] = one;
	}
	csv_close(&c);
	return d->errors - before;
}

static const char *
rule_id(const void *p, int i)	/* for closest_name */
{
	return ((const Program *)p)->rules[i].id;	/* NULL: unnamed, left out */
}

/* Why a waiver matches no finding: its unit, role or rule is not one
 * of the data's or the rules' (with the closest that is), or the
 * standard is met. */
static void
misspelt(const Check *c, const Waiver *v, char *why, size_t n)
{
	const Program *p = c->p;
	if (units_find(c->u, v->unit, (int)strlen(v->unit)) < 0) {
		int near = units_closest(c->u, v->unit);
		Str id = near >= 0 ? units_id(c->u, near) : (Str){"", 0};
		snprintf(why, n, _("no unit has the id '%s'%s%.*s%s"), v->unit, near >= 0 ? _("; did you mean '") : "",
			 id.len, id.s, near >= 0 ? "'?" : "");
		return;
	}
	if (v->role[0] && prog_role(p, v->role) < 0) {
		const char *near = prog_closest_role(p, v->role);
		snprintf(why, n, _("'%s' is not a declared role%s%s%s"), v->role, near ? _("; did you mean '") : "",
			 near ? near : "", near ? "'?" : "");
		return;
	}
	bool known = !v->rule || strchr(v->rule, ':');	/* file:line is checked by line */
	for (int r = 0; r < p->nrules && !known; r++)
		known = p->rules[r].id && !strcmp(p->rules[r].id, v->rule);
	if (!known) {
		int near = closest_name(v->rule, p->nrules, rule_id, p, suggest_cap(v->rule));
		snprintf(why, n, _("no rule is named '%s'%s%s%s"), v->rule, near >= 0 ? _("; did you mean '") : "",
			 near >= 0 ? p->rules[near].id : "", near >= 0 ? "'?" : "");
		return;
	}
	snprintf(why, n, _("the standard is met, or the finding is of another rule"));
}

/* Waiver v against (id, role): <0, 0, >0 as strcmp. */
static int
waiver_cmp_key(const Waiver *v, Str id, const char *role)
{
	size_t n = strlen(v->unit), m = (size_t)id.len;
	int c = memcmp(v->unit, id.s, n < m ? n : m);
	if (c || n != m)
		return c ? c : n < m ? -1 : 1;
	return strcmp(v->role, role);
}

static const Waiver *by_unit_role;	/* for cmp_waiver: qsort has no context */

static int
cmp_waiver(const void *pa, const void *pb)
{
	int a = *(const int *)pa, b = *(const int *)pb;
	const Waiver *x = &by_unit_role[a], *y = &by_unit_role[b];
	int c = waiver_cmp_key(x, (Str){y->unit, (int)strlen(y->unit)}, y->role);
	return c ? c : a - b;
}

void
waivers_apply(Waivers *w, Check *c, const bool *selected)
{
	const Program *p = c->p;
	/* the waivers by unit and role, then in file order: each finding
	 * looks up its own, not every waiver */
	int *ord = xmalloc((size_t)(w->n ? w->n : 1) * sizeof *ord);
	for (int j = 0; j < w->n; j++)
		ord[j] = j;
	by_unit_role = w->w;
	qsort(ord, (size_t)w->n, sizeof *ord, cmp_waiver);
	for (int i = 0; i < c->nf; i++) {
		Finding *f = &c->f[i];
		const Rule *r = &p->rules[f->v.rule];
		char where[64];
		snprintf(where, sizeof where, ":%d", r->line);
		const char *role = prog_role_name(p, f->role);
		int lo = 0, hi = w->n;
		while (lo < hi) {
			int mid = (lo + hi) / 2;
			if (waiver_cmp_key(&w->w[ord[mid]], f->id, role) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (int o = lo; o < w->n && !waiver_cmp_key(&w->w[ord[o]], f->id, role); o++) {
			int j = ord[o];
			Waiver *v = &w->w[j];
			if (v->rule) {
				const char *file = p->files[r->file];
				size_t fl = strlen(file);
				bool by_id = r->id && !strcmp(v->rule, r->id);
				bool by_line = !strncmp(v->rule, file, fl) && !strcmp(v->rule + fl, where);
				if (!by_id && !by_line)
					continue;
			}
			v->used = true;
			if (v->expired)
				continue;	/* it counts again */
			f->waiver = j + 1;
			w->nwaived++;
			/* the summary counts what fails, then what is waived */
			*(f->v.error ? &c->errors : &c->warnings) -= 1;
			break;
		}
	}
	free(ord);
	for (int j = 0; j < w->n; j++) {
		const Waiver *v = &w->w[j];
		Loc at = {v->line, 1, v->line, 1, w->file};
		if (v->expired)
			diag_warning_about(c->diag, "expired-waiver", NULL, NULL, at,
					   "this waiver of %s %s expired on %s%s", v->unit, v->role, v->until,
					   v->used ? _("; the finding it waived counts again") : "");
		else if (!v->used && !unit_outside(c->u, selected, v->unit)) {
			char why[512];
			misspelt(c, v, why, sizeof why);
			diag_warning_about(c->diag, "unused-waiver", NULL, NULL, at,
					   "this waiver matches no finding (unit %s, role %s%s%s): %s",
					   v->unit, v->role, v->rule ? ", rule " : "", v->rule ? v->rule : "", why);
		}
	}
}

void
waivers_free(Waivers *w)
{
	free(w->w);
	arena_free(&w->arena);
	memset(w, 0, sizeof *w);
}
