/* units.c: the organisation's columns: growing them, the pool of ids
 * and names, the id map, the units in order of id. */
#define _GNU_SOURCE	/* qsort_r */
#include "units.h"
#include "msg.h"
#include "diag.h"
#include "suggest.h"

#include <errno.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A unit's index fits the low bits of an entry of the id map; the 7 bits
 * above are its id's hash's, which tell most other ids apart. */
enum { UNIT_BITS = 24 };
_Static_assert((long)UNITS_MAX < (1L << UNIT_BITS), "a unit's index fits an entry of the id map");

static Str
id_key(const void *owner, int k)
{
	const Units *u = owner;
	Str id = units_id(u, k);
	return id.len ? id : (Str){NULL, 0};	/* an empty id is not in the map */
}

int
units_find(const Units *u, const char *s, int len)
{
	unsigned at;
	return hash_find(&u->ids, s, (size_t)len, mem_hash(s, (size_t)len), id_key, u, &at);
}

/* The id map may be three quarters full (the Hash's own limit is half):
 * its slots are most of what a unit costs while the table is read, and
 * the 7 bits of hash beside each entry keep the longer probes cheap. */
static int
id_room(int n)
{
	return (int)(((long)n * 2 + 2) / 3);
}

int
units_add_id(Units *u, int k, unsigned h)
{
	if (!u->ids.bits)
		u->ids = hash_make(UNIT_BITS);
	hash_reserve(&u->ids, id_room(k + 1), k, id_key, u);
	Str id = units_id(u, k);
	unsigned at;
	int j = hash_find(&u->ids, id.s, (size_t)id.len, h, id_key, u, &at);
	if (j < 0)
		hash_put(&u->ids, at, h, k);
	return j;
}

void
units_set_line(Units *u, int k, int line)
{
	const struct LineJump *j = u->njumps ? &u->jumps[u->njumps - 1] : NULL;
	if (j && line == j->line + (k - j->unit))
		return;
	vec_grow((void **)&u->jumps, u->njumps, &u->capjumps, sizeof *u->jumps);
	u->jumps[u->njumps++] = (struct LineJump){k, line};
}

int
units_line(const Units *u, int k)
{
	if (!u->njumps)
		return 0;
	int lo = 0, hi = u->njumps - 1;	/* the last jump at or before k */
	while (lo < hi) {
		int mid = (lo + hi + 1) / 2;
		if (u->jumps[mid].unit <= k)
			lo = mid;
		else
			hi = mid - 1;
	}
	return u->jumps[lo].line + (k - u->jumps[lo].unit);
}

void
units_drop_lines(Units *u)
{
	free(u->jumps);
	u->jumps = NULL;
	u->njumps = u->capjumps = 0;
}

/* Copies a length into the pool, as pool_len reads it. */
static void
pool_add_len(Units *u, uint32_t v)
{
	unsigned char len[5];
	int n = 0;
	do {
		len[n] = (unsigned char)(v & 0x7f);
		v >>= 7;
		len[n++] |= v ? 0x80 : 0;
	} while (v);
	units_pool_add(u, (const char *)len, n);
}

uint32_t
units_pool_add_unit(Units *u, Str id, Str name)
{
	uint32_t at = (uint32_t)u->npool;
	pool_add_len(u, (uint32_t)id.len);
	units_pool_add(u, id.s, id.len);
	pool_add_len(u, (uint32_t)name.len);
	units_pool_add(u, name.s, name.len);
	return at;
}

/* Copies text into the pool. */
Ref
units_pool_add(Units *u, const char *s, int len)
{
	if (u->npool + (size_t)len > u->cappool) {
		size_t cap = u->cappool ? u->cappool * 2 : 65536;
		while (u->npool + (size_t)len > cap)
			cap *= 2;
		u->pool = xrealloc(u->pool, cap);
		u->cappool = cap;
	}
	Ref r = {(uint32_t)u->npool, (uint32_t)len};
	if (len)
		memcpy(u->pool + u->npool, s, (size_t)len);
	u->npool += (size_t)len;
	return r;
}

