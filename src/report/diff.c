/* diff.c: what changed between two states of an organisation: counts
 * matched by unit id and role, findings by unit, role and rule (and
 * status, but under and over are one finding that moved), then told
 * worse, still or better by gap, as a baseline tells them. */
#include "diff.h"
#include "diff_data.h"
#include "cells.h"
#include "msg.h"
#include "finding.h"
#include "html.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct Key {		/* a finding, for matching */
	char *key;
	const Check *c;
	const Finding *f;
} Key;

static int
cmp_diff_key(const void *a, const void *b)
{
	return strcmp(((const Key *)a)->key, ((const Key *)b)->key);
}

static void
rule_name(const Program *p, int r, Buf *b)
{
	if (p->rules[r].id)
		buf_puts(b, p->rules[r].id);
	else
		buf_printf(b, "%s:%d", p->files[p->rules[r].file], p->rules[r].line);
}

static Key *
keys(const Check *c)
{
	Key *k = xcalloc((size_t)(c->nf ? c->nf : 1), sizeof *k);
	Buf b = {0};
	for (int i = 0; i < c->nf; i++) {
		const Finding *f = &c->f[i];
		b.len = 0;
		buf_put(&b, f->id.s, (size_t)f->id.len);
		buf_printf(&b, "\x1f%s\x1f", prog_role_name(c->p, f->role));
		rule_name(c->p, f->v.rule, &b);
		if (f->v.status != ST_UNDER && f->v.status != ST_OVER)
			buf_printf(&b, "\x1f%s", status_name(f->v.status));
		k[i] = (Key){xmalloc(b.len + 1), c, f};
		memcpy(k[i].key, b.p, b.len + 1);
	}
	buf_free(&b);
	qsort(k, (size_t)c->nf, sizeof *k, cmp_diff_key);
	return k;
}

enum { F_NEW, F_WORSE, F_FIXED, F_STILL, F_BETTER, NCHANGES };
static const char *const change_names[] = {N_("new"), N_("worse"), N_("fixed"), N_("still"), N_("better")};

typedef struct Out {
	DiffFormat f;
	Buf *b;
	int n[NCHANGES];	/* findings per change */
	int nrows[NCHANGES];	/* json: rows written per list */
	int ncounts;		/* count rows written */
	Buf lists[NCHANGES];	/* json and markdown: each list apart */
	int new_errors;
	const DataChanges *data;	/* the data's own changes */
	const bool *selb, *sela;	/* the units shown, each side (NULL: all) */
} Out;

/* Whether unit k of a side is shown. */
static bool
shown_at(const bool *sel, int k)
{
	return k >= 0 && (!sel || sel[k]);
}

