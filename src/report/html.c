/* html.c: the check report as a page: nothing fetched (inline style and
 * script, system fonts), readable without the script (the tree open
 * where there are findings, the filters hidden), printable, and never
 * colour alone: each unit says its worst finding in words. */
#include "html.h"
#include "check_totals.h"
#include "unit_tree.h"
#include "msg.h"
#include "finding.h"
#include "explain.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char STYLE[] =
	"body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0 auto;"
	"max-width:72rem;padding:1rem;color:#1b1b1b;background:#fff}"
	"h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.15rem;margin-top:1.5rem}"
	".summary{font-size:1.05rem}.n-error{color:#a00;font-weight:600}.n-warning{color:#8a5a00;font-weight:600}"
	"ul.tree,ul.tree ul{list-style:none;padding-left:1.2rem;margin:0}ul.tree{padding-left:0}"
	"li.unit{border-left:4px solid #9bbf9b;margin:.15rem 0;padding-left:.4rem}"
	"li.unit.error{border-color:#c00}li.unit.warning{border-color:#d90}"
	"summary{cursor:pointer}.badge{display:inline-block;min-width:4.2rem;font-size:.8rem;"
	"text-transform:uppercase;letter-spacing:.03em;border-radius:3px;padding:0 .3rem;margin-right:.4rem;"
	"text-align:center;background:#e6f2e6;color:#205020}"
	".error>details>summary .badge,.error>summary .badge{background:#c00;color:#fff}"
	".warning>details>summary .badge,.warning>summary .badge{background:#fd4;color:#3a2a00}"
	"li.unit.unchecked{border-color:#bbb}.unchecked>details>summary .badge{background:#eee;color:#555}"
	"li.unit.short{border-color:#c00}.short>details>summary .badge{background:#c00;color:#fff}"
	"li.unit.change{border-color:#36c}.change>details>summary .badge{background:#dbe7ff;color:#123}"
	".below{font-size:.9rem}.people{margin:.2rem 0;font-size:.9rem}"
	".id{font-family:ui-monospace,Menlo,Consolas,monospace;font-weight:600}.meta{color:#555;font-size:.9rem}"
	"table{border-collapse:collapse;margin:.3rem 0 .5rem;font-size:.9rem}"
	"th,td{border:1px solid #ccc;padding:.15rem .4rem;text-align:left;vertical-align:top}"
	"th{background:#f3f3f3}pre{background:#f7f7f7;padding:.4rem;overflow-x:auto;font-size:.8rem}"
	"nav{display:flex;gap:1rem;flex-wrap:wrap;margin:.5rem 0;padding:.5rem;background:#f3f3f3}"
	"[hidden]{display:none!important}"
	"@media print{nav{display:none}details>*{display:block}li.unit{break-inside:avoid}"
	"body{max-width:none;font-size:11pt}}";

static void
esc(Buf *b, const char *s, size_t n)
{
	html_esc(b, s, n);
}

static void
escs(Buf *b, const char *s)
{
	esc(b, s, strlen(s));
}

void
html_begin(Buf *b, const char *title)
{
	/* the page's language: the catalogue's (msg.c reads it as "en") */
	buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
		   msg_italian() ? "it" : "en");
	escs(b, title);
	buf_printf(b, "</title>\n<style>%s</style>\n</head>\n<body>\n", STYLE);
}

static const char SCRIPT[] =
	"(function(){var nav=document.getElementById('filters');nav.hidden=false;"
	"var units=[].slice.call(document.querySelectorAll('li.unit'));"
	"function f(){var s=document.getElementById('f-scope').value,v=document.getElementById('f-sev').value,"
	"r=document.getElementById('f-role').value;units.forEach(function(u){var own="
	"(!s||(' '+u.dataset.scopes+' ').indexOf(' '+s+' ')>=0)&&(!v||u.classList.contains(v)||"
	"(v==='warning'&&u.classList.contains('error')&&u.dataset.warn==='1'))&&(!r||"
	"(' '+u.dataset.roles+' ').indexOf(' '+r+' ')>=0);u.dataset.own=own?'1':'0'});"
	"units.slice().reverse().forEach(function(u){var kid=u.querySelector(':scope>details>ul>li.unit[data-show=\"1\"]');"
	"var show=u.dataset.own==='1'||!!kid;u.dataset.show=show?'1':'0';u.hidden=!show})}"
	"['f-scope','f-sev','f-role'].forEach(function(id){document.getElementById(id).addEventListener('change',f)})})();";

