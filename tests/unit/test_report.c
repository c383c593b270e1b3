/* test_report.c: the reports of check, whole, and the pieces every
 * report is written with (out.c). */
#include "testutil.h"

#include <math.h>

#include "report.h"
#include "finding_table.h"
#include "plan_table.h"

static const char *const UNITS =
	"id,name,kind,parent,function,services,shifts,tutor,operatore,specialista,addetti\n"
	"H,Hub,hub,,assistenza,A|B,3,10,100,20,0\n"
	"S,Spoke,spoke,H,assistenza,A|C,1,2,30,0,5\n";

static const char *const RULES =
	"rule span: 1 tutor per 12..18 operativi\n"
	"rule big \"more hubs\": 1 specialista per hub, 2 if > 100, 3 if > 1000\n"
	"rule small: at most 0 addetti if kind == \"spoke\" and shifts > 5\n";

static void
expect(Format f, const char *want)
{
	World *w = world(RULES, UNITS);
	assert_true(check_run(&w->c, NULL));
	ReportInfo info = {.units = w->u.n};
	Buf out = {0};
	assert_true(report_check(&w->c, f, &info, &out));
	assert_string_equal(buf_cstr(&out), want);
	buf_free(&out);
	world_free(w);
}

static void
test_text(void **state)
{
	(void)state;
	expect(FMT_TEXT,
	       "error: H: specialista: 20, needs 2 (1 specialista per hub, 2 if > 100, 3 if > 1000) [big, t.rules:11]\n"
	       "2 units, 3 rules: 1 error, 0 warnings\n");
}

static void
test_csv(void **state)
{
	(void)state;
	expect(FMT_CSV,
	       "unit,role,status,severity,actual,min,max,rule,file,line,message\n"
	       "H,specialista,over,error,20,2,2,big,t.rules,11,"
	       "\"specialista: 20, needs 2 (1 specialista per hub, 2 if > 100, 3 if > 1000)\"\n");
}

static void
test_json_has_the_warnings_too(void **state)
{
	(void)state;
	expect(FMT_JSON,
	       "{\n"
	       "  \"summary\": {\"units\": 2, \"rules\": 3, \"errors\": 1, \"warnings\": 0},\n"
	       "  \"findings\": [\n"
	       "    {\"unit\": \"H\", \"role\": \"specialista\", \"status\": \"over\", \"severity\": \"error\", "
	       "\"actual\": 20, \"min\": 2, \"max\": 2, \"rule\": \"big\", \"file\": \"t.rules\", \"line\": 11, "
	       "\"message\": \"specialista: 20, needs 2 (1 specialista per hub, 2 if > 100, 3 if > 1000)\"}\n"
	       "  ],\n"
	       "  \"warnings\": [\n"
	       "    {\"kind\": \"unused-rule\", \"rule\": \"small\", \"file\": \"t.rules\", \"line\": 12, "
	       "\"column\": 1, \"message\": \"this rule applies to no unit: its condition holds for none\"}\n"
	       "  ]\n"
	       "}\n");
}

static void
test_markdown(void **state)
{
	(void)state;
	expect(FMT_MARKDOWN,
	       "### coplan check\n"
	       "\n"
	       "**1 error, 0 warnings** in 2 units, 3 rules.\n"
	       "\n"
	       "| unit | role | severity | status | finding | rule |\n"
	       "| --- | --- | --- | --- | --- | --- |\n"
	       "| H | specialista | error | over | specialista: 20, needs 2 (1 specialista per hub, "
	       "2 if &gt; 100, 3 if &gt; 1000) | big (t.rules:11) |\n"
	       "\n"
	       "Warnings about the rules or the data:\n"
	       "\n"
	       "- t.rules:12: this rule applies to no unit: its condition holds for none\n");
}

static const char *
text(Buf *b)
{
	const char *s = buf_cstr(b);
	return s;
}

