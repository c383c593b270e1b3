/* table.c: read the units table into columns, a piece at a time; check
 * every cell; build the hierarchy. */
#define _GNU_SOURCE	/* qsort_r */
#include "table.h"
#include "msg.h"
#include "encoding.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "header.h"
#include "hierarchy.h"
#include "number.h"

/* The text index of a cell; the same cell as the row before costs a
 * comparison, not a hash. */
static int
intern_cell(const Program *p, Column *col, Str t)
{
	for (int i = 0; i < 4; i++) {
		int k = col->recent[i];
		if (k >= 0 && t.len == p->strs->len[k] && memcmp(t.s, p->strs->text[k], (size_t)t.len) == 0)
			return k;
	}
	return col->recent[col->nrecent++ % 4] = strtab_intern(p->strs, t.s, (size_t)t.len);
}

/* Sizes the columns and the id map for the units the source seems to
 * hold: no growing on the way. */
static void
presize(Units *u, const Rows *r)
{
	size_t n = r->rows_hint;
	units_reserve(u, n < 1024 ? 1024 : n < UNITS_MAX ? (int)n : UNITS_MAX);
}

/* "A|B | C" -> sorted, distinct text indexes in the set pool; a cell
 * written as the one above it shares its items. */
static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* A set cell's items, sorted and without repeats; false when there are
 * more than UNITS_MAX_SET. */
static bool
read_set(Units *u, const Program *p, Column *col, int k, const char *s, int len)
{
	int a = col->index;
	if (len == col->set_len && memcmp(s, col->set_text, (size_t)len) == 0) {
		u->set_off[a][k] = col->set_off;
		u->set_len[a][k] = col->set_n;
		return true;
	}
	int start = u->nsetpool;
	int i = 0;
	while (i <= len) {
		int j = i;
		while (j < len && s[j] != '|')
			j++;
		Str item = str_trim(s + i, j - i);
		if (item.len) {
			if (u->nsetpool - start == UNITS_MAX_SET) {
				u->nsetpool = start;
				return false;
			}
			vec_grow((void **)&u->setpool, u->nsetpool, &u->capsetpool, sizeof *u->setpool);
			u->setpool[u->nsetpool++] = strtab_intern(p->strs, item.s, (size_t)item.len);
		}
		i = j + 1;
	}
	if (u->nsetpool - start > 1)	/* sorted once: n log n, however long */
		qsort(u->setpool + start, (size_t)(u->nsetpool - start), sizeof *u->setpool, cmp_int);
	int n = u->nsetpool - start;
	int m = 0;
	for (int x = 0; x < n; x++)
		if (m == 0 || u->setpool[start + x] != u->setpool[start + m - 1])
			u->setpool[start + m++] = u->setpool[start + x];
	u->nsetpool = start + m;
	u->set_off[a][k] = start;
	u->set_len[a][k] = m;
	col->set_len = -1;
	if (len <= (int)sizeof col->set_text) {
		memcpy(col->set_text, s, (size_t)len);
		col->set_len = len;
		col->set_off = start;
		col->set_n = m;
	}
	return true;
}

/* Tables from this size up are read on two threads (table.h). */
size_t feed_least = 4 << 20;

/* A parent named before its unit: resolved when all are read. */
typedef struct Pending {
	int unit;
	Ref id;
	Loc loc;
} Pending;

typedef struct Load {
	Rows *c;
	Units *u;
	const Program *p;
	Diag *d;
	Column *cols;
	Pending *pend;
	int npend, cappend;
	int id_field;		/* the column of ids */
	int recent[4];		/* parents found last: rows near each
				 * other often share one */
	unsigned nrecent;
	bool comma;		/* ',' is the decimal mark, '.' groups */
	bool blank_zero;	/* a blank number or count reads 0 */
} Load;

/* A blank cell of column col (Blank.col) on the row of unit k: missing,
 * unless blanks read 0. */
