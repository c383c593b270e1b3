/* requirements.h: what each rule requires of each unit, combined,
 * and the findings where a unit's count falls outside. */
#ifndef COPLAN_REQUIREMENTS_H
#define COPLAN_REQUIREMENTS_H

#include "rule_text.h"
#include "units.h"

typedef struct Eval Eval;		/* eval.h: check runs it; callers need not */
typedef struct EvalTrace EvalTrace;

/* What one rule does for one unit. */
typedef enum Applied {
	AP_SCOPE,	/* the unit is outside the rule's scope */
	AP_KIND,	/* per KIND, and the unit is of another kind */
	AP_NONE,	/* it applies, but no amount's condition holds */
	AP_MISSING,	/* it applies, but reads a blank cell (ev->miss_*) */
	AP_YIELD,	/* it yields [lo, hi] */
	AP_ERROR,	/* a runtime error, reported */
} Applied;

/* An interval and the rules that set its ends. */
typedef struct Span {
	double min, max;	/* max is INFINITY when open; min >= 0 */
	int min_rule, max_rule;	/* the rule with the largest min, smallest
				 * max (first on ties); -1: no rule */
} Span;

typedef struct Req {		/* all requirements on one (unit, role) */
	int nrules;		/* rules that yielded one; 0: none */
	Span must, should;	/* M and S: the intersection of each tier */
	/* the first rule that read a blank cell, and that cell (Blank's
	 * unit and col), or -1: the requirement is missing */
	int miss_rule, miss_unit, miss_col;
} Req;

/* ST_FAILED: an assert whose condition is false (a finding of no role). */
/* ST_MISSING: a rule read a blank cell, or the count itself is blank. */
typedef enum Status { ST_UNDER, ST_OVER, ST_CONFLICT, ST_OK, ST_FAILED, ST_MISSING } Status;

const char *status_name(Status s);	/* "under", "over", "conflict", "ok" */

/* How a count stands against its requirements: the must
 * tier first, then the shoulds that fit it. */
typedef struct Verdict {
	bool ok;		/* no finding */
	Status status;
	bool error;		/* else a warning */
	double min, max;	/* the interval the count was compared with */
	int rule;		/* the rule the finding names */
	/* a conflict: the rule that sets the minimum and the one that sets
	 * the maximum (the same rule when its own interval is empty) */
	int lo_rule, hi_rule;
	double lo, hi;
} Verdict;

/* The verdict on count `actual` for requirements q (q->nrules > 0). */
Verdict req_judge(const Req *q, double actual);
/* Whether unit k's requirement on role r (after check_unit) is missing
 * data: a rule read a blank cell, or the count the rules set is blank.
 * A plan leaves it as it is, unresolved. */
#define check_missing(c, r, k) ((c)->req[r].miss_rule >= 0 || ((c)->req[r].nrules && units_blank((c)->u, r, k)))


/* The interval a plan aims at: T = M ∩ S when not empty, else M (empty
 * on a must conflict). */
Span req_target(const Req *q);
/* Whether x and y are the same count, within the tolerance of ratios. */
bool num_near(double x, double y);
/* lo > hi, beyond the tolerance. */
bool span_empty(double lo, double hi);
/* How a count stands against one interval [lo, hi]: under, over, ok, or
 * conflict when no count is in it (equal within num_near). */
Status span_status(double actual, double lo, double hi);
/* ceil(q / n) and floor(q / n), q >= 0, n > 0: exact for whole numbers
 * below 2^53; otherwise a quotient within 1e-9 (relative) of a whole
 * number counts as that number. */
double ceil_div(double q, double n);
double floor_div(double q, double n);

/* A finding against an earlier run's (check --baseline): worse and
 * better are the same finding further from or nearer its interval. */
enum { BASE_NONE, BASE_NEW, BASE_UNCHANGED, BASE_WORSE, BASE_BETTER };

/* "new", "unchanged", "worse", "better" (json); SARIF says "updated"
 * for worse and better. */
