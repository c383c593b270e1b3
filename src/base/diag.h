/* diag.h: source files and the messages that point into them.
 *
 * Every message names file:line:col, quotes the line and underlines the
 * span.  Messages are collected, then printed sorted by
 * position, at most DIAG_MAX_ERRORS errors.
 */
#ifndef COPLAN_DIAG_H
#define COPLAN_DIAG_H

#include "util.h"

typedef struct Loc {
	int first_line, first_column;	/* 1-based; columns count code points */
	int last_line, last_column;	/* end, exclusive */
	int file;			/* index into Diag.files */
} Loc;

typedef struct SrcFile {
	char *path;			/* as the user named it */
	char *text;			/* owned, NUL-terminated; NULL for a
					 * data file read as a stream */
	size_t len;
	int parent;			/* file that included it, or -1 */
	/* A stream: a regular file's lines are read again to be quoted; a
	 * pipe's are copied, when a message comes, from the part in memory
	 * (win, from the start of line win_line). */
	bool reread;
	const char *win;
	size_t win_len;
	int win_line;
	char *sheet;			/* a sheet's name: its places are cells,
					 * said as Sheet!C12, not line:column */
} SrcFile;

typedef enum { DIAG_ERROR, DIAG_WARNING } DiagLevel;

typedef struct DiagMsg {
	DiagLevel level;
	Loc loc;
	int seq;
	char *text;			/* owned */
	char *quote;			/* owned: its line, copied from a pipe */
	const char *kind;		/* a warning's kind for reports, or NULL */
	const char *rule, *scope;	/* what it is about: a rule id, a scope name */
} DiagMsg;

enum { DIAG_MAX_ERRORS = 20 };

typedef struct Diag {
	SrcFile *files;
	int nfiles, capfiles;
	DiagMsg *msgs;
	int nmsgs, capmsgs;
	int errors, warnings;
	int dropped;		/* errors counted but not kept */
} Diag;

int diag_add_file(Diag *d, const char *path, char *text, size_t len, int parent);
/* File `file` is a sheet of a workbook, named sheet: a place in it is a
 * cell (its first_line the row, its first_column the column) and is
 * said as path:Sheet!C12, with no line quoted. */
void diag_set_sheet(Diag *d, int file, const char *sheet);
void diag_error(Diag *d, Loc loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void diag_warning(Diag *d, Loc loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A warning that reports list too (json "warnings"): kind is a word
 * such as "unused-rule"; rule and scope (each may be NULL) name what it
 * is about.  All three must outlive the Diag's messages. */
void diag_warning_about(Diag *d, const char *kind, const char *rule, const char *scope,
			Loc loc, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Moves every message of from to the end of to's, as if said there. */
void diag_take(Diag *to, Diag *from);
/* Sorts the messages by place, the order they are printed in. */
void diag_sort(Diag *d);
/* An error with no place in a file (an unreadable file, say). */
void diag_plain(Diag *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Appends every message, sorted, to out; clears them. */
void diag_flush(Diag *d, Buf *out);
/* The text of line `line` of file f (no newline), its length in *n. */
const char *diag_line(const Diag *d, int f, int line, size_t *n);
/* The source text a location spans, on one line. */
char *diag_text(const Diag *d, Loc loc, Arena *a);
/* Checks that file f is UTF-8 text: no NUL, no byte outside UTF-8, no
 * byte order mark but at the start.  Reports the first fault; returns
 * false then. */
bool diag_check_text(Diag *d, int f, const char *what);
/* The same over a file read piece by piece: checks s[t->at..n), s
 * being the part in memory, t->line_start the start of line t->line.
 * The caller keeps a character cut at n for the next piece, and moves
 * the offsets when it moves s. */
typedef struct TextCheck {
	size_t at, line_start;
	int line;
} TextCheck;
bool diag_check_span(Diag *d, int f, const char *what, const char *s, size_t n,
		     TextCheck *t);
void diag_free(Diag *d);

#endif
