/* test_lexer.c: tokens, line continuation, locations, comments. */
#include "testutil.h"

#include "parse.h"
#include "parser.h"
#include "lexer.h"

typedef struct Lexed {
	int tok[64];
	Loc loc[64];
	int n;
	Diag d;
	Arena a;
	Parser p;
} Lexed;

static Lexed *
lex(const char *src)
{
	Lexed *l = xcalloc(1, sizeof *l);
	int f = add_source(&l->d, src);
	const char *text = l->d.files[f].text;
	size_t n = l->d.files[f].len;
	l->p = (Parser){.arena = &l->a, .diag = &l->d, .file = f, .line = 1, .col = 1};
	yyscan_t sc;
	yylex_init_extra(&l->p, &sc);
	YY_BUFFER_STATE b = yy_scan_bytes(text, (int)n, sc);
	YYSTYPE v;
	for (;;) {
		int t = yylex(&v, &l->loc[l->n], sc);
		l->tok[l->n++] = t;
		if (t == END || l->n == 64)
			break;
	}
	yy_delete_buffer(b, sc);
	yylex_destroy(sc);
	return l;
}

static void
lexed_free(Lexed *l)
{
	arena_free(&l->a);
	diag_free(&l->d);
	free(l);
}

static void
test_statement_ends_at_newline(void **state)
{
	(void)state;
	Lexed *l = lex("1 tutor per hub\nkind a\n");
	int want[] = {NUM, IDENT, PER, IDENT, NL, KIND, IDENT, NL, END};
	assert_int_equal(l->n, 9);
	assert_memory_equal(l->tok, want, sizeof want);
	lexed_free(l);
}

static void
test_continuation_after_operator_and_comma(void **state)
{
	(void)state;
	Lexed *l = lex("tutor = operatore +\n  specialista\n1 tutor,\n 2 if x\n");
	int want[] = {IDENT, '=', IDENT, '+', IDENT, NL, NUM, IDENT, ',', NUM,
		      IF, IDENT, NL, END};
	assert_int_equal(l->n, 14);
	assert_memory_equal(l->tok, want, sizeof want);
	lexed_free(l);
}

static void
test_continuation_inside_parentheses(void **state)
{
	(void)state;
	Lexed *l = lex("tutor = ceil(x\n)\n");
	int want[] = {IDENT, '=', IDENT, '(', IDENT, ')', NL, END};
	assert_int_equal(l->n, 8);
	assert_memory_equal(l->tok, want, sizeof want);
	lexed_free(l);
}

static void
test_blank_and_comment_lines_send_nothing(void **state)
{
	(void)state;
	Lexed *l = lex("\n\n# only a comment\nkind a  # trailing\n\n");
	int want[] = {KIND, IDENT, NL, END};
	assert_int_equal(l->n, 4);
	assert_memory_equal(l->tok, want, sizeof want);
	assert_non_null(l->p.comments);
	assert_string_equal(l->p.comments->text, "# only a comment");
	assert_true(l->p.comments->own_line);
	assert_int_equal(l->p.comments->line, 3);
	assert_string_equal(l->p.comments->next->text, "# trailing");
	assert_false(l->p.comments->next->own_line);
	lexed_free(l);
}

static void
test_end_of_file_ends_the_last_line(void **state)
{
	(void)state;
	Lexed *l = lex("kind a");
	int want[] = {KIND, IDENT, NL, END};
	assert_int_equal(l->n, 4);
	assert_memory_equal(l->tok, want, sizeof want);
	lexed_free(l);
}

static void
test_keywords_and_operators(void **state)
{
	(void)state;
	Lexed *l = lex("at least most == != <= >= .. children descendants where");
	int want[] = {AT, LEAST, MOST, EQEQ, NE, LE, GE, DOTDOT, CHILDREN,
		      DESCENDANTS, WHERE, NL, END};
	assert_int_equal(l->n, 13);
	assert_memory_equal(l->tok, want, sizeof want);
	lexed_free(l);
}

static void
test_range_is_two_numbers(void **state)
{
	(void)state;
	Lexed *l = lex("12..18 0.5");
	int want[] = {NUM, DOTDOT, NUM, NUM, NL, END};
	assert_memory_equal(l->tok, want, sizeof want);
	lexed_free(l);
}

static void
test_columns_count_code_points(void **state)
{
	(void)state;
	Lexed *l = lex("x = \"Città\" + y");
	assert_int_equal(l->loc[2].first_column, 5);
	assert_int_equal(l->loc[2].last_column, 12);	/* 7 letters, 8 bytes */
	assert_int_equal(l->loc[3].first_column, 13);
	assert_int_equal(l->loc[4].first_column, 15);
	lexed_free(l);
}

static void
test_lines_and_columns(void **state)
{
	(void)state;
	Lexed *l = lex("kind a\n  role b\n");
	assert_int_equal(l->loc[3].first_line, 2);
	assert_int_equal(l->loc[3].first_column, 3);
	assert_int_equal(l->loc[4].first_column, 8);
	/* a newline's place is the end of its line */
	assert_int_equal(l->loc[2].first_line, 1);
	assert_int_equal(l->loc[2].first_column, 7);
	lexed_free(l);
}

static void
test_bad_character(void **state)
{
	(void)state;
	Lexed *l = lex("kind a $\n");
	assert_int_equal(l->d.errors, 1);
	assert_string_equal(l->d.msgs[0].text, "the character '$' has no meaning in a rules file");
	assert_int_equal(l->d.msgs[0].loc.first_column, 8);
	lexed_free(l);
}

static void
test_exponent_rejected(void **state)
{
	(void)state;
	Lexed *l = lex("x = 1e400\n");
	assert_int_equal(l->d.errors, 1);
	assert_string_equal(l->d.msgs[0].text,
			    "numbers are written without an exponent (write 1500, not 1.5e3)");
	lexed_free(l);
}

static void
test_unterminated_and_escapes(void **state)
{
	(void)state;
	Lexed *l = lex("x = \"a\\tb\"\ny = \"open\n");
	assert_int_equal(l->d.errors, 2);
	assert_string_equal(l->d.msgs[0].text,
			    "unknown escape '\\t' in a text; only \\\" and \\\\ are allowed");
	assert_int_equal(l->d.msgs[0].loc.first_column, 7);
	assert_string_equal(l->d.msgs[1].text, "this text has no closing quote '\"' on its line");
	lexed_free(l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_statement_ends_at_newline),
		cmocka_unit_test(test_continuation_after_operator_and_comma),
		cmocka_unit_test(test_continuation_inside_parentheses),
		cmocka_unit_test(test_blank_and_comment_lines_send_nothing),
		cmocka_unit_test(test_end_of_file_ends_the_last_line),
		cmocka_unit_test(test_keywords_and_operators),
		cmocka_unit_test(test_range_is_two_numbers),
		cmocka_unit_test(test_columns_count_code_points),
		cmocka_unit_test(test_lines_and_columns),
		cmocka_unit_test(test_bad_character),
		cmocka_unit_test(test_exponent_rejected),
		cmocka_unit_test(test_unterminated_and_escapes),
	};
	return cmocka_run_group_tests_name("lexer", tests, NULL, NULL);
}
