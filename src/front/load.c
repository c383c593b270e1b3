/* load.c: read a rules file, parse it, and put each included file's
 * statements in place of its `include`. */
#include "load.h"
#include "msg.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "parse.h"
#include "files.h"

enum {
	MAX_INCLUDE_DEPTH = 32,
	MAX_RULES_FILE = 64 << 20,	/* bytes */
	MAX_RULES_LINE = 1 << 20,
	MAX_INCLUDES = 1000,		/* files included in all, repeats counted */
};

typedef struct Open {		/* the chain of files being expanded */
	const char *real[MAX_INCLUDE_DEPTH + 1];
	int file[MAX_INCLUDE_DEPTH + 1];
	int n;
	char root[PATH_MAX];	/* includes stay inside this folder */
	size_t total;		/* bytes read in all, includes too */
	int includes;		/* files included in all, repeats counted */
	bool full;		/* total went past the limit: said once */
} Open;

static int load_file(Rules *r, const char *path, int parent, Loc *from,
		     StmtList *out, Open *open);
static int load_text(Rules *r, const char *path, char *text, size_t len,
		     int parent, Loc *from, StmtList *out, Open *open);

static void
expand(Rules *r, StmtList *l, int file, Open *open)
{
	for (Stmt *s = l->head; s; s = s->next) {
		if (s->kind == S_SCOPE) {
			expand(r, &s->body, file, open);
			continue;
		}
		if (s->kind != S_INCLUDE)
			continue;
		const char *from = r->diag->files[file].path;
		const char *slash = strrchr(from, '/');
		char *path = s->path[0] == '/' || !slash ? arena_strdup(&r->arena, s->path)
			: arena_printf(&r->arena, "%.*s/%s", (int)(slash - from), from, s->path);
		/* a rules file from a pull request reaches nothing outside
		 * its own folder, not even to quote it in a message; and only
		 * regular files: not a pipe, a device, a descriptor's link */
		size_t rl = strlen(open->root);
		struct stat st;
		char *real = realpath(path, NULL);	/* on the heap: includes nest */
		if (!real) {
			diag_error(r->diag, s->path_loc, "cannot read the included file '%s': %s",
				   s->path, strerror(errno));
			continue;
		}
		const char *why = NULL;
		if (strncmp(real, open->root, rl) != 0 || (real[rl] != '/' && real[rl] != 0))
			why = _("is outside the folder of the rules file; includes must stay inside it");
		else if (stat(real, &st) != 0 || !S_ISREG(st.st_mode))
			why = _("is not a regular file; only rules files may be included");
		free(real);
		if (why) {
			diag_error(r->diag, s->path_loc, "'%s' %s", s->path, why);
			continue;
		}
		/* a file may be included again (a fragment shared by two
		 * scopes), but not without end: files that include the next
		 * one twice would double at each level */
		if (++open->includes > MAX_INCLUDES) {
			if (!open->full)
				diag_error(r->diag, s->path_loc,
					   "the rules include more than %d files in all, a file included again counting again; "
					   "does a file include another more than once?", MAX_INCLUDES);
			open->full = true;
			continue;
		}
		s->incl_file = load_file(r, path, file, &s->path_loc, &s->body, open);
	}
}

static int
load_file(Rules *r, const char *path, int parent, Loc *from, StmtList *out,
	  Open *open)
{
	size_t len;
	/* every file within the limit, and all of them together */
	size_t room = MAX_RULES_FILE > open->total ? MAX_RULES_FILE - open->total : 0;
	char *text = read_file_max(path, &len, room + 1);
	if (!text && errno == EFBIG && open->total) {
		if (!open->full)
			diag_error(r->diag, *from, "with '%s' the rules and their includes are larger than %d MiB in all",
				   path, MAX_RULES_FILE >> 20);
		open->full = true;
		return -1;
	}
	if (text)
		open->total += len;
	return load_text(r, path, text, len, parent, from, out, open);
}

