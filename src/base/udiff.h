/* udiff.h: a unified diff of two texts. */
#ifndef COPLAN_UDIFF_H
#define COPLAN_UDIFF_H

#include "util.h"

/* The lines of a text (without their newlines); free s and len. */
typedef struct Lines {
	const char **s;
	int *len, n;
} Lines;
Lines lines_split(const char *t, size_t n);

/* Appends to b the unified diff (3 lines of context) of want, as
 * NAME/expect.txt, and got, as what check printed; by the longest
 * common subsequence, and past 4 million cells every line differs. */
void udiff(Buf *b, const char *name, const char *want, size_t wn, const char *got, size_t gn);

#endif
