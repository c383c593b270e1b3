/* unit_tree.h: the organisation as the pages draw it: each unit's
 * children in id order (the roots under a unit n past the last), a
 * breadth-first order (parents before children: walked backwards it
 * rolls sums up), and a depth-first walk without recursion, since a chain
 * of parents may be a million units long. */
#ifndef COPLAN_UNIT_TREE_H
#define COPLAN_UNIT_TREE_H

#include "units.h"

typedef struct UnitTree {
	int n;
	int *child_start, *child;	/* children of k: child[child_start[k] .. child_start[k + 1]) */
	int *bfs;			/* every unit, parents before children */
} UnitTree;

void unit_tree_build(UnitTree *t, const Units *u);
void unit_tree_free(UnitTree *t);
static inline bool
unit_tree_leaf(const UnitTree *t, int k)
{
	return t->child_start[k + 1] == t->child_start[k];
}
/* Calls open(arg, k) for each unit depth first, in id order among
 * siblings, and close(arg, k) after its children (a leaf too); stops
 * when *stop becomes true. */
void unit_tree_walk(const UnitTree *t, void (*open)(void *arg, int k), void (*close)(void *arg, int k), void *arg,
		    const bool *stop);

#endif
