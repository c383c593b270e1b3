/* check.h: what each rule requires of each unit, combined (SPEC §2.3),
 * and the findings where a unit's count falls outside (SPEC §4.2). */
#ifndef COPLAN_CHECK_H
#define COPLAN_CHECK_H

#include "eval.h"

/* What one rule does for one unit. */
typedef enum Applied {
	AP_SCOPE,	/* the unit is outside the rule's scope */
	AP_KIND,	/* per KIND, and the unit is of another kind */
	AP_NONE,	/* it applies, but no amount's condition holds */
	AP_YIELD,	/* it yields [lo, hi] */
	AP_ERROR,	/* a runtime error, reported */
} Applied;

typedef struct Req {		/* all requirements on one (unit, role) */
	int nrules;		/* rules that yielded one; 0: none */
	double min, max;	/* max is INFINITY when open */
	int min_rule, max_rule;	/* the rules that set them, first on ties */
	double must_min, must_max;	/* the same over `must` rules only */
} Req;

typedef enum Status { ST_UNDER, ST_OVER, ST_CONFLICT } Status;

typedef struct Finding {
	Str id;			/* the unit's, for sorting */
	uint64_t key;		/* its first 8 bytes, big-endian: most
				 * comparisons need no more */
	const char *role_name;
	int unit, role;
	Status status;
	bool error;		/* else a warning */
	double actual, min, max;
	int rule;		/* the rule it names */
	int rule2;		/* conflict: the rule with the smallest max */
} Finding;

typedef struct Check {
	Program *p;
	Units *u;
	Diag *diag;
	Eval ev;
	signed char *scope_ok;	/* per scope, for the current unit: -1 unknown */
	int scope_unit;
	Req *req;		/* per role, for the current unit */
	int *yield, nyield;	/* the rules that yielded, in file order */
	Finding *f;
	int nf, capf;
	int errors, warnings;
} Check;

void check_init(Check *c, Program *p, Units *u, Diag *d);
/* What rule r does for unit k; on AP_YIELD its interval in lo, hi. */
Applied check_rule(Check *c, int r, int k, double *lo, double *hi);
/* 1 if unit k is in scope s and those around it (s = -1: every unit), 0
 * if not, -1 after a runtime error. */
int check_scope(Check *c, int s, int k);
static inline int
check_in_scope(Check *c, int s, int k)
{
	if (s < 0)
		return 1;
	if (c->scope_unit == k && c->scope_ok[s] >= 0)	/* known */
		return c->scope_ok[s];
	return check_scope(c, s, k);
}
/* Forgets what was worked out for a unit: its counts have changed. */
void check_forget(Check *c);
/* Every rule on unit k, combined into c->req.  False on a runtime error. */
bool check_unit(Check *c, int k);
/* Checks the units (all when selected is NULL) and sorts the findings by
 * unit id, then role name.  False on a runtime error. */
bool check_run(Check *c, const bool *selected);
void check_free(Check *c);

/* "34..52", "at least 2", "2": a requirement as a message says it. */
void interval_text(Buf *b, double lo, double hi);
/* A finding's message, as in SPEC §4.2. */
void finding_message(const Check *c, const Finding *f, Buf *b);
void num_text(Buf *b, double v);	/* 31, 2.5 */

#endif
