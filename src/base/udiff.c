/* udiff.c: a unified diff of two texts, line by line (coplan test
 * shows a failing case's report against its expect.txt so). */
#include "udiff.h"
#include "msg.h"

#include <stdlib.h>
#include <string.h>

Lines
lines_split(const char *t, size_t n)
{
	Lines l = {0};
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && t[j] != '\n')
			j++;
		l.s = xrealloc(l.s, (size_t)(l.n + 1) * sizeof *l.s);
		l.len = xrealloc(l.len, (size_t)(l.n + 1) * sizeof *l.len);
		l.s[l.n] = t + i;
		l.len[l.n++] = (int)(j - i);
		i = j + 1;
	}
	return l;
}

static bool
same_line(const Lines *a, int i, const Lines *b, int j)
{
	return a->len[i] == b->len[j] && !memcmp(a->s[i], b->s[j], (size_t)a->len[i]);
}

/* A unified diff of want and got (3 lines of context), by the longest
 * common subsequence; past 4 million cells, every line differs. */
void
udiff(Buf *b, const char *name, const char *want, size_t wn, const char *got, size_t gn)
{
	Lines x = lines_split(want, wn), y = lines_split(got, gn);
	int n = x.n, m = y.n;
	bool small = (long long)(n + 1) * (m + 1) <= 4000000;
	int *L = small ? xcalloc((size_t)(n + 1) * (size_t)(m + 1), sizeof *L) : NULL;
	for (int i = n - 1; small && i >= 0; i--)
		for (int j = m - 1; j >= 0; j--)
			L[i * (m + 1) + j] = same_line(&x, i, &y, j) ? L[(i + 1) * (m + 1) + j + 1] + 1 :
				L[(i + 1) * (m + 1) + j] > L[i * (m + 1) + j + 1] ? L[(i + 1) * (m + 1) + j] :
				L[i * (m + 1) + j + 1];
	/* the edit script: ' ', '-', '+' per step */
	int cap = n + m + 1, ns = 0;
	char *op = xmalloc((size_t)cap);
	int *ia = xmalloc((size_t)cap * sizeof *ia), *ib = xmalloc((size_t)cap * sizeof *ib);
	int i = 0, j = 0;
	while (i < n || j < m) {
		if (small && i < n && j < m && same_line(&x, i, &y, j))
			op[ns] = ' ', ia[ns] = i++, ib[ns] = j++;
		else if (i < n && (j == m || !small || L[(i + 1) * (m + 1) + j] >= L[i * (m + 1) + j + 1]))
			op[ns] = '-', ia[ns] = i++, ib[ns] = j;	/* what goes first, as diff -u does */
		else
			op[ns] = '+', ia[ns] = i, ib[ns] = j++;
		ns++;
	}
	buf_printf(b, _("--- %s/expect.txt\n+++ %s (what check printed)\n"), name, name);
	for (int k = 0; k < ns;) {
		if (op[k] == ' ') {
			k++;
			continue;
		}
		int start = k >= 3 ? k - 3 : 0, end = k;
		while (start < k && op[start] != ' ')
			start++;
		/* extend while changes come within 6 lines */
		for (;;) {
			while (end < ns && op[end] != ' ')
				end++;
			int gap = end;
			while (gap < ns && op[gap] == ' ' && gap - end < 7)
				gap++;
			if (gap < ns && op[gap] != ' ' && gap - end < 7)
				end = gap;
			else
				break;
		}
		int stop = end + 3 < ns ? end + 3 : ns;
		int a0 = ia[start], b0 = ib[start], ac = 0, bc = 0;
		for (int t = start; t < stop; t++)
			ac += op[t] != '+', bc += op[t] != '-';
		buf_printf(b, "@@ -%d,%d +%d,%d @@\n", a0 + 1, ac, b0 + 1, bc);
		for (int t = start; t < stop; t++) {
			const Lines *l = op[t] == '+' ? &y : &x;
			int at = op[t] == '+' ? ib[t] : ia[t];
			buf_putc(b, op[t]);
			buf_put(b, l->s[at], (size_t)l->len[at]);
			buf_putc(b, '\n');
		}
		k = stop;
	}
	free(L);
	free(op);
	free(ia);
	free(ib);
	free(x.s), free(x.len), free(y.s), free(y.len);
}
