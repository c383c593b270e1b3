/* levels.h: a part's program minimised level after level. */
#ifndef COPLAN_LEVELS_H
#define COPLAN_LEVELS_H

#include "lp.h"

/* Minimises each level in turn; false when GLPK could not prove an
 * optimum. */
bool levels_optimise(Solve *s, Model *m, const Part *part);

#endif