typedef struct Page {
	Check *c;
	const ReportInfo *info;
	int *first;		/* findings by unit */
	UnitTree tree;
	unsigned char *worst;	/* 0 none, 1 warning, 2 error, 3 not checked */
	unsigned char *open;	/* it or a unit below it has a finding */
	unsigned char *in;	/* the scopes of the unit being written */
	double *sub;		/* headcount of the unit and all below it */
	int *err_below, *warn_below;	/* findings of the units below it */
	bool why_all;		/* the why of the units that pass too */
	Buf *out;
	bool stop;
	bool ok;
} Page;

/* Above this many units the page leaves out the why of the units that
 * pass (each an explain: the page would grow past what a browser reads
 * at ease); `coplan explain` gives it. */
enum { WHY_ALL_UNITS = 2000 };

/* The roll-ups: each unit's subtree headcount, and the errors and
 * warnings below it, children before parents (a breadth-first order
 * walked backwards: no recursion, however deep). */
static void
roll_up(Page *pg)
{
	const Check *c = pg->c;
	const Units *u = c->u;
	int n = u->n;
	pg->sub = xmalloc((size_t)(n ? n : 1) * sizeof *pg->sub);
	pg->err_below = xcalloc((size_t)(n ? n : 1), sizeof *pg->err_below);
	pg->warn_below = xcalloc((size_t)(n ? n : 1), sizeof *pg->warn_below);
	int *own_err = xcalloc((size_t)(n ? n : 1), sizeof *own_err), *own_warn = xcalloc((size_t)(n ? n : 1), sizeof *own_warn);
	for (int i = 0; i < c->nf; i++)
		(c->f[i].v.error ? own_err : own_warn)[c->f[i].unit]++;
	for (int k = 0; k < n; k++)
		pg->sub[k] = col_get(&u->counts.headcount, k);
	for (int h = n - 1; h >= 0; h--) {
		int k = pg->tree.bfs[h], up = u->parent[k];
		if (up < 0)
			continue;
		pg->sub[up] += pg->sub[k];
		pg->err_below[up] += pg->err_below[k] + own_err[k];
		pg->warn_below[up] += pg->warn_below[k] + own_warn[k];
	}
	free(own_err);
	free(own_warn);
}

/* A <select> of the page's filter (id) over the names v[0..n): the
 * user's names as they are, or words of coplan's (words) said in the
 * reader's language, their value the word the script knows. */
static void
filter_select(Buf *b, const char *id, const char *label, const char *const *v, int n, bool words)
{
	buf_printf(b, "<label>%s <select id=\"%s\"><option value=\"\">%s</option>", _(label), id,
		   msg_ctext("filter", "all"));
	for (int i = 0; i < n; i++) {
		const char *said = words ? _(v[i]) : v[i];
		buf_puts(b, "<option");
		if (said != v[i]) {	/* the script knows the word itself */
			buf_puts(b, " value=\"");
			escs(b, v[i]);
			buf_putc(b, '"');
		}
		buf_putc(b, '>');
		escs(b, said);
		buf_puts(b, "</option>");
	}
	buf_puts(b, "</select></label>");
}

