/* csv.h: RFC 4180 records, read from a file piece by piece, or from a
 * text already in memory.
 *
 * Fields point into the reader's buffer, valid until the next record; a
 * quoted field with doubled quotes is unescaped into the reader's
 * scratch arena, emptied at each record.  A file is read a piece at a
 * time (at most a few MiB in memory, however big the file), each piece
 * checked to be UTF-8 as it comes.  Nothing is allocated per record.
 */
#ifndef COPLAN_CSV_H
#define COPLAN_CSV_H

#include <stdio.h>

#include "diag.h"

/* A field of a record; a cell of any row source (rows.h). */
typedef struct Field {
	const char *s;
	int len;
	size_t off;		/* a CSV's: where the field starts in its buffer */
} Field;

typedef struct Csv {
	Diag *diag;
	int file;		/* diag->files[file]: its path, its text if held */
	const char *what;	/* "a units table": for messages */
	FILE *fp;		/* NULL: the whole text is in buf */
	char *buf;		/* from the start of a line to len */
	size_t len, cap;
	size_t total;		/* bytes read from the file so far */
	size_t size;		/* of the whole file, when known (else 0) */
	bool eof;
	bool broken;		/* a fault stops the reading */
	TextCheck check;
	const char *p;		/* the next record */
	char sep;
	int line;		/* line of the next record */
	size_t line_off;	/* where that line starts */
	int rec_line;		/* line of the record just read */
	size_t rec_off, rec_line_off;
	unsigned char stop[256];	/* bytes that end an unquoted field */
	Field *f;		/* the record just read */
	int nf, capf;
	Arena scratch;
} Csv;

/* Starts reading file `file` of d: its text, if d holds it, else the
 * file at its path.  sep 0 detects the separator from the header line
 * (',' ';' or tab, whichever is most frequent outside quotes).  Returns
 * false after reporting why it cannot (unreadable, not UTF-8 at the
 * start); csv_close is needed either way. */
bool csv_open(Csv *c, Diag *d, int file, char sep, const char *what);
/* Reads the next record into c->f/c->nf.  Returns 1, 0 at the end, -1
 * after reporting a malformed field or a fault in the file. */
int csv_next(Csv *c);
/* The location of field i of the record just read, for messages. */
Loc csv_loc(const Csv *c, int i);
/* The location of text s..s+len, within a field of the record just
 * read (or, when it was unescaped apart, the record's line). */
Loc csv_loc_text(const Csv *c, const char *s, int len);
void csv_close(Csv *c);

/* Bytes read at a time (tests make it small). */
extern size_t csv_piece;

/* What a data file may hold, at most. */
#define DATA_MAX_FILE ((size_t)4 << 30)
/* Lines, blank ones too: numbered in ints, with room for a piece read
 * ahead. */
#define CSV_MAX_LINES 2000000000
/* Errors in a data file before it is read no further. */
#define DATA_MAX_ERRORS 1000

#endif
