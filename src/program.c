/* program.c: the compiled program's texts and what it asks of the data. */
#include "program.h"

#include <stdlib.h>
#include <string.h>

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
	}
	for (int a = 0; a < p->naggs; a++) {
		n.children |= !p->aggs[a].desc;
		n.descendants |= p->aggs[a].desc;
	}
	return n;
}

void
prog_free(Program *p)
{
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
