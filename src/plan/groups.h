/* groups.h: transfer groups, the units whose staff of a role may move
 * among each other (the same value of every attribute a transfer names,
 * the same parent, or anywhere), each (unit, role) given its group. */
#ifndef COPLAN_GROUPS_H
#define COPLAN_GROUPS_H

#include "solve.h"
#include "units.h"

/* A pair of a role that moves, and the values its unit moves within. */
typedef struct GroupKey {
	int role;
	double key[TRANSFER_MAX_WITHIN];	/* a value per attribute moved within */
	int pair;
} GroupKey;

/* The values unit k moves within for transfer t (0 past the last);
 * false when it lacks one (a blank attribute, a root for `parent`). */
bool groups_key(const Units *u, const Program *p, int t, int k, double *key);
/* Each pair of keys[0..nkeys) into its transfer group (sorts keys). */
void groups_assign(Solve *s, GroupKey *keys, int nkeys);

#endif
