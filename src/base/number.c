/* number.c: decimal numbers in data cells, either decimal mark. */
#include "number.h"
#include "msg.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A decimal: optional sign, digits, a decimal mark and digits, spaces
 * around; nothing else.  With comma (a ';' table, as Italian and German
 * spreadsheets write), ',' is the mark and '.' groups thousands, each
 * group three digits (1.040 is 1040, 1.040,5 is 1040.5); otherwise '.'
 * is the mark and nothing groups. */
static bool number_text(const char *s, int len, bool comma, char *buf, double *out);

bool
parse_decimal(const char *s, int len, bool comma, double *out)
{
	while (len > 0 && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0)
		return false;
	if (len <= 15) {	/* the common case: a small whole number */
		double v = 0;
		int i = 0;
		while (i < len && s[i] >= '0' && s[i] <= '9')
			v = v * 10 + (s[i++] - '0');
		if (i == len) {
			*out = v;
			return true;
		}
	}
	/* a long cell (12 with 60 zeros after the mark) is still a number */
	char small[64], *buf = len + 2 <= (int)sizeof small ? small : xmalloc((size_t)len + 2);
	bool ok = number_text(s, len, comma, buf, out);
	if (buf != small)
		free(buf);
	return ok;
}

/* parse_decimal's work on the trimmed s, written plain in buf (room
 * for len + 2). */
static bool
number_text(const char *s, int len, bool comma, char *buf, double *out)
{
	int n = 0, i = 0, digits = 0;
	if (s[0] == '-' || s[0] == '+')
		buf[n++] = s[i++];
	char mark = comma ? ',' : '.';
	int run = 0, groups = 0;	/* digits since the last '.' of a group */
	for (; i < len && s[i] != mark; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			buf[n++] = s[i], digits++, run++;
		} else if (comma && s[i] == '.' && run >= 1 && (groups ? run == 3 : run <= 3)) {
			groups++, run = 0;	/* a thousands separator */
		} else {
			return false;
		}
	}
	if (groups && run != 3)
		return false;
	if (i < len) {		/* the decimal mark, then digits */
		buf[n++] = '.';
		for (i++; i < len; i++) {
			if (s[i] < '0' || s[i] > '9')
				return false;
			buf[n++] = s[i], digits++;
		}
	}
	buf[n] = 0;
	if (!digits)
		return false;
	*out = strtod(buf, NULL);
	if (!isfinite(*out))
		return false;
	if (*out == 0)
		*out = 0;	/* no -0 */
	return true;
}

const char *
decimal_hint(const char *s, int len, bool comma)
{
	double v;
	if (parse_decimal(s, len, comma, &v))
		return "";	/* a number, out of its range */
	if (comma && parse_decimal(s, len, false, &v))
		return _("; here ',' is the decimal mark and '.' groups thousands (1.040 is 1040), as in a table separated by ';': "
			"if this file writes 2.5 for two and a half, give --decimal dot");
	if (!comma && parse_decimal(s, len, true, &v)) {
		const char *mark = memchr(s, ',', (size_t)len);
		int after = 0;
		while (mark && mark + 1 + after < s + len && mark[1 + after] >= '0' && mark[1 + after] <= '9')
			after++;
		if (after == 3)	/* 1,500: thousands, or one and a half? */
			return _("; write it without a thousands separator, or give --decimal comma if ',' is the decimal mark here");
		return _("; here '.' is the decimal mark: if this file writes 2,5 for two and a half, give --decimal comma");
	}
	return "";
}