static void
finding(Out *o, int change, const Key *k)
{
	const Check *c = k->c;
	const Finding *f = k->f;
	const Program *p = c->p;
	Buf m = {0}, r = {0}, why = {0};
	finding_message(c, f, &m);
	rule_name(p, f->v.rule, &r);
	/* new or worse where the unit's data changed: said which */
	bool data = (change == F_NEW || change == F_WORSE) && data_changes_at(o->data, f->unit, o->f == DF_JSON, &why);
	if (data && o->f != DF_JSON) {
		buf_puts(&m, _(" (the data changed: "));
		buf_put(&m, why.p, why.len);
		buf_putc(&m, ')');
	}
	const char *sev = f->v.error ? "error" : "warning", *role = prog_role_name(p, f->role);
	o->n[change]++;
	if ((change == F_NEW || change == F_WORSE) && f->v.error)
		o->new_errors++;
	Buf *b = o->f == DF_TEXT || o->f == DF_CSV ? o->b : &o->lists[change];
	switch (o->f) {
	case DF_TEXT:
		buf_printf(b, "  %-6s %s: ", _(change_names[change]), f->v.error ? _("error") : _("warning"));
		buf_put_text(b, f->id.s, (size_t)f->id.len);
		buf_puts(b, ": ");
		buf_put_text(b, m.p, m.len);
		buf_printf(b, " [%s]\n", buf_cstr(&r));
		break;
	case DF_CSV:
		buf_printf(b, "%s,", change_names[change]);
		csv_field(b, f->id.s, (size_t)f->id.len);
		buf_printf(b, ",%s,%s,,,,%s,%s,", role, prog_role_grade(p, f->role) ? prog_role_grade(p, f->role) : "", sev,
			   status_name(f->v.status));
		csv_field(b, r.p, r.len);
		buf_putc(b, ',');
		csv_field(b, m.p, m.len);
		buf_putc(b, '\n');
		break;
	case DF_JSON:
		buf_puts(b, o->nrows[change]++ ? ",\n      {\"unit\": " : "\n      {\"unit\": ");
		json_str(b, f->id.s, (size_t)f->id.len);
		buf_puts(b, ", \"role\": ");
		json_str(b, role, strlen(role));
		buf_printf(b, ", \"status\": \"%s\", \"severity\": \"%s\", \"rule\": ", status_name(f->v.status), sev);
		json_str(b, r.p, r.len);
		buf_puts(b, ", \"message\": ");
		json_str(b, m.p, m.len);
		if (data)
			buf_printf(b, ", \"data_changed\": %s", buf_cstr(&why));
		buf_putc(b, '}');
		break;
	case DF_MARKDOWN:
	case DF_HTML: {
		const char *cell[5] = {f->id.s, role, sev, m.p, r.p};
		size_t len[5] = {(size_t)f->id.len, strlen(role), strlen(sev), m.len, r.len};
		table_text_row(b, o->f == DF_HTML ? TAB_HTML : TAB_MARKDOWN, cell, len, 5);
		break;
	}
	}
	buf_free(&m);
	buf_free(&r);
	buf_free(&why);
}

/* Before and after, per grade and in all. */
typedef struct Sum {
	double before, after, cost;
} Sum;

/* "B -> A  (+D)" in text, "B | A | +D" in markdown. */
static void
before_after(Buf *b, double before, double after, bool md)
{
	num_people(b, before);
	buf_puts(b, md ? " | " : " -> ");
	num_people(b, after);
	buf_puts(b, md ? (after > before ? " | +" : " | ") : (after > before ? "  (+" : "  ("));
	num_people(b, after - before);
	buf_puts(b, md ? " |\n" : ")\n");
}

static void
count_row(Out *o, const Program *p, Str id, int r, double before, double after)
{
	Buf *b = o->b;
	const char *role = p->roles[r].name, *grade = p->roles[r].grade ? p->roles[r].grade : "";
	switch (o->f) {
	case DF_TEXT:
		buf_puts(b, "  ");
		buf_put_text(b, id.s, (size_t)id.len);
		buf_printf(b, "  %s  ", role);
		before_after(b, before, after, false);
		break;
	case DF_CSV:
		buf_puts(b, "count,");
		csv_field(b, id.s, (size_t)id.len);
		buf_printf(b, ",%s,%s,", role, grade);
		num_text(b, before);
		buf_putc(b, ',');
		num_text(b, after);
		buf_putc(b, ',');
		num_text(b, after - before);
		buf_puts(b, ",,,,\n");
		break;
	case DF_JSON:
		buf_puts(b, o->ncounts ? ",\n    {\"unit\": " : "\n    {\"unit\": ");
		json_str(b, id.s, (size_t)id.len);
		buf_puts(b, ", \"role\": ");
		json_str(b, role, strlen(role));
		json_key_num(b, "before", before);
		json_key_num(b, "after", after);
		json_key_num(b, "delta", after - before);
		buf_putc(b, '}');
		break;
	case DF_MARKDOWN:
		buf_puts(b, o->ncounts ? "| " : _("| unit | role | before | after | delta |\n| --- | --- | ---: | ---: | ---: |\n| "));
		md_text(b, id.s, (size_t)id.len);
		buf_printf(b, " | %s | ", role);
		before_after(b, before, after, true);
		break;
	case DF_HTML:
		buf_puts(b, o->ncounts ? "<tr><td>" : _("<table><thead><tr><th scope=\"col\">unit</th><th scope=\"col\">role</th>"
			 "<th scope=\"col\">before</th><th scope=\"col\">after</th><th scope=\"col\">delta</th></tr></thead>"
			 "<tbody>\n<tr><td>"));
		html_esc(b, id.s, (size_t)id.len);
		buf_puts(b, "</td><td>");
		html_esc(b, role, strlen(role));
		buf_puts(b, "</td><td>");
		num_people(b, before);
		buf_puts(b, "</td><td>");
		num_people(b, after);
		buf_puts(b, after > before ? "</td><td>+" : "</td><td>");
		num_people(b, after - before);
		buf_puts(b, "</td></tr>\n");
		break;
	}
	o->ncounts++;
}

