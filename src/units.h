/* units.h: the organisation as columns.
 *
 * One array per column, indexed by unit; texts are indexes in the
 * Program's text table, so comparing two is comparing two ints.  The
 * hierarchy is a parent column, the children in one array (CSR) and a
 * preorder, in which a unit's descendants are the units right after it.
 * Counts are whole numbers in narrow columns (8, 16 or 32 bits), and
 * doubles only in a column where one is not whole; ids and names are
 * in one pool of text.  The data file is read as a stream: nothing of
 * it stays in memory but what the columns hold.
 * Ownership: a Units owns its arrays and its pool.
 */
#ifndef COPLAN_UNITS_H
#define COPLAN_UNITS_H

#include <stdint.h>

#include "csv.h"
#include "program.h"

/* What coplan holds, at most: bigger inputs get an error, not a crash.
 * DATA_MAX_FILE (csv.h) bounds the bytes of a data file. */
enum {
	UNITS_MAX = 10000000,
	UNITS_MAX_CELLS = 400000000,		/* units x (roles + attributes) */
	UNITS_MAX_SET = 100000,			/* items in one set cell */
};

typedef struct Str {
	const char *s;
	int len;
} Str;

/* Text in Units.pool. */
typedef struct Ref {
	uint32_t off, len;
} Ref;

/* A column of counts: w bytes a value, 1, 2 or 4 for whole numbers, 8
 * for doubles. */
typedef struct Col {
	void *p;
	int w;
} Col;

static inline double
col_get(const Col *c, int k)
{
	switch (c->w) {
	case 1: return ((const uint8_t *)c->p)[k];
	case 2: return ((const uint16_t *)c->p)[k];
	case 4: return ((const uint32_t *)c->p)[k];
	default: return ((const double *)c->p)[k];
	}
}

/* Stores v, which fits the column's width. */
static inline void
col_put(Col *c, int k, double v)
{
	switch (c->w) {
	case 1: ((uint8_t *)c->p)[k] = (uint8_t)v; break;
	case 2: ((uint16_t *)c->p)[k] = (uint16_t)v; break;
	case 4: ((uint32_t *)c->p)[k] = (uint32_t)v; break;
	default: ((double *)c->p)[k] = v; break;
	}
}

/* Whether v fits a column w bytes wide. */
static inline bool
col_fits(double v, int w)
{
	if (w == 8)
		return true;
	double top = w == 1 ? 255 : w == 2 ? 65535 : 4294967295.0;
	return v >= 0 && v <= top && v == (double)(uint32_t)v;
}

/* Widens a column of cap values, the first n in use, to hold v. */
void col_widen(Col *c, int cap, int n, double v);

/* Sets value k of a column of cap values, the first n of them in use;
 * the column widens when v needs it. */
static inline void
col_set(Col *c, int cap, int n, int k, double v)
{
	if (!col_fits(v, c->w))
		col_widen(c, cap, n, v);
	col_put(c, k, v);
}
/* Narrows a column of n values to the least width that holds them. */
void col_fit(Col *c, int n);
/* A copy of the first n values, in a column of cap. */
Col col_copy(const Col *c, int cap, int n);
void col_free(Col *c);

typedef struct Units {
	int n, cap;
	int nroles, nattrs;
	Ref *id, *name;
	char *pool; size_t npool, cappool;
	int *line;		/* where each unit is in its file; freed
				 * once read unless LoadOptions.keep_lines */
	int *roster_line;	/* with keep_lines and a roster: each unit's
				 * first row there (0: none), in file roster_file */
	int roster_file;
	int *kind;		/* text index */
	int *parent;		/* unit index, -1 for a root */
	Col *count;		/* count[role], of every unit */
	Col headcount;		/* the sum of every role */
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

static inline Str
units_id(const Units *u, int k)
{
	return (Str){u->pool + u->id[k].off, (int)u->id[k].len};
}

static inline Str
units_name(const Units *u, int k)
{
	return (Str){u->pool + u->name[k].off, (int)u->name[k].len};
}

static inline double
units_count(const Units *u, int r, int k)
{
	return col_get(&u->count[r], k);
}

typedef struct LoadOptions {
	char delimiter;		/* 0: detect */
	bool roster;		/* counts come from a roster: no role columns */
	char decimal;		/* ',' or '.'; 0: ',' in a ';' table, else '.' */
	bool keep_lines;	/* keep Units.line: reports point at rows */
} LoadOptions;

/* Reads the units table at path into u, for the roles and attributes of
 * p (whose text table takes the data's texts), a piece at a time.
 * Errors and warnings go to d; returns the number of errors. */
int units_load(Units *u, const Program *p, Diag *d, const char *path, const LoadOptions *o);
/* The same over text in memory (NUL-terminated, malloc'd: the Diag
 * takes it). */
int units_load_text(Units *u, const Program *p, Diag *d, const char *path, char *text,
		    size_t len, const LoadOptions *o);
/* A decimal as data writes it: optional sign, digits, a decimal mark,
 * digits, spaces around; no exponent, no nan.  The mark is '.', or with
 * comma ',' with '.' grouping thousands in threes. */
bool parse_decimal(const char *s, int len, bool comma, double *out);
/* Why a cell that is not a number in one convention is one in the
 * other: "; ... give --decimal dot", or "". */
const char *decimal_hint(const char *s, int len, bool comma);
/* The unit with this id, or -1. */
int units_find(const Units *u, const char *s, int len);
/* The units in byte order of their ids, as reports list them (malloc'd). */
int *units_by_id(const Units *u);
/* Frees the id map, when no more units will be looked up by id. */
void units_drop_index(Units *u);
/* Recomputes headcount after the counts change. */
void units_headcount(Units *u);
void units_free(Units *u);

/* Reads a roster into u's counts: rows per (unit, role), or
 * the sum of `fte` when fte is set.  Returns the number of errors. */
int roster_load(Units *u, const Program *p, Diag *d, const char *path, const LoadOptions *o, bool fte);
/* The same over file `file` of d (its text, or its path). */
int roster_load_file(Units *u, const Program *p, Diag *d, int file, const LoadOptions *o, bool fte);

#endif
