/* attr_totals.c: totals by an attribute's values (see attr_totals.h). */
#define _GNU_SOURCE	/* qsort_r */
#include "attr_totals.h"

#include <stdlib.h>
#include <string.h>


static int
cmp_text(const void *a, const void *b, void *arg)
{
	const Program *p = arg;
	int x = *(const int *)a, y = *(const int *)b;
	if (x == STR_EMPTY || y == STR_EMPTY)	/* "(none)" last */
		return (x == STR_EMPTY) - (y == STR_EMPTY);
	return strcmp(p->strs->text[x], p->strs->text[y]);
}

/* The value each selected unit counts under, into of[] (-1: not
 * counted), and t's values, sorted; of[] then holds slots in t. */
static int *
values(AttrTotals *t, const Program *p, const Units *u, const bool *selected, int attr)
{
	*t = (AttrTotals){.attr = attr, .name = units_attr_name(u, p, attr)};
	int *of = xmalloc((size_t)(u->n ? u->n : 1) * sizeof *of);
	int *slot = xmalloc(((size_t)p->strs->n + 1) * sizeof *slot);
	for (int i = 0; i <= p->strs->n; i++)
		slot[i] = -1;
	int cap = 0;
	for (int k = 0; k < u->n; k++) {
		of[k] = -1;
		if (selected && !selected[k])
			continue;
		int v = units_text_up(u, attr, k);
		if (slot[v] < 0) {
			vec_grow((void **)&t->value, t->n, &cap, sizeof *t->value);
			slot[v] = t->n;
			t->value[t->n++] = v;
		}
		of[k] = v;
	}
	qsort_r(t->value, (size_t)t->n, sizeof *t->value, cmp_text, (void *)p);
	for (int i = 0; i < t->n; i++)
		slot[t->value[i]] = i;
	for (int k = 0; k < u->n; k++)
		if (of[k] >= 0)
			of[k] = slot[of[k]];
	free(slot);
	t->sums = xcalloc((size_t)t->n + 1, sizeof *t->sums);
	return of;
}

void
attr_totals_plan(AttrTotals *t, const Plan *pl, const bool *selected, int attr)
{
	const Program *p = pl->c->p;
	const Units *u = pl->c->u;
	int *of = values(t, p, u, selected, attr);
	for (int k = 0; k < u->n; k++) {
		if (of[k] < 0)
			continue;
		Sums *s = &t->sums[of[k]];
		for (int r = 0; r < p->nroles; r++)
			sums_add(s, units_count(u, r, k), counts_get(&pl->proposed, r, k), &p->roles[r]);
		s->units++;
	}
	free(of);
}

void
attr_totals_check(AttrTotals *t, const Check *c, const bool *selected, bool base, int attr)
{
	const Units *u = c->u;
	int *of = values(t, c->p, u, selected, attr);
	t->errors = xcalloc((size_t)t->n + 1, sizeof *t->errors);
	t->warnings = xcalloc((size_t)t->n + 1, sizeof *t->warnings);
	for (int k = 0; k < u->n; k++) {
		if (of[k] < 0)
			continue;
		double h = col_get(&u->counts.headcount, k);
		t->sums[of[k]].current += h;
		t->sums[of[k]].proposed += h;
		t->sums[of[k]].units++;
	}
	for (int i = 0; i < c->nf; i++) {
		const Finding *f = &c->f[i];
		if (of[f->unit] < 0 || f->waiver || (base && !base_counts(f->base)))
			continue;
		(f->v.error ? t->errors : t->warnings)[of[f->unit]]++;
	}
	free(of);
}

const char *
attr_value_text(const Program *p, int value)
{
	return value == STR_EMPTY ? "(none)" : p->strs->text[value];
}

void
attr_totals_free(AttrTotals *t)
{
	free(t->value);
	free(t->sums);
	free(t->errors);
	free(t->warnings);
	*t = (AttrTotals){0};
}