/* The counts that changed, the units on one side only, in id order;
 * the totals.  Returns how many (unit, role)s changed; *units how many
 * units. */
static int
counts(Out *o, const Check *bc, const Check *ac, Sum *by_grade, const int *grade_of, Sum *all, int *units)
{
	const Program *p = ac->p;
	const Units *ub = bc->u, *ua = ac->u;
	/* every id of either side, once, in byte order */
	int m = 0;
	int *ob = units_by_id(ub), *oa = units_by_id(ua);
	int i = 0, j = 0;
	while (i < ub->n || j < ua->n) {
		int c = i == ub->n ? 1 : j == ua->n ? -1 : 0;
		if (!c) {
			Str x = units_id(ub, ob[i]), y = units_id(ua, oa[j]);
			c = memcmp(x.s, y.s, (size_t)(x.len < y.len ? x.len : y.len));
			c = c ? c : (x.len > y.len) - (x.len < y.len);
		}
		int kb = c <= 0 ? ob[i++] : -1, ka = c >= 0 ? oa[j++] : -1;
		int changed = 0;
		Str id = kb >= 0 ? units_id(ub, kb) : units_id(ua, ka);
		bool both = kb >= 0 && ka >= 0;	/* one side only: added or removed, not counts */
		if (!shown_at(o->selb, kb) && !shown_at(o->sela, ka))
			continue;	/* --unit, --under: not shown, nor totalled */
		for (int r = 0; r < p->nroles; r++) {
			double before = kb >= 0 ? units_count(ub, r, kb) : 0, after = ka >= 0 ? units_count(ua, r, ka) : 0;
			int g = grade_of[r];
			double cost = p->roles[r].has_cost ? p->roles[r].cost * (after - before) : 0;
			by_grade[g].before += before, by_grade[g].after += after, by_grade[g].cost += cost;
			all->before += before, all->after += after, all->cost += cost;
			if (before == after || !both)
				continue;
			count_row(o, p, id, r, before, after);
			changed++;
		}
		m += changed > 0;
	}
	*units = m;
	free(ob);
	free(oa);
	return o->ncounts;
}

/* A total's before, after, delta and cost delta (the changes signed),
 * sep between them and end after. */
static void
cells(Buf *b, const Sum *s, bool costs, const char *sep, const char *end)
{
	double v[3] = {s->after, s->after - s->before, s->cost};
	num_text(b, s->before);
	for (int i = 0; i < (costs ? 3 : 2); i++) {
		buf_puts(b, sep);
		if (i && v[i] > 0)
			buf_putc(b, '+');
		num_text(b, v[i]);
	}
	buf_puts(b, end);
}

