/* rows.c: the row sources, a CSV (on a thread of its own when large)
 * and a grid of cells in memory, and what every source shares. */
#include "rows.h"
#include "msg.h"

#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "feed.h"
#include "par.h"

typedef struct Named {
	Str name;
	int i;
} Named;

static int
cmp_named(const void *pa, const void *pb)
{
	const Named *a = pa, *b = pb;
	int n = a->name.len < b->name.len ? a->name.len : b->name.len, c = memcmp(a->name.s, b->name.s, (size_t)n);
	if (c || a->name.len != b->name.len)
		return c ? c : a->name.len - b->name.len;
	return a->i - b->i;
}

static int
cmp_pair(const void *pa, const void *pb)
{
	const int *a = pa, *b = pb;
	return a[0] - b[0];
}

int
rows_twice(const Rows *r)
{
	int n = r->ncells, twice = 0;
	Named *v = xmalloc((size_t)(n ? n : 1) * sizeof *v);
	int *dup = xmalloc((size_t)(n ? n : 1) * 2 * sizeof *dup);	/* (column, its first) */
	for (int i = 0; i < n; i++)
		v[i] = (Named){str_trim(r->cell[i].s, r->cell[i].len), i};
	qsort(v, (size_t)n, sizeof *v, cmp_named);
	for (int i = 1, first = 0; i < n; i++) {
		if (cmp_named(&(Named){v[i].name, 0}, &(Named){v[first].name, 0}) != 0) {
			first = i;
			continue;
		}
		if (v[i].name.len) {
			dup[2 * twice] = v[i].i, dup[2 * twice + 1] = v[first].i;
			twice++;
		}
	}
	qsort(dup, (size_t)twice, 2 * sizeof *dup, cmp_pair);
	for (int k = 0; k < twice; k++) {
		const Field *f = &r->cell[dup[2 * k]];
		Str h = str_trim(f->s, f->len);
		diag_error(r->diag, rows_loc(r, dup[2 * k]), "the column '%.*s' appears twice (columns %d and %d)",
			   h.len, h.s, dup[2 * k + 1] + 1, dup[2 * k] + 1);
	}
	free(v);
	free(dup);
	return twice;
}

/* A CSV: its reader, and the view of a batch when a thread splits it. */
typedef struct CsvRows {
	Rows r;
	Csv c;
	Csv view;
	Feed *feed;
	const Csv *cur;		/* c or view: the record just read */
	int end;		/* the last next's answer */
} CsvRows;


static int
csv_rows_next(Rows *r)
{
	CsvRows *cr = (CsvRows *)r;
	int k = cr->end = cr->feed ? feed_next(cr->feed, &cr->view) : csv_next(&cr->c);
	cr->cur = cr->feed ? &cr->view : &cr->c;
	r->cell = cr->cur->f;
	r->ncells = k > 0 ? cr->cur->nf : 0;
	r->line = cr->cur->rec_line;
	return k;
}

static Loc
csv_rows_loc(const Rows *r, int i)
{
	return csv_loc(((const CsvRows *)r)->cur, i);
}

static Loc
csv_rows_loc_text(const Rows *r, const char *s, int len)
{
	return csv_loc_text(((const CsvRows *)r)->cur, s, len);
}

static bool
csv_rows_ahead(const Rows *r, int ahead, unsigned *hash)
{
	const CsvRows *cr = (const CsvRows *)r;
	return cr->feed && feed_ahead(cr->feed, ahead, hash);
}

static void
csv_rows_done(Rows *r)
{
	CsvRows *cr = (CsvRows *)r;
	if (!cr->feed)
		return;
	feed_end(cr->feed, cr->end > 0);	/* stopped early: dropped */
	cr->feed = NULL;
	cr->cur = &cr->c;
}

static void
csv_rows_close(Rows *r)
{
	CsvRows *cr = (CsvRows *)r;
	csv_rows_done(r);
	csv_close(&cr->c);
	free(cr);
}

static const RowsOps csv_ops = {csv_rows_next, csv_rows_loc, csv_rows_loc_text, csv_rows_ahead, csv_rows_done,
				 csv_rows_close};

