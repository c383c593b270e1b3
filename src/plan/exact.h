/* exact.h: a part's solution made exact. */
#ifndef COPLAN_EXACT_H
#define COPLAN_EXACT_H

#include "lp.h"

/* GLPK's solution is feasible within its tolerances: a release of 1e-6
 * may shave a level's optimum.  Held at such a value the next level would
 * have no solution; so each solution is made exact first: its whole
 * numbers rounded, every other column worked out from them. */
void levels_clean(const Part *t, double *sol);

#endif