static void
diff_totals(Out *o, const char **grades, const Sum *by, int ngrades, const Sum *all, bool costs)
{
	Buf *b = o->b;
	for (int g = 0; g < ngrades + (all != NULL); g++) {
		const Sum *s = g < ngrades ? &by[g] : all;
		const char *label = g < ngrades ? grades[g] : o->f == DF_CSV ? "all" : _("all");
		switch (o->f) {
		case DF_TEXT:
			if (g < ngrades)
				buf_printf(b, _("  grade %-4s"), label);
			else
				buf_printf(b, "  %-10s", label);
			{
				Buf c = {0};
				double v[4] = {s->before, s->after, s->after - s->before, s->cost};
				int w[4] = {9, 9, 8, 12};
				for (int i = 0; i < (costs ? 4 : 3); i++) {
					c.len = 0;
					if (i >= 2 && v[i] > 0)
						buf_putc(&c, '+');
					num_text(&c, v[i]);
					out_cell(b, buf_cstr(&c), w[i]);
				}
				buf_free(&c);
			}
			buf_putc(b, '\n');
			break;
		case DF_CSV:
			buf_printf(b, "total,,,%s,", label);
			num_text(b, s->before);
			buf_putc(b, ',');
			num_text(b, s->after);
			buf_putc(b, ',');
			num_text(b, s->after - s->before);
			buf_puts(b, ",,,,\n");
			break;
		case DF_JSON:
			buf_puts(b, g ? ", " : "");
			json_str(b, label, strlen(label));
			buf_puts(b, ": {\"before\": ");
			num_text(b, s->before);
			json_key_num(b, "after", s->after);
			json_key_num(b, "delta", s->after - s->before);
			json_key_num(b, "cost_delta", s->cost);
			buf_putc(b, '}');
			break;
		case DF_MARKDOWN:
			buf_printf(b, "| %s%s | ", g < ngrades ? _("grade ") : "", label);
			cells(b, s, costs, " | ", " |\n");
			break;
		case DF_HTML:
			buf_printf(b, "<tr><th scope=\"row\">%s", g < ngrades ? _("grade ") : "");
			html_esc(b, label, strlen(label));
			buf_puts(b, "</th><td>");
			cells(b, s, costs, "</td><td>", "</td></tr>\n");
			break;
		}
	}
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* What follows the counts and findings: the findings' lists (json,
 * markdown, html), the totals by grade and in all, the summary line. */
