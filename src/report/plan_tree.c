/* plan_tree.c: the plan page's organisation (see plan_tree.h). */
#include "plan_tree.h"
#include "plan_table.h"
#include "explain.h"
#include "escape.h"
#include "msg.h"

#include <stdlib.h>
#include <string.h>

void
plan_frags_init(PlanFrags *f, int n)
{
	*f = (PlanFrags){0};
	f->off = xcalloc((size_t)(n ? n : 1), sizeof *f->off);
	f->len = xcalloc((size_t)(n ? n : 1), sizeof *f->len);
	f->stat = xcalloc((size_t)(n ? n : 1), 1);
}

void
plan_frags_free(PlanFrags *f)
{
	buf_free(&f->html);
	free(f->off);
	free(f->len);
	free(f->stat);
	*f = (PlanFrags){0};
}

typedef struct Draw {
	const Plan *pl;
	const bool *selected;
	const PlanFrags *fr;
	UnitTree tree;
	Sums *own, *sub;		/* each unit's, and with the units below */
	int *shorts, *changes;		/* units below short, changed */
	int *mstart, *mv;		/* moves at each unit (either end) */
	int *pstart, *pc;		/* placements into each unit */
	bool costs;
	bool prune;		/* a large organisation: only the units with
				 * a change at them or below them */
	Buf *out;
} Draw;

/* From this many units up the tree shows only what changed and the
 * units above it: a page of every unit of 10^5 would be 20 MB that no
 * one reads; the table of changes and the workbook keep every one. */
enum { TREE_ALL_UNITS = 5000 };

static bool
left_out(const Draw *d, int k)
{
	return d->prune && !d->fr->stat[k] && !d->shorts[k] && !d->changes[k];
}

/* Moves and placements bucketed by unit: start[k]..start[k + 1) of v. */
static void
bucket(int n, int m, const int *unit_a, const int *unit_b, int **start, int **v)
{
	*start = xcalloc((size_t)n + 2, sizeof **start);
	*v = xmalloc((size_t)(2 * m + 1) * sizeof **v);
	for (int i = 0; i < m; i++) {
		(*start)[unit_a[i] + 1]++;
		if (unit_b && unit_b[i] != unit_a[i])
			(*start)[unit_b[i] + 1]++;
	}
	for (int k = 0; k < n; k++)
		(*start)[k + 1] += (*start)[k];
	int *fill = xmalloc((size_t)(n + 1) * sizeof *fill);
	memcpy(fill, *start, (size_t)(n + 1) * sizeof *fill);
	for (int i = 0; i < m; i++) {
		(*v)[fill[unit_a[i]]++] = i;
		if (unit_b && unit_b[i] != unit_a[i])
			(*v)[fill[unit_b[i]]++] = i;
	}
	free(fill);
}

void
plan_subtree_sums(const Plan *pl, const UnitTree *t, Sums **own, Sums **sub)
{
	const Program *p = pl->c->p;
	const Units *u = pl->c->u;
	int n = u->n;
	Sums *o = *own = xcalloc((size_t)(n ? n : 1), sizeof **own), *s = *sub = xcalloc((size_t)(n ? n : 1), sizeof **sub);
	for (int k = 0; k < n; k++) {
		for (int r = 0; r < p->nroles; r++)
			sums_add(&o[k], units_count(u, r, k), counts_get(&pl->proposed, r, k), &p->roles[r]);
		o[k].units = 1;
		s[k] = o[k];
	}
	for (int h = n - 1; h >= 0; h--) {	/* children before parents */
		int k = t->bfs[h], up = u->parent[k];
		if (up >= 0)
			sums_merge(&s[up], &s[k]);
	}
}

