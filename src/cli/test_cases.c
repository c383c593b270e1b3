/* test_cases.c: the folders of `coplan test`'s cases and the files in
 * them: found, read within bounds, turned into check's arguments. */
#include "test_cases.h"
#include "msg.h"
#include "files.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Whether dir has an entry name, whatever it is (a case is a folder
 * with units.csv: a link there makes a case that says why it fails). */
bool
case_exists(const char *dir, const char *name)
{
	char path[4096];
	struct stat st;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	return lstat(path, &st) == 0;
}

/* File name of case folder dir, its path put in path: 0 when there is
 * none, 1 when it is a regular file inside the folder (through a link
 * too, if it stays inside), -1 otherwise, said in why.  A case from a
 * pull request reads nothing else: not /proc/self/environ, not a FIFO
 * that would never end, not the rules file through a link. */
int
case_file(const char *dir, const char *name, char *path, size_t n, Buf *why)
{
	snprintf(path, n, "%s/%s", dir, name);
	struct stat st;
	if (lstat(path, &st) != 0 && errno == ENOENT)
		return 0;
	char *real = realpath(path, NULL), *home = realpath(dir, NULL);
	size_t hl = home ? strlen(home) : 0;
	const char *bad = NULL;
	if (!real || !home || stat(real, &st) != 0)
		bad = strerror(errno);
	else if (strncmp(real, home, hl) != 0 || real[hl] != '/')
		bad = _("it is outside the case's folder; a case's files are regular files inside it");
	else if (!S_ISREG(st.st_mode))
		bad = _("it is not a regular file; a case's files are regular files inside its folder");
	free(real);
	free(home);
	if (bad)
		buf_printf(why, _("cannot read '%s': %s\n"), path, bad);
	return bad ? -1 : 1;
}

/* The text of case file path, at most max bytes; NULL after saying why. */
char *
case_read(const char *path, size_t max, size_t *len, Buf *why)
{
	char *text = read_file_max(path, len, max);
	if (!text)
		buf_printf(why, _("cannot read '%s': %s\n"), path,
			   errno == EFBIG ? _("it is larger than a case's file may be (64 MiB, args 64 KiB)") : strerror(errno));
	return text;
}

static int
cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The cases under dir: dir itself when it holds units.csv, else its
 * folders that do, in name order. */
int
case_list(const char *dir, char ***out)
{
	char **v = NULL;
	int n = 0;
	if (case_exists(dir, "units.csv")) {
		v = xmalloc(sizeof *v);
		v[n] = xmalloc(strlen(dir) + 1);
		memcpy(v[n++], dir, strlen(dir) + 1);
		*out = v;
		return n;
	}
	DIR *dp = opendir(dir);
	if (!dp)
		return -1;
	struct dirent *e;
	while ((e = readdir(dp))) {
		if (e->d_name[0] == '.')
			continue;
		size_t len = strlen(dir) + strlen(e->d_name) + 2;
		char *path = xmalloc(len);
		snprintf(path, len, "%s/%s", dir, e->d_name);
		if (case_exists(path, "units.csv")) {
			v = xrealloc(v, (size_t)(n + 1) * sizeof *v);
			v[n++] = path;
		} else {
			free(path);
		}
	}
	closedir(dp);
	if (n)
		qsort(v, (size_t)n, sizeof *v, cmp_cstr);
	*out = v;
	return n;
}

/* check's arguments for case dir: its rules, its units, its roster
 * (when it has one) and the words of its args file; -1 after saying
 * why.  The files args names are the case's own. */
int
case_args(const char *rules, char *units, char *roster, const char *args, char **argv,
	  char **text, Buf *why)
{
	int argc = 0;
	argv[argc++] = "check";
	argv[argc++] = (char *)rules;
	argv[argc++] = units;
	if (roster) {
		argv[argc++] = "--roster";
		argv[argc++] = roster;
	}
	size_t len;
	*text = NULL;
	if (args && !(*text = case_read(args, CASE_MAX_ARGS, &len, why)))
		return -1;
	if (*text && memchr(*text, 0, len)) {
		buf_printf(why, _("'%s' holds a NUL byte: args is a line of check's options\n"), args);
		return -1;
	}
	for (char *s = *text ? strtok(*text, " \t\r\n") : NULL; s; s = strtok(NULL, " \t\r\n")) {
		if (argc >= CASE_MAX_WORDS) {
			buf_printf(why, _("'%s' has more than %d words\n"), args, CASE_MAX_WORDS - 5);
			return -1;
		}
		argv[argc++] = s;
	}
	argv[argc] = NULL;
	return argc;
}

/* Points a file option of a case's args (path, as written) at the
 * case's own file; false after saying why. */
bool
case_option(const char *dir, const char **path, char *buf, size_t n, Buf *why)
{
	if (!*path || *path == buf)
		return true;
	if (case_file(dir, *path, buf, n, why) <= 0) {
		if (!why->len)
			buf_printf(why, _("cannot read '%s': there is no such file in the case's folder\n"), buf);
		return false;
	}
	*path = buf;
	return true;
}
