/* unit_round.h: the rounds of a plan that goes unit by unit (no pool,
 * transfer or budget): each round works out the units whose
 * requirements may have changed, on threads. */
#ifndef COPLAN_UNIT_ROUND_H
#define COPLAN_UNIT_ROUND_H

#include "plan.h"

/* The units whose requirements may change, now that the units marked in
 * `changed` have new counts: those, their parents (aggregates over
 * children that read counts) or all their ancestors (over descendants),
 * and the units below them by up to r.up_counts levels (which read
 * their counts as parent...).  What reads only attributes and kinds
 * cannot change: they stay as loaded. */
void mark_dirty(const Units *u, ProgNeeds r, const unsigned char *changed, unsigned char *dirty);
/* A (unit, role) still changing, for the message of a plan that does
 * not settle: the first ten are named. */
void note_moving(Buf *b, int *n, const Units *u, const Program *p, int k, int r, double now, double then);
/* A round of the unit-by-unit plan: the dirty units worked out again,
 * in parts on threads, against the counts proposed so far; then the
 * counts they change put in place, and what moves noted, in the order
 * one thread would note it.  False after a runtime error, said as one
 * thread would say it. */
bool unit_round(Plan *pl, Check *c, const unsigned char *dirty, unsigned char *changed, double step,
	   Buf *moving, int *nmoving);

#endif