static void
note_blank(Load *l, int k, int col)
{
	Units *u = l->u;
	vec_grow((void **)&u->blanks, u->nblanks, &u->capblanks, sizeof *u->blanks);
	u->blanks[u->nblanks++] = (Blank){k, col, l->c->line};
}

/* Whether unit j (-1: none) has the id t. */
static bool
has_id(const Units *u, int j, Str t)
{
	if (j < 0)
		return false;
	Str x = units_id(u, j);
	return x.len == t.len && memcmp(x.s, t.s, (size_t)t.len) == 0;
}

static void
read_parent(Load *l, int k, int i)
{
	Units *u = l->u;
	Str t = str_trim(l->c->cell[i].s, l->c->cell[i].len);
	u->parent[k] = -1;
	if (!t.len)
		return;
	if (has_id(u, k - 1, t)) {	/* the row before: a chain */
		u->parent[k] = k - 1;
		return;
	}
	for (int r = 0; r < 4; r++) {
		if (has_id(u, l->recent[r], t)) {
			u->parent[k] = l->recent[r];
			return;
		}
	}
	if ((u->parent[k] = units_find(u, t.s, t.len)) >= 0) {
		l->recent[l->nrecent++ % 4] = u->parent[k];
		return;
	}
	vec_grow((void **)&l->pend, l->npend, &l->cappend, sizeof *l->pend);
	l->pend[l->npend++] = (Pending){k, units_pool_add(u, t.s, t.len), rows_loc_text(l->c, t.s, t.len)};
}

/* Field i of the row of unit k, a count of the role of col, but a
 * single digit (read_row reads those). */
static void
read_count(Load *l, int k, int i, const Column *col)
{
	Rows *c = l->c;
	Units *u = l->u;
	const Program *p = l->p;
	bool comma = l->comma;
	Diag *d = l->d;
	const char *s = c->cell[i].s;
	int len = c->cell[i].len;
	double v;
	if (str_blank(s, len)) {
		if (!l->blank_zero)
			note_blank(l, k, col->index);
		return;
	}
	if (!parse_decimal(s, len, comma, &v))
		diag_error(d, rows_loc(c, i), "column '%s': '%.*s' is not a number%s",
			   p->roles[col->index].name, len, s, decimal_hint(s, len, comma));
	else if (v < 0)
		diag_error(d, rows_loc(c, i), "column '%s': a count cannot be negative",
			   p->roles[col->index].name);
	else if (v > COUNT_MAX)	/* a double holds it exactly no more */
		diag_error(d, rows_loc(c, i), "column '%s': '%.*s' is more than a count can be "
			   "(9007199254740991, 2^53 - 1)", p->roles[col->index].name, len, s);
	else
		col_set(&u->counts.count[col->index], u->cap, k, k, v);
}

/* Field i of the row of unit k, a value of the attribute of col. */
static void
read_attr(Load *l, int k, int i, Column *col, const char *s, int len)
{
	Units *u = l->u;
	bool comma = l->comma;
	double v;
	const Attr *at = &l->p->attrs[col->index];
	if (at->type == T_NUM) {
		if (str_blank(s, len)) {
			if (!l->blank_zero) {
				u->num[col->index][k] = NAN;
				note_blank(l, k, -(col->index + 1));
			} else if (at->used && col->blanks++ < 3) {
				col->blank_line[col->blanks - 1] = l->c->line;
			}
			return;
		}
		if (!parse_decimal(s, len, comma, &v))
			diag_error(l->d, rows_loc(l->c, i), "column '%s': '%.*s' is not a number%s",
				   at->name, len, s, decimal_hint(s, len, comma));
		else
			u->num[col->index][k] = v;
	} else if (at->type == T_TEXT) {
		Str t = str_trim(s, len);
		u->text[col->index][k] = intern_cell(l->p, col, t);
	} else {
		if (!read_set(u, l->p, col, k, s, len))
			diag_error(l->d, rows_loc(l->c, i), "column '%s': a set of more than %d items",
				   at->name, UNITS_MAX_SET);
	}
}

