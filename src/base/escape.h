/* escape.h: the pieces every report is made of, written one way:
 * numbers, intervals, and text escaped for JSON, CSV, XML, HTML and
 * Markdown. */
#ifndef COPLAN_ESCAPE_H
#define COPLAN_ESCAPE_H

#include "util.h"

void num_text(Buf *b, double v);	/* 31, 2.5 */
void num_signed(Buf *b, double v);	/* +3, -2, 0: a change */
/* A number for people: num_text's, or the Italian way (1.040, 7,5) when
 * messages are in Italian. */
void num_people(Buf *b, double v);
void num_signed_people(Buf *b, double v);	/* +3, -1.200, 0 */
/* n as num_people writes it, in t (emptied first): for a message's %s. */
const char *count_text(Buf *t, double n);
/* "34..52", "at least 2", "2": a requirement as a message says it. */
void interval_text(Buf *b, double lo, double hi);
/* "[2, 5]", "[8, inf]": an interval as explain shows it. */
void out_interval(Buf *b, double lo, double hi);

void json_str(Buf *b, const char *s, size_t n);	/* a JSON string */
void json_cstr(Buf *b, const char *s);	/* the same of a C string */
void json_num(Buf *b, double v);			/* null if infinite */
void json_key_num(Buf *b, const char *key, double v);	/* , "key": v */
void csv_field(Buf *b, const char *s, size_t n);	/* quoted when it must be */
void xml_str(Buf *b, const char *s, size_t n);		/* attribute or text */
void html_esc(Buf *b, const char *s, size_t n);	/* text or attribute */
/* Text in a Markdown table cell: '|', '<', '>', '&', backticks,
 * backslashes and line breaks escaped, control characters as '?'. */
void md_text(Buf *b, const char *s, size_t n);
/* Text in a GitHub workflow command: '%', CR and LF escaped, and in a
 * property (file=, title=) ':' and ',' too. */
void gh_esc(Buf *b, const char *s, size_t n, bool property);
void gh_cstr(Buf *b, const char *s, bool property);
/* s right-aligned in width columns, and two spaces before it at least:
 * a wide number never runs into the one before. */
void out_cell(Buf *b, const char *s, int width);

#endif
