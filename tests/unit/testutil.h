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
#include "check.h"
#include "eval.h"
#include "table.h"

/* A file of the repository, wherever the test runs from. */
#ifndef REPO_ROOT
#define REPO_ROOT "."
/* A world: DECLS + rules compiled, units loaded, a Check ready. */
typedef struct World {
	Diag d;
	Rules r;
	Units u;
	Check c;
	Buf msgs;
	int errors;
} World;

/* Compiles DECLS + rules and loads units; errors counted, not fatal. */
static inline World *
world(const char *rules, const char *units)
{
	World *w = xcalloc(1, sizeof *w);
	w->r.diag = &w->d;
	Buf src = {0};
	buf_puts(&src, DECLS);
	buf_puts(&src, rules);
	w->errors = rules_compile_text(&w->r, "t.rules", src.p, src.len);
	buf_free(&src);
	assert_int_equal(w->errors, 0);
	size_t n = strlen(units);
	char *text = xmalloc(n + 1);
	memcpy(text, units, n + 1);
	LoadOptions o = {.delimiter = 0};
	w->errors = units_load_text(&w->u, &w->r.prog, &w->d, "u.csv", text, n, &o);
	check_init(&w->c, &w->r.prog, &w->u, &w->d);
	return w;
}

static inline void
world_free(World *w)
{
	check_free(&w->c);
	units_free(&w->u);
	rules_free(&w->r);
	diag_free(&w->d);
	buf_free(&w->msgs);
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
#define REPO(path) REPO_ROOT "/" path

typedef struct Compiled {
	Diag d;
	Rules r;
	Buf msgs;	/* every message, as the user sees them */
	int errors;
} Compiled;

/* Adds a copy of src to d as file "t.rules"; returns its index. */
static inline int
add_source(Diag *d, const char *src)
{
	size_t n = strlen(src);
	char *text = xmalloc(n + 1);
	memcpy(text, src, n + 1);
	return diag_add_file(d, "t.rules", text, n, -1);
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

/* Compiles DECLS + rules and loads units; errors counted, not fatal. */
static inline World *
world(const char *rules, const char *units)
{
	World *w = xcalloc(1, sizeof *w);
	w->r.diag = &w->d;
	Buf src = {0};
	buf_puts(&src, DECLS);
	buf_puts(&src, rules);
	w->errors = rules_compile_text(&w->r, "t.rules", src.p, src.len);
	buf_free(&src);
	assert_int_equal(w->errors, 0);
	size_t n = strlen(units);
	char *text = xmalloc(n + 1);
	memcpy(text, units, n + 1);
	LoadOptions o = {.delimiter = 0};
	w->errors = units_load_text(&w->u, &w->r.prog, &w->d, "u.csv", text, n, &o);
	check_init(&w->c, &w->r.prog, &w->u, &w->d);
	return w;
}

static inline void
world_free(World *w)
{
	check_free(&w->c);
	units_free(&w->u);
	rules_free(&w->r);
	diag_free(&w->d);
	buf_free(&w->msgs);
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
