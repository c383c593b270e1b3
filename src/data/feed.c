/* feed.c: batches of records between a reader thread and the caller,
 * a few at a time (the memory stays that of a few batches). */
#include "feed.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum {
	BATCH_TEXT = 128 << 10,	/* bytes of records in a batch, about */
	BATCH_RECORDS = 2048,
	IN_FLIGHT = 3,		/* batches filled or being filled, at most */
};

typedef struct Rec {
	size_t off;		/* in the batch's text */
	int line, first, nf;	/* fields first..first+nf of the batch */
	unsigned hash;		/* of its id */
} Rec;

typedef struct Batch {
	char *text, *esc;	/* the records' bytes; unescaped fields */
	size_t len, cap, elen, ecap;
	Rec *rec;
	int nrec, caprec;
	Field *f;
	size_t *soff;		/* where each field's text starts; the top
				 * bit: in esc */
	int nf, capf;
	int end;		/* 1: more batches; else csv_next's 0 or -1 */
	int line;		/* the line text's end is on */
	struct Batch *next;
} Batch;

struct Feed {
	Csv *c;
	int id_field;
	Diag *main;		/* the caller's Diag; c->diag is the reader's */
	Diag apart;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t more, room;
	Batch *head, *tail;	/* filled, not taken */
	Batch *spare;		/* to fill again */
	Batch *cur;		/* being read by the caller */
	int at;			/* its next record */
	int inflight;
	bool stop;
};

static const size_t ESC = (size_t)1 << (sizeof(size_t) * 8 - 1);

static void *
feed_grow(void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return p;
	size_t n = *cap ? *cap : 64;
	while (n < need)
		n *= 2;
	*cap = n;
	return xrealloc(p, n * size);
}

/* Appends the record c has just read. */
static void
append(Batch *b, const Csv *c, int id_field)
{
	const char *start = c->buf + c->rec_off;
	size_t n = (size_t)(c->p - start);
	/* the blank lines the reader skipped, put back: a pipe's lines are
	 * quoted by counting them in the text */
	int gap = b->nrec && c->rec_line > b->line ? c->rec_line - b->line : 0;
	b->text = feed_grow(b->text, &b->cap, b->len + (size_t)gap + n + 1, 1);
	memset(b->text + b->len, '\n', (size_t)gap);
	b->len += (size_t)gap;
	memcpy(b->text + b->len, start, n);
	b->line = c->rec_line;
	for (const char *q = start; (q = memchr(q, '\n', (size_t)(start + n - q))); q++)
		b->line++;
	if (b->nrec == b->caprec)
		vec_grow((void **)&b->rec, b->nrec, &b->caprec, sizeof *b->rec);
	unsigned h = 0;
	if (id_field >= 0 && id_field < c->nf) {
		Str t = str_trim(c->f[id_field].s, c->f[id_field].len);
		h = mem_hash(t.s, (size_t)t.len);
	}
	b->rec[b->nrec++] = (Rec){b->len, c->rec_line, b->nf, c->nf, h};
	size_t capf = (size_t)b->capf;
	if ((size_t)(b->nf + c->nf) > capf) {
		size_t cs = capf;
		b->f = feed_grow(b->f, &capf, (size_t)(b->nf + c->nf), sizeof *b->f);
		b->soff = feed_grow(b->soff, &cs, (size_t)(b->nf + c->nf), sizeof *b->soff);
		b->capf = (int)capf;
	}
	for (int i = 0; i < c->nf; i++) {
		const Field *f = &c->f[i];
		size_t so;
		if (f->s >= c->buf && f->s <= c->buf + c->len) {
			so = b->len + (size_t)(f->s - start);
		} else {	/* unescaped apart */
			b->esc = feed_grow(b->esc, &b->ecap, b->elen + (size_t)f->len + 1, 1);
			memcpy(b->esc + b->elen, f->s, (size_t)f->len);
			so = b->elen | ESC;
			b->elen += (size_t)f->len;
		}
		b->f[b->nf] = (Field){NULL, f->len, b->len + (f->off - c->rec_off)};
		b->soff[b->nf++] = so;
	}
	b->len += n;
	b->text[b->len] = 0;
}

/* The fields' texts, now that the batch's buffers move no more. */
static void
feed_settle(Batch *b)
{
	for (int i = 0; i < b->nf; i++)
		b->f[i].s = b->soff[i] & ESC ? b->esc + (b->soff[i] & ~ESC) : b->text + b->soff[i];
}

static void *
reader(void *arg)
{
	Feed *fd = arg;
	for (;;) {
		pthread_mutex_lock(&fd->mu);
		while (fd->inflight >= IN_FLIGHT && !fd->stop)
			pthread_cond_wait(&fd->room, &fd->mu);
		Batch *b = fd->spare;
		if (b)
			fd->spare = b->next;
		bool stop = fd->stop;
		if (!stop)
			fd->inflight++;
		pthread_mutex_unlock(&fd->mu);
		if (stop) {
			if (b) {	/* back where it was */
				pthread_mutex_lock(&fd->mu);
				b->next = fd->spare;
				fd->spare = b;
				pthread_mutex_unlock(&fd->mu);
			}
			return NULL;
		}
		if (!b)
			b = xcalloc(1, sizeof *b);
		b->len = b->elen = 0;
		b->nrec = b->nf = 0;
		b->next = NULL;
		int r;
		while ((r = csv_next(fd->c)) > 0) {
			append(b, fd->c, fd->id_field);
			if (b->len >= BATCH_TEXT || b->nrec >= BATCH_RECORDS)
				break;
		}
		b->end = r;
		feed_settle(b);
		pthread_mutex_lock(&fd->mu);
		if (fd->tail)
			fd->tail->next = b;
		else
			fd->head = b;
		fd->tail = b;
		pthread_cond_signal(&fd->more);
		pthread_mutex_unlock(&fd->mu);
		if (r <= 0)
			return NULL;
	}
}

