/* program.c: the compiled program's texts and what it asks of the data. */
#include "program.h"

#include <stdlib.h>
#include <string.h>

int
prog_str(Program *p, const char *s)
{
	return prog_strn(p, s, strlen(s));
}

bool
prog_uses(const Program *p, Opcode op)
{
	for (int i = 0; i < p->ncode; i++)
		if (p->code[i].op == op)
			return true;
	return false;
}

bool
prog_reads_hierarchy(const Program *p)
{
	for (int i = 0; i < p->ncode; i++)
		if (p->code[i].up || p->code[i].op == I_PARENT || p->code[i].op == I_AGG)
			return true;
	return false;
}

int
prog_strn(Program *p, const char *s, size_t n)
{
	if (p->nstrs * 2 >= p->strhcap) {
		int cap = p->strhcap ? p->strhcap * 2 : 64;
		free(p->strhash);
		p->strhash = xmalloc((size_t)cap * sizeof *p->strhash);
		for (int i = 0; i < cap; i++)
			p->strhash[i] = -1;
		p->strhcap = cap;
		for (int k = 0; k < p->nstrs; k++) {
			unsigned i = mem_hash(p->strs[k], (size_t)p->strlens[k]) & (unsigned)(cap - 1);
			while (p->strhash[i] >= 0)
				i = (i + 1) & (unsigned)(cap - 1);
			p->strhash[i] = k;
		}
	}
	unsigned i = mem_hash(s, n) & (unsigned)(p->strhcap - 1);
	for (; p->strhash[i] >= 0; i = (i + 1) & (unsigned)(p->strhcap - 1)) {
		int k = p->strhash[i];
		if ((size_t)p->strlens[k] == n && memcmp(p->strs[k], s, n) == 0)
			return k;
	}
	int cap = p->capstrs;
	vec_grow((void **)&p->strs, p->nstrs, &p->capstrs, sizeof *p->strs);
	if (p->capstrs != cap)
		p->strlens = xrealloc(p->strlens, (size_t)p->capstrs * sizeof *p->strlens);
	p->strlens[p->nstrs] = (int)n;
	p->strs[p->nstrs] = arena_strndup(&p->arena, s, n);
	p->strhash[i] = p->nstrs;
	return p->nstrs++;
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
	free(p->strs);
	free(p->strlens);
	free(p->sets);
	free(p->setlens);
	free(p->files);
	free(p->locs);
	free(p->strhash);
	arena_free(&p->arena);
	memset(p, 0, sizeof *p);
}