Rows *
rows_csv(Diag *d, int file, char sep, const char *what)
{
	CsvRows *cr = xcalloc(1, sizeof *cr);
	if (!csv_open(&cr->c, d, file, sep, what)) {
		csv_close(&cr->c);
		free(cr);
		return NULL;
	}
	const Csv *c = &cr->c;
	cr->cur = c;
	cr->r = (Rows){.ops = &csv_ops, .file = file, .diag = d, .sep = c->sep};
	/* the rows of the first piece, scaled to the whole file */
	size_t lines = 1;
	for (const char *q = c->buf, *end = c->buf + c->len; (q = memchr(q, '\n', (size_t)(end - q))); q++)
		lines++;
	if (c->len && c->size > c->len)
		lines = (size_t)((double)lines * ((double)c->size / (double)c->len));
	cr->r.rows_hint = lines;
	return &cr->r;
}

void
rows_csv_ahead(Rows *r, size_t least, int id_field)
{
	if (r->ops != &csv_ops)
		return;	/* not a CSV */
	CsvRows *cr = (CsvRows *)r;
	Csv *c = &cr->c;
	if (cr->feed || cr->end < 0 || par_parts(2, 1) < 2 ||
	    !(c->size >= least || (c->fp && !c->size && !c->eof)))
		return;
	if ((cr->feed = feed_start(c, id_field)))
		cr->view = (Csv){.diag = c->diag, .file = c->file, .what = c->what, .sep = c->sep};
}

Loc
rows_csv_reread(Diag *d, int file, char sep, int line, int i)
{
	Loc l = {line, 1, line, 2, file};
	const SrcFile *f = &d->files[file];
	if (!f->text && !f->reread)
		return l;	/* a pipe is read once */
	Csv c;
	if (csv_open(&c, d, file, sep, N_("a table"))) {
		int r;
		while ((r = csv_next(&c)) > 0 && c.rec_line < line)
			;
		if (r > 0 && c.rec_line == line && i < c.nf) {
			Str t = str_trim(c.f[i].s, c.f[i].len);
			l = csv_loc_text(&c, t.s, t.len);
		}
	}
	csv_close(&c);
	return l;
}

/* A grid in memory. */
typedef struct GridRows {
	Rows r;
	const char *const *cells;
	int nrows, ncols, at;
	Field *row;
} GridRows;

static int
grid_next(Rows *r)
{
	GridRows *g = (GridRows *)r;
	if (g->at == g->nrows)
		return 0;
	for (int i = 0; i < g->ncols; i++) {
		const char *s = g->cells[(size_t)g->at * (size_t)g->ncols + (size_t)i];
		g->row[i] = (Field){s ? s : "", s ? (int)strlen(s) : 0, 0};
	}
	r->cell = g->row;
	r->ncells = g->ncols;
	r->line = ++g->at;
	return 1;
}

static Loc
grid_loc(const Rows *r, int i)
{
	return (Loc){r->line, i + 1, r->line, i + 2, r->file};
}

/* The cell whose text s is in: a grid's places are whole cells. */
static Loc
grid_loc_text(const Rows *r, const char *s, int len)
{
	(void)len;
	for (int i = 0; i < r->ncells; i++)
		if (s >= r->cell[i].s && s <= r->cell[i].s + r->cell[i].len)
			return grid_loc(r, i);
	return grid_loc(r, 0);
}

static void
grid_close(Rows *r)
{
	GridRows *g = (GridRows *)r;
	free(g->row);
	free(g);
}

static const RowsOps grid_ops = {grid_next, grid_loc, grid_loc_text, NULL, NULL, grid_close};

Rows *
rows_grid(Diag *d, int file, const char *const *cells, int nrows, int ncols)
{
	GridRows *g = xcalloc(1, sizeof *g);
	g->r = (Rows){.ops = &grid_ops, .file = file, .diag = d, .rows_hint = (size_t)nrows};
	g->cells = cells;
	g->nrows = nrows;
	g->ncols = ncols;
	g->row = xcalloc((size_t)(ncols ? ncols : 1), sizeof *g->row);
	return &g->r;
}