/* The bytes of the cells of r's row. */
static size_t
row_bytes(const Rows *r)
{
	size_t n = 0;
	for (int i = 0; i < r->ncells; i++)
		n += (size_t)r->cell[i].len;
	return n;
}

static bool
read_row(Load *l)
{
	Rows *c = l->c;
	Units *u = l->u;
	const Program *p = l->p;
	Diag *d = l->d;
	int k = u->n;
	if (k == UNITS_MAX || (size_t)(k + 1) * (size_t)(p->nroles + p->nattrs + 1) > UNITS_MAX_CELLS ||
	    (u->npool > UINT32_MAX / 2 && u->npool + row_bytes(c) + 16 > UINT32_MAX)) {
		diag_error(d, rows_loc(c, 0), "more units than coplan holds: at most %d, and %d cells in all",
			   UNITS_MAX, UNITS_MAX_CELLS);
		return false;
	}
	if (k == u->cap)
		units_grow(u, 0);
	units_set_line(u, k, c->line);
	Str idt = {"", 0}, name = {"", 0};
	u->parent[k] = -1;
	u->kind[k] = STR_EMPTY;
	for (int r = 0; r < u->nroles && !u->roster; r++)
		col_put(&u->counts.count[r], k, 0);
	for (int a = 0; a < u->nattrs; a++) {
		if (u->attr_type[a] == T_NUM)
			u->num[a][k] = 0;
		else if (u->attr_type[a] == T_TEXT)
			u->text[a][k] = u->kind[k];	/* "" */
		else
			u->set_off[a][k] = u->set_len[a][k] = 0;
	}
	int id_field = -1, parent_field = -1;
	unsigned id_hash = 0;
	for (int i = 0; i < c->ncells; i++) {
		const char *s = c->cell[i].s;
		int len = c->cell[i].len;
		Column *col = &l->cols[i];
		switch (col->what) {
		case COL_ID: {
			idt = str_trim(s, len);
			id_field = i;
			/* its slot in the id map, on its way to the cache while
			 * the rest of the row is read */
			id_hash = mem_hash(idt.s, (size_t)idt.len);
			__builtin_prefetch(&u->ids.slot[id_hash & (unsigned)(u->ids.cap - 1)]);
			break;
		}
		case COL_NAME:
			name = (Str){s, len};
			break;
		case COL_KIND: {
			Str t = str_trim(s, len);
			u->kind[k] = intern_cell(p, col, t);
			if (!p->nkinds)
				break;
			bool ok = false;
			for (int j = 0; j < p->nkinds; j++)
				ok |= p->kinds[j] == u->kind[k];
			if (ok)
				break;
			if (!t.len)
				diag_error(d, rows_loc(c, i), "the kind is empty; it must be one of %s",
					   header_kind_list(p, &u->arena));
			else
				diag_error(d, rows_loc(c, i), "'%.*s' is not a declared kind%s", t.len, t.s,
					   header_kind_hint(p, t, &u->arena));
			break;
		}
		case COL_PARENT:
			parent_field = i;
			break;
		case COL_ROLE:
			if (len == 1 && s[0] >= '0' && s[0] <= '9')	/* most counts */
				col_put(&u->counts.count[col->index], k, s[0] - '0');
			else
				read_count(l, k, i, col);
			break;
		case COL_ATTR:
			read_attr(l, k, i, col, s, len);
			break;
		case COL_EXTRA:
			u->text[col->index][k] = intern_cell(p, col, str_trim(s, len));
			break;
		default:
			break;
		}
	}
	u->id[k] = units_pool_add_unit(u, idt, name);
	if (!u->roster) {
		double h = 0;	/* the headcount, while the row is at hand */
		for (int r = 0; r < u->nroles; r++)
			h += col_get(&u->counts.count[r], k);
		col_set(&u->counts.headcount, u->cap, k, k, h);
	}
	u->n++;
	if (!idt.len) {
		if (d->errors < 1000)
			diag_error(d, rows_loc(c, 0), "the id is empty; every unit needs one");
	} else {
		int j = units_add_id(u, k, id_hash);
		if (j >= 0) {
			Str id = str_trim(c->cell[id_field].s, c->cell[id_field].len);
			diag_error(d, rows_loc_text(c, id.s, id.len), "the id '%.*s' is already used on line %d",
				   id.len, id.s, units_line(u, j));
		}
	}
	if (parent_field >= 0)
		read_parent(l, k, parent_field);
	return true;
}

