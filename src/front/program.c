/* program.c: the compiled program's texts and what it asks of the data. */
#include "program.h"
#include "suggest.h"

#include <stdlib.h>
#include <string.h>

/* A load of a count; an aggregate within an aggregate is taken to read
 * them too (its own filter is not looked into). */
static bool
reads_counts(const Insn *in)
{
	return in->op == I_ROLE || in->op == I_GROUP || in->op == I_HEADCOUNT || in->op == I_AGG;
}

static bool
expr_reads_counts(const Program *p, int x)
{
	if (x < 0)
		return false;
	for (int i = p->exprs[x].start; i < p->exprs[x].start + p->exprs[x].len; i++)
		if (reads_counts(&p->code[i]))
			return true;
	return false;
}

/* How many levels below its unit aggregate a reads counts, through
 * aggregates over children within it (depth[] memoises; 0: not yet). */
static int
agg_depth(const Program *p, int a, int *depth)
{
	if (depth[a])
		return depth[a];
	const Agg *g = &p->aggs[a];
	int in = 0, xs[2] = {g->filter, g->proj};
	depth[a] = 1;	/* no cycle: an aggregate is not within itself */
	for (int k = 0; k < 2; k++)
		for (int i = xs[k] < 0 ? 0 : p->exprs[xs[k]].start; xs[k] >= 0 && i < p->exprs[xs[k]].start + p->exprs[xs[k]].len; i++)
			if (p->code[i].op == I_AGG && !p->aggs[p->code[i].arg].desc) {
				int d = agg_depth(p, p->code[i].arg, depth);
				in = d > in ? d : in;
			}
	return depth[a] = 1 + in;
}

ProgNeeds
prog_needs(const Program *p)
{
	ProgNeeds n = {0};
	for (int i = 0; i < p->ncode; i++) {
		const Insn *in = &p->code[i];
		n.ids |= in->op == I_ID || in->op == I_PARENT;
		n.names |= in->op == I_NAME;
		n.hierarchy |= in->up || in->op == I_PARENT || in->op == I_AGG;
		if (in->up > n.up)
			n.up = in->up;
		if (reads_counts(in) && in->up > n.up_counts)
			n.up_counts = in->up;
	}
	int *depth = xcalloc((size_t)p->naggs + 1, sizeof *depth);
	for (int a = 0; a < p->naggs; a++) {
		const Agg *g = &p->aggs[a];
		n.children |= !g->desc;
		n.descendants |= g->desc;
		bool counts = expr_reads_counts(p, g->filter) || expr_reads_counts(p, g->proj);
		n.children_counts |= counts && !g->desc && g->from == LIST_OWN;
		if (counts && !g->desc && g->from == LIST_OWN) {
			int d = agg_depth(p, a, depth);
			n.children_depth = d > n.children_depth ? d : n.children_depth;
		}
		n.siblings_counts |= counts && g->from != LIST_OWN;
		n.descendants_counts |= counts && g->desc;
	}
	free(depth);
	return n;
}

bool
prog_plans_whole(const Program *p)
{
	return p->npools || p->ntransfers || p->budget[BUDGET_COST].set || p->budget[BUDGET_HEADCOUNT].set;
}

bool
prog_pool_places(const Pool *pl, int r)
{
	for (int i = 0; i < pl->nroles; i++)
		if (pl->roles[i] == r)
			return true;
	return false;
}

int
prog_transfer_of(const Program *p, int r)
{
	for (int t = 0; t < p->ntransfers; t++)
		for (int i = 0; i < p->transfers[t].nroles; i++)
			if (p->transfers[t].roles[i] == r)
				return t;
	return -1;
}

void
prog_free(Program *p)
{
	free(p->pools);
	free(p->transfers);
	free(p->roles);
	free(p->groups);
	free(p->attrs);
	free(p->kinds);
	free(p->scopes);
	free(p->rules);
	free(p->clauses);
	free(p->exprs);
	free(p->aggs);
	free(p->code);
	free(p->nums);
	free(p->sets);
	free(p->setlens);
	free(p->files);
	free(p->locs);
	arena_free(&p->arena);
	memset(p, 0, sizeof *p);
}

int
prog_role(const Program *p, const char *name)
{
	for (int i = 0; i < p->nroles; i++)
		if (!strcmp(p->roles[i].name, name))
			return i;
	return -1;
}

static const char *
role_name(const void *p, int i)	/* for closest_name */
{
	return ((const Program *)p)->roles[i].name;
}

static const char *
attr_name(const void *ctx, int i)
{
	return ((const Program *)ctx)->attrs[i].name;
}

const char *
prog_closest_attr(const Program *p, const char *name)
{
	int i = closest_name(name, p->nattrs, attr_name, p, 2);
	return i < 0 ? NULL : p->attrs[i].name;
}

const char *
prog_closest_role(const Program *p, const char *name)
{
	int i = closest_name(name, p->nroles, role_name, p, 2);
	return i < 0 ? NULL : p->roles[i].name;
}
