/* linear.h: the rules whose bound is a linear function of counts of the
 * same unit ("a tutor per 12 to 18 operators", "operators within 18 per
 * tutor"), given to the solver as rows over those counts, so that the
 * counts a rule reads and the count it bounds settle in one solve
 * rather than chase each other from round to round.
 *
 * A rule links when its quantity (or, in the core forms, its bound) is
 * a sum of counts of the unit's roles times constants, plus anything
 * that does not depend on them (an attribute, a parent's count, an
 * aggregate over children): that part, like the rule's `if`, is taken
 * at the proposal of the round before.
 */
#ifndef COPLAN_LINEAR_H
#define COPLAN_LINEAR_H

#include "solve.h"

typedef struct Linear Linear;

/* The linear rules of p: NULL when none is. */
Linear *linear_new(const Program *p);
void linear_free(Linear *lin);

/* Adds the links of unit k's pairs, s->pair[first .. s->npairs), whose
 * requirements c has just worked out (check_unit) on the counts x0;
 * pair_of[r] is the pair of role r at k or -1.  False after a runtime
 * error. */
bool link_unit(Solve *s, Check *c, const Linear *lin, int k, int first, const int *pair_of);

/* Per role of a unit, want: 1 planned whole (a statement touches it), 0
 * on its own, -1 kept.  Each role a rule linear in counts ties to one
 * planned whole is planned whole too (1), so that the rule is a row of
 * the program (a room read off leaders no statement touches, which
 * would otherwise follow the staff a round late). */
void linear_tie(const Linear *lin, signed char *want);

#endif
