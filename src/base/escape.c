/* escape.c: how every report writes numbers, intervals and text
 * escaped for JSON, CSV, XML, HTML and Markdown: one way each. */
#include "escape.h"
#include "msg.h"

#include <math.h>
#include <string.h>

void
num_text(Buf *b, double v)
{
	if (isnan(v)) {	/* a value that read a blank cell */
		buf_puts(b, "blank");
		return;
	}
	if (v == 0)
		v = 0;
	static const double two53 = 9007199254740992.0;
	if (v > -two53 && v < two53 && v == (double)(long long)v) {
		buf_int(b, (long long)v);	/* counts are whole: no printf */
		return;
	}
	/* 15 digits say a decimal as written; a count too large for them
	 * needs all 17 */
	buf_printf(b, fabs(v) < 1e15 ? "%.15g" : "%.17g", v);
}

void
num_signed(Buf *b, double v)
{
	if (v > 0)
		buf_putc(b, '+');
	num_text(b, v);
}

void
interval_text(Buf *b, double lo, double hi)
{
	Buf n = {0};
	if (isinf(hi)) {
		num_people(&n, lo);
		buf_printf(b, _("at least %s"), buf_cstr(&n));
	} else if (lo <= 0 && hi > 0) {
		num_people(&n, hi);
		buf_printf(b, _("at most %s"), buf_cstr(&n));
	} else if (lo == hi) {
		num_people(b, lo);
	} else {
		num_people(b, lo);
		buf_puts(b, "..");
		num_people(b, hi);
	}
	buf_free(&n);
}

void
num_signed_people(Buf *b, double v)
{
	if (v > 0)
		buf_putc(b, '+');
	num_people(b, v);
}

const char *
count_text(Buf *t, double n)
{
	t->len = 0;
	num_people(t, n);
	return buf_cstr(t);
}

/* v as num_text writes it, the Italian way when messages are Italian:
 * a decimal comma, and a dot between each three digits of a number of
 * four or more (1.040, 7,5, -12.300,25). */
void
num_people(Buf *b, double v)
{
	if (!msg_italian()) {
		num_text(b, v);
		return;
	}
	if (isnan(v)) {
		buf_puts(b, _("blank"));
		return;
	}
	Buf t = {0};
	num_text(&t, v);
	const char *s = buf_cstr(&t);
	if (strchr(s, 'e') || strchr(s, 'i') || strchr(s, 'n')) {	/* 1e+20, inf */
		for (; *s; s++)
			buf_putc(b, *s == '.' ? ',' : *s);
		buf_free(&t);
		return;
	}
	if (*s == '-')
		buf_putc(b, *s++);
	size_t whole = strcspn(s, ".");
	for (size_t i = 0; i < whole; i++) {
		if (i && whole >= 4 && (whole - i) % 3 == 0)
			buf_putc(b, '.');
		buf_putc(b, s[i]);
	}
	if (s[whole] == '.') {
		buf_putc(b, ',');
		buf_puts(b, s + whole + 1);
	}
	buf_free(&t);
}

void
out_interval(Buf *b, double lo, double hi)
{
	buf_putc(b, '[');
	num_text(b, lo);
	buf_puts(b, ", ");
	if (isinf(hi))
		buf_puts(b, "inf");
	else
		num_text(b, hi);
	buf_putc(b, ']');
}

void
json_str(Buf *b, const char *s, size_t n)
{
	buf_putc(b, '"');
	for (size_t i = 0; i < n; i++) {
		size_t j = i;	/* a run that needs no escape, put at once */
		bool high = false;
		while (j < n && (unsigned char)s[j] >= 0x20 && s[j] != '"' && s[j] != '\\')
			high |= (unsigned char)s[j++] >= 0x80;
		if (j > i) {
			if (high)	/* a name from the command line may be no UTF-8 */
				buf_put_utf8(b, s + i, j - i, false);
			else
				buf_put(b, s + i, j - i);
			if (j == n)
				break;
			i = j;
		}
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			buf_putc(b, '\\'), buf_putc(b, (char)c);
		else if (c == '\n')
			buf_puts(b, "\\n");
		else if (c == '\t')
			buf_puts(b, "\\t");
		else if (c == '\r')
			buf_puts(b, "\\r");
		else
			buf_printf(b, "\\u%04x", c);
	}
	buf_putc(b, '"');
}

