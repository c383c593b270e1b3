/* plan_html.c: plan's report as one self-contained HTML page: the
 * summary, the change by grade drawn (SVG), the changes, the moves and
 * placements, the totals. */
#include "plan_html.h"
#include "plan_table.h"
#include "attr_totals.h"
#include "msg.h"
#include "html.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A bar a label: the change of its headcount, drawn by coplan (SVG),
 * the number written beside each bar so colour is not the only sign. */
static void
svg_bars(Buf *b, const char *id, const char *title, const char *prefix, const char *const *labels, const Sums *s,
	 int n)
{
	double most = 0;
	for (int g = 0; g < n; g++) {
		double d = fabs(s[g].proposed - s[g].current);
		most = d > most ? d : most;
	}
	int h = 26 * n + 10;
	buf_printf(b, "<svg role=\"img\" aria-labelledby=\"%s\" width=\"640\" height=\"%d\" viewBox=\"0 0 640 %d\">"
		   "<title id=\"%s\">%s</title>"
		   "<line x1=\"360\" y1=\"0\" x2=\"360\" y2=\"%d\" stroke=\"#888\"/>\n", id, h, h, id, title, h);
	for (int g = 0; g < n; g++) {
		double d = s[g].proposed - s[g].current;
		double w = most > 0 ? 200 * fabs(d) / most : 0;
		int y = 5 + 26 * g;
		buf_printf(b, "<text x=\"0\" y=\"%d\" font-size=\"13\">%s", y + 15, prefix);
		html_esc(b, labels[g], strlen(labels[g]));
		buf_printf(b, "</text><rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>",
			   d < 0 ? 360 - w : 360.0, y, w, d < 0 ? "#c44" : "#4a4");
		buf_printf(b, "<text x=\"%.1f\" y=\"%d\" font-size=\"13\"%s>", d < 0 ? 355 - w : 365 + w, y + 15,
			   d < 0 ? " text-anchor=\"end\"" : "");
		num_signed_people(b, d);
		buf_puts(b, "</text>\n");
	}
	buf_puts(b, "</svg>\n");
}

/* The change by grade, and by the first --totals-by attribute. */
static void
svg_chart(const Plan *pl, const Totals *t, Buf *b)
{
	svg_bars(b, "chart-title", _("The change of headcount by grade"), _("grade "), t->grades, t->by_grade, t->ngrades);
	if (!t->nby_attr)
		return;
	const AttrTotals *a = &t->by_attr[0];
	const char **labels = xmalloc((size_t)(a->n + 1) * sizeof *labels);
	for (int v = 0; v < a->n; v++)
		labels[v] = attr_value_text(pl->c->p, a->value[v]);
	Buf title = {0};
	buf_printf(&title, _("The change of headcount by %s"), a->name);
	buf_puts(b, "<h2>");
	html_esc(b, title.p, title.len);
	buf_puts(b, "</h2>\n");
	Buf esc = {0};
	html_esc(&esc, title.p, title.len);
	svg_bars(b, "chart-attr-title", buf_cstr(&esc), "", labels, a->sums, a->n);
	buf_free(&esc);
	buf_free(&title);
	free(labels);
}

/* A row of the totals table. */
static void
sums_tr(Buf *out, const char *label, const Sums *x, bool costs)
{
	buf_puts(out, "<tr><th scope=\"row\">");
	html_esc(out, label, strlen(label));
	buf_puts(out, "</th><td>");
	num_people(out, x->current);
	buf_puts(out, "</td><td>");
	num_people(out, x->proposed);
	buf_puts(out, "</td><td>");
	num_signed_people(out, x->proposed - x->current);
	if (costs) {
		buf_puts(out, "</td><td>");
		num_signed_people(out, x->cost);
	}
	buf_puts(out, "</td></tr>\n");
}

void
plan_html_page(const Plan *pl, const PlanCounts *n, const Buf *body, const PlanFrags *fr, const Totals *t,
	       const MoveTotals *mt, const bool *selected, Buf *out)
{
	int nchanged = n->nchanged;
	Buf s = {0};
	buf_printf(&s, plural(nchanged, "coplan plan: %d change", "coplan plan: %d changes"), nchanged);
	html_begin(out, buf_cstr(&s));
	buf_free(&s);
	buf_puts(out, _("<header><h1>coplan plan</h1>\n<p class=\"summary\">"));
	moves_changes(out, pl, n, mt, "");
	buf_puts(out, _(". Headcount "));
	num_signed_people(out, t->all.proposed - t->all.current);
	if (t->costs) {
		buf_puts(out, _(", cost "));
		num_signed_people(out, t->all.cost);
	}
	buf_puts(out, ".</p>");
	BudgetUse bu[2];
	for (int i = 0, nb = plan_budgets(pl, bu); i < nb; i++) {
		Buf line = {0};
		budget_text(&bu[i], &line);
		buf_printf(out, "\n<p class=\"budget%s\">", bu[i].used <= bu[i].limit ? "" : " n-error");
		html_esc(out, line.p, line.len);
		buf_puts(out, ".</p>");
		buf_free(&line);
	}
	if (n->unresolved)
		buf_printf(out, plural(n->unresolved,
				       "\n<p class=\"n-error\">%d conflict left unresolved: no count meets every must rule there.</p>",
				       "\n<p class=\"n-error\">%d conflicts left unresolved: no count meets every must rule there.</p>"),
			   n->unresolved);
	buf_puts(out, _("</header>\n<main>\n<h2>The change by grade</h2>\n"));
	svg_chart(pl, t, out);
	plan_tree(pl, selected, fr, t->costs, out);
	buf_puts(out, _("<h2>The changes</h2>\n"));
	if (nchanged) {
		plan_table_head(TAB_HTML, out);
		buf_put(out, body->p, body->len);
		buf_puts(out, "</tbody></table>\n");
	} else
		buf_puts(out, _("<p>No changes: the staffing meets every rule.</p>\n"));
	moves_html(pl, selected, out);
	buf_puts(out, _("<h2>Totals</h2>\n<table><thead><tr><th scope=\"col\">total</th><th scope=\"col\">current</th>"
		 "<th scope=\"col\">proposed</th><th scope=\"col\">delta</th>"));
	buf_puts(out, t->costs ? _("<th scope=\"col\">cost delta</th></tr></thead><tbody>\n") : "</tr></thead><tbody>\n");
	Buf label = {0};
	for (int g = 0; g < t->ngrades; g++) {
		label.len = 0;
		buf_printf(&label, _("grade %s"), t->grades[g]);
		sums_tr(out, label.p, &t->by_grade[g], t->costs);
	}
	for (int i = 0; i < t->nby_attr; i++)
		for (int v = 0; v < t->by_attr[i].n; v++) {
			const AttrTotals *a = &t->by_attr[i];
			label.len = 0;
			buf_printf(&label, "%s %s", a->name, attr_value_text(pl->c->p, a->value[v]));
			sums_tr(out, label.p, &a->sums[v], t->costs);
		}
	buf_free(&label);
	sums_tr(out, _("all"), &t->all, t->costs);
	buf_puts(out, "</tbody></table>\n</main>\n</body>\n</html>\n");
}
