/* waivers.h: approved exceptions (check --waivers FILE.csv): a finding a
 * waiver matches is reported as waived until the waiver's date and does
 * not fail the run. */
#ifndef COPLAN_WAIVERS_H
#define COPLAN_WAIVERS_H

#include "requirements.h"

typedef struct Waiver {
	const char *unit, *role;
	const char *rule;	/* id or file:line; NULL: any rule */
	const char *until, *reason;	/* until: YYYY-MM-DD */
	int day;		/* until as a day number */
	int line;		/* in the waivers file */
	bool expired, used;
} Waiver;

typedef struct Waivers {
	Arena arena;
	Waiver *w;
	int n;
	int file;		/* in the Diag */
	int nwaived;
} Waivers;

/* A day number for YYYY-MM-DD (days since 1970-01-01), or -1 when the
 * text is not such a date. */
int waivers_day(const char *s, int len);
/* Today's day number: COPLAN_TODAY (YYYY-MM-DD) when set, else the
 * local date; -1 after saying a bad COPLAN_TODAY. */
int waivers_today(Diag *d);
/* Reads the waivers at path; the number of errors (said at
 * file:line:col).  today decides which have expired. */
int waivers_load(Waivers *w, Diag *d, const char *path, int today, int encoding);
/* Marks each finding a waiver covers (Finding.waiver); warns of the
 * waivers expired and of those that matched no finding (but those of
 * units --unit left out). */
void waivers_apply(Waivers *w, Check *c, const bool *selected);
void waivers_free(Waivers *w);

#endif
