/* strtab.h: interned texts.  A session has one table: the compiler puts
 * the rules' texts in it, the loaders the data's, and every text is then
 * an index, equal texts equal indexes.  Index 0 is "" once
 * strtab_intern() has run once.
 *
 * Ownership: the table owns its texts (an arena); an index stays valid,
 * and its text in place, until strtab_free().
 */
#ifndef COPLAN_STRTAB_H
#define COPLAN_STRTAB_H

#include "hash.h"

typedef struct Strtab {
	const char **text; int *len; int n, cap;
	Hash hash;
	Arena arena;
} Strtab;

enum { STR_EMPTY = 0 };		/* the index of "" */

int strtab_intern(Strtab *t, const char *s, size_t n);
void strtab_free(Strtab *t);

#endif
