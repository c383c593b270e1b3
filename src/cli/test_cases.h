/* test_cases.h: the cases of `coplan test`, as folders and files. */
#ifndef COPLAN_TEST_CASES_H
#define COPLAN_TEST_CASES_H

#include "util.h"

/* A case's expect.txt and args, at most (its tables are bounded as
 * every data file is). */
enum { CASE_MAX_EXPECT = 64 << 20, CASE_MAX_ARGS = 64 << 10, CASE_MAX_WORDS = 60 };

/* Whether dir has an entry name, whatever it is (a case is a folder
 * with units.csv: a link there makes a case that says why it fails). */
bool case_exists(const char *dir, const char *name);
/* File name of case folder dir, its path put in path: 0 when there is
 * none, 1 when it is a regular file inside the folder (through a link
 * too, if it stays inside), -1 otherwise, said in why.  A case from a
 * pull request reads nothing else: not /proc/self/environ, not a FIFO
 * that would never end, not the rules file through a link. */
int case_file(const char *dir, const char *name, char *path, size_t n, Buf *why);
/* The text of case file path, at most max bytes; NULL after saying why. */
char *case_read(const char *path, size_t max, size_t *len, Buf *why);
/* The cases under dir: dir itself when it holds units.csv, else its
 * folders that do, in name order. */
int case_list(const char *dir, char ***out);
/* check's arguments for case dir: its rules, its units, its roster
 * (when it has one) and the words of its args file; -1 after saying
 * why.  The files args names are the case's own. */
int case_args(const char *rules, char *units, char *roster, const char *args, char **argv,
	  char **text, Buf *why);
/* Points a file option of a case's args (path, as written) at the
 * case's own file; false after saying why. */
bool case_option(const char *dir, const char **path, char *buf, size_t n, Buf *why);

#endif
