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

#include "col.h"
#include "hash.h"
#include "csv.h"
#include "program.h"

/* What coplan holds, at most: bigger inputs get an error, not a crash.
 * DATA_MAX_FILE (csv.h) bounds the bytes of a data file. */
enum {
	UNITS_MAX = 10000000,
	UNITS_MAX_CELLS = 400000000,		/* units x (roles + attributes) */
	UNITS_MAX_SET = 100000,			/* items in one set cell */
};
/* The largest count a table may give: every whole number up to it is
 * held exactly (a double's 53 bits). */
#define COUNT_MAX 9007199254740991.0

/* Text in Units.pool. */
typedef struct Ref {
	uint32_t off, len;
} Ref;

/* Counts per role and their sum, per unit: the organisation's as loaded
 * (Units.counts), or what a plan proposes. */
typedef struct Counts {
	Col *count;		/* count[role] */
	Col headcount;		/* the sum of every role */
} Counts;

static inline double
counts_get(const Counts *c, int r, int k)
{
	return col_get(&c->count[r], k);
}

/* A blank cell of a number or role column: missing data. */
typedef struct Blank {
	int unit;
	int col;		/* a role r >= 0; an attribute a as -(a + 1) */
	int line;		/* its line in the units file */
} Blank;

typedef struct Units {
	int n, cap;
	int nroles, nattrs;	/* nattrs: the program's, then the extra
				 * text columns (LoadOptions.extra) */
	/* unit k's id is at id[k] in the pool, its length first (7 bits
	 * a byte, the high bit: more bytes); its name follows, the same */
	uint32_t *id;
	char *pool; size_t npool, cappool;
	/* Where each unit is in its file (units_line): the units whose
	 * line is not the one after the unit before's, with their lines
	 * (the first unit always).  Dropped once read unless
	 * LoadOptions.keep_lines: none then. */
	struct LineJump { int unit, line; } *jumps;
	int njumps, capjumps;
	int *roster_line;	/* with keep_lines and a roster: each unit's
				 * first row there (0: none), in file roster_file */
	int roster_file;
	int *kind;		/* text index */
	int *parent;		/* unit index, -1 for a root */
	Counts counts;		/* as loaded: never changed after */
	bool roster;		/* the counts come from a roster, which
				 * stores them (roster.h): none before */
	Type *attr_type;	/* each attribute's: only its column exists */
	char **extra_name;	/* the extra text columns' names */
	double **num;		/* num[attr][unit], for number attributes */
	int **text;		/* text[attr][unit] */
	int **set_off, **set_len;	/* set attributes: items in setpool */
	int *setpool; int nsetpool, capsetpool;
	int *id_str, *name_str;	/* text indexes of ids and names, when
				 * the rules compare them (else NULL) */
	/* the hierarchy */
	int *child_start, *child;	/* children of u: child[child_start[u]..child_start[u+1]) */
	int *order, *pre, *size;	/* descendants of u: order[pre[u]+1 .. pre[u]+size[u]) */
	/* missing data (blank cells, unless --blank zero): in unit order;
	 * per role, a byte per unit (NULL: none blank); per unit, whether
	 * a role is blank (its headcount is then missing too); a blank
	 * number attribute is NAN in num */
	Blank *blanks; int nblanks, capblanks;
	unsigned char **blank_role, *blank_any;
	Hash ids;			/* id -> unit */
	int file;			/* the units file in the Diag */
	Arena arena;
} Units;

/* A length in the pool, at *q: *q moves past it. */
static inline uint32_t
pool_len(const unsigned char **q)
{
	uint32_t n = 0;
	for (int shift = 0;; shift += 7) {
		n |= (uint32_t)(**q & 0x7f) << shift;
		if (!(*(*q)++ & 0x80))
			return n;
	}
}

static inline Str
units_id(const Units *u, int k)
{
	const unsigned char *q = (const unsigned char *)u->pool + u->id[k];
	uint32_t n = pool_len(&q);
	return (Str){(const char *)q, (int)n};
}

