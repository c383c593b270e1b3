/* encoding.c: Windows-1252 and Latin-1 to UTF-8. */
#include "encoding.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "files.h"

/* Windows-1252's 0x80..0x9F; the five it leaves out read as Latin-1
 * (the C1 controls), as most readers do. */
static const unsigned short cp1252[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

int
encoding_parse(const char *name)
{
	static const struct { const char *name; Encoding e; } names[] = {
		{"utf-8", ENC_UTF8}, {"utf8", ENC_UTF8}, {"cp1252", ENC_CP1252},
		{"windows-1252", ENC_CP1252}, {"latin1", ENC_LATIN1}, {"iso-8859-1", ENC_LATIN1},
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcasecmp(name, names[i].name))
			return (int)names[i].e;
	return -1;
}

char *
encoding_utf8(const char *s, size_t n, Encoding enc, size_t *out)
{
	char *t = xmalloc(3 * n + 1);	/* a byte is at most 3 */
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned c = (unsigned char)s[i];
		if (enc == ENC_UTF8 || c < 0x80) {
			t[k++] = (char)c;
			continue;
		}
		if (enc == ENC_CP1252 && c < 0xA0)
			c = cp1252[c - 0x80];
		if (c < 0x800) {
			t[k++] = (char)(0xC0 | c >> 6);
		} else {
			t[k++] = (char)(0xE0 | c >> 12);
			t[k++] = (char)(0x80 | (c >> 6 & 0x3F));
		}
		t[k++] = (char)(0x80 | (c & 0x3F));
	}
	t[k] = 0;
	*out = k;
	return t;
}

char *
encoding_read(const char *path, Encoding enc, size_t max, size_t *len)
{
	size_t n;
	char *raw = read_file_max(path, &n, max);
	if (!raw)
		return NULL;
	char *t = encoding_utf8(raw, n, enc, len);
	free(raw);
	return t;
}
