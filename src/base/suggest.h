/* suggest.h: "did you mean": the closest of some names to a word. */
#ifndef COPLAN_SUGGEST_H
#define COPLAN_SUGGEST_H

/* Edit distance, capped: returns cap+1 as soon as it is exceeded. */
int edit_distance(const char *a, const char *b, int cap);
/* How far a "did you mean" reaches for a word: no edit for 1 or 2
 * letters, 1 up to 5 letters, else 2. */
int suggest_cap(const char *word);
/* The index of the name (name(ctx, i), i < n; NULL: left out) closest
 * to word within cap edits (a name equal but for case is closest), the
 * first on ties; -1 when none is that close. */
int closest_name(const char *word, int n, const char *(*name)(const void *ctx, int i),
		 const void *ctx, int cap);

#endif
