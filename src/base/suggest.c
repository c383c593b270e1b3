/* suggest.c: "did you mean": the closest of some names to a word. */
#include "suggest.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

int
edit_distance(const char *a, const char *b, int cap)
{
	/* edits, and swaps of two neighbours (`wrad` is 1 from `ward`) */
	size_t la = strlen(a), lb = strlen(b);
	if ((la > lb ? la - lb : lb - la) > (size_t)cap)
		return cap + 1;
	if (lb > 63)
		return cap + 1;
	int rows[3][64], *two = rows[0], *prev = rows[1], *row = rows[2];
	for (size_t j = 0; j <= lb; j++)
		prev[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		row[0] = (int)i;
		int best = row[0];
		for (size_t j = 1; j <= lb; j++) {
			int v = prev[j - 1] + (a[i - 1] != b[j - 1]);
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && two[j - 2] + 1 < v)
				v = two[j - 2] + 1;
			row[j] = v;
			if (v < best)
				best = v;
		}
		if (best > cap)	/* a swap cannot bring a later row back under */
			return cap + 1;
		int *t = two;
		two = prev, prev = row, row = t;
	}
	return prev[lb] > cap ? cap + 1 : prev[lb];
}

int
suggest_cap(const char *word)
{
	size_t n = strlen(word);
	return n <= 2 ? 0 : n <= 5 ? 1 : 2;
}

int
closest_name(const char *word, int n, const char *(*name)(const void *ctx, int i),
	     const void *ctx, int cap)
{
	int best = cap + 1, pick = -1;
	for (int i = 0; i < n && best > 0; i++) {
		const char *s = name(ctx, i);
		if (!s)
			continue;
		int d = strcasecmp(word, s) ? edit_distance(word, s, cap) : 0;	/* 'a' for 'A' */
		if (d < best)
			best = d, pick = i;
	}
	return pick;
}
