/* fmt.c: the canonical layout of a rules file.
 *
 * One statement per line, four spaces per scope level, one space around
 * operators, runs of role, attribute and group declarations aligned in
 * columns, at most one blank line kept between statements.  Comments stay
 * where they were: a comment alone on its line stays on its own line; one
 * at the end of a statement's last line stays there; one inside a
 * statement that spans lines moves above it (the statement becomes one
 * line).  The output parses to the same tree, so it compiles the same. */
#include "fmt.h"

#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "print.h"

typedef struct Fmt {
	Buf *out;
	const SrcFile *src;
	int *blank_before;	/* blank_before[l]: blank lines among 1..l-1 */
	int nlines;
	Comment *c;		/* next comment to place */
	int last;		/* last source line placed */
	bool started;		/* something placed in the current block */
	struct Trail {		/* a line that ends in a comment */
		size_t start, code, end;	/* offsets in out */
	} *trails;
	int ntrails, captrails;
} Fmt;

static bool
blank_between(Fmt *f, int after, int before)	/* any blank line strictly between */
{
	if (before - after < 2 || after < 0)
		return false;
	if (before > f->nlines + 1)
		before = f->nlines + 1;
	return f->blank_before[before] - f->blank_before[after + 1] > 0;
}

static void
indent(Fmt *f, int level)
{
	for (int i = 0; i < level; i++)
		buf_puts(f->out, "    ");
}

static void
separate(Fmt *f, int line)	/* a blank line if the source had one */
{
	if (f->started && blank_between(f, f->last, line))
		buf_putc(f->out, '\n');
	f->started = true;
}

/* Comments alone on their lines, before `line`. */
static void
own_comments(Fmt *f, int line, int level)
{
	while (f->c && f->c->line < line) {
		separate(f, f->c->line);
		indent(f, level);
		buf_puts(f->out, f->c->text);
		buf_putc(f->out, '\n');
		f->last = f->c->line;
		f->c = f->c->next;
	}
}

/* Ends a line: the comment on source line `line`, if any; aligned with
 * those of the lines around it unless it ends a scope's brace line. */
static void
end_line(Fmt *f, int line, bool align)
{
	while (f->out->len && f->out->p[f->out->len - 1] == ' ')
		f->out->len--;
	if (f->c && f->c->line == line) {
		size_t start = f->out->len;
		while (start > 0 && f->out->p[start - 1] != '\n')
			start--;
		size_t code = f->out->len;
		buf_puts(f->out, "  ");
		buf_puts(f->out, f->c->text);
		f->c = f->c->next;
		if (!align)
			goto done;
		if (f->ntrails == f->captrails) {
			f->captrails = f->captrails ? 2 * f->captrails : 16;
			f->trails = xrealloc(f->trails, (size_t)f->captrails * sizeof *f->trails);
		}
		f->trails[f->ntrails++] = (struct Trail){start, code, f->out->len};
	}
done:
	buf_putc(f->out, '\n');
	f->last = line;
}

/* Trailing comments on consecutive lines start in one column. */
static void
align_trails(Fmt *f, size_t from)
{
	if (!f->ntrails)
		return;
	Buf b = {0};
	buf_put(&b, f->out->p, from);
	size_t at = from;
	for (int i = 0; i < f->ntrails;) {
		int j = i + 1;
		while (j < f->ntrails && f->trails[j].start == f->trails[j - 1].end + 1)
			j++;
		size_t width = 0;
		for (int k = i; k < j; k++) {
			const struct Trail *t = &f->trails[k];
			size_t w = (size_t)utf8_width(f->out->p + t->start, t->code - t->start);
			if (w > width)
				width = w;
		}
		for (int k = i; k < j; k++) {
			const struct Trail *t = &f->trails[k];
			buf_put(&b, f->out->p + at, t->code - at);
			size_t w = (size_t)utf8_width(f->out->p + t->start, t->code - t->start);
			while (w++ < width)
				buf_putc(&b, ' ');
			at = t->code;
		}
		i = j;
	}
	buf_put(&b, f->out->p + at, f->out->len - at);
	f->out->len = from;
	buf_put(f->out, b.p, b.len);
	buf_free(&b);
}

typedef struct Widths {
	size_t name, label, grade;
} Widths;

static Widths
run_widths(Fmt *f, const Stmt *s)
{
	Widths w = {0, 0, 0};
	for (const Stmt *t = s; t && t->kind == s->kind; t = t->next) {
		size_t n = strlen(t->name.name);
		if (n > w.name)
			w.name = n;
		if (t->label) {
			Buf b = {0};
			print_str(&b, t->label);
			if ((size_t)utf8_width(b.p, b.len) > w.label)
				w.label = (size_t)utf8_width(b.p, b.len);
			buf_free(&b);
		}
		if (t->grade.name && strlen(t->grade.name) > w.grade)
			w.grade = strlen(t->grade.name);
		if (t->next && t->next->kind == s->kind &&
		    blank_between(f, t->loc.last_line, t->next->loc.first_line))
			break;
	}
	return w;
}

static void
put_padded(Buf *b, const char *s, size_t width)
{
	size_t start = b->len;
	buf_puts(b, s);
	size_t w = (size_t)utf8_width(b->p + start, b->len - start);
	while (w++ < width)
		buf_putc(b, ' ');
}

static void fmt_list(Fmt *f, const StmtList *l, int level);

/* Comments inside a statement that spans lines move above it. */
static void
hoist(Fmt *f, int first, int last, int level)
{
	while (f->c && f->c->line >= first && f->c->line < last) {
		indent(f, level);
		buf_puts(f->out, f->c->text);
		buf_putc(f->out, '\n');
		f->c = f->c->next;
	}
}

