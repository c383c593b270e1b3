/* hierarchy.h: the tree of units, built from the parent column. */
#ifndef COPLAN_HIERARCHY_H
#define COPLAN_HIERARCHY_H

#include "units.h"

/* A unit on a cycle of parents, or -1 when the parents make a forest. */
int hierarchy_cycle(const Units *u);
/* u->child_start and u->child: each unit's children, in table order. */
void hierarchy_children(Units *u);
/* u->order, u->pre, u->size: a unit's descendants right after it
 * (needs the children). */
void hierarchy_preorder(Units *u);

#endif