void
units_grow(Units *u, int want)
{
	int cap = want > u->cap ? want : u->cap ? u->cap * 2 : 1024;
	u->id = xrealloc(u->id, (size_t)cap * sizeof *u->id);
	u->kind = xrealloc(u->kind, (size_t)cap * sizeof *u->kind);
	u->parent = xrealloc(u->parent, (size_t)cap * sizeof *u->parent);
	for (int r = 0; r < u->nroles && !u->roster; r++)
		u->counts.count[r].p = xrealloc(u->counts.count[r].p, (size_t)cap * (size_t)u->counts.count[r].w);
	if (!u->roster)
		u->counts.headcount.p = xrealloc(u->counts.headcount.p, (size_t)cap * (size_t)u->counts.headcount.w);
	for (int a = 0; a < u->nattrs; a++) {
		/* only the column of the attribute's type */
		if (u->attr_type[a] == T_NUM)
			u->num[a] = xrealloc(u->num[a], (size_t)cap * sizeof **u->num);
		else if (u->attr_type[a] == T_TEXT)
			u->text[a] = xrealloc(u->text[a], (size_t)cap * sizeof **u->text);
		else {
			u->set_off[a] = xrealloc(u->set_off[a], (size_t)cap * sizeof **u->set_off);
			u->set_len[a] = xrealloc(u->set_len[a], (size_t)cap * sizeof **u->set_len);
		}
	}
	u->cap = cap;
}

/* Room for n units and their ids: no growing while they are read. */
void
units_reserve(Units *u, int n)
{
	units_grow(u, n);
	if (!u->ids.bits)
		u->ids = hash_make(UNIT_BITS);
	hash_reserve(&u->ids, id_room(n), 0, id_key, u);
}

static int
cmp_id(const void *pa, const void *pb, void *arg)
{
	const Units *u = arg;
	Str x = units_id(u, *(const int *)pa), y = units_id(u, *(const int *)pb);
	int d = memcmp(x.s, y.s, (size_t)(x.len < y.len ? x.len : y.len));
	return d ? d : (x.len > y.len) - (x.len < y.len);
}

int *
units_by_id(const Units *u)
{
	int *order = xmalloc((size_t)(u->n ? u->n : 1) * sizeof *order);
	for (int k = 0; k < u->n; k++)
		order[k] = k;
	units_sort_by_id(u, order, u->n);
	return order;
}

void
units_sort_by_id(const Units *u, int *order, int n)
{
	if (n > 1)
		qsort_r(order, (size_t)n, sizeof *order, cmp_id, (void *)u);
}

void
units_drop_index(Units *u)
{
	hash_free(&u->ids);
}

void
counts_headcount(Counts *c, int nroles, int n)
{
	Col h = {xmalloc((size_t)(n ? n : 1)), 1};
	for (int k = 0; k < n; k++) {
		double v = 0;
		for (int r = 0; r < nroles; r++)
			v += counts_get(c, r, k);
		col_set(&h, n, k, k, v);
	}
	col_free(&c->headcount);
	c->headcount = h;
}

typedef struct IdCopy {		/* closest_name's view of the ids */
	const Units *u;
	char buf[128];
} IdCopy;

static const char *
id_text(const void *ctx, int k)
{
	IdCopy *c = (IdCopy *)ctx;
	Str s = units_id(c->u, k);
	if (s.len >= (int)sizeof c->buf)
		return NULL;
	memcpy(c->buf, s.s, (size_t)s.len);
	c->buf[s.len] = 0;
	return c->buf;
}

int
units_closest(const Units *u, const char *id)
{
	IdCopy c = {.u = u};
	return closest_name(id, u->n, id_text, &c, suggest_cap(id));
}

const Blank *
units_blank_cell(const Units *u, int k, int col)
{
	int lo = 0, hi = u->nblanks;	/* the first of unit k */
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (u->blanks[mid].unit < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < u->nblanks && u->blanks[lo].unit == k; lo++)
		if (u->blanks[lo].col == col)
			return &u->blanks[lo];
	return NULL;
}

