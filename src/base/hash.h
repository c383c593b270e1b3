/* hash.h: coplan's one hash table: open addressing, from keys to the
 * indexes of an array its owner keeps (the ids of units, the names of the
 * rules, interned texts).  The owner says what key an index has.  An
 * entry holds the index and, in the bits above it, a few bits of the
 * key's hash, which tell most other keys apart without reading them.
 * Ownership: a Hash owns its slots; hash_free() releases them.
 */
#ifndef COPLAN_HASH_H
#define COPLAN_HASH_H

#include <string.h>

#include "util.h"

typedef struct Hash {
	int *slot;		/* -1: empty */
	int cap;		/* a power of 2, 0 before the first hash_reserve */
	int bits;		/* how many low bits of an entry are the index */
} Hash;

/* The key of index i of the owner's array; s == NULL: not in the table. */
typedef Str (*HashKey)(const void *owner, int i);

/* An empty table for indexes below 2^bits (at most 31; below 31 the
 * rest of an entry holds the tag). */
static inline Hash
hash_make(int bits)
{
	return (Hash){NULL, 0, bits};
}

static inline int
hash_tag(const Hash *h, unsigned hv)
{
	int tagbits = 31 - h->bits;
	return tagbits ? (int)(hv >> (32 - tagbits)) << h->bits : 0;
}

/* The index whose key is s (n bytes, hashing to hv), or -1; *at: its
 * slot, or where it would go. */
static inline int
hash_find(const Hash *h, const char *s, size_t n, unsigned hv, HashKey key, const void *owner,
	  unsigned *at)
{
	*at = 0;
	if (!h->cap)
		return -1;
	unsigned m = (unsigned)h->cap - 1;
	int tag = hash_tag(h, hv), mask = h->bits == 31 ? 0x7fffffff : (1 << h->bits) - 1;
	for (unsigned i = hv & m;; i = (i + 1) & m) {
		int e = h->slot[i];
		*at = i;
		if (e < 0)
			return -1;
		if ((e & ~mask) != tag)
			continue;
		Str k = key(owner, e & mask);
		if ((size_t)k.len == n && memcmp(k.s, s, n) == 0)
			return e & mask;
	}
}

/* Puts index i, whose key hashes to hv, at slot at (from hash_find). */
static inline void
hash_put(Hash *h, unsigned at, unsigned hv, int i)
{
	h->slot[at] = hash_tag(h, hv) | i;
}

/* Room for want entries, the table at most half full: when it must grow,
 * it is rebuilt from the owner's indexes 0..n-1. */
void hash_reserve(Hash *h, int want, int n, HashKey key, const void *owner);
void hash_free(Hash *h);

#endif
