/* col.h: a column of counts, as narrow as its values allow.
 * Ownership: a Col owns its array; col_free() releases it. */
#ifndef COPLAN_COL_H
#define COPLAN_COL_H

#include <stdint.h>

#include "util.h"

/* A column of counts: w bytes a value, 1, 2 or 4 for whole numbers, 8
 * for doubles. */
typedef struct Col {
	void *p;
	int w;
} Col;

static inline double
col_get(const Col *c, int k)
{
	switch (c->w) {
	case 1: return ((const uint8_t *)c->p)[k];
	case 2: return ((const uint16_t *)c->p)[k];
	case 4: return ((const uint32_t *)c->p)[k];
	default: return ((const double *)c->p)[k];
	}
}

/* Stores v, which fits the column's width. */
static inline void
col_put(Col *c, int k, double v)
{
	switch (c->w) {
	case 1: ((uint8_t *)c->p)[k] = (uint8_t)v; break;
	case 2: ((uint16_t *)c->p)[k] = (uint16_t)v; break;
	case 4: ((uint32_t *)c->p)[k] = (uint32_t)v; break;
	default: ((double *)c->p)[k] = v; break;
	}
}

/* Whether v fits a column w bytes wide. */
static inline bool
col_fits(double v, int w)
{
	if (w == 8)
		return true;
	double top = w == 1 ? 255 : w == 2 ? 65535 : 4294967295.0;
	return v >= 0 && v <= top && v == (double)(uint32_t)v;
}

/* Widens a column of cap values, the first n in use, to hold v. */
void col_widen(Col *c, int cap, int n, double v);

/* Sets value k of a column of cap values, the first n of them in use;
 * the column widens when v needs it. */
static inline void
col_set(Col *c, int cap, int n, int k, double v)
{
	if (!col_fits(v, c->w))
		col_widen(c, cap, n, v);
	col_put(c, k, v);
}
/* Narrows a column of n values to the least width that holds them. */
void col_fit(Col *c, int n);
/* A copy of the first n values, in a column of cap. */
Col col_copy(const Col *c, int cap, int n);
void col_free(Col *c);

#endif