static void
sums(Draw *d)
{
	const Plan *pl = d->pl;
	const Units *u = pl->c->u;
	int n = u->n;
	plan_subtree_sums(pl, &d->tree, &d->own, &d->sub);
	d->shorts = xcalloc((size_t)(n ? n : 1), sizeof *d->shorts);
	d->changes = xcalloc((size_t)(n ? n : 1), sizeof *d->changes);
	for (int h = n - 1; h >= 0; h--) {	/* children before parents */
		int k = d->tree.bfs[h], up = u->parent[k];
		if (up < 0)
			continue;
		d->shorts[up] += d->shorts[k] + !!(d->fr->stat[k] & UNIT_SHORT);
		d->changes[up] += d->changes[k] + !!(d->fr->stat[k] & UNIT_CHANGED);
	}
	const Solve *s = &pl->solve;
	int nm = pl->whole ? s->nmoves : 0, nc = pl->whole ? s->ncand : 0;
	int *from = xmalloc((size_t)(nm + 1) * sizeof *from), *to = xmalloc((size_t)(nm + 1) * sizeof *to);
	for (int i = 0; i < nm; i++)
		from[i] = s->moves[i].from, to[i] = s->moves[i].to;
	bucket(n, nm, from, to, &d->mstart, &d->mv);
	int *at = xmalloc((size_t)(nc + 1) * sizeof *at);
	for (int j = 0; j < nc; j++)
		at[j] = s->pair[s->cand[j].pair].unit;
	bucket(n, nc, at, NULL, &d->pstart, &d->pc);
	free(from);
	free(to);
	free(at);
}

/* "12 -> 14, cost +80000" */
static void
heads_change(Draw *d, double c, double q, double cost)
{
	num_people(d->out, c);
	if (q != c) {
		buf_puts(d->out, " &rarr; ");
		num_people(d->out, q);
	}
	if (d->costs && cost != 0) {
		buf_puts(d->out, _(", cost "));
		num_signed_people(d->out, cost);
	}
}

/* The moves and placements at unit k, both ends. */
static void
people(Draw *d, int k)
{
	const Plan *pl = d->pl;
	const Program *p = pl->c->p;
	const Units *u = pl->c->u;
	const Solve *s = &pl->solve;
	Buf *b = d->out;
	for (int i = d->mstart[k]; i < d->mstart[k + 1]; i++) {
		const SolveMove *m = &s->moves[d->mv[i]];
		bool out = m->from == k;
		Str other = units_id(u, out ? m->to : m->from);
		buf_puts(b, i == d->mstart[k] ? _("<p class=\"people\">moves: ") : "; ");
		num_people(b, m->count);
		buf_printf(b, " %s %s ", p->roles[m->role].name, out ? _("to") : _("from"));
		html_esc(b, other.s, (size_t)other.len);
	}
	buf_puts(b, d->mstart[k + 1] > d->mstart[k] ? "</p>\n" : "");
	int n = 0;
	for (int i = d->pstart[k]; i < d->pstart[k + 1]; i++) {
		const SolveCand *a = &s->cand[d->pc[i]];
		if (a->count <= 0)
			continue;
		buf_puts(b, n++ ? "; " : _("<p class=\"people\">placed: "));
		num_people(b, a->count);
		buf_printf(b, _(" %s from the pool "), p->roles[s->pair[a->pair].role].name);
		html_esc(b, p->pools[a->pool].name, strlen(p->pools[a->pool].name));
	}
	buf_puts(b, n ? "</p>\n" : "");
}

