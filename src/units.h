/* units.h: the organisation as columns (SPEC §3).
 *
 * One array per column, indexed by unit; texts are indexes in the
 * Program's text table, so comparing two is comparing two ints.  The
 * hierarchy is a parent column, the children in one array (CSR) and a
 * preorder, in which a unit's descendants are the units right after it.
 * Ownership: a Units owns its arrays; its strings point into the data
 * file's text, held by the Diag that read it.
 */
#ifndef COPLAN_UNITS_H
#define COPLAN_UNITS_H

#include "program.h"

/* What coplan holds, at most: bigger inputs get an error, not a crash. */
#define DATA_MAX_FILE ((size_t)4 << 30)		/* bytes of a data file */
enum {
	UNITS_MAX = 10000000,
	UNITS_MAX_CELLS = 400000000,		/* units x (roles + attributes) */
};

typedef struct Str {
	const char *s;
	int len;
} Str;

typedef struct Units {
	int n, cap;
	int nroles, nattrs;
	Str *id, *name;
	int *line;		/* where each unit is in its file */
	int *kind;		/* text index */
	int *parent;		/* unit index, -1 for a root */
	Str *parent_id;		/* as written, until the hierarchy is built */
	double **count;		/* count[role][unit] */
	double *headcount;	/* the sum of every role */
	Type *attr_type;	/* each attribute's: only its column exists */
	double **num;		/* num[attr][unit], for number attributes */
	int **text;		/* text[attr][unit] */
	int **set_off, **set_len;	/* set attributes: items in setpool */
	int *setpool; int nsetpool, capsetpool;
	int *id_str, *name_str;	/* text indexes of ids and names, when
				 * the rules compare them (else NULL) */
	/* the hierarchy */
	int *child_start, *child;	/* children of u: child[child_start[u]..child_start[u+1]) */
	int *order, *pre, *size;	/* descendants of u: order[pre[u]+1 .. pre[u]+size[u]) */
	int *hash; int hcap;		/* id -> unit */
	int file;			/* the units file in the Diag */
	Arena arena;
} Units;

typedef struct LoadOptions {
	char delimiter;		/* 0: detect */
	bool roster;		/* counts come from a roster: no role columns */
} LoadOptions;

/* Reads a data file whole (at most DATA_MAX_FILE bytes); NULL after
 * saying why. */
char *data_read(Diag *d, const char *path, size_t *len);

/* Reads the units table at path into u, for the roles and attributes of
 * p (whose text table takes the data's texts).  Errors and warnings go to
 * d; returns the number of errors. */
int units_load(Units *u, Program *p, Diag *d, const char *path, const LoadOptions *o);
/* The same over text (NUL-terminated, malloc'd: the Diag takes it). */
int units_load_text(Units *u, Program *p, Diag *d, const char *path, char *text,
		    size_t len, const LoadOptions *o);
/* A decimal as data writes it: optional sign, digits, one '.' (or ','
 * when comma), digits, spaces around; no exponent, no nan. */
bool parse_decimal(const char *s, int len, bool comma, double *out);
/* The unit with this id, or -1. */
int units_find(const Units *u, const char *s, int len);
/* The units in byte order of their ids, as reports list them (malloc'd). */
int *units_by_id(const Units *u);
/* Recomputes headcount after the counts change. */
void units_headcount(Units *u);
void units_free(Units *u);

/* Reads a roster (SPEC §3.2) into u's counts: rows per (unit, role), or
 * the sum of `fte` when fte is set.  Returns the number of errors. */
int roster_load(Units *u, Program *p, Diag *d, const char *path, char delimiter, bool fte);
/* The same over file `file` of d, already read. */
int roster_load_file(Units *u, Program *p, Diag *d, int file, char delimiter, bool fte);

#endif
