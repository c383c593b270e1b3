/* diff_data.c: the data's own changes between two states (see
 * diff_data.h). */
#include "diff_data.h"
#include "msg.h"
#include "cells.h"
#include "escape.h"
#include "html.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int
cmp_ids(const Units *ub, int kb, const Units *ua, int ka)
{
	Str x = units_id(ub, kb), y = units_id(ua, ka);
	int c = memcmp(x.s, y.s, (size_t)(x.len < y.len ? x.len : y.len));
	return c ? c : (x.len > y.len) - (x.len < y.len);
}

/* Whether attribute a (or the kind, the parent) differs from kb to ka. */
static bool
differs(const DataChanges *d, int a, int kb, int ka)
{
	const Units *ub = d->ub, *ua = d->ua;
	if (a == DATA_KIND)
		return ub->kind[kb] != ua->kind[ka];
	if (a == DATA_PARENT) {
		int pb = ub->parent[kb], pa = ua->parent[ka];
		return (pb < 0) != (pa < 0) || (pb >= 0 && cmp_ids(ub, pb, ua, pa) != 0);
	}
	switch (d->p->attrs[a].type) {
	case T_NUM: {
		double x = ub->num[a][kb], y = ua->num[a][ka];
		return isnan(x) != isnan(y) || (!isnan(x) && x != y);
	}
	case T_TEXT:
		return ub->text[a][kb] != ua->text[a][ka];
	default:
		return ub->set_len[a][kb] != ua->set_len[a][ka] ||
			memcmp(ub->setpool + ub->set_off[a][kb], ua->setpool + ua->set_off[a][ka],
			       (size_t)ub->set_len[a][kb] * sizeof *ub->setpool) != 0;
	}
}

static void
push_change(DataChange **v, int *n, DataChange c)
{
	if (!(*n & (*n - 1)) || !*n)	/* at 0, 1, 2, 4, ...: room doubled */
		*v = xrealloc(*v, (size_t)(*n ? 2 * *n : 1) * sizeof **v);
	(*v)[(*n)++] = c;
}

void
data_changes(DataChanges *d, const Check *before, const Check *after, const bool *selb, const bool *sela)
{
	*d = (DataChanges){.ub = before->u, .ua = after->u, .p = after->p};
	const Units *ub = d->ub, *ua = d->ua;
	d->first = xmalloc((size_t)(ua->n ? ua->n : 1) * sizeof *d->first);
	int *ob = units_by_id(ub), *oa = units_by_id(ua);
	int i = 0, j = 0;
	while (i < ub->n || j < ua->n) {
		int c = i == ub->n ? 1 : j == ua->n ? -1 : cmp_ids(ub, ob[i], ua, oa[j]);
		int kb = c <= 0 ? ob[i++] : -1, ka = c >= 0 ? oa[j++] : -1;
		if (ka >= 0)
			d->first[ka] = -1;
		if (!(kb >= 0 && (!selb || selb[kb])) && !(ka >= 0 && (!sela || sela[ka])))
			continue;	/* not shown */
		if (ka < 0 || kb < 0) {
			if (ka < 0)
				push_change(&d->removed, &d->nremoved, (DataChange){kb, -1, 0});
			else
				push_change(&d->added, &d->nadded, (DataChange){-1, ka, 0});
			continue;
		}
		for (int a = DATA_PARENT; a < d->p->nattrs; a++)
			if (differs(d, a, kb, ka)) {
				if (d->first[ka] < 0)
					d->first[ka] = d->nchanged;
				push_change(&d->changed, &d->nchanged, (DataChange){kb, ka, a});
			}
	}
	free(ob);
	free(oa);
}

void
data_changes_free(DataChanges *d)
{
	free(d->added);
	free(d->removed);
	free(d->changed);
	free(d->first);
	*d = (DataChanges){0};
}

static const char *
attr_label(const DataChanges *d, int a)
{
	return a == DATA_KIND ? "kind" : a == DATA_PARENT ? "parent" : d->p->attrs[a].name;
}