static inline Str
units_name(const Units *u, int k)
{
	const unsigned char *q = (const unsigned char *)u->pool + u->id[k];
	q += pool_len(&q);
	uint32_t n = pool_len(&q);
	return (Str){(const char *)q, (int)n};
}

static inline double
units_count(const Units *u, int r, int k)
{
	return counts_get(&u->counts, r, k);
}

typedef struct LoadOptions {
	char delimiter;		/* 0: detect */
	bool roster;		/* counts come from a roster: no role columns */
	char decimal;		/* ',' or '.'; 0: ',' in a ';' table, else '.' */
	bool keep_lines;	/* keep Units.line: reports point at rows */
	bool blank_zero;	/* --blank zero: a blank number or count is 0 */
	int encoding;		/* encoding.h: the files' (read as UTF-8) */
	/* columns no rule reads, read as texts all the same (--totals-by):
	 * after the program's attributes, text[p->nattrs + i]; the table
	 * must have each */
	char *const *extra;
	int nextra;
} LoadOptions;

/* Whether unit k's count of role r is blank (missing). */
static inline bool
units_blank(const Units *u, int r, int k)
{
	return u->blank_role && u->blank_role[r] && u->blank_role[r][k];
}
/* The blank cell of unit k in column col (Blank.col), or NULL. */
const Blank *units_blank_cell(const Units *u, int k, int col);
/* Builds blank_role and blank_any from the blanks (the loaders). */
void units_index_blanks(Units *u);

/* The line of unit k in its file; 0 when the lines were dropped. */
int units_line(const Units *u, int k);
/* For the loaders: unit k, the next, is on line `line`. */
void units_set_line(Units *u, int k, int line);
void units_drop_lines(Units *u);

/* The unit with this id, or -1. */
int units_find(const Units *u, const char *s, int len);
/* The unit whose id is one or two letters off id (case aside), or -1. */
int units_closest(const Units *u, const char *id);
/* "; did you mean 'CAR_RM'?" for an id one or two letters off, in buf;
 * or "". */
const char *units_hint(const Units *u, const char *id, char *buf, size_t n);
/* The units of the n ids marked in *selected (calloc'd; left NULL when n
 * is 0): id i alone (--unit), or with under[i] it and every unit below
 * it (--under); false after saying which id no unit has. */
struct Diag;
bool units_select(const Units *u, struct Diag *d, char *const *ids, const bool *under, int n, bool **selected);
/* The text of attribute a at unit k, or where it is blank at its
 * nearest ancestor with one (a ward reads its region's): a text index,
 * STR_EMPTY when none up to the root has one. */
int units_text_up(const Units *u, int a, int k);
/* The name of attribute a of u: the program's, or an extra column's. */
const char *units_attr_name(const Units *u, const Program *p, int a);
/* The units in byte order of their ids, as reports list them (malloc'd). */
int *units_by_id(const Units *u);
/* Sorts n unit indexes in byte order of their ids. */
void units_sort_by_id(const Units *u, int *order, int n);
/* Frees the id map, when no more units will be looked up by id. */
void units_drop_index(Units *u);
/* Works out c->headcount from c->count over n units. */
void counts_headcount(Counts *c, int nroles, int n);
void units_free(Units *u);

/* For the loaders (table.c, roster.c): */
/* Copies text into the pool. */
Ref units_pool_add(Units *u, const char *s, int len);
/* Copies an id and a name into the pool, as units_id and units_name
 * read them; returns where they are. */
uint32_t units_pool_add_unit(Units *u, Str id, Str name);
/* Room in every column for want units (at least). */
void units_grow(Units *u, int want);
/* Room for n units and their ids: no growing while they are read. */
void units_reserve(Units *u, int n);
/* Adds unit k, whose id hashes to h, to the id map; returns the unit
 * that already has its id, or -1. */
int units_add_id(Units *u, int k, unsigned h);

#endif
