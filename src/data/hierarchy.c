/* hierarchy.c: children lists (CSR) and a preorder, without recursion. */
#include "hierarchy.h"

#include <stdlib.h>
#include <string.h>

/* Every unit reaches a root by its parents; a unit that does not is on
 * a cycle, or below one.  Walks up from each unit, marking the way;
 * meeting the way again is a cycle. */
int
hierarchy_cycle(const Units *u)
{
	enum { NEW, ON_WAY, DONE };
	unsigned char *state = xcalloc((size_t)u->n + 1, 1);
	int found = -1;
	for (int k = 0; k < u->n && found < 0; k++) {
		int v = k;
		while (v >= 0 && state[v] == NEW) {
			state[v] = ON_WAY;
			v = u->parent[v];
		}
		if (v >= 0 && state[v] == ON_WAY)
			found = v;
		for (int w = k; w >= 0 && state[w] == ON_WAY; w = u->parent[w])
			state[w] = DONE;
	}
	free(state);
	return found;
}

/* Children, in file order (for aggregates over children). */
void
hierarchy_children(Units *u)
{
	int n = u->n;
	u->child_start = xcalloc((size_t)n + 1, sizeof *u->child_start);
	u->child = xmalloc((size_t)(n ? n : 1) * sizeof *u->child);
	for (int k = 0; k < n; k++)
		if (u->parent[k] >= 0)
			u->child_start[u->parent[k] + 1]++;
	for (int k = 0; k < n; k++)
		u->child_start[k + 1] += u->child_start[k];
	int *fill = xmalloc((size_t)(n ? n : 1) * sizeof *fill);
	memcpy(fill, u->child_start, (size_t)n * sizeof *fill);
	for (int k = 0; k < n; k++)
		if (u->parent[k] >= 0)
			u->child[fill[u->parent[k]]++] = k;
	free(fill);
}

/* The preorder from the roots, without recursion (for aggregates over
 * descendants): the descendants of u are order[pre[u]+1 .. pre[u]+size[u]). */
void
hierarchy_preorder(Units *u)
{
	int n = u->n;
	u->order = xmalloc((size_t)(n ? n : 1) * sizeof *u->order);
	u->pre = xmalloc((size_t)(n ? n : 1) * sizeof *u->pre);
	u->size = xmalloc((size_t)(n ? n : 1) * sizeof *u->size);
	int *next = xmalloc((size_t)(n ? n : 1) * sizeof *next);	/* next child to visit, per depth */
	int *path = xmalloc((size_t)(n ? n : 1) * sizeof *path);
	int at = 0;
	for (int root = 0; root < n; root++) {
		if (u->parent[root] >= 0)
			continue;
		int depth = 0;
		path[0] = root;
		next[0] = u->child_start[root];
		u->pre[root] = at;
		u->order[at++] = root;
		while (depth >= 0) {
			int v = path[depth];
			if (next[depth] < u->child_start[v + 1]) {
				int w = u->child[next[depth]++];
				u->pre[w] = at;
				u->order[at++] = w;
				path[++depth] = w;
				next[depth] = u->child_start[w];
			} else {
				u->size[v] = at - u->pre[v];
				depth--;
			}
		}
	}
	free(path);
	free(next);
}
