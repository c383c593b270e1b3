/* solve.h: the part of a plan that crosses units (pools, transfers,
 * budgets), solved exactly as integer programs with GLPK.
 *
 * The caller lists the (unit, role)s the statements touch, each with its
 * requirements, and the pool candidates; solve_run splits them into
 * independent problems (what one pool, one transfer group or the budget
 * ties together) and minimises, in this order: budget overrun, distance
 * from the must requirements plus pool people not placed, distance from
 * the should target, people changed (hires, releases, moves, placements),
 * cost, hires, and last a tie-break towards the units first in id order.
 * Each level is solved to optimality and then held while the next is
 * minimised, so the answer is optimal for the whole order, not weighted.
 */
#ifndef COPLAN_SOLVE_H
#define COPLAN_SOLVE_H

#include "model.h"

/* Adds a (unit, role); returns its index. */
int solve_add_pair(Solve *s, SolvePair pair);
void solve_add_cand(Solve *s, int pool, int pair);
/* Solves every problem; the answers are in pair[], cand[], unplaced,
 * over and moves.  0, or -1 when GLPK failed (said to d). */
int solve_run(Solve *s, Diag *d);
/* Empties s for the next round, keeping its memory. */
void solve_clear(Solve *s);
void solve_free(Solve *s);

#endif