/* The place of the id of unit k, for messages after the reading (a
 * cycle): a CSV's line is read again. */
static Loc
id_loc(const Units *u, Diag *d, int k, int id_field, char sep)
{
	int line = units_line(u, k);
	if (!sep)
		return (Loc){line, id_field + 1, line, id_field + 2, u->file};
	return rows_csv_reread(d, u->file, sep, line, id_field);
}

static int
build_hierarchy(Units *u, Diag *d, const Load *l)
{
	int errors = d->errors;
	for (int i = 0; i < l->npend; i++) {
		const Pending *q = &l->pend[i];
		Str pid = {u->pool + q->id.off, (int)q->id.len};
		if ((u->parent[q->unit] = units_find(u, pid.s, pid.len)) < 0)
			diag_error(d, q->loc, "column 'parent': no unit has the id '%.*s'", pid.len, pid.s);
	}
	if (d->errors > errors)
		return -1;
	int v = hierarchy_cycle(u);
	if (v >= 0) {
		Buf b = {0};
		int w = v;
		do {
			Str id = units_id(u, w);
			buf_printf(&b, "%.*s -> ", id.len, id.s);
			w = u->parent[w];
		} while (w != v);
		Str id = units_id(u, v);
		buf_printf(&b, "%.*s", id.len, id.s);
		diag_error(d, id_loc(u, d, v, l->id_field, l->c->sep), "the parents go round in a cycle: %s", b.p);
		buf_free(&b);
		return -1;
	}
	/* only what the rules' aggregates walk */
	if (l->p->needs.children || l->p->needs.descendants)
		hierarchy_children(u);
	if (l->p->needs.descendants)
		hierarchy_preorder(u);
	return 0;
}

int
units_load(Units *u, const Program *p, Diag *d, const char *path, const LoadOptions *o)
{
	size_t len = 0;
	char *text = NULL;
	if (o->encoding != ENC_UTF8 && !(text = encoding_read(path, o->encoding, DATA_MAX_FILE, &len))) {
		diag_plain(d, "cannot read '%s': %s", path, strerror(errno));
		return 1;
	}
	return units_load_text(u, p, d, path, text, len, o);
}

/* The columns of u, empty, for the roles and attributes of p. */
static void
units_start(Units *u, const Program *p, int file, const LoadOptions *o)
{
	u->file = file;
	u->nroles = p->nroles;
	u->nattrs = p->nattrs + o->nextra;
	u->roster = o->roster;
	u->counts.count = xcalloc((size_t)p->nroles + 1, sizeof *u->counts.count);
	for (int r = 0; r < p->nroles && !u->roster; r++)
		u->counts.count[r].w = 1;
	u->counts.headcount.w = 1;
	size_t na = (size_t)u->nattrs + 1;
	u->num = xcalloc(na, sizeof *u->num);
	u->text = xcalloc(na, sizeof *u->text);
	u->set_off = xcalloc(na, sizeof *u->set_off);
	u->set_len = xcalloc(na, sizeof *u->set_len);
	u->attr_type = xcalloc(na, sizeof *u->attr_type);
	for (int a = 0; a < u->nattrs; a++)
		u->attr_type[a] = a < p->nattrs ? p->attrs[a].type : T_TEXT;
	u->extra_name = arena_alloc(&u->arena, ((size_t)o->nextra + 1) * sizeof *u->extra_name);
	for (int e = 0; e < o->nextra; e++)
		u->extra_name[e] = arena_strndup(&u->arena, o->extra[e], strlen(o->extra[e]));
}