static void
diff_sections(Out *o, const char **grades, const Sum *by, int ngrades, const Sum *all, bool costs, int nc, int units)
{
	Buf *out = o->b;
	if (o->f == DF_JSON) {
		buf_puts(out, "  \"findings\": {");
		for (int l = 0; l < NCHANGES; l++) {
			buf_printf(out, "%s\"%s\": [", l ? ",\n    " : "\n    ", change_names[l]);
			buf_put(out, o->lists[l].p, o->lists[l].len);
			buf_puts(out, o->nrows[l] ? "\n    ]" : "]");
		}
		buf_puts(out, "\n  },\n  \"totals\": {\"before\": ");
		num_text(out, all->before);
		json_key_num(out, "after", all->after);
		json_key_num(out, "delta", all->after - all->before);
		json_key_num(out, "cost_delta", all->cost);
		buf_puts(out, ",\n    \"by_grade\": {");
		diff_totals(o, grades, by, ngrades, NULL, costs);
		buf_printf(out, "}},\n  \"summary\": {\"counts_changed\": %d, \"units_changed\": %d, \"units_added\": %d, "
			   "\"units_removed\": %d, \"attributes_changed\": %d, \"new\": %d, "
			   "\"worse\": %d, \"new_errors\": %d, \"fixed\": %d, \"still\": %d, \"better\": %d}\n}\n",
			   nc, units, o->data->nadded, o->data->nremoved, o->data->nchanged, o->n[F_NEW], o->n[F_WORSE],
			   o->new_errors, o->n[F_FIXED], o->n[F_STILL], o->n[F_BETTER]);
	}
	if (o->f == DF_MARKDOWN) {
		static const char *const heads[] = {N_("New findings"), N_("Worse findings"), N_("Fixed findings"),
						    N_("Still there"), N_("Better findings")};
		for (int l = 0; l < NCHANGES; l++)
			if (o->lists[l].len)
				buf_printf(out, _("#### %s\n\n| unit | role | severity | finding | rule |\n| --- | --- | --- | --- | --- |\n%s\n"),
					   _(heads[l]), buf_cstr(&o->lists[l]));
		buf_printf(out, _("#### Totals\n\n| total | before | after | delta |%s\n| --- | ---: | ---: | ---: |%s\n"),
			   costs ? _(" cost delta |") : "", costs ? " ---: |" : "");
		diff_totals(o, grades, by, ngrades, all, costs);
	}
	if (o->f == DF_HTML) {
		static const char *const heads[] = {N_("New findings"), N_("Worse findings"), N_("Fixed findings"),
						    N_("Still there"), N_("Better findings")};
		for (int l = 0; l < NCHANGES; l++) {
			buf_printf(out, "<h2>%s</h2>\n", _(heads[l]));
			if (!o->lists[l].len) {
				buf_puts(out, _("<p>None.</p>\n"));
				continue;
			}
			buf_puts(out, _("<table><thead><tr><th scope=\"col\">unit</th><th scope=\"col\">role</th>"
				 "<th scope=\"col\">severity</th><th scope=\"col\">finding</th><th scope=\"col\">rule</th>"
				 "</tr></thead><tbody>\n"));
			buf_put(out, o->lists[l].p, o->lists[l].len);
			buf_puts(out, "</tbody></table>\n");
		}
		buf_printf(out, _("<h2>Totals</h2>\n<table><thead><tr><th scope=\"col\">total</th><th scope=\"col\">before</th>"
			   "<th scope=\"col\">after</th><th scope=\"col\">delta</th>%s</tr></thead><tbody>\n"),
			   costs ? _("<th scope=\"col\">cost delta</th>") : "");
		diff_totals(o, grades, by, ngrades, all, costs);
		buf_puts(out, "</tbody></table>\n");
	}
	if (o->f == DF_CSV)
		diff_totals(o, grades, by, ngrades, all, costs);
	if (o->f == DF_TEXT) {
		buf_printf(out, "\n  %-10s%9s%9s%8s%s\n", "", _("before"), _("after"), _("delta"), costs ? _("  cost delta") : "");
		diff_totals(o, grades, by, ngrades, all, costs);
	}
	if (o->f == DF_TEXT || o->f == DF_MARKDOWN || o->f == DF_HTML) {
		buf_puts(out, o->f == DF_MARKDOWN ? "\n" : o->f == DF_HTML ? "<p class=\"summary\">" : "");
		buf_printf(out, plural(nc, "%d count changed", "%d counts changed"), nc);
		buf_printf(out, plural(units, " in %d unit", " in %d units"), units);
		const DataChanges *d = o->data;
		if (d->nadded || d->nremoved || d->nchanged) {	/* the data's own changes */
			buf_printf(out, plural(d->nadded, "; %d unit added", "; %d units added"), d->nadded);
			buf_printf(out, _(", %d removed"), d->nremoved);
			buf_printf(out, plural(d->nchanged, ", %d attribute changed", ", %d attributes changed"), d->nchanged);
		}
		buf_printf(out, _("; findings: %d new, %d worse"), o->n[F_NEW], o->n[F_WORSE]);
		buf_printf(out, plural(o->new_errors, " (%d error)", " (%d errors)"), o->new_errors);
		buf_printf(out, _(", %d fixed, %d still there, %d better%s\n"), o->n[F_FIXED], o->n[F_STILL], o->n[F_BETTER],
			   o->f == DF_HTML ? "</p>\n</main>\n</body>\n</html>" : "");
	}
}