Feed *
feed_start(Csv *c, int id_field)
{
	Feed *fd = xcalloc(1, sizeof *fd);
	fd->c = c;
	fd->id_field = id_field;
	fd->main = c->diag;
	/* the reader's messages: kept apart, with the file they point at */
	for (int i = 0; i <= c->file; i++)
		diag_add_file(&fd->apart, c->diag->files[i].path, NULL, 0, -1);
	fd->apart.files[c->file].reread = c->diag->files[c->file].reread;
	/* and the window a pipe's lines are quoted from, as it stands: a
	 * table that came whole in the first read is never refilled, and
	 * the reader's errors would quote nothing (found by fuzz_feed) */
	SrcFile *sf = &c->diag->files[c->file], *mine = &fd->apart.files[c->file];
	mine->win = sf->win;
	mine->win_len = sf->win_len;
	mine->win_line = sf->win_line;
	pthread_mutex_init(&fd->mu, NULL);
	pthread_cond_init(&fd->more, NULL);
	pthread_cond_init(&fd->room, NULL);
	c->diag = &fd->apart;
	if (pthread_create(&fd->thread, NULL, reader, fd) != 0) {
		c->diag = fd->main;
		diag_free(&fd->apart);
		pthread_mutex_destroy(&fd->mu);
		pthread_cond_destroy(&fd->more);
		pthread_cond_destroy(&fd->room);
		free(fd);
		return NULL;
	}
	return fd;
}

/* Gives batch b back to the reader. */
static void
give_back(Feed *fd, Batch *b)
{
	pthread_mutex_lock(&fd->mu);
	b->next = fd->spare;
	fd->spare = b;
	fd->inflight--;
	pthread_cond_signal(&fd->room);
	pthread_mutex_unlock(&fd->mu);
}

int
feed_next(Feed *fd, Csv *v)
{
	Batch *b = fd->cur;
	while (!b || fd->at == b->nrec) {
		if (b && b->end <= 0)
			return v->nf = 0, b->end;
		pthread_mutex_lock(&fd->mu);
		while (!fd->head)
			pthread_cond_wait(&fd->more, &fd->mu);
		Batch *n = fd->head;
		fd->head = n->next;
		if (!fd->head)
			fd->tail = NULL;
		pthread_mutex_unlock(&fd->mu);
		if (b)
			give_back(fd, b);
		fd->cur = b = n;
		fd->at = 0;
		/* a pipe's lines are quoted from the batch at hand */
		SrcFile *sf = &fd->main->files[fd->c->file];
		if (!sf->reread && !sf->text && b->nrec) {
			sf->win = b->text;
			sf->win_len = b->len;
			sf->win_line = b->rec[0].line;
		}
	}
	const Rec *r = &b->rec[fd->at++];
	v->buf = b->text;
	v->len = b->len;
	v->f = b->f + r->first;
	v->nf = r->nf;
	v->rec_line = r->line;
	v->rec_off = v->rec_line_off = r->off;
	return 1;
}

bool
feed_ahead(const Feed *fd, int ahead, unsigned *hash)
{
	const Batch *b = fd->cur;
	int i = fd->at - 1 + ahead;
	if (!b || i >= b->nrec)
		return false;
	*hash = b->rec[i].hash;
	return true;
}

static void
free_batches(Batch *b)
{
	while (b) {
		Batch *n = b->next;
		free(b->text);
		free(b->esc);
		free(b->rec);
		free(b->f);
		free(b->soff);
		free(b);
		b = n;
	}
}

void
feed_end(Feed *fd, bool early)
{
	pthread_mutex_lock(&fd->mu);
	fd->stop = true;
	pthread_cond_broadcast(&fd->room);
	pthread_mutex_unlock(&fd->mu);
	pthread_join(fd->thread, NULL);
	Csv *c = fd->c;
	/* the window a pipe's lines are quoted from: the reader's, as if
	 * the caller had read the file itself */
	SrcFile *sf = &fd->main->files[c->file], *mine = &fd->apart.files[c->file];
	sf->win = mine->win;
	sf->win_len = mine->win_len;
	sf->win_line = mine->win_line;
	c->diag = fd->main;
	if (!early)
		diag_take(fd->main, &fd->apart);
	diag_free(&fd->apart);
	if (fd->cur)
		fd->cur->next = fd->head;
	else
		fd->cur = fd->head;
	free_batches(fd->cur);
	free_batches(fd->spare);
	pthread_mutex_destroy(&fd->mu);
	pthread_cond_destroy(&fd->more);
	pthread_cond_destroy(&fd->room);
	free(fd);
}