static void
test_pieces(void **state)
{
	(void)state;
	Buf b = {0};
	num_text(&b, 31), buf_putc(&b, ' '), num_text(&b, 2.5), buf_putc(&b, ' ');
	num_text(&b, -0.0), buf_putc(&b, ' '), num_text(&b, 1e16);
	assert_string_equal(text(&b), "31 2.5 0 10000000000000000");
	b.len = 0;
	interval_text(&b, 2, INFINITY), buf_puts(&b, "; ");
	interval_text(&b, 0, 5), buf_puts(&b, "; ");
	interval_text(&b, 3, 3), buf_puts(&b, "; ");
	interval_text(&b, 7, 10);
	assert_string_equal(text(&b), "at least 2; at most 5; 3; 7..10");
	b.len = 0;
	out_interval(&b, 8, INFINITY);
	assert_string_equal(text(&b), "[8, inf]");
	b.len = 0;
	json_str(&b, "a\"b\\c\n\x01", 7);
	assert_string_equal(text(&b), "\"a\\\"b\\\\c\\n\\u0001\"");
	b.len = 0;
	csv_field(&b, "x,y", 3), buf_putc(&b, ';'), csv_field(&b, "q\"", 2), buf_putc(&b, ';');
	csv_field(&b, "plain", 5);
	assert_string_equal(text(&b), "\"x,y\";\"q\"\"\";plain");
	b.len = 0;
	xml_str(&b, "<a & \"b\">\n\x02", 12);
	assert_string_equal(text(&b), "&lt;a &amp; &quot;b&quot;&gt;&#10;");
	b.len = 0;
	md_text(&b, "a|b `c` <d>\t\\", 13);
	assert_string_equal(text(&b), "a\\|b \\`c\\` &lt;d&gt; \\\\");
	buf_free(&b);
}

/* A table model's columns in each table: their places run 1..n, each
 * once, so a column added with a place taken or skipped is caught; their
 * heads are want's. */
static void
assert_places(int (*columns)(TableKind, const TableColumn **), const char *const *want)
{
	for (int t = 0; t < NTABLES; t++) {
		const TableColumn *cols[64] = {0};
		int n = columns((TableKind)t, cols);
		Buf heads = {0};
		for (int j = 0; j < n; j++) {
			assert_non_null(cols[j]);	/* no place skipped */
			assert_int_equal(cols[j]->at[t], j + 1);
			buf_printf(&heads, "%s%s", j ? "," : "", cols[j]->head[t]);
		}
		assert_string_equal(text(&heads), want[t]);
		buf_free(&heads);
	}
}

/* The model of check's tabular reports. */
static void
test_finding_table_places(void **state)
{
	(void)state;
	static const char *const want[NTABLES] = {
		"unit,role,status,severity,actual,min,max,rule,file,line,message",
		"unit,role,severity,status,finding,rule",
		"",
		"unit,name,role,grade,count,min,max,status,severity,rule,label,file,line,message",
	};
	assert_places(finding_columns, want);
}

/* The same of a plan's tables, and the heads each text table writes. */
static void
test_plan_table_places(void **state)
{
	(void)state;
	static const char *const want[NTABLES] = {
		"unit,role,grade,current,proposed,delta,rules,moved,placed",
		"unit,role,current,proposed,delta,rules",
		"unit,role,current,proposed,delta,needs,rules",
		"unit,name,role,grade,current,proposed,delta,moved,placed,min,max,cost delta,rules,label,file,line,status",
	};
	assert_places(plan_columns, want);
	Buf b = {0};
	plan_table_head(TAB_MARKDOWN, &b);
	assert_string_equal(text(&b), "| unit | role | current | proposed | delta | rules |\n"
			    "| --- | --- | ---: | ---: | ---: | --- |\n");
	b.len = 0;
	plan_table_head(TAB_HTML, &b);
	assert_string_equal(text(&b), "<table><thead><tr><th scope=\"col\">unit</th><th scope=\"col\">role</th>"
			    "<th scope=\"col\">current</th><th scope=\"col\">proposed</th><th scope=\"col\">delta</th>"
			    "<th scope=\"col\">needs</th><th scope=\"col\">rules</th></tr></thead><tbody>\n");
	b.len = 0;
	Cell c = {0};
	cell_reset(&c);
	cell_text(&c, "=U1");
	c.kind = CELL_NAMED;
	c.sub = "A & B", c.sublen = 5;
	cell_csv(&b, &c);
	buf_putc(&b, ' ');
	cell_md(&b, &c);
	cell_html(&b, &c);
	cell_reset(&c);
	c.kind = CELL_DELTA;
	c.num = 2;
	cell_csv(&b, &c);
	buf_putc(&b, ' ');
	cell_md(&b, &c);
	assert_string_equal(text(&b), "\"'=U1\" =U1<td><span class=\"id\">=U1</span> A &amp; B</td>2 +2");
	cell_free(&c);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_json_has_the_warnings_too),
		cmocka_unit_test(test_markdown),
		cmocka_unit_test(test_pieces),
		cmocka_unit_test(test_finding_table_places),
		cmocka_unit_test(test_plan_table_places),
	};
	return cmocka_run_group_tests_name("report", tests, NULL, NULL);
}