static void
fmt_stmt(Fmt *f, const Stmt *s, const Widths *w, int level)
{
	Buf *b = f->out;
	if (s->kind == S_SCOPE) {
		hoist(f, s->loc.first_line, s->cond->loc.last_line, level);
		indent(f, level);
		buf_printf(b, "scope %s ", s->name.name);
		if (s->label) {
			print_str(b, s->label);
			buf_putc(b, ' ');
		}
		buf_puts(b, "where ");
		print_expr(b, s->cond);
		buf_puts(b, " {");
		end_line(f, s->cond->loc.last_line, false);
		bool started = f->started;
		f->started = false;
		fmt_list(f, &s->body, level + 1);
		own_comments(f, s->loc.last_line, level + 1);
		f->started = started;
		indent(f, level);
		buf_putc(b, '}');
		end_line(f, s->loc.last_line, false);
		return;
	}
	hoist(f, s->loc.first_line, s->loc.last_line, level);
	indent(f, level);
	switch (s->kind) {
	case S_KIND:
		buf_puts(b, "kind ");
		for (int i = 0; i < s->nitems; i++)
			buf_printf(b, "%s%s", i ? ", " : "", s->items[i].name);
		break;
	case S_ROLE: {
		buf_puts(b, "role ");
		put_padded(b, s->name.name, w->name);
		if (w->label) {
			buf_putc(b, ' ');
			Buf q = {0};
			if (s->label)
				print_str(&q, s->label);
			put_padded(b, s->label ? q.p : "", w->label);
			buf_free(&q);
		}
		if (w->grade) {
			buf_putc(b, ' ');
			if (s->grade.name) {
				buf_puts(b, "grade ");
				put_padded(b, s->grade.name, w->grade);
			} else {
				put_padded(b, "", w->grade + 6);
			}
		}
		if (s->cost_text)
			buf_printf(b, " cost %s", s->cost_text);
		break;
	}
	case S_GROUP:
		buf_puts(b, "group ");
		put_padded(b, s->name.name, w->name);
		buf_puts(b, " =");
		for (int i = 0; i < s->nitems; i++)
			buf_printf(b, "%s%s", i ? " + " : " ", s->items[i].name);
		break;
	case S_ATTR:
		buf_puts(b, "attribute ");
		put_padded(b, s->name.name, w->name);
		buf_printf(b, " : %s", s->attr_type == T_NUM ? "number" :
			   s->attr_type == T_TEXT ? "text" : "set");
		break;
	case S_INCLUDE:
		buf_puts(b, "include ");
		print_str(b, s->path);
		break;
	case S_RULE:
		if (s->sev != SEV_DEFAULT)
			buf_puts(b, s->sev == SEV_MUST ? "must " : "should ");
		if (s->has_id) {
			buf_printf(b, "rule %s", s->name.name);
			if (s->label) {
				buf_putc(b, ' ');
				print_str(b, s->label);
			}
			buf_putc(b, ':');
			/* a body the author put under its name stays there */
			int body = s->form == R_SUGAR ? s->amt.loc.first_line : s->target.loc.first_line;
			if (body > s->name.loc.first_line) {
				buf_putc(b, '\n');
				indent(f, level + 1);
			} else {
				buf_putc(b, ' ');
			}
		}
		print_rule_body(b, s);
		break;
	case S_POOL:
	case S_TRANSFER:
	case S_BUDGET:
		print_plan_stmt(b, s);
		break;
	case S_SCOPE:
		break;
	}
	end_line(f, s->loc.last_line, true);
}

static void
fmt_list(Fmt *f, const StmtList *l, int level)
{
	Widths w = {0, 0, 0};
	const Stmt *prev = NULL;
	for (const Stmt *s = l->head; s; s = s->next) {
		own_comments(f, s->loc.first_line, level);
		separate(f, s->loc.first_line);
		bool aligned = s->kind == S_ROLE || s->kind == S_ATTR || s->kind == S_GROUP;
		if (aligned && (!prev || prev->kind != s->kind ||
				blank_between(f, prev->loc.last_line, s->loc.first_line)))
			w = run_widths(f, s);
		fmt_stmt(f, s, &w, level);
		prev = s;
	}
}

int
fmt_file(Diag *d, int file, Buf *out)
{
	Arena arena = {0};
	Parser p = {.arena = &arena, .diag = d, .file = file};
	int errors = parse_file(&p);
	if (errors) {
		arena_free(&arena);
		return errors;
	}
	const SrcFile *src = &d->files[file];
	int nlines = 1;
	for (size_t i = 0; i < src->len; i++)
		nlines += src->text[i] == '\n';
	size_t from = out->len;
	Fmt f = {.out = out, .src = src, .nlines = nlines, .c = p.comments, .last = 0};
	f.blank_before = xcalloc((size_t)nlines + 3, sizeof *f.blank_before);
	/* blank_before[l] = number of blank lines among lines 1..l-1 */
	int line = 1;
	bool blank = true;
	for (size_t i = 0; i <= src->len; i++) {
		char ch = i < src->len ? src->text[i] : '\n';
		if (ch == '\n') {
			f.blank_before[line + 1] = f.blank_before[line] + blank;
			line++;
			blank = true;
		} else if (ch != ' ' && ch != '\t' && ch != '\r') {
			blank = false;
		}
	}
	for (int l = line + 1; l <= nlines + 2; l++)
		f.blank_before[l] = f.blank_before[line];
	fmt_list(&f, &p.stmts, 0);
	own_comments(&f, 1 << 30, 0);
	align_trails(&f, from);
	free(f.trails);
	free(f.blank_before);
	arena_free(&arena);
	return 0;
}
