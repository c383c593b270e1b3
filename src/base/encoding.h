/* encoding.h: data files saved in another encoding than UTF-8 (Excel's
 * "CSV" in Italy is Windows-1252), made UTF-8 as they are read: every
 * byte of Windows-1252 or Latin-1 is one character, so the text is
 * whole and its lines and columns are the file's. */
#ifndef COPLAN_ENCODING_H
#define COPLAN_ENCODING_H

#include <stddef.h>

typedef enum Encoding { ENC_UTF8, ENC_CP1252, ENC_LATIN1 } Encoding;

/* utf-8, cp1252 (or windows-1252) and latin1 (or iso-8859-1), any case;
 * -1 for another name. */
int encoding_parse(const char *name);
/* s[0..n) in encoding enc as UTF-8: malloc'd, NUL-ended, *out bytes. */
char *encoding_utf8(const char *s, size_t n, Encoding enc, size_t *out);
/* The file at path ("-": standard input) whole, as UTF-8; NULL with
 * errno set (EFBIG beyond max bytes). */
char *encoding_read(const char *path, Encoding enc, size_t max, size_t *len);

#endif
