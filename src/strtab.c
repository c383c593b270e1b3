/* strtab.c: interned texts, found through an open-addressing table. */
#include "strtab.h"

#include <stdlib.h>
#include <string.h>

static unsigned
slot_of(const Strtab *t, const char *s, size_t n, int *found)
{
	unsigned m = (unsigned)t->hcap - 1;
	unsigned i = mem_hash(s, n) & m;
	for (; t->hash[i] >= 0; i = (i + 1) & m) {
		int k = t->hash[i];
		if ((size_t)t->len[k] == n && memcmp(t->text[k], s, n) == 0) {
			*found = k;
			return i;
		}
	}
	*found = -1;
	return i;
}

int
strtab_find(const Strtab *t, const char *s, size_t n)
{
	int k = -1;
	if (t->hcap)
		slot_of(t, s, n, &k);
	return k;
}

static void
rehash(Strtab *t)
{
	int cap = t->hcap ? t->hcap * 2 : 64;
	free(t->hash);
	t->hash = xmalloc((size_t)cap * sizeof *t->hash);
	for (int i = 0; i < cap; i++)
		t->hash[i] = -1;
	t->hcap = cap;
	for (int k = 0; k < t->n; k++) {
		int dup;
		t->hash[slot_of(t, t->text[k], (size_t)t->len[k], &dup)] = k;
	}
}

int
strtab_intern(Strtab *t, const char *s, size_t n)
{
	if (t->n == 0 && n != 0)	/* "" first, at STR_EMPTY */
		strtab_intern(t, "", 0);
	if (t->n * 2 >= t->hcap)
		rehash(t);
	int k;
	unsigned i = slot_of(t, s, n, &k);
	if (k >= 0)
		return k;
	int cap = t->cap;
	vec_grow((void **)&t->text, t->n, &t->cap, sizeof *t->text);
	if (t->cap != cap)
		t->len = xrealloc(t->len, (size_t)t->cap * sizeof *t->len);
	t->len[t->n] = (int)n;
	t->text[t->n] = arena_strndup(&t->arena, s, n);
	t->hash[i] = t->n;
	return t->n++;
}

void
strtab_free(Strtab *t)
{
	free(t->text);
	free(t->len);
	free(t->hash);
	arena_free(&t->arena);
	memset(t, 0, sizeof *t);
}