int
units_load_text(Units *u, const Program *p, Diag *d, const char *path, char *text,
		size_t len, const LoadOptions *o)
{
	int errors = d->errors;
	int file = diag_add_file(d, path, text, len, -1);
	Rows *rs = rows_csv(d, file, o->delimiter, N_("a units table"));
	if (!rs) {
		units_start(u, p, file, o);
		return d->errors - errors;
	}
	units_load_rows(u, p, d, rs, o);
	rows_close(rs);
	return d->errors - errors;
}

int
units_load_rows(Units *u, const Program *p, Diag *d, Rows *rs, const LoadOptions *o)
{
	int errors = d->errors;
	units_start(u, p, rs->file, o);
	Load l = {rs, u, p, d, NULL, NULL, 0, 0, -1, {-1, -1, -1, -1}, 0, false, o->blank_zero};
	l.comma = o->decimal ? o->decimal == ',' : rs->sep == ';';
	presize(u, rs);
	int ncols = header_read(rs, u, p, d, o, &l.cols);
	for (int i = 0; i < ncols; i++)
		if (l.cols[i].what == COL_ID)
			l.id_field = i;
	/* a large table is split into rows on a thread of its own while
	 * this one stores them */
	if (ncols > 0)
		rows_csv_ahead(rs, feed_least, l.id_field);
	/* every error counts: reading stops at the limit */
	while (ncols > 0 && d->errors - errors < DATA_MAX_ERRORS && rows_next(rs) > 0) {
		if (rs->ncells != ncols) {
			Loc at = rows_loc(rs, rs->ncells < ncols ? rs->ncells - 1 : ncols);
			diag_error(d, at, "this line has %d fields, and the header %d", rs->ncells, ncols);
			continue;
		}
		unsigned h;	/* the id map's slot of a row to come */
		if (u->ids.cap && rows_ahead(rs, 8, &h))
			__builtin_prefetch(&u->ids.slot[h & (unsigned)(u->ids.cap - 1)]);
		if (!read_row(&l))
			break;
	}
	rows_done(rs);
	if (d->errors - errors >= DATA_MAX_ERRORS)
		diag_plain(d, "'%s': reading stopped after %d errors; fix these first",
			   d->files[u->file].path, DATA_MAX_ERRORS);
	if (d->errors == errors)
		header_say_blanks(d, l.cols, ncols);
	if (d->errors == errors && ncols > 0 && u->n == 0)
		diag_warning_about(d, "empty-table", NULL, NULL, l.cols[0].loc,
				   "the table has a header but no units: there is nothing to check");
	free(l.cols);
	if (d->errors == errors)
		build_hierarchy(u, d, &l);
	units_index_blanks(u);
	free(l.pend);
	for (int e = 0; e < o->nextra; e++)	/* --totals-by kind */
		if (!strcmp(o->extra[e], "kind") && u->n)
			memcpy(u->text[p->nattrs + e], u->kind, (size_t)u->n * sizeof *u->kind);
	if (d->errors > errors)
		return d->errors - errors;
	if (!o->keep_lines)
		units_drop_lines(u);
	if (p->needs.ids) {
		u->id_str = xmalloc((size_t)(u->n ? u->n : 1) * sizeof *u->id_str);
		for (int k = 0; k < u->n; k++) {
			Str t = units_id(u, k);
			u->id_str[k] = strtab_intern(p->strs, t.s, (size_t)t.len);
		}
	}
	if (p->needs.names) {
		u->name_str = xmalloc((size_t)(u->n ? u->n : 1) * sizeof *u->name_str);
		for (int k = 0; k < u->n; k++) {
			Str t = units_name(u, k);
			u->name_str[k] = strtab_intern(p->strs, t.s, (size_t)t.len);
		}
	}
	return 0;
}