/* The value of a at unit k of u: as people read it, or as json. */
static void
attr_value_of(const DataChanges *d, const Units *u, int a, int k, bool json, Buf *b)
{
	const Program *p = d->p;
	if (a == DATA_PARENT) {
		if (u->parent[k] < 0) {
			buf_puts(b, json ? "null" : _("(none)"));
			return;
		}
		Str id = units_id(u, u->parent[k]);
		if (json)
			json_str(b, id.s, (size_t)id.len);
		else
			buf_put_text(b, id.s, (size_t)id.len);
		return;
	}
	int t = a == DATA_KIND ? u->kind[k] : p->attrs[a].type == T_TEXT ? u->text[a][k] : -1;
	if (t >= 0) {	/* a text */
		if (json)
			json_cstr(b, p->strs->text[t]);
		else
			buf_puts(b, t == STR_EMPTY ? _("(blank)") : p->strs->text[t]);
		return;
	}
	if (p->attrs[a].type == T_NUM) {
		double v = u->num[a][k];
		if (isnan(v))
			buf_puts(b, json ? "null" : _("(blank)"));
		else
			num_text(b, v);
		return;
	}
	buf_puts(b, json ? "[" : "");	/* a set */
	for (int i = 0; i < u->set_len[a][k]; i++) {
		const char *s = p->strs->text[u->setpool[u->set_off[a][k] + i]];
		buf_puts(b, i ? (json ? ", " : "|") : "");
		if (json)
			json_cstr(b, s);
		else
			buf_puts(b, s);
	}
	if (json)
		buf_putc(b, ']');
	else if (!u->set_len[a][k])
		buf_puts(b, _("(empty)"));
}

bool
data_unit_gone(const DataChanges *d, int kb)
{
	for (int i = 0; i < d->nremoved; i++)	/* few: a linear look */
		if (d->removed[i].kb == kb)
			return true;
	return false;
}

bool
data_unit_new(const DataChanges *d, int ka)
{
	for (int i = 0; i < d->nadded; i++)
		if (d->added[i].ka == ka)
			return true;
	return false;
}

bool
data_changes_at(const DataChanges *d, int ka, bool json, Buf *out)
{
	if (ka < 0 || d->first[ka] < 0)
		return false;
	buf_puts(out, json ? "[" : "");
	for (int i = d->first[ka]; i < d->nchanged && d->changed[i].ka == ka; i++) {
		const DataChange *c = &d->changed[i];
		if (json) {
			buf_puts(out, i > d->first[ka] ? ", {\"attribute\": " : "{\"attribute\": ");
			json_cstr(out, attr_label(d, c->attr));
			buf_puts(out, ", \"before\": ");
			attr_value_of(d, d->ub, c->attr, c->kb, true, out);
			buf_puts(out, ", \"after\": ");
			attr_value_of(d, d->ua, c->attr, c->ka, true, out);
			buf_putc(out, '}');
		} else {
			buf_printf(out, "%s%s ", i > d->first[ka] ? ", " : "", attr_label(d, c->attr));
			attr_value_of(d, d->ub, c->attr, c->kb, false, out);
			buf_puts(out, " -> ");
			attr_value_of(d, d->ua, c->attr, c->ka, false, out);
		}
	}
	buf_puts(out, json ? "]" : "");
	return true;
}

/* A unit added or removed: its id and name, in f. */
static void
unit_line(DiffFormat f, const Units *u, int k, const char *change, bool first, Buf *out)
{
	Str id = units_id(u, k), name = units_name(u, k);
	switch (f) {
	case DF_TEXT:
		buf_puts(out, "  ");
		buf_put_text(out, id.s, (size_t)id.len);
		if (name.len) {
			buf_puts(out, "  ");
			buf_put_text(out, name.s, (size_t)name.len);
		}
		buf_putc(out, '\n');
		break;
	case DF_CSV:
		buf_printf(out, "%s,", change);
		csv_field(out, id.s, (size_t)id.len);
		buf_puts(out, ",,,,,,,,,");
		csv_field(out, name.s, (size_t)name.len);
		buf_putc(out, '\n');
		break;
	case DF_JSON:
		buf_puts(out, first ? "\n    {\"unit\": " : ",\n    {\"unit\": ");
		json_str(out, id.s, (size_t)id.len);
		buf_puts(out, ", \"name\": ");
		json_str(out, name.s, (size_t)name.len);
		buf_putc(out, '}');
		break;
	case DF_MARKDOWN:
	case DF_HTML: {
		const char *cell[2] = {id.s, name.s};
		size_t len[2] = {(size_t)id.len, (size_t)name.len};
		table_text_row(out, f == DF_HTML ? TAB_HTML : TAB_MARKDOWN, cell, len, 2);
		break;
	}
	}
}