void
diff_report(Check *before, Check *after, const bool *sel_before, const bool *sel_after, DiffFormat f, Buf *out,
	    int *new_errors)
{
	const Program *p = after->p;
	Out o = {.f = f, .b = out};
	const char **grades = xmalloc((size_t)(p->nroles + 1) * sizeof *grades);
	int ngrades = 0;
	bool costs = false;
	/* the grades, sorted, once each; each role's found once */
	for (int r = 0; r < p->nroles; r++) {
		grades[ngrades++] = p->roles[r].grade ? p->roles[r].grade : "-";
		costs |= p->roles[r].has_cost;
	}
	qsort(grades, (size_t)ngrades, sizeof *grades, cmp_str);
	int w = 0;
	for (int i = 0; i < ngrades; i++)
		if (!w || strcmp(grades[w - 1], grades[i]))
			grades[w++] = grades[i];
	ngrades = w;
	int *grade_of = xmalloc((size_t)(p->nroles + 1) * sizeof *grade_of);
	for (int r = 0; r < p->nroles; r++) {
		const char *g = p->roles[r].grade ? p->roles[r].grade : "-";
		const char **at = bsearch(&g, grades, (size_t)ngrades, sizeof *grades, cmp_str);
		grade_of[r] = (int)(at - grades);
	}
	Sum *by = xcalloc((size_t)ngrades + 1, sizeof *by), all = {0, 0, 0};
	if (f == DF_TEXT)
		buf_puts(out, _("counts\n"));
	else if (f == DF_CSV)
		buf_puts(out, "change,unit,role,grade,before,after,delta,severity,status,rule,message\n");
	else if (f == DF_JSON)
		buf_puts(out, "{\n  \"counts\": [");
	else if (f == DF_MARKDOWN)
		buf_puts(out, _("### coplan diff\n\n#### Counts\n\n"));
	else {
		html_begin(out, "coplan diff");
		buf_puts(out, _("<header><h1>coplan diff</h1></header>\n<main>\n<h2>Counts</h2>\n"));
	}
	DataChanges dc;
	data_changes(&dc, before, after, sel_before, sel_after);
	o.data = &dc;
	o.selb = sel_before, o.sela = sel_after;
	int units = 0, nc = counts(&o, before, after, by, grade_of, &all, &units);
	if (f == DF_TEXT && !nc)
		buf_puts(out, _("  no count changed\n"));
	if (f == DF_JSON)
		buf_puts(out, nc ? "\n  ],\n" : "],\n");
	if (f == DF_MARKDOWN)
		buf_puts(out, nc ? "\n" : _("No count changed.\n\n"));
	if (f == DF_HTML)
		buf_puts(out, nc ? "</tbody></table>\n" : _("<p>No count changed.</p>\n"));
	data_changes_write(&dc, f, out);
	if (f == DF_TEXT)
		buf_puts(out, _("findings\n"));
	/* the findings, merged by key */
	Key *kb = keys(before), *ka = keys(after);
	int i = 0, j = 0;
	while (i < before->nf || j < after->nf) {
		int c = i == before->nf ? 1 : j == after->nf ? -1 : strcmp(kb[i].key, ka[j].key);
		if (c < 0 ? !shown_at(o.selb, kb[i].f->unit) : c > 0 ? !shown_at(o.sela, ka[j].f->unit) :
		    !shown_at(o.selb, kb[i].f->unit) && !shown_at(o.sela, ka[j].f->unit)) {
			i += c <= 0, j += c >= 0;	/* not shown */
			continue;
		}
		if (c < 0)
			finding(&o, F_FIXED, &kb[i++]);
		else if (c > 0)
			finding(&o, F_NEW, &ka[j++]);
		else {	/* the same finding: by how far it is from its interval */
			int base = base_by_gap(finding_gap(kb[i].f), finding_gap(ka[j].f));
			finding(&o, base == BASE_WORSE ? F_WORSE : base == BASE_BETTER ? F_BETTER : F_STILL, &ka[j++]);
			i++;
		}
	}
	int nshown = 0;
	for (int l = 0; l < NCHANGES; l++)
		nshown += o.n[l];
	if (f == DF_TEXT && !nshown)
		buf_puts(out, _("  none, before or after\n"));
	diff_sections(&o, grades, by, ngrades, &all, costs, nc, units);
	for (int k = 0; k < before->nf; k++)
		free(kb[k].key);
	for (int k = 0; k < after->nf; k++)
		free(ka[k].key);
	free(kb);
	free(ka);
	for (int l = 0; l < NCHANGES; l++)
		buf_free(&o.lists[l]);
	free(by);
	free(grades);
	free(grade_of);
	*new_errors = o.new_errors;
	data_changes_free(&dc);
}
