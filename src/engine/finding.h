/* finding.h: a finding's message. */
#ifndef COPLAN_FINDING_H
#define COPLAN_FINDING_H

#include "check_all.h"

/* The finding's message: "role: actual, needs [min, max] (rule)", the
 * conflict, the blank cell, or an assert's label. */
void finding_message(const Check *c, const Finding *f, Buf *b);

/* Whether rule r is `N ROLE per M Q` alone: an exact amount, which
 * users often mean as a minimum (said when a count is over it). */
bool finding_exact_ratio(const Program *p, int r);

#endif