/* Unit k's item up to its children (the caller closes it). */
static void
unit_head(Page *pg, int k, Buf *b)
{
	Check *c = pg->c;
	const Program *p = c->p;
	const Units *u = c->u;
	static const char *const worst[] = {"ok", "warning", "error", "unchecked"};
	static const char *const badge[] = {N_("ok"), N_("warning"), N_("error"), N_("not checked")};
	Str id = units_id(u, k), name = units_name(u, k);
	bool warn = false;
	buf_printf(b, "<li class=\"unit %s\" data-scopes=\"", worst[pg->worst[k]]);
	check_scopes_in(c, k, pg->in);
	for (int s = 0, n = 0; s < p->nscopes; s++)
		if (pg->in[s]) {
			buf_puts(b, n++ ? " " : "");
			escs(b, p->scopes[s].name);
		}
	buf_puts(b, "\" data-roles=\"");
	for (int i = pg->first[k], n = 0; i >= 0 && i < c->nf && c->f[i].unit == k; i++) {
		buf_puts(b, n++ ? " " : "");
		escs(b, prog_role_name(p, c->f[i].role));
		warn |= !c->f[i].v.error;
	}
	buf_printf(b, "\" data-warn=\"%d\"><details%s><summary><span class=\"badge\">%s</span><span class=\"id\">",
		   warn, pg->open[k] ? " open" : "", _(badge[pg->worst[k]]));
	esc(b, id.s, (size_t)id.len);
	buf_puts(b, "</span> ");
	esc(b, name.s, (size_t)name.len);
	buf_puts(b, " <span class=\"meta\">");
	escs(b, prog_text(p, u->kind[k]));
	buf_puts(b, _(", headcount "));
	num_people(b, col_get(&u->counts.headcount, k));
	if (!unit_tree_leaf(&pg->tree, k)) {	/* what is below it */
		buf_puts(b, ", ");
		num_people(b, pg->sub[k]);
		buf_puts(b, _(" with the units below"));
	}
	buf_puts(b, "</span>");
	int e = pg->err_below[k], w = pg->warn_below[k];
	if (e || w) {
		buf_printf(b, " <span class=\"below %s\">", e ? "n-error" : "n-warning");
		if (e)
			buf_printf(b, plural(e, "%d error", "%d errors"), e);
		if (w)
			buf_printf(b, plural(w, "%s%d warning", "%s%d warnings"), e ? ", " : "", w);
		buf_puts(b, _(" below</span>"));
	}
	buf_puts(b, "</summary>\n");
	if (pg->first[k] >= 0) {
		buf_puts(b, _("<table><thead><tr><th scope=\"col\">role</th><th scope=\"col\">count</th>"
			 "<th scope=\"col\">severity</th><th scope=\"col\">finding</th><th scope=\"col\">rule</th></tr></thead><tbody>\n"));
		Buf m = {0};
		for (int i = pg->first[k]; i < c->nf && c->f[i].unit == k; i++) {
			const Finding *f = &c->f[i];
			const Rule *r = &p->rules[f->v.rule];
			buf_puts(b, "<tr><td>");
			escs(b, prog_role_name(p, f->role));
			buf_puts(b, "</td><td>");
			if (isfinite(f->actual))
				num_people(b, f->actual);
			buf_printf(b, "</td><td>%s</td><td>", f->v.error ? _("error") : _("warning"));
			m.len = 0;
			finding_message(c, f, &m);
			esc(b, m.p, m.len);
			buf_puts(b, "</td><td>");
			m.len = 0;
			out_rule(p, f->v.rule, &m);
			if (r->label)
				buf_printf(&m, " \"%s\"", r->label);
			buf_printf(&m, " (%s:%d)", p->files[r->file], r->line);
			esc(b, m.p, m.len);
			buf_puts(b, "</td></tr>\n");
		}
		buf_puts(b, _("</tbody></table>\n<details><summary>why: the rules, the values they read, the amounts they chose</summary><pre>"));
		for (int i = pg->first[k]; i < c->nf && c->f[i].unit == k; i++) {
			if (i > pg->first[k] && c->f[i - 1].role == c->f[i].role)
				continue;	/* a role explained once (the asserts
						 * with every role when all are) */
			m.len = 0;
			if (!explain_unit(c, c->f[i].unit, c->f[i].role, &m))
				pg->ok = false;
			esc(b, m.p, m.len);
		}
		buf_puts(b, "</pre></details>\n");
		buf_free(&m);
	} else if (pg->why_all && pg->worst[k] != 3) {	/* passes: why, all the same */
		Buf m = {0};
		if (!explain_unit(c, k, -1, &m))
			pg->ok = false;
		buf_puts(b, _("<details class=\"why\"><summary>why it passes: the rules, the values they read, "
			 "the amounts they chose</summary><pre>"));
		esc(b, m.p, m.len);
		buf_puts(b, "</pre></details>\n");
		buf_free(&m);
	}
}

/* The units, depth first, each with its children inside it. */
static void
tree_open(void *arg, int k)
{
	Page *pg = arg;
	unit_head(pg, k, pg->out);
	pg->stop = !pg->ok;	/* a runtime error in an explain */
	if (!unit_tree_leaf(&pg->tree, k))
		buf_puts(pg->out, "<ul>\n");
}

static void
tree_close(void *arg, int k)
{
	Page *pg = arg;
	buf_puts(pg->out, unit_tree_leaf(&pg->tree, k) ? "</details></li>\n" : "</ul>\n</details></li>\n");
}