static void
draw_open(void *arg, int k)
{
	Draw *d = arg;
	if (left_out(d, k))
		return;
	const Plan *pl = d->pl;
	const Units *u = pl->c->u;
	const Program *p = pl->c->p;
	Buf *b = d->out;
	bool shown = !d->selected || d->selected[k], leaf = unit_tree_leaf(&d->tree, k);
	int st = d->fr->stat[k];
	static const char *const cls[] = {"ok", "change", "short", "short"};
	static const char *const badge[] = {N_("ok"), N_("changed"), N_("short"), N_("short")};
	bool open = (st || d->shorts[k] || d->changes[k]) && shown;
	buf_printf(b, "<li class=\"unit %s\"><details%s><summary><span class=\"badge\">%s</span><span class=\"id\">",
		   shown ? cls[st & 3] : "unchecked", open ? " open" : "", shown ? _(badge[st & 3]) : _("not shown"));
	Str id = units_id(u, k), name = units_name(u, k);
	html_esc(b, id.s, (size_t)id.len);
	buf_puts(b, "</span> ");
	html_esc(b, name.s, (size_t)name.len);
	buf_puts(b, " <span class=\"meta\">");
	html_esc(b, prog_text(p, u->kind[k]), strlen(prog_text(p, u->kind[k])));
	buf_puts(b, _(", headcount "));
	heads_change(d, d->own[k].current, d->own[k].proposed, d->own[k].cost);
	if (!leaf) {
		buf_puts(b, _("; with the units below "));
		heads_change(d, d->sub[k].current, d->sub[k].proposed, d->sub[k].cost);
	}
	buf_puts(b, "</span>");
	if (d->shorts[k] || d->changes[k]) {
		buf_printf(b, " <span class=\"below%s\">", d->shorts[k] ? " n-error" : "");
		if (d->shorts[k])
			buf_printf(b, _("%d short, "), d->shorts[k]);
		buf_printf(b, _("%d changed below"), d->changes[k]);
		buf_puts(b, "</span>");
	}
	buf_puts(b, "</summary>\n");
	if (shown && d->fr->len[k]) {
		const TableColumn *cols[PLAN_COLUMNS];
		int nc = plan_columns(TAB_HTML, cols);
		const char *heads[PLAN_COLUMNS];
		bool right[PLAN_COLUMNS];
		for (int j = 1; j < nc; j++)	/* the unit's own: no unit column */
			heads[j - 1] = cols[j]->head[TAB_HTML], right[j - 1] = cols[j]->right != COL_TEXT;
		table_head(b, TAB_HTML, heads, right, nc - 1);
		buf_put(b, d->fr->html.p + d->fr->off[k], d->fr->len[k]);
		buf_puts(b, "</tbody></table>\n");
		Buf m = {0};	/* explain's reasoning, on the planned staffing */
		if (explain_unit(pl->c, k, -1, &m)) {
			buf_puts(b, _("<details class=\"why\"><summary>why: the rules on the planned staffing, the values "
				 "they read, the amounts they chose</summary><pre>"));
			html_esc(b, m.p, m.len);
			buf_puts(b, "</pre></details>\n");
		}
		buf_free(&m);
	}
	if (shown)
		people(d, k);
	buf_puts(b, leaf ? "" : "<ul>\n");
}

static void
draw_close(void *arg, int k)
{
	Draw *d = arg;
	if (!left_out(d, k))
		buf_puts(d->out, unit_tree_leaf(&d->tree, k) ? "</details></li>\n" : "</ul>\n</details></li>\n");
}

void
plan_tree(const Plan *pl, const bool *selected, const PlanFrags *fr, bool costs, Buf *out)
{
	Draw d = {.pl = pl, .selected = selected, .fr = fr, .costs = costs, .out = out};
	unit_tree_build(&d.tree, pl->c->u);
	sums(&d);
	buf_puts(out, _("<h2>The organisation</h2>\n"));
	d.prune = pl->c->u->n >= TREE_ALL_UNITS;
	if (d.prune)
		buf_printf(out, "<p>Of an organisation of %d units or more, the tree shows the units with a change "
			   "at them or below them; the table of changes below lists every change.</p>\n", TREE_ALL_UNITS);
	buf_puts(out, "<ul class=\"tree\">\n");
	bool stop = false;
	unit_tree_walk(&d.tree, draw_open, draw_close, &d, &stop);
	buf_puts(out, "</ul>\n");
	void *arrays[] = {d.own, d.sub, d.shorts, d.changes, d.mstart, d.mv, d.pstart, d.pc};
	for (size_t i = 0; i < sizeof arrays / sizeof *arrays; i++)
		free(arrays[i]);
	unit_tree_free(&d.tree);
}