/* An attribute that changed, in f. */
static void
change_line(const DataChanges *d, DiffFormat f, const DataChange *c, bool first, Buf *out)
{
	Str id = units_id(d->ua, c->ka);
	const char *a = attr_label(d, c->attr);
	Buf b = {0}, v = {0};
	attr_value_of(d, d->ub, c->attr, c->kb, f == DF_JSON, &b);
	attr_value_of(d, d->ua, c->attr, c->ka, f == DF_JSON, &v);
	switch (f) {
	case DF_TEXT:
		buf_puts(out, "  ");
		buf_put_text(out, id.s, (size_t)id.len);
		buf_printf(out, "  %s  ", a);
		buf_put_text(out, b.p, b.len);
		buf_puts(out, " -> ");
		buf_put_text(out, v.p, v.len);
		buf_putc(out, '\n');
		break;
	case DF_CSV:
		buf_puts(out, "attribute,");
		csv_field(out, id.s, (size_t)id.len);
		buf_puts(out, ",,,");
		csv_field(out, b.p, b.len);
		buf_putc(out, ',');
		csv_field(out, v.p, v.len);
		buf_puts(out, ",,,,,");
		csv_field(out, a, strlen(a));
		buf_putc(out, '\n');
		break;
	case DF_JSON:
		buf_puts(out, first ? "\n    {\"unit\": " : ",\n    {\"unit\": ");
		json_str(out, id.s, (size_t)id.len);
		buf_puts(out, ", \"attribute\": ");
		json_cstr(out, a);
		buf_printf(out, ", \"before\": %s, \"after\": %s}", buf_cstr(&b), buf_cstr(&v));
		break;
	case DF_MARKDOWN:
	case DF_HTML: {
		const char *cell[4] = {id.s, a, buf_cstr(&b), buf_cstr(&v)};
		size_t len[4] = {(size_t)id.len, strlen(a), b.len, v.len};
		table_text_row(out, f == DF_HTML ? TAB_HTML : TAB_MARKDOWN, cell, len, 4);
		break;
	}
	}
	buf_free(&b);
	buf_free(&v);
}

void
data_changes_write(const DataChanges *d, DiffFormat f, Buf *out)
{
	static const char *const text_heads[] = {N_("units added"), N_("units removed"), N_("attributes changed")};
	static const char *const md_heads[] = {N_("Units added"), N_("Units removed"), N_("Attributes changed")};
	static const char *const keys[] = {"units_added", "units_removed", "attributes_changed"};
	static const char *const cols[][4] = {{N_("unit"), N_("name")}, {N_("unit"), N_("name")},
					      {N_("unit"), N_("attribute"), N_("before"), N_("after")}};
	const DataChange *lists[] = {d->added, d->removed, d->changed};
	const int ns[] = {d->nadded, d->nremoved, d->nchanged};
	static const char *const csv_change[] = {"added", "removed"};
	for (int l = 0; l < 3; l++) {
		int ncols = l < 2 ? 2 : 4;
		if (f == DF_JSON)
			buf_printf(out, "  \"%s\": [", keys[l]);
		else if (!ns[l])
			continue;	/* a section only when there is something in it */
		if (f == DF_TEXT)
			buf_printf(out, "%s\n", _(text_heads[l]));
		if (f == DF_MARKDOWN || f == DF_HTML) {
			buf_printf(out, f == DF_MARKDOWN ? "#### %s\n\n" : "<h2>%s</h2>\n<table><thead><tr>", _(md_heads[l]));
			for (int i = 0; i < ncols; i++)
				buf_printf(out, f == DF_MARKDOWN ? "| %s " : "<th scope=\"col\">%s</th>", _(cols[l][i]));
			buf_puts(out, f == DF_MARKDOWN ? "|\n" : "</tr></thead><tbody>\n");
			for (int i = 0; f == DF_MARKDOWN && i < ncols; i++)
				buf_puts(out, "| --- ");
			buf_puts(out, f == DF_MARKDOWN ? "|\n" : "");
		}
		for (int i = 0; i < ns[l]; i++) {
			const DataChange *c = &lists[l][i];
			if (l < 2)
				unit_line(f, l ? d->ub : d->ua, l ? c->kb : c->ka, csv_change[l], !i, out);
			else
				change_line(d, f, c, !i, out);
		}
		if (f == DF_JSON)
			buf_puts(out, ns[l] ? "\n  ],\n" : "],\n");
		else if (f == DF_MARKDOWN)
			buf_putc(out, '\n');
		else if (f == DF_HTML)
			buf_puts(out, "</tbody></table>\n");
	}
}