const char *base_name(int base);
/* Whether it fails a run with a baseline: new or worse. */
static inline bool
base_counts(int base)
{
	return base == BASE_NEW || base == BASE_WORSE;
}

typedef struct Finding {
	Str id;			/* the unit's, for sorting */
	uint64_t key;		/* its first 8 bytes, big-endian: most
				 * comparisons need no more */
	const char *role_name;
	int unit, role;
	double actual;
	Verdict v;
	unsigned char base;	/* BASE_*: with a baseline, new or unchanged */
	int waiver;		/* 1 + the waiver that covers it, or 0 */
	int miss_unit, miss_col;	/* ST_MISSING: the blank cell (Blank's) */
} Finding;

/* How far a finding's count is from the interval it was compared with
 * (under or over), or NAN for a finding of another status. */
double finding_gap(const Finding *f);
/* Where finding b stands against a of the same unit, role and rule:
 * BASE_UNCHANGED, BASE_WORSE or BASE_BETTER, by gap (NAN: unchanged). */
int base_by_gap(double was, double now);

typedef struct Check {
	const Program *p;
	Units *u;
	Diag *diag;
	Eval *ev;		/* the evaluator the rules run on */
	signed char *scope_ok;	/* per scope, for the current unit: -1 unknown */
	int *scope_miss;	/* per scope, its condition's blank cell
				 * (unit, col) when it read one, else unit -1:
				 * the unit counts as in it, its rules missing */
	int scope_unit;
	Req *req;		/* per role, for the current unit */
	int *yield, nyield;	/* the rules that yielded, in file order */
	int *failed, nfailed;	/* the asserts that failed, in file order:
				 * rule, then the blank cell it read (unit,
				 * col) or -1 */
	Finding *f;
	int nf, capf;
	int errors, warnings;
	/* check_run over every unit: how far each rule got (its best
	 * Applied: AP_YIELD when it set a requirement somewhere) and
	 * whether some unit is in each scope; NULL otherwise */
	unsigned char *reached, *scope_hit;
} Check;

void check_init(Check *c, const Program *p, Units *u, Diag *d);
/* A checker for one part of a parallel run over whole's units and
 * counts: quiet (a runtime error is not said: the caller runs again on
 * one thread to say it), reading the aggregates over descendants whole
 * has worked out (check_prepare, before the parts start). */
void check_init_part(Check *part, const Check *whole);
/* Works out the aggregates over descendants once, for the parts. */
void check_prepare(Check *c);
/* The counts the rules read from now on: a plan's, or NULL for the
 * loaded ones. */
void check_use_counts(Check *c, const Counts *counts);
/* Works out expression x on unit k quietly, every read added to *trace
 * (explain shows them); false when it cannot be worked out. */
bool check_traced(Check *c, int x, int k, EvalTrace *trace, double *value);
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
/* 1 if pool `pool` may place into unit k, 0 if not, -1 after a
 * runtime error. */
int check_pool(Check *c, int pool, int k);
/* The clause of sugar rule r that unit k chooses: -1 none, -2 after a
 * runtime error. */
int check_choose(Check *c, int r, int k);
/* The interval of an amount, before any ratio. */
void amount_interval(const RClause *a, double *lo, double *hi);
/* Forgets what was worked out for a unit: its counts have changed. */
void check_forget(Check *c);
/* Every rule on unit k, combined into c->req.  False on a runtime error. */
bool check_unit(Check *c, int k);
void check_free(Check *c);
/* The missing finding of unit k's count of role r, after check_unit
 * (check_missing): the rule that read a blank cell, and the cell; or,
 * when the count is blank, the first rule that sets it. */
Finding finding_missing(const Check *c, int k, int r);
/* Adds finding f to c's (its key worked out), counting its severity. */
void check_add_finding(Check *c, Finding f);
/* The findings of units from..to (those selected), in c: one part of
 * check_run (check_all.h), the loop its time goes in.  False after a
 * runtime error. */
bool check_range(Check *c, const bool *selected, int from, int to);


#endif
