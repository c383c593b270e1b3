/* groups.c: transfer groups (groups.h). */
#include "groups.h"

#include <math.h>
#include <stdlib.h>

/* By role, then the values moved within: the same group or not. */
static int
cmp_group(const GroupKey *a, const GroupKey *b)
{
	if (a->role != b->role)
		return a->role < b->role ? -1 : 1;
	for (int i = 0; i < TRANSFER_MAX_WITHIN; i++)
		if (a->key[i] != b->key[i])
			return a->key[i] < b->key[i] ? -1 : 1;
	return 0;
}

static int
cmp_group_key(const void *pa, const void *pb)
{
	const GroupKey *a = pa, *b = pb;
	int c = cmp_group(a, b);
	return c ? c : (a->pair > b->pair) - (a->pair < b->pair);
}

/* The values unit k moves within for transfer t (0 past the last);
 * false when it lacks one (a blank attribute, a root for `parent`). */
bool
groups_key(const Units *u, const Program *p, int t, int k, double *key)
{
	const Transfer *tr = &p->transfers[t];
	bool ok = true;
	for (int i = 0; i < TRANSFER_MAX_WITHIN; i++) {
		int w = i < tr->nwithin ? tr->within[i] : WITHIN_ALL;
		if (w == WITHIN_ALL)
			key[i] = 0;
		else if (w == WITHIN_PARENT)
			key[i] = u->parent[k], ok &= u->parent[k] >= 0;
		else if (p->attrs[w].type == T_NUM)
			key[i] = isnan(u->num[w][k]) ? 0 : u->num[w][k], ok &= !isnan(u->num[w][k]);
		else
			key[i] = u->text[w][k], ok &= u->text[w][k] != STR_EMPTY;
	}
	return ok;
}

void
groups_assign(Solve *s, GroupKey *keys, int nkeys)
{
	if (nkeys)
		qsort(keys, (size_t)nkeys, sizeof *keys, cmp_group_key);
	for (int i = 0, g = -1; i < nkeys; i++) {
		if (!i || cmp_group(&keys[i], &keys[i - 1]))
			g++;
		s->pair[keys[i].pair].group = g;
	}
}
