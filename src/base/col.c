/* col.c: columns of counts, widened and narrowed. */
#include "col.h"

#include <stdlib.h>
#include <string.h>

void
col_widen(Col *c, int cap, int n, double v)
{
	int w = c->w * 2;
	while (!col_fits(v, w))
		w *= 2;
	Col t = {xmalloc((size_t)(cap ? cap : 1) * (size_t)w), w};
	for (int i = 0; i < n; i++)
		col_put(&t, i, col_get(c, i));
	free(c->p);
	*c = t;
}

void
col_fit(Col *c, int n)
{
	int w = 1;
	for (int k = 0; k < n && w < 8; k++)
		while (!col_fits(col_get(c, k), w))
			w *= 2;
	if (w >= c->w)
		return;
	Col t = {xmalloc((size_t)(n ? n : 1) * (size_t)w), w};
	for (int k = 0; k < n; k++)
		col_put(&t, k, col_get(c, k));
	free(c->p);
	*c = t;
}

Col
col_copy(const Col *c, int cap, int n)
{
	Col t = {xmalloc((size_t)(cap ? cap : 1) * (size_t)c->w), c->w};
	if (n)
		memcpy(t.p, c->p, (size_t)n * (size_t)c->w);
	return t;
}

void
col_free(Col *c)
{
	free(c->p);
	c->p = NULL;
}