void
units_index_blanks(Units *u)
{
	for (int i = 0; i < u->nblanks; i++) {
		const Blank *b = &u->blanks[i];
		if (b->col < 0)
			continue;
		if (!u->blank_role)
			u->blank_role = xcalloc((size_t)u->nroles + 1, sizeof *u->blank_role);
		if (!u->blank_any)
			u->blank_any = xcalloc((size_t)(u->n ? u->n : 1), 1);
		if (!u->blank_role[b->col])
			u->blank_role[b->col] = xcalloc((size_t)(u->n ? u->n : 1), 1);
		u->blank_role[b->col][b->unit] = u->blank_any[b->unit] = 1;
	}
}

void
units_free(Units *u)
{
	for (int r = 0; u->blank_role && r < u->nroles; r++)
		free(u->blank_role[r]);
	free(u->blank_role);
	free(u->blank_any);
	free(u->blanks);
	for (int r = 0; r < u->nroles; r++)
		if (u->counts.count)
			col_free(&u->counts.count[r]);
	for (int a = 0; a < u->nattrs; a++) {
		free(u->num[a]);
		free(u->text[a]);
		free(u->set_off[a]);
		free(u->set_len[a]);
	}
	void *arrays[] = {
		u->counts.count, u->num, u->text, u->set_off, u->set_len, u->attr_type,
		u->id, u->jumps, u->roster_line, u->kind, u->parent,
		u->pool, u->setpool, u->id_str, u->name_str,
		u->child_start, u->child, u->order, u->pre, u->size,
	};
	for (size_t i = 0; i < sizeof arrays / sizeof *arrays; i++)
		free(arrays[i]);
	col_free(&u->counts.headcount);
	hash_free(&u->ids);
	arena_free(&u->arena);
	memset(u, 0, sizeof *u);
}

const char *
units_hint(const Units *u, const char *id, char *buf, size_t n)
{
	int k = units_closest(u, id);
	if (k < 0)
		return "";
	Str s = units_id(u, k);
	snprintf(buf, n, _("; did you mean '%.*s'?"), s.len, s.s);
	return buf;
}

int
units_text_up(const Units *u, int a, int k)
{
	for (int j = k; j >= 0; j = u->parent[j])
		if (u->text[a][j] != STR_EMPTY)
			return u->text[a][j];
	return STR_EMPTY;
}

const char *
units_attr_name(const Units *u, const Program *p, int a)
{
	return a < p->nattrs ? p->attrs[a].name : u->extra_name[a - p->nattrs];
}

bool
units_select(const Units *u, struct Diag *d, char *const *ids, const bool *under, int n, bool **selected)
{
	if (!n)
		return true;
	bool ok = true, below = false;
	bool *sel = *selected = xcalloc((size_t)(u->n ? u->n : 1), sizeof **selected);
	/* a subtree's root: 1; then each unit 1 (below a root) or 2 (not) */
	unsigned char *root = xcalloc((size_t)(u->n ? u->n : 1), 1);
	for (int i = 0; i < n; i++) {
		int k = units_find(u, ids[i], (int)strlen(ids[i]));
		if (k < 0) {
			char hint[256];
			diag_plain(d, "no unit has the id '%s' (given with %s)%s", ids[i],
				   under && under[i] ? "--under" : "--unit", units_hint(u, ids[i], hint, sizeof hint));
			ok = false;
		} else if (under && under[i]) {
			root[k] = 1, below = true;
		} else {
			sel[k] = true;
		}
	}
	for (int k = 0; below && k < u->n; k++) {
		int top = k;	/* up to a unit whose answer is known, or a root */
		while (!root[top] && u->parent[top] >= 0)
			top = u->parent[top];
		unsigned char in = root[top] ? root[top] : 2;
		for (int j = k; !root[j]; j = u->parent[j]) {	/* the path remembers it */
			root[j] = in;
			if (u->parent[j] < 0)
				break;
		}
		sel[k] |= in == 1;
	}
	free(root);
	return ok;
}