void
json_num(Buf *b, double v)
{
	if (isinf(v) || isnan(v))
		buf_puts(b, "null");
	else
		num_text(b, v);
}

void
json_key_num(Buf *b, const char *key, double v)
{
	buf_puts(b, ", \"");
	buf_puts(b, key);
	buf_puts(b, "\": ");
	json_num(b, v);
}

/* Bytes that make a CSV field quoted: 1 anywhere, 2 first (a formula). */
static const unsigned char csv_special[256] = {
	[','] = 1, ['"'] = 1, ['\n'] = 1, ['\r'] = 3,
	['='] = 2, ['+'] = 2, ['-'] = 2, ['@'] = 2, ['\t'] = 2,
};

void
json_cstr(Buf *b, const char *s)
{
	json_str(b, s, strlen(s));
}

void
csv_field(Buf *b, const char *s, size_t n)
{
	/* a cell a spreadsheet would run as a formula (=, +, -, @, a tab
	 * or a carriage return first) starts with ' and is quoted, as
	 * OWASP advises against CSV injection */
	bool formula = n && (csv_special[(unsigned char)s[0]] & 2);
	unsigned any = formula || (n && (s[0] == ' ' || s[n - 1] == ' '));
	for (size_t i = 0; i < n; i++)	/* no branch a byte: fields are short */
		any |= csv_special[(unsigned char)s[i]] & 1;
	if (!any) {
		buf_put(b, s, n);
		return;
	}
	buf_putc(b, '"');
	if (formula)
		buf_putc(b, '\'');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			buf_putc(b, '"');
		buf_putc(b, s[i]);
	}
	buf_putc(b, '"');
}

/* s, each byte that has an entry in `with` written as that entry;
 * with drop_controls, the other control characters left out. */
static void
escape(Buf *b, const char *s, size_t n, const char *const with[128], bool drop_controls)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch < 128 && with[ch])
			buf_puts(b, with[ch]);
		else if (!drop_controls || ch >= 0x20)
			buf_putc(b, (char)ch);
	}
}

void
xml_str(Buf *b, const char *s, size_t n)
{
	static const char *const with[128] = {
		['<'] = "&lt;", ['>'] = "&gt;", ['&'] = "&amp;", ['"'] = "&quot;",
		['\n'] = "&#10;", ['\t'] = "&#9;",
	};
	size_t i = 0;
	while (i < n && (unsigned char)s[i] < 0x80)
		i++;
	if (i == n) {
		escape(b, s, n, with, true);	/* other controls are not XML */
		return;
	}
	Buf t = {0};
	buf_put_utf8(&t, s, n, true);	/* well-formed whatever the data */
	escape(b, t.p, t.len, with, true);
	buf_free(&t);
}

void
md_text(Buf *b, const char *s, size_t n)
{
	static const char *const with[128] = {
		['|'] = "\\|", ['\\'] = "\\\\", ['`'] = "\\`", ['<'] = "&lt;", ['>'] = "&gt;",
		['&'] = "&amp;", ['\t'] = " ",
		/* no link, image or emphasis; no @mention (a word joiner
		 * after the @: it reads the same) */
		['['] = "\\[", [']'] = "\\]", ['!'] = "\\!", ['*'] = "\\*", ['@'] = "@\u2060",
	};
	Buf t = {0};
	buf_put_text(&t, s, n);	/* no control character gets through */
	escape(b, t.p, t.len, with, false);
	buf_free(&t);
}

void
out_cell(Buf *b, const char *s, int width)
{
	int n = (int)strlen(s);
	buf_printf(b, "%*s%s", n + 2 > width ? 2 : width - n, "", s);
}

void
html_esc(Buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		default: buf_putc(b, s[i]);
		}
	}
}

void
gh_esc(Buf *b, const char *s, size_t n, bool property)
{
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (ch == '%')
			buf_puts(b, "%25");
		else if (ch == '\r')
			buf_puts(b, "%0D");
		else if (ch == '\n')
			buf_puts(b, "%0A");
		else if (property && ch == ':')
			buf_puts(b, "%3A");
		else if (property && ch == ',')
			buf_puts(b, "%2C");
		else
			buf_putc(b, ch);
	}
}

void
gh_cstr(Buf *b, const char *s, bool property)
{
	gh_esc(b, s, strlen(s), property);
}
