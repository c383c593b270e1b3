/* files.h: files read whole; output written whole or not at all. */
#ifndef COPLAN_FILES_H
#define COPLAN_FILES_H

#include <stdio.h>

#include "util.h"

/* Reads a whole file; returns NULL and sets errno on failure (EFBIG
 * when it is larger than max bytes; 0 for no limit). */
/* The bytes of stack this process may use (its soft limit, raised
 * towards 8 MiB when the hard limit allows): what bounds recursion. */
size_t stack_room(void);

/* fopen(path, "rb"), "-" being standard input. */
FILE *open_input(const char *path);
char *read_file(const char *path, size_t *len);
char *read_file_max(const char *path, size_t *len, size_t max);

/* Output that leaves as it is made: to stdout, or to a file that
 * appears whole or not at all (a temporary file made with mkstemp in
 * the target's folder, fsync, rename at the end; removed on every other
 * way out, signals and exit() included).  Through a symbolic link the
 * target is written; anything but a regular file or a new name is
 * refused, and so is any of the run's inputs. */
typedef struct Sink {
	int fd;
	char *path, *tmp;	/* the target and its temporary; NULL: stdout */
	const char *name;	/* the target as the user named it */
	int err;		/* errno of the first failure, or 0 */
	char why[640];		/* after a failure: what to tell the user */
	bool closed;		/* sink_close has been: it does nothing again */
} Sink;

/* path NULL or "-": stdout.  inputs: NULL, or the files the run read
 * (NULL-terminated), none of which may be the target.  Returns 0, or -1
 * with errno and s->why set. */
int sink_open(Sink *s, const char *path, const char *const *inputs);
/* Writes out what b holds and empties it, once it holds a MiB or more. */
void sink_spill(Sink *s, Buf *b);
/* Writes out the rest of b; keep: the file takes its place, else it is
 * removed.  Returns 0, or -1 with errno and s->why set (the file
 * removed). */
/* A temporary file, removed if the process ends by a signal or exit()
 * before sink_forget: reports and workbooks in the making. */
void sink_guard(char *tmp);
void sink_forget(const char *tmp);
/* The first step of closing many sinks as one: writes out b into the
 * temporary file, syncs and closes it (standard output waits); 0, or
 * -1 with s->why set.  sink_close then renames it, or removes it. */
int sink_ready(Sink *s, Buf *b);
int sink_close(Sink *s, Buf *b, bool keep);
/* Writes data to path whole or not at all.  Returns 0, or -1 with the
 * reason in why. */
int write_file_atomic(const char *path, const char *data, size_t len, char *why, size_t whylen);

/* Whether path ends in ext (".csv"), in any case. */
bool looks_like(const char *path, const char *ext);

#endif
