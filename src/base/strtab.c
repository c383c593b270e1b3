/* strtab.c: interned texts. */
#include "strtab.h"

#include <stdlib.h>
#include <string.h>

static Str
text_key(const void *owner, int i)
{
	const Strtab *t = owner;
	return (Str){t->text[i], t->len[i]};
}

int
strtab_intern(Strtab *t, const char *s, size_t n)
{
	if (t->n == 0 && n != 0)	/* "" first, at STR_EMPTY */
		strtab_intern(t, "", 0);
	if (!t->hash.bits)
		t->hash = hash_make(31);
	hash_reserve(&t->hash, t->n + 1, t->n, text_key, t);
	unsigned hv = mem_hash(s, n), at;
	int k = hash_find(&t->hash, s, n, hv, text_key, t, &at);
	if (k >= 0)
		return k;
	int cap = t->cap;
	vec_grow((void **)&t->text, t->n, &t->cap, sizeof *t->text);
	if (t->cap != cap)
		t->len = xrealloc(t->len, (size_t)t->cap * sizeof *t->len);
	t->len[t->n] = (int)n;
	t->text[t->n] = arena_strndup(&t->arena, s, n);
	hash_put(&t->hash, at, hv, t->n);
	return t->n++;
}

void
strtab_free(Strtab *t)
{
	free(t->text);
	free(t->len);
	hash_free(&t->hash);
	arena_free(&t->arena);
	memset(t, 0, sizeof *t);
}
