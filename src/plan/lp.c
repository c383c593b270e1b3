/* lp.c: the columns, rows and objective terms of a part's program, as
 * model.c builds them. */
#include "lp.h"

#include <math.h>
#include <stdlib.h>

int
lp_col(Model *m, int kind, double lo, double hi)
{
	int j = glp_add_cols(m->lp, 1);
	glp_set_col_kind(m->lp, j, kind);
	int type = isfinite(lo) ? (isfinite(hi) ? (lo == hi ? GLP_FX : GLP_DB) : GLP_LO) : GLP_FR;
	glp_set_col_bnds(m->lp, j, type, isfinite(lo) ? lo : 0, isfinite(hi) ? hi : 0);
	return j;
}

void
lp_term(Model *m, int c, double coef)
{
	vec_grow((void **)&m->t, m->nt, &m->capt, sizeof *m->t);
	m->t[m->nt++] = (Term){c, coef};
}

void
lp_obj(Model *m, int level, int c, double coef)
{
	if (!c || coef == 0)
		return;
	vec_grow((void **)&m->obj[level], m->nobj[level], &m->capobj[level], sizeof **m->obj);
	m->obj[level][m->nobj[level]++] = (Term){c, coef};
}

static int
cmp_term(const void *pa, const void *pb)
{
	const Term *a = pa, *b = pb;
	return (a->col > b->col) - (a->col < b->col);
}

/* Names each column of the row being built once (a link's count may
 * also be the count it bounds). */
void
lp_merge(Model *m)
{
	qsort(m->t, (size_t)m->nt, sizeof *m->t, cmp_term);
	int w = 0;
	for (int k = 0; k < m->nt; k++)
		if (w && m->t[w - 1].col == m->t[k].col)
			m->t[w - 1].coef += m->t[k].coef;
		else
			m->t[w++] = m->t[k];
	m->nt = w;
}

/* Adds the row built in m->t with bounds (type, lo, hi). */
void
lp_row(Model *m, int type, double lo, double hi)
{
	int i = glp_add_rows(m->lp, 1), n = m->nt;
	int *ind = xmalloc((size_t)(n + 1) * sizeof *ind);
	double *val = xmalloc((size_t)(n + 1) * sizeof *val);
	for (int k = 0; k < n; k++)
		ind[k + 1] = m->t[k].col, val[k + 1] = m->t[k].coef;
	glp_set_mat_row(m->lp, i, n, ind, val);
	glp_set_row_bnds(m->lp, i, type, lo, hi);
	free(ind);
	free(val);
	m->nt = 0;
}

double
signed_floor(double q, double n)
{
	return q >= 0 ? floor_div(q, n) : -ceil_div(-q, n);
}
