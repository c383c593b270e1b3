/* model.h: one part of a whole plan (solve.h splits the (unit, role)s
 * into parts) as an integer program for GLPK, solved level by level
 * (lp.h, levels.h). */
#ifndef COPLAN_MODEL_H
#define COPLAN_MODEL_H

#include "solve_types.h"

/* Solves pairs[0..n) of s (in id order) with the candidates cands[0..nc)
 * and, when budget is set, the budgets; writes the answers into s.
 * local is scratch of s->npairs ints.  False when GLPK could not prove
 * an optimum. */
bool model_solve(Solve *s, const int *pairs, int n, const int *cands, int nc, bool budget, int *local);

#endif
