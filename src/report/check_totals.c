/* check_totals.c: check's totals by attribute (see check_totals.h). */
#include "check_totals.h"
#include "msg.h"
#include "attr_totals.h"
#include "escape.h"

#include <stdlib.h>
#include <string.h>

/* Each --totals-by attribute's totals, made at once (free with free_all). */
static AttrTotals *
make_all(const Check *c, const ReportInfo *info)
{
	AttrTotals *a = xcalloc((size_t)info->nby_attr + 1, sizeof *a);
	for (int i = 0; i < info->nby_attr; i++)
		attr_totals_check(&a[i], c, info->selected, info->baseline != NULL, info->by_attr[i]);
	return a;
}

static void
free_all(AttrTotals *a, int n)
{
	for (int i = 0; i < n; i++)
		attr_totals_free(&a[i]);
	free(a);
}

void
check_totals_table(const Check *c, const ReportInfo *info, TableKind t, Buf *out)
{
	if (!info->nby_attr)
		return;
	static const char *const heads[] = {N_("total"), N_("units"), N_("headcount"), N_("errors"), N_("warnings")};
	static const bool right[] = {false, true, true, true, true};
	AttrTotals *a = make_all(c, info);
	const Program *p = c->p;
	Buf label = {0};
	int lw = 5;
	for (int i = 0; i < info->nby_attr; i++)
		for (int v = 0; v < a[i].n; v++) {
			int w = (int)(strlen(a[i].name) + 1 + strlen(attr_value_text(p, a[i].value[v])));
			lw = w > lw ? w : lw;
		}
	if (t == TAB_MARKDOWN || t == TAB_HTML) {
		buf_puts(out, t == TAB_HTML ? _("<h2>Totals</h2>\n") : _("\nTotals:\n\n"));
		table_head(out, t, heads, right, 5);
	} else {
		buf_printf(out, "\n  %-*s %7s %10s %7s %9s\n", lw, "", _("units"), _("headcount"), _("errors"), _("warnings"));
	}
	Cell cell = {0};
	for (int i = 0; i < info->nby_attr; i++)
		for (int v = 0; v < a[i].n; v++) {
			label.len = 0;
			buf_printf(&label, "%s %s", a[i].name, attr_value_text(p, a[i].value[v]));
			const Sums *s = &a[i].sums[v];
			if (t != TAB_MARKDOWN && t != TAB_HTML) {
				Buf h = {0};
				num_text(&h, s->current);
				buf_printf(out, "  %-*s %7d %10s %7d %9d\n", lw, label.p, s->units, buf_cstr(&h),
					   a[i].errors[v], a[i].warnings[v]);
				buf_free(&h);
				continue;
			}
			const double nums[] = {s->units, s->current, a[i].errors[v], a[i].warnings[v]};
			cell_sep(out, t, 0);
			cell_reset(&cell);
			cell_str(&cell, label.p, label.len);
			(t == TAB_HTML ? cell_html : cell_md)(out, &cell);
			for (int j = 0; j < 4; j++) {
				cell_sep(out, t, j + 1);
				cell_reset(&cell);
				cell_num(&cell, nums[j]);
				(t == TAB_HTML ? cell_html : cell_md)(out, &cell);
			}
			cell_row_end(out, t);
		}
	if (t == TAB_HTML)
		buf_puts(out, "</tbody></table>\n");
	cell_free(&cell);
	buf_free(&label);
	free_all(a, info->nby_attr);
}

void
check_totals_json(const Check *c, const ReportInfo *info, Buf *out)
{
	if (!info->nby_attr)
		return;
	AttrTotals *a = make_all(c, info);
	buf_puts(out, ", \"by_attribute\": {");
	for (int i = 0; i < info->nby_attr; i++) {
		buf_puts(out, i ? ", " : "");
		json_cstr(out, a[i].name);
		buf_puts(out, ": {");
		for (int v = 0; v < a[i].n; v++) {
			buf_puts(out, v ? ", " : "");
			json_cstr(out, attr_value_text(c->p, a[i].value[v]));
			buf_printf(out, ": {\"units\": %d, \"headcount\": ", a[i].sums[v].units);
			json_num(out, a[i].sums[v].current);
			buf_printf(out, ", \"errors\": %d, \"warnings\": %d}", a[i].errors[v], a[i].warnings[v]);
		}
		buf_putc(out, '}');
	}
	buf_putc(out, '}');
	free_all(a, info->nby_attr);
}
