/* csv.h: RFC 4180 records, read in place from a file held in memory.
 *
 * Fields point into the buffer; a quoted field with doubled quotes is
 * unescaped into the reader's arena (the buffer stays as the user wrote
 * it, so messages can quote its lines).  Nothing is allocated per record
 * otherwise: the field array is reused.
 */
#ifndef COPLAN_CSV_H
#define COPLAN_CSV_H

#include "diag.h"

typedef struct CsvField {
	const char *s;
	int len;
	size_t off;		/* where the field starts in the buffer */
} CsvField;

typedef struct Csv {
	Diag *diag;
	int file;		/* the buffer is diag->files[file] */
	const char *p, *end;
	char sep;
	int line;		/* line of the next record */
	size_t line_off;	/* where that line starts */
	int rec_line;		/* line of the record just read */
	size_t rec_off, rec_line_off;
	unsigned char stop[256];	/* bytes that end an unquoted field */
	CsvField *f;		/* the record just read */
	int nf, capf;
	Arena *arena;
} Csv;

/* Starts reading file `file` of d; sep 0 detects it from the header line
 * (',' ';' or tab, whichever is most frequent outside quotes). */
void csv_open(Csv *c, Diag *d, int file, char sep, Arena *arena);
/* Reads the next record into c->f/c->nf.  Returns 1, 0 at the end, -1
 * after reporting a malformed field.  Blank lines are skipped. */
int csv_next(Csv *c);
/* The location of field i of the record just read, for messages. */
Loc csv_loc(const Csv *c, int i);
void csv_close(Csv *c);

#endif
