/* baseline.c: the standards of rules/customer-operations.rules written
 * out by hand in C, over a units table from `gen units`: the speed a
 * generic engine should approach.  It reads the whole file, indexes ids,
 * counts each hub's spokes, applies the 32 standards with the same
 * intersection and severity as coplan, and prints coplan's summary line,
 * so that the two can be compared for speed and for the answer. */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { R_HUB, R_SPOKE, R_PROG, R_PROD, R_II, R_CAPO, R_SPEC, R_TUTOR, R_TF,
       R_SPECIALISTA, R_SPEC_BO, R_OP, R_OP_BO, R_CAPOSQ, R_ADD, NROLES };
enum { K_HUB, K_SPOKE, K_PRESIDIO, K_OTHER };
enum { F_SAC, F_DE, F_GD, F_BO, F_NOHS, F_OTHER };

typedef struct Unit {
	const char *id, *services;
	int idlen, svlen, parent, kind, fn, spokes;
	double count[NROLES], headcount;
} Unit;

typedef struct Req {
	int n;
	double min, max, must_min, must_max;
	bool min_must, max_must;
} Req;

static unsigned
hash(const char *s, int n)
{
	unsigned h = 2166136261u;
	for (int i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static void
req(Req *q, double lo, double hi, bool must)
{
	if (!q->n || lo > q->min)
		q->min = lo, q->min_must = must;
	if (!q->n || hi < q->max)
		q->max = hi, q->max_must = must;
	if (must) {
		q->must_min = fmax(q->must_min, lo);
		q->must_max = fmin(q->must_max, hi);
	}
	q->n++;
}

/* an item of a (the | separated services) not in b */
static bool
differs(const char *a, int an, const char *b, int bn)
{
	for (int i = 0; i < an;) {
		int j = i;
		while (j < an && a[j] != '|')
			j++;
		bool found = false;
		for (int x = 0; x < bn && !found;) {
			int y = x;
			while (y < bn && b[y] != '|')
				y++;
			found = y - x == j - i && memcmp(a + i, b + x, (size_t)(j - i)) == 0;
			x = y + 1;
		}
		if (!found && j > i)
			return true;
		i = j + 1;
	}
	return false;
}

int
main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: baseline units.csv\n", stderr);
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (!f)
		return 2;
	fseek(f, 0, SEEK_END);
	long size = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *text = malloc((size_t)size + 1);
	if (!text || fread(text, 1, (size_t)size, f) != (size_t)size)
		return 2;
	fclose(f);
	text[size] = 0;
	char *p = strchr(text, '\n') + 1;	/* the header is gen's */
	int cap = 1 << 16, n = 0;
	Unit *u = malloc((size_t)cap * sizeof *u);
	const char **parent_id = malloc((size_t)cap * sizeof *parent_id);
	int *parent_len = malloc((size_t)cap * sizeof *parent_len);
	while (*p) {
		if (n == cap) {
			cap *= 2;
			u = realloc(u, (size_t)cap * sizeof *u);
			parent_id = realloc(parent_id, (size_t)cap * sizeof *parent_id);
			parent_len = realloc(parent_len, (size_t)cap * sizeof *parent_len);
		}
		Unit *x = &u[n];
		char *field[7];
		int len[7];
		for (int i = 0; i < 7; i++) {
			field[i] = p;
			while (*p != ',')
				p++;
			len[i] = (int)(p - field[i]);
			p++;
		}
		x->id = field[0], x->idlen = len[0];
		x->kind = field[2][0] == 'h' ? K_HUB : field[2][0] == 's' ? K_SPOKE
			: field[2][0] == 'p' ? K_PRESIDIO : K_OTHER;
		parent_id[n] = field[3], parent_len[n] = len[3];
		const char *fn = field[4];
		x->fn = !strncmp(fn, "assistenza,", 11) ? F_SAC : !strncmp(fn, "data_entry,", 11) ? F_DE
			: !strncmp(fn, "gestione_documentale,", 21) ? F_GD : !strncmp(fn, "back_office,", 12) ? F_BO
			: !strncmp(fn, "logistica,", 10) || !strncmp(fn, "amministrazione,", 16) ? F_NOHS : F_OTHER;
		x->services = field[6], x->svlen = len[6];
		x->headcount = 0;
		for (int r = 0; r < NROLES; r++) {
			x->count[r] = strtod(p, &p);
			x->headcount += x->count[r];
			p++;
		}
		x->spokes = 0;
		n++;
	}
	/* ids -> units; parents; each hub's spokes */
	int hcap = 1;
	while (hcap < 2 * n)
		hcap *= 2;
	int *h = malloc((size_t)hcap * sizeof *h);
	memset(h, -1, (size_t)hcap * sizeof *h);
	for (int k = 0; k < n; k++) {
		unsigned i = hash(u[k].id, u[k].idlen) & (unsigned)(hcap - 1);
		while (h[i] >= 0)
			i = (i + 1) & (unsigned)(hcap - 1);
		h[i] = k;
	}
	for (int k = 0; k < n; k++) {
		u[k].parent = -1;
		if (!parent_len[k])
			continue;
		unsigned i = hash(parent_id[k], parent_len[k]) & (unsigned)(hcap - 1);
		for (; h[i] >= 0; i = (i + 1) & (unsigned)(hcap - 1))
			if (u[h[i]].idlen == parent_len[k] && !memcmp(u[h[i]].id, parent_id[k], (size_t)parent_len[k]))
				break;
		u[k].parent = h[i];
		if (u[k].kind == K_SPOKE)
			u[u[k].parent].spokes++;
	}
	long errors = 0, warnings = 0;
	const double inf = INFINITY;
	for (int k = 0; k < n; k++) {
		const Unit *x = &u[k];
		const double *c = x->count;
		Req q[NROLES];
		for (int r = 0; r < NROLES; r++)
			q[r] = (Req){0, 0, 0, -inf, inf, false, false};
		bool hub = x->kind == K_HUB, spoke = x->kind == K_SPOKE;
		const Unit *up = x->parent >= 0 ? &u[x->parent] : NULL;
		bool differ = spoke && differs(x->services, x->svlen, up ? up->services : "", up ? up->svlen : 0);
		switch (x->fn) {
		case F_SAC:
			if (hub) req(&q[R_HUB], 1, 1, true);
			if (spoke) req(&q[R_SPOKE], 1, 1, true);
			if (hub) req(&q[R_PROG], x->spokes > 0, x->spokes > 0, true);
			if (spoke) req(&q[R_PROG], 0, 0, true);
			if (hub) req(&q[R_PROD], 1, inf, true);
			if (spoke) req(&q[R_PROD], differ, differ, true);
			{
				double op = c[R_OP] + c[R_SPECIALISTA];
				req(&q[R_TUTOR], ceil(op / 18), floor(op / 12), false);
			}
			if (hub) req(&q[R_TF], 1, inf, true);
			if (hub) req(&q[R_SPEC], x->headcount > 200 ? 2 : 1, x->headcount > 200 ? 2 : 1, true);
			if (spoke) req(&q[R_SPEC], x->headcount > 100, x->headcount > 100, true);
			break;
		case F_DE:
			if (hub) req(&q[R_HUB], 1, 1, true);
			if (hub) req(&q[R_SPEC], 1, 1, true);
			req(&q[R_CAPOSQ], ceil(c[R_ADD] / 15), ceil(c[R_ADD] / 15), false);
			if (c[R_ADD] >= 10) req(&q[R_TUTOR], 1, inf, false);
			if (x->kind == K_PRESIDIO && c[R_TUTOR] == 0 && c[R_ADD] > 0) req(&q[R_CAPOSQ], 1, inf, true);
			break;
		case F_GD:
			if (hub) req(&q[R_HUB], 1, 1, true);
			if (spoke) req(&q[R_SPOKE], 1, 1, true);
			if (hub) req(&q[R_PROG], 1, 1, true);
			if (hub) req(&q[R_SPEC], 2, 2, true);
			if (spoke) req(&q[R_SPEC], 1, 2, true);
			req(&q[R_TUTOR], ceil(c[R_OP_BO] / 25), ceil(c[R_OP_BO] / 25), false);
			break;
		case F_BO:
			if (hub) req(&q[R_HUB], 1, 1, true);
			if (spoke) req(&q[R_SPOKE], 1, 1, true);
			if (hub) req(&q[R_PROD], 1, inf, true);
			if (spoke) req(&q[R_PROD], differ, differ, true);
			if (hub) req(&q[R_PROG], 1, 2, true);
			if (spoke) req(&q[R_PROG], 0, 0, true);
			{
				double staff = c[R_SPEC_BO] + c[R_OP_BO] + c[R_ADD];
				req(&q[R_CAPO], ceil(staff / 25), ceil(staff / 25), false);
			}
			if (hub) req(&q[R_SPEC], 2, 2, true);
			if (spoke) req(&q[R_SPEC], 1, 2, true);
			break;
		case F_NOHS:
			req(&q[R_HUB], 0, 0, true);
			req(&q[R_SPOKE], 0, 0, true);
			break;
		}
		for (int r = 0; r < NROLES; r++) {
			const Req *w = &q[r];
			if (!w->n)
				continue;
			bool error;
			if (w->min > w->max)
				error = w->min_must || w->max_must;
			else if (c[r] < w->min)
				error = w->must_min > c[r];
			else if (c[r] > w->max)
				error = w->must_max < c[r];
			else
				continue;
			error ? errors++ : warnings++;
		}
	}
	printf("%d units, 32 rules: %ld errors, %ld warnings\n", n, errors, warnings);
	return 0;
}
