/* test_compile.c: the Program that rules compile to. */
#include "testutil.h"

static char *
dump_of(const char *src)
{
	Compiled *c = compile_src(src);
	assert_int_equal(c->errors, 0);
	Buf b = {0};
	prog_dump(&c->r.prog, &b, false);
	compiled_free(c);
	return b.p;
}

static void
test_dump_whole_program(void **state)
{
	(void)state;
	char *d = dump_of("kind hub, spoke\n"
			  "role tutor \"Tutor\" grade B cost 40000\n"
			  "role operatore grade C\n"
			  "group operativi = operatore\n"
			  "attribute function : text\n"
			  "scope sac \"SAC\" where function == \"assistenza\" {\n"
			  "    should rule span \"span\": 1 tutor per 12..18 operativi\n"
			  "}\n"
			  "1 tutor per hub, 2 if > 200, else 0\n");
	assert_string_equal(d,
		"kinds 2: hub spoke\n"
		"roles 2:\n"
		"  r0 tutor \"Tutor\" grade B cost 40000\n"
		"  r1 operatore grade C\n"
		"groups 1:\n"
		"  g0 operativi = operatore\n"
		"attributes 1:\n"
		"  a0 function text\n"
		"scopes 1:\n"
		"  s0 sac \"SAC\" where e0\n"
		"rules 2:\n"
		"  #0 should span \"span\": 1 tutor per 12..18 operativi\n"
		"    role tutor scope s0\n"
		"    amount 1\n"
		"    span 12..18 of e1\n"
		"  #1 must -: 1 tutor per hub, 2 if > 200, else 0\n"
		"    role tutor kind hub\n"
		"    amount 1\n"
		"    amount 2 if e2\n"
		"    else 0\n"
		"expressions 3:\n"
		"  e0 (true or false): ATTR function; STR \"assistenza\"; TEQ\n"
		"  e1 (a number): GROUP operativi\n"
		"  e2 (true or false): HEADCOUNT; NUM 200; GT\n");
	free(d);
}

static Program *
prog_of(Compiled **c, const char *src)
{
	*c = compile_src(src);
	assert_int_equal((*c)->errors, 0);
	return &(*c)->r.prog;
}

static void
insns(const Program *p, int e, char *out, size_t n)
{
	Buf b = {0};
	const Expr *x = &p->exprs[e];
	for (int i = 0; i < x->len; i++)
		buf_printf(&b, "%s%s", i ? " " : "", opcode_names[p->code[x->start + i].op]);
	snprintf(out, n, "%s", buf_cstr(&b));
	buf_free(&b);
}

static void
test_short_circuit_jumps(void **state)
{
	(void)state;
	Compiled *c;
	Program *p = prog_of(&c, DECLS "tutor = 1 if shifts > 0 and addetti / shifts > 2 or false\n");
	char s[256];
	int e = p->rules[0].cond;
	insns(p, e, s, sizeof s);
	assert_string_equal(s, "ATTR NUM GT JFALSE ROLE ATTR DIV NUM GT JTRUE NUM");
	const Insn *code = &p->code[p->exprs[e].start];
	assert_int_equal(code[3].arg, 9);	/* and: to the 'or' */
	assert_int_equal(code[9].arg, 11);	/* or: to the end */
	compiled_free(c);
}

static void
test_types_pick_opcodes(void **state)
{
	(void)state;
	Compiled *c;
	Program *p = prog_of(&c, DECLS
			     "tutor = 1 if kind == hub and services - {\"A\"} <= parent.services and \"B\" in services and 1 != 2\n");
	char s[256];
	insns(p, p->rules[0].cond, s, sizeof s);
	assert_string_equal(s, "KIND STR TEQ JFALSE ATTR SET DIFF ATTR SUBSET JFALSE STR ATTR IN JFALSE NUM NUM NE");
	const Insn *code = &p->code[p->exprs[p->rules[0].cond].start];
	assert_int_equal(code[7].up, 1);	/* parent.services */
	assert_string_equal(p->strs->text[code[1].arg], "hub");
	compiled_free(c);
}

static void
test_aggregates_compile_apart(void **state)
{
	(void)state;
	Compiled *c;
	Program *p = prog_of(&c, DECLS "tutor >= sum(descendants.addetti where kind == spoke) + count(children)\n");
	assert_int_equal(p->naggs, 2);
	assert_int_equal(p->aggs[0].fn, AGG_SUM);
	assert_true(p->aggs[0].desc);
	char s[128];
	insns(p, p->aggs[0].filter, s, sizeof s);
	assert_string_equal(s, "KIND STR TEQ");
	insns(p, p->aggs[0].proj, s, sizeof s);
	assert_string_equal(s, "ROLE");
	assert_int_equal(p->aggs[1].fn, AGG_COUNT);
	assert_int_equal(p->aggs[1].filter, -1);
	assert_int_equal(p->aggs[1].proj, -1);
	insns(p, p->rules[0].e1, s, sizeof s);
	assert_string_equal(s, "AGG AGG ADD");
	compiled_free(c);
}

static void
test_rule_fields(void **state)
{
	(void)state;
	Compiled *c;
	Program *p = prog_of(&c, DECLS
			     "scope a where true {\n"
			     "    scope b where true {\n"
			     "        must rule r \"R\": at least 2 tutor per 10 addetti\n"
			     "    }\n"
			     "}\n"
			     "tutor in 1 .. 3\n");
	assert_int_equal(p->nscopes, 2);
	assert_int_equal(p->scopes[1].parent, 0);
	const Rule *r = &p->rules[0];
	assert_string_equal(r->id, "r");
	assert_string_equal(r->label, "R");
	assert_string_equal(r->text, "at least 2 tutor per 10 addetti");
	assert_int_equal(r->line, 12);
	assert_false(r->should);
	assert_int_equal(r->scope, 1);
	assert_int_equal(r->per, PER_RATIO);
	assert_true(r->n == 10);
	assert_int_equal(p->clauses[r->clause0].kind, AM_ATLEAST);
	assert_true(p->clauses[r->clause0].lo == 2);
	r = &p->rules[1];
	assert_null(r->id);
	assert_int_equal(r->form, R_IN);
	assert_int_equal(r->scope, -1);
	assert_string_equal(p->files[r->file], "t.rules");
	compiled_free(c);
}

static void
test_constants_shared(void **state)
{
	(void)state;
	Compiled *c;
	Program *p = prog_of(&c, DECLS "tutor = 2 if shifts > 2 and function == \"x\"\ntutor = 3 if function == \"x\"\n");
	assert_int_equal(p->nnums, 2);	/* 2 and 3 */
	int x = strtab_intern(p->strs, "x", 1);
	assert_string_equal(p->strs->text[x], "x");
	compiled_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dump_whole_program),
		cmocka_unit_test(test_short_circuit_jumps),
		cmocka_unit_test(test_types_pick_opcodes),
		cmocka_unit_test(test_aggregates_compile_apart),
		cmocka_unit_test(test_rule_fields),
		cmocka_unit_test(test_constants_shared),
	};
	return cmocka_run_group_tests_name("compile", tests, NULL, NULL);
}
