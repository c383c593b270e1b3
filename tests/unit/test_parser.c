/* test_parser.c: the tree the grammar builds, and syntax errors. */
#include "testutil.h"

#include "parse.h"

typedef struct Parsed {
	Diag d;
	Arena a;
	Parser p;
	Buf msgs;
} Parsed;

static Parsed *
parse(const char *src)
{
	Parsed *x = xcalloc(1, sizeof *x);
	int f = add_source(&x->d, src);
	x->p = (Parser){.arena = &x->a, .diag = &x->d, .file = f};
	parse_file(&x->p);
	diag_flush(&x->d, &x->msgs);
	buf_cstr(&x->msgs);
	return x;
}

static void
parsed_free(Parsed *x)
{
	arena_free(&x->a);
	diag_free(&x->d);
	buf_free(&x->msgs);
	free(x);
}

static char *
expr_text(const Node *n)
{
	static char out[256];
	Buf b = {0};
	print_expr(&b, n);
	snprintf(out, sizeof out, "%s", buf_cstr(&b));
	buf_free(&b);
	return out;
}

/* prints the tree with every operation in parentheses */
static void
shape(Buf *b, const Node *n)
{
	if (n->kind == N_BINARY) {
		buf_putc(b, '(');
		if (!n->a->implicit)
			shape(b, n->a), buf_putc(b, ' ');
		buf_printf(b, "%s ", op_text(n->op));
		shape(b, n->b);
		buf_putc(b, ')');
	} else if (n->kind == N_UNARY) {
		buf_printf(b, "(%s ", op_text(n->op));
		shape(b, n->a);
		buf_putc(b, ')');
	} else {
		Node m = *n;
		m.paren = false;
		print_expr(b, &m);
	}
}

static void
assert_shape(const char *src, const char *want)
{
	Parsed *x = parse(src);
	assert_string_equal(x->msgs.p, "");
	Stmt *s = x->p.stmts.head;
	assert_non_null(s);
	Buf b = {0};
	shape(&b, s->e1);
	assert_string_equal(buf_cstr(&b), want);
	buf_free(&b);
	parsed_free(x);
}

static void
test_declarations(void **state)
{
	(void)state;
	Parsed *x = parse("kind hub, spoke\n"
			  "role tutor \"Tutor\" grade B cost 40000\n"
			  "group g = a + b + c\n"
			  "attribute s : set\n"
			  "include \"x.rules\"\n");
	assert_string_equal(x->msgs.p, "");
	Stmt *s = x->p.stmts.head;
	assert_int_equal(s->kind, S_KIND);
	assert_int_equal(s->nitems, 2);
	assert_string_equal(s->items[1].name, "spoke");
	s = s->next;
	assert_int_equal(s->kind, S_ROLE);
	assert_string_equal(s->name.name, "tutor");
	assert_string_equal(s->label, "Tutor");
	assert_string_equal(s->grade.name, "B");
	assert_string_equal(s->cost_text, "40000");
	assert_true(s->cost == 40000);
	s = s->next;
	assert_int_equal(s->kind, S_GROUP);
	assert_int_equal(s->nitems, 3);
	assert_string_equal(s->items[2].name, "c");
	s = s->next;
	assert_int_equal(s->kind, S_ATTR);
	assert_int_equal(s->attr_type, T_SET);
	s = s->next;
	assert_int_equal(s->kind, S_INCLUDE);
	assert_string_equal(s->path, "x.rules");
	assert_null(s->next);
	parsed_free(x);
}

static void
test_sugar_rule_parts(void **state)
{
	(void)state;
	Parsed *x = parse("should rule r1 \"Label\": 1..3 tutor per 12..18 operativi if a > 1, 2 if > 200, else 0\n");
	assert_string_equal(x->msgs.p, "");
	Stmt *s = x->p.stmts.head;
	assert_int_equal(s->kind, S_RULE);
	assert_int_equal(s->sev, SEV_SHOULD);
	assert_true(s->has_id);
	assert_string_equal(s->name.name, "r1");
	assert_string_equal(s->label, "Label");
	assert_int_equal(s->form, R_SUGAR);
	assert_int_equal(s->amt.kind, AM_RANGE);
	assert_true(s->amt.lo == 1 && s->amt.hi == 3);
	assert_string_equal(s->target.name, "tutor");
	assert_int_equal(s->per.kind, PER_SPAN);
	assert_true(s->per.a == 12 && s->per.b == 18);
	assert_string_equal(expr_text(s->per.qty), "operativi");
	assert_string_equal(expr_text(s->cond), "a > 1");
	assert_int_equal(s->nclauses, 2);
	/* `if > 200` compares headcount */
	assert_true(s->clauses[0].cond->a->implicit);
	assert_string_equal(s->clauses[0].cond->a->text, "headcount");
	assert_null(s->clauses[1].cond);
	assert_true(s->clauses[1].amt.lo == 0);
	assert_int_equal(s->loc.first_line, 1);
	assert_int_equal(s->loc.first_column, 1);
	parsed_free(x);
}