/* Parses text (which it owns from now on) as file path. */
static int
load_text(Rules *r, const char *path, char *text, size_t len, int parent,
	  Loc *from, StmtList *out, Open *open)
{
	if ((text && len > MAX_RULES_FILE) || (!text && errno == EFBIG)) {
		if (from)
			diag_error(r->diag, *from, "'%s' is larger than %d MiB; is it a rules file?",
				   path, MAX_RULES_FILE >> 20);
		else
			diag_plain(r->diag, "'%s' is larger than %d MiB; is it a rules file?", path,
				   MAX_RULES_FILE >> 20);
		free(text);
		return -1;
	}
	if (!text) {	/* errno says why */
		if (from)
			diag_error(r->diag, *from, "cannot read the included file '%s': %s",
				   path, strerror(errno));
		else
			diag_plain(r->diag, "cannot read '%s': %s", path, strerror(errno));
		return -1;
	}
	char *rp = realpath(path, NULL);
	const char *real = arena_strdup(&r->arena, rp ? rp : path);
	free(rp);
	for (int i = 0; i < open->n; i++) {
		if (strcmp(open->real[i], real) != 0)
			continue;
		Buf b = {0};
		for (int j = i; j < open->n; j++)
			buf_printf(&b, _("%s includes "), r->diag->files[open->file[j]].path);
		buf_puts(&b, path);
		diag_error(r->diag, *from, "these files include each other in a loop: %s",
			   b.p);
		buf_free(&b);
		free(text);
		return -1;
	}
	if (open->n == MAX_INCLUDE_DEPTH) {
		diag_error(r->diag, *from, "includes nest more than %d files deep",
			   MAX_INCLUDE_DEPTH);
		free(text);
		return -1;
	}
	int f = diag_add_file(r->diag, path, text, len, parent);
	if (!diag_check_text(r->diag, f, N_("a rules file")))
		return f;
	int line = 1;
	for (const char *q = text, *end = text + len; q < end; line++) {
		const char *nl = memchr(q, '\n', (size_t)(end - q));
		size_t n = (size_t)((nl ? nl : end) - q);
		if (n > MAX_RULES_LINE) {
			Loc at = {line, 1, line, 2, f};
			diag_error(r->diag, at, "this line is longer than %d KiB; is this a rules file?",
				   MAX_RULES_LINE >> 10);
			return f;
		}
		q += n + 1;
	}
	Parser p = {.arena = &r->arena, .diag = r->diag, .file = f};
	parse_file(&p);
	*out = p.stmts;
	open->real[open->n] = real;
	open->file[open->n] = f;
	open->n++;
	expand(r, out, f, open);
	open->n--;
	return f;
}

/* The folder of the top rules file, resolved. */
static void
set_root(Open *open, const char *path)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	if (slash)
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
	else
		snprintf(dir, sizeof dir, ".");
	if (!dir[0])
		snprintf(dir, sizeof dir, "/");
	if (!realpath(dir, open->root))
		snprintf(open->root, sizeof open->root, "%s", dir);
	size_t n = strlen(open->root);
	if (n > 1 && open->root[n - 1] == '/')
		open->root[n - 1] = 0;
	if (!strcmp(open->root, "/"))
		open->root[0] = 0;	/* everything is under the root folder */
}

int
rules_load(Rules *r, const char *path)
{
	int before = r->diag->errors;
	Open open = {.n = 0};
	set_root(&open, path);
	load_file(r, path, -1, NULL, &r->top, &open);
	return r->diag->errors - before;
}

int
rules_load_text(Rules *r, const char *path, const char *text, size_t len)
{
	int before = r->diag->errors;
	Open open = {.n = 0};
	set_root(&open, path);
	char *copy = xmalloc(len + 1);
	memcpy(copy, text, len);
	copy[len] = 0;
	load_text(r, path, copy, len, -1, NULL, &r->top, &open);
	return r->diag->errors - before;
}
