/* testutil.h: shared helpers for the cmocka suites. */
#ifndef COPLAN_TESTUTIL_H
#define COPLAN_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "compile.h"
#include "dump.h"
#include "lint.h"
#include "load.h"
#include "print.h"
#include "sema.h"
#include "check_all.h"
#include "eval.h"
#include "table.h"

/* A file of the repository, wherever the test runs from. */
#ifndef REPO_ROOT
#define REPO_ROOT "."
#endif
#define REPO(path) REPO_ROOT "/" path

typedef struct Compiled {
	Diag d;
	Rules r;
	Buf msgs;	/* every message, as the user sees them */
	int errors;
} Compiled;

/* A malloc'd copy of s: the loaders take their text over. */
static inline char *
text_copy(const char *s)
{
	size_t n = strlen(s);
	char *t = xmalloc(n + 1);
	memcpy(t, s, n + 1);
	return t;
}

/* Adds a copy of text to d as file path; returns its index. */
static inline int
add_text(Diag *d, const char *path, const char *text)
{
	return diag_add_file(d, path, text_copy(text), strlen(text), -1);
}

/* Adds a copy of src to d as file "t.rules"; returns its index. */
static inline int
add_source(Diag *d, const char *src)
{
	return add_text(d, "t.rules", src);
}

/* Compiles src as "t.rules"; messages flushed into c->msgs, with the
 * lint warnings (all of them, or with tidy false those check prints). */
static inline Compiled *
compile_lint(const char *src, bool tidy)
{
	Compiled *c = xcalloc(1, sizeof *c);
	c->r.diag = &c->d;
	c->errors = rules_compile_text(&c->r, "t.rules", src, strlen(src));
	if (!c->errors)
		lint_warnings(&c->r, tidy);
	diag_flush(&c->d, &c->msgs);
	buf_cstr(&c->msgs);
	return c;
}

static inline Compiled *
compile_src(const char *src)
{
	return compile_lint(src, true);
}

static inline void
compiled_free(Compiled *c)
{
	rules_free(&c->r);
	diag_free(&c->d);
	buf_free(&c->msgs);
	free(c);
}

/* The first line of the messages, without its newline. */
static inline const char *
first_line(Compiled *c, char *out, size_t n)
{
	const char *s = buf_cstr(&c->msgs), *e = strchr(s, '\n');
	size_t len = e ? (size_t)(e - s) : strlen(s);
	if (len >= n)
		len = n - 1;
	memcpy(out, s, len);
	out[len] = 0;
	return out;
}

/* Asserts that src fails to compile with exactly this first message. */
#define assert_error(src, msg) do {					\
	Compiled *c_ = compile_src(src);				\
	char line_[512];						\
	assert_true(c_->errors > 0);					\
	assert_string_equal(first_line(c_, line_, sizeof line_), msg);	\
	compiled_free(c_);						\
} while (0)

/* Declarations most tests share. */
#define DECLS								\
	"kind hub, spoke\n"						\
	"role tutor grade B cost 40000\n"				\
	"role operatore grade C\n"					\
	"role specialista grade B\n"					\
	"role addetti grade D\n"					\
	"group operativi = operatore + specialista\n"			\
	"attribute function : text\n"					\
	"attribute services : set\n"					\
	"attribute shifts : number\n"

/* A world: DECLS + rules compiled, units loaded, a Check ready. */
typedef struct World {
	Diag d;
	Rules r;
	Units u;
	Check c;
	Buf msgs;
	int errors;
} World;

/* Compiles the rules (the text src, else the file path) and loads
 * units (with options o, or the defaults); a Check ready.  Rules must
 * compile; the units' errors are counted, not fatal. */
static inline void
world_init(World *w, const char *src, const char *path, const char *units, const LoadOptions *o)
{
	w->r.diag = &w->d;
	w->errors = src ? rules_compile_text(&w->r, "t.rules", src, strlen(src))
		: rules_compile(&w->r, path);
	assert_int_equal(w->errors, 0);
	LoadOptions defaults = {.delimiter = 0};
	w->errors = units_load_text(&w->u, &w->r.prog, &w->d, "u.csv", text_copy(units),
				    strlen(units), o ? o : &defaults);
	check_init(&w->c, &w->r.prog, &w->u, &w->d);
}

static inline void
world_fini(World *w)
{
	check_free(&w->c);
	units_free(&w->u);
	rules_free(&w->r);
	diag_free(&w->d);
	buf_free(&w->msgs);
}

/* DECLS + rules compiled and units loaded. */
static inline World *
world(const char *rules, const char *units)
{
	World *w = xcalloc(1, sizeof *w);
	Buf src = {0};
	buf_puts(&src, DECLS);
	buf_puts(&src, rules);
	world_init(w, buf_cstr(&src), NULL, units, NULL);
	buf_free(&src);
	return w;
}

static inline void
world_free(World *w)
{
	world_fini(w);
	free(w);
}

static inline int
unit(World *w, const char *id)
{
	int k = units_find(&w->u, id, (int)strlen(id));
	assert_true(k >= 0);
	return k;
}

#endif