static void
test_amount_forms(void **state)
{
	(void)state;
	Parsed *x = parse("at least 1 a\nat most 2 a\n3 a per 10 b\n4 a per hub\n5 a per (b + c)\n");
	assert_string_equal(x->msgs.p, "");
	Stmt *s = x->p.stmts.head;
	assert_int_equal(s->amt.kind, AM_ATLEAST);
	assert_int_equal(s->per.kind, PER_NONE);
	s = s->next;
	assert_int_equal(s->amt.kind, AM_ATMOST);
	s = s->next;
	assert_int_equal(s->amt.kind, AM_EXACT);
	assert_int_equal(s->per.kind, PER_RATIO);
	assert_true(s->per.n == 10);
	s = s->next;
	assert_int_equal(s->per.kind, PER_NAME);
	assert_string_equal(s->per.qty->text, "hub");
	s = s->next;
	assert_int_equal(s->per.kind, PER_RATIO);
	assert_null(s->per.n_text);
	assert_string_equal(expr_text(s->per.qty), "(b + c)");
	parsed_free(x);
}

static void
test_core_forms(void **state)
{
	(void)state;
	Parsed *x = parse("a = 1\na >= 2 if x\na <= 3\na in ceil(b / 18) .. floor(b / 12)\n");
	assert_string_equal(x->msgs.p, "");
	Stmt *s = x->p.stmts.head;
	assert_int_equal(s->form, R_EQ);
	assert_int_equal(s->next->form, R_GE);
	assert_non_null(s->next->cond);
	assert_int_equal(s->next->next->form, R_LE);
	s = s->next->next->next;
	assert_int_equal(s->form, R_IN);
	assert_string_equal(expr_text(s->e1), "ceil(b / 18)");
	assert_string_equal(expr_text(s->e2), "floor(b / 12)");
	parsed_free(x);
}

static void
test_precedence(void **state)
{
	(void)state;
	assert_shape("a = x or y and not z\n", "(x or (y and (not z)))");
	assert_shape("a = 1 + 2 * 3 - 4 / 5\n", "((1 + (2 * 3)) - (4 / 5))");
	assert_shape("a = -x * y\n", "((- x) * y)");
	assert_shape("a = x + 1 > y and s <= t\n", "(((x + 1) > y) and (s <= t))");
	assert_shape("a = s | t & u - v\n", "(s | (t & (u - v)))");
	assert_shape("a = x in s | t\n", "(x in (s | t))");
	assert_shape("a = (x + y) * z\n", "((x + y) * z)");
}

static void
test_names_lists_and_sets(void **state)
{
	(void)state;
	Parsed *x = parse("a = count(children where kind == spoke) + sum(descendants.tutor) + size({\"A\", \"B\"} - parent.parent.s)\n");
	assert_string_equal(x->msgs.p, "");
	Node *e = x->p.stmts.head->e1;
	Node *cnt = e->a->a, *sum = e->a->b, *size = e->b;
	assert_int_equal(cnt->kind, N_CALL);
	assert_int_equal(cnt->args[0]->kind, N_LIST);
	assert_false(cnt->args[0]->desc);
	assert_null(cnt->args[0]->proj);
	assert_string_equal(expr_text(cnt->args[0]->where), "kind == spoke");
	assert_true(sum->args[0]->desc);
	assert_string_equal(sum->args[0]->proj, "tutor");
	Node *set = size->args[0]->a, *up = size->args[0]->b;
	assert_int_equal(set->kind, N_SET);
	assert_int_equal(set->nargs, 2);
	assert_int_equal(up->ups, 2);
	assert_string_equal(up->text, "s");
	parsed_free(x);
}

