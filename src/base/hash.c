/* hash.c: growing the one hash table. */
#include "hash.h"

#include <stdlib.h>

void
hash_reserve(Hash *h, int want, int n, HashKey key, const void *owner)
{
	if ((long)want * 2 <= h->cap)
		return;
	int cap = h->cap ? h->cap * 2 : 64;
	while ((long)want * 2 > cap)
		cap *= 2;
	free(h->slot);
	h->slot = xmalloc((size_t)cap * sizeof *h->slot);
	for (int i = 0; i < cap; i++)
		h->slot[i] = -1;
	h->cap = cap;
	for (int i = 0; i < n; i++) {
		Str k = key(owner, i);
		if (!k.s)
			continue;
		unsigned hv = mem_hash(k.s, (size_t)k.len), at;
		if (hash_find(h, k.s, (size_t)k.len, hv, key, owner, &at) < 0)
			hash_put(h, at, hv, i);
	}
}

void
hash_free(Hash *h)
{
	free(h->slot);
	h->slot = NULL;
	h->cap = 0;
}