bool
html_check(Check *c, const ReportInfo *info, Buf *out)
{
	const Program *p = c->p;
	const Units *u = c->u;
	int n = u->n;
	Page pg = {.c = c, .info = info, .ok = true};
	pg.in = xcalloc((size_t)c->p->nscopes + 1, 1);
	pg.first = xmalloc((size_t)(n ? n : 1) * sizeof *pg.first);
	pg.worst = xcalloc((size_t)(n ? n : 1), 1);
	for (int k = 0; k < n; k++)
		pg.first[k] = -1;
	for (int i = c->nf - 1; i >= 0; i--) {
		const Finding *f = &c->f[i];
		pg.first[f->unit] = i;
		int w = f->v.error ? 2 : 1;
		if (w > pg.worst[f->unit])
			pg.worst[f->unit] = (unsigned char)w;
	}
	for (int k = 0; info->selected && k < n; k++)
		if (!info->selected[k])
			pg.worst[k] = 3;	/* left out by --unit: not said ok */
	/* open down to every finding: a unit and all above it */
	pg.open = xcalloc((size_t)(n ? n : 1), 1);
	for (int k = 0; k < n; k++)
		for (int v = pg.worst[k] && pg.worst[k] < 3 ? k : -1; v >= 0 && !pg.open[v]; v = u->parent[v])
			pg.open[v] = 1;
	unit_tree_build(&pg.tree, u);
	pg.out = out;
	roll_up(&pg);
	pg.why_all = n <= WHY_ALL_UNITS;
	Buf title = {0};
	buf_printf(&title, plural(c->errors, "coplan check: %d error", "coplan check: %d errors"), c->errors);
	buf_printf(&title, plural(c->warnings, ", %d warning", ", %d warnings"), c->warnings);
	html_begin(out, buf_cstr(&title));
	buf_free(&title);
	buf_puts(out, _("<header><h1>coplan check</h1>\n<p class=\"summary\">"));
	Buf t = {0};
	buf_printf(out, plural(info->units, "%s unit", "%s units"), count_text(&t, info->units));
	buf_printf(out, plural(p->nrules, ", %s rule: ", ", %s rules: "), count_text(&t, p->nrules));
	buf_free(&t);
	buf_printf(out, plural(c->errors, "<span class=\"n-error\">%d error</span>, ",
			       "<span class=\"n-error\">%d errors</span>, "), c->errors);
	buf_printf(out, plural(c->warnings, "<span class=\"n-warning\">%d warning</span>",
			       "<span class=\"n-warning\">%d warnings</span>"), c->warnings);
	if (info->units_path) {
		buf_puts(out, _(" in <code>"));
		escs(out, info->units_path);
		buf_puts(out, "</code>");
	}
	buf_puts(out, ".</p></header>\n<nav id=\"filters\" hidden aria-label=\"filters\">");
	const char **names = xmalloc((size_t)(p->nscopes + p->nroles + 1) * sizeof *names);
	for (int s = 0; s < p->nscopes; s++)
		names[s] = p->scopes[s].name;
	filter_select(out, "f-scope", N_("scope"), names, p->nscopes, false);
	static const char *const sev[] = {N_("error"), N_("warning")};
	filter_select(out, "f-sev", N_("severity"), sev, 2, true);
	for (int r = 0; r < p->nroles; r++)
		names[r] = p->roles[r].name;
	filter_select(out, "f-role", N_("role"), names, p->nroles, false);
	free(names);
	buf_puts(out, _("</nav>\n<main>\n<h2>The organisation</h2>\n"));
	if (!pg.why_all)
		buf_printf(out, _("<p>Above %d units the page leaves out why the units that pass do: "
			   "<code>coplan explain RULES UNITS ID</code> says it of any unit.</p>\n"), WHY_ALL_UNITS);
	buf_puts(out, "<ul class=\"tree\">\n");
	unit_tree_walk(&pg.tree, tree_open, tree_close, &pg, &pg.stop);
	buf_puts(out, "</ul>\n");
	check_totals_table(c, info, TAB_HTML, out);
	buf_puts(out, "</main>\n<script>");
	buf_puts(out, SCRIPT);
	buf_puts(out, "</script>\n</body>\n</html>\n");
	free(pg.first);
	free(pg.worst);
	free(pg.open);
	free(pg.in);
	unit_tree_free(&pg.tree);
	free(pg.sub);
	free(pg.err_below);
	free(pg.warn_below);
	return pg.ok;
}