static void
test_scopes_nest(void **state)
{
	(void)state;
	Parsed *x = parse("scope a \"A\" where f == \"x\" {\n\n  # c\n  1 t\n  scope b where g {\n    2 t\n  }\n}\n3 t\n");
	assert_string_equal(x->msgs.p, "");
	Stmt *s = x->p.stmts.head;
	assert_int_equal(s->kind, S_SCOPE);
	assert_string_equal(s->label, "A");
	assert_int_equal(s->body.head->kind, S_RULE);
	Stmt *inner = s->body.head->next;
	assert_int_equal(inner->kind, S_SCOPE);
	assert_string_equal(inner->name.name, "b");
	assert_int_equal(inner->body.head->amt.lo, 2);
	assert_int_equal(s->next->kind, S_RULE);
	assert_int_equal(s->loc.last_line, 8);
	parsed_free(x);
}

static void
test_error_expected_after(void **state)
{
	(void)state;
	Parsed *x = parse("1 tutor per\n");
	assert_string_equal(x->msgs.p,
			    "t.rules:1:12: error: expected a name, a number or '(' after 'per', found the end of the line\n"
			    "    1 | 1 tutor per\n"
			    "      |            ^\n");
	parsed_free(x);
}

static void
test_error_recovery_reports_every_line(void **state)
{
	(void)state;
	Parsed *x = parse("kind\nrole tutor grade\n1 tutor per hub\nattribute x : date\n");
	assert_int_equal(x->d.errors, 3);
	assert_string_equal(x->msgs.p,
			    "t.rules:1:5: error: expected a name after 'kind', found the end of the line\n"
			    "    1 | kind\n"
			    "      |     ^\n"
			    "t.rules:2:17: error: expected a name after 'grade', found the end of the line\n"
			    "    2 | role tutor grade\n"
			    "      |                 ^\n"
			    "t.rules:4:15: error: expected 'number', 'text' or 'set' after ':', found 'date'\n"
			    "    4 | attribute x : date\n"
			    "      |               ^~~~\n");
	parsed_free(x);
}

static void
test_error_at_line_start(void **state)
{
	(void)state;
	Parsed *x = parse(") x\n");
	assert_string_equal(x->msgs.p,
			    "t.rules:1:1: error: a line starts with a declaration (kind, role, group, attribute, include), a scope or a rule, not with ')'\n"
			    "    1 | ) x\n"
			    "      | ^\n");
	parsed_free(x);
}

static void
test_error_dot_after_non_parent(void **state)
{
	(void)state;
	Parsed *x = parse("a = area.x\n");
	assert_string_equal(x->msgs.p,
			    "t.rules:1:10: error: '.x' can only follow 'parent' (or children and descendants inside count, sum, min, max, avg)\n"
			    "    1 | a = area.x\n"
			    "      |          ^\n");
	parsed_free(x);
}

static void
test_depth_bounded(void **state)
{
	(void)state;
	Buf src = {0};
	buf_puts(&src, "a = 1");
	for (int i = 0; i < AST_MAX_DEPTH; i++)
		buf_puts(&src, " + 1");
	buf_putc(&src, '\n');
	Parsed *x = parse(src.p);
	assert_int_equal(x->d.errors, 1);
	assert_true(strncmp(x->msgs.p, "t.rules:1:5: error: this expression nests more than 500 levels deep; split it into simpler rules\n", 96) == 0);
	parsed_free(x);
	/* one term fewer is fine */
	src.len -= 5;
	buf_putc(&src, '\n');
	x = parse(src.p);
	assert_int_equal(x->d.errors, 0);
	parsed_free(x);
	buf_free(&src);
}

static void
test_parser_stack_bounded(void **state)
{
	(void)state;
	Buf src = {0};
	buf_puts(&src, "a = ");
	for (int i = 0; i < 20000; i++)
		buf_putc(&src, '-');
	buf_puts(&src, "1\n");
	Parsed *x = parse(src.p);
	assert_int_equal(x->d.errors, 1);
	assert_non_null(strstr(x->msgs.p, "error: this statement nests too deeply to be read; split it into simpler ones\n"));
	parsed_free(x);
	buf_free(&src);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_declarations),
		cmocka_unit_test(test_sugar_rule_parts),
		cmocka_unit_test(test_amount_forms),
		cmocka_unit_test(test_core_forms),
		cmocka_unit_test(test_precedence),
		cmocka_unit_test(test_names_lists_and_sets),
		cmocka_unit_test(test_scopes_nest),
		cmocka_unit_test(test_error_expected_after),
		cmocka_unit_test(test_error_recovery_reports_every_line),
		cmocka_unit_test(test_error_at_line_start),
		cmocka_unit_test(test_error_dot_after_non_parent),
		cmocka_unit_test(test_depth_bounded),
		cmocka_unit_test(test_parser_stack_bounded),
	};
	return cmocka_run_group_tests_name("parser", tests, NULL, NULL);
}
