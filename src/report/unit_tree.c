/* unit_tree.c: the organisation's tree for the pages (unit_tree.h). */
#include "unit_tree.h"

#include <stdlib.h>
#include <string.h>

void
unit_tree_build(UnitTree *t, const Units *u)
{
	int n = u->n;
	*t = (UnitTree){.n = n};
	int *order = units_by_id(u);
	t->child_start = xcalloc((size_t)n + 2, sizeof *t->child_start);
	t->child = xmalloc((size_t)(n ? n : 1) * sizeof *t->child);
	for (int k = 0; k < n; k++)
		t->child_start[(u->parent[k] >= 0 ? u->parent[k] : n) + 1]++;
	for (int k = 0; k <= n; k++)
		t->child_start[k + 1] += t->child_start[k];
	int *fill = xmalloc((size_t)(n + 1) * sizeof *fill);
	memcpy(fill, t->child_start, (size_t)(n + 1) * sizeof *fill);
	for (int i = 0; i < n; i++) {
		int k = order[i];
		t->child[fill[u->parent[k] >= 0 ? u->parent[k] : n]++] = k;
	}
	t->bfs = xmalloc((size_t)(n ? n : 1) * sizeof *t->bfs);
	int len = 0;
	for (int i = t->child_start[n]; i < t->child_start[n + 1]; i++)
		t->bfs[len++] = t->child[i];
	for (int h = 0; h < len; h++)
		for (int i = t->child_start[t->bfs[h]]; i < t->child_start[t->bfs[h] + 1]; i++)
			t->bfs[len++] = t->child[i];
	free(fill);
	free(order);
}

void
unit_tree_free(UnitTree *t)
{
	free(t->child_start);
	free(t->child);
	free(t->bfs);
	*t = (UnitTree){0};
}

void
unit_tree_walk(const UnitTree *t, void (*open)(void *arg, int k), void (*close)(void *arg, int k), void *arg,
	       const bool *stop)
{
	int n = t->n, top = 0;
	int *at = xmalloc((size_t)(n + 1) * sizeof *at), *next = xmalloc((size_t)(n + 1) * sizeof *next);
	at[0] = n, next[0] = t->child_start[n];
	while (top >= 0 && !*stop) {
		int v = at[top];
		if (next[top] == t->child_start[v + 1]) {
			if (v < n)
				close(arg, v);
			top--;
			continue;
		}
		int k = t->child[next[top]++];
		open(arg, k);
		top++;
		at[top] = k, next[top] = t->child_start[k];
	}
	free(at);
	free(next);
}
