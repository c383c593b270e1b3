/* test_rows.c: units and a roster read from a grid of cells, as from a
 * sheet: the same units as from CSV, and messages that name the cell
 * (Sheet!C3), not a line and column. */
#include "testutil.h"

#include "roster.h"
#include "rows.h"

/* DECLS compiled; a units grid of nrows x ncols loaded as sheet
 * `sheet` of file path; messages flushed. */
static World *
grid_world(const char *const *cells, int nrows, int ncols, const char *sheet)
{
	World *w = xcalloc(1, sizeof *w);
	w->r.diag = &w->d;
	assert_int_equal(rules_compile_text(&w->r, "t.rules", DECLS, strlen(DECLS)), 0);
	int file = diag_add_file(&w->d, "org.xlsx", NULL, 0, -1);
	diag_set_sheet(&w->d, file, sheet);
	Rows *rs = rows_grid(&w->d, file, cells, nrows, ncols);
	LoadOptions o = {.keep_lines = true};
	w->errors = units_load_rows(&w->u, &w->r.prog, &w->d, rs, &o);
	rows_close(rs);
	check_init(&w->c, &w->r.prog, &w->u, &w->d);
	diag_flush(&w->d, &w->msgs);
	buf_cstr(&w->msgs);
	return w;
}

static void
test_grid_reads_as_csv(void **state)
{
	(void)state;
	static const char *const cells[] = {
		"id", "name", "kind", "parent", "tutor", "operatore", "specialista", "addetti", "shifts",
		"H", "Hub", "hub", NULL, "2", "30", "0", "0", "1.5",
		"S", "Spoke", "spoke", "H", "1", " 12 ", "0", "4", NULL,
	};
	World *g = grid_world(cells, 3, 9, "Units");
	World *c = world("", "id,name,kind,parent,tutor,operatore,specialista,addetti,shifts\n"
			 "H,Hub,hub,,2,30,0,0,1.5\n"
			 "S,Spoke,spoke,H,1, 12 ,0,4,\n");
	assert_int_equal(g->errors, 0);
	assert_string_equal(g->msgs.p ? g->msgs.p : "", "");
	assert_int_equal(g->u.n, 2);
	for (int k = 0; k < 2; k++) {
		assert_int_equal(g->u.parent[k], c->u.parent[k]);
		for (int r = 0; r < g->r.prog.nroles; r++)
			assert_true(units_count(&g->u, r, k) == units_count(&c->u, r, k));
	}
	assert_true(units_count(&g->u, prog_role(&g->r.prog, "operatore"), unit(g, "S")) == 12);
	assert_int_equal(units_line(&g->u, unit(g, "S")), 3);
	world_free(g);
	world_free(c);
}

static void
test_grid_messages_name_cells(void **state)
{
	(void)state;
	static const char *const cells[] = {
		"id", "kind", "parent", "operatore", "kind", "tutor", "specialista", "addetti",
		"H", "hub", NULL, "x", "hub", "0", "0", "0",
	};
	World *g = grid_world(cells, 2, 8, "Centri");
	assert_string_equal(g->msgs.p,
		"org.xlsx:Centri!E1: error: the column 'kind' appears twice (columns 2 and 5)\n");
	world_free(g);
	static const char *const rows[] = {
		"id", "kind", "parent", "operatore", "tutor", "specialista", "addetti",
		"H", "hub", NULL, "x", "0", "0", "0",
		"S", "spok", "H", "3", "0", "0", "0",
		"S", "spoke", "H", "-1", "0", "0", "0",
	};
	g = grid_world(rows, 4, 7, "Centri");
	assert_string_equal(g->msgs.p,
		"org.xlsx:Centri!D2: error: column 'operatore': 'x' is not a number\n"
		"org.xlsx:Centri!B3: error: 'spok' is not a declared kind; did you mean 'spoke'?\n"
		"org.xlsx:Centri!A4: error: the id 'S' is already used on line 3\n"
		"org.xlsx:Centri!D4: error: column 'operatore': a count cannot be negative\n");
	world_free(g);
}

static void
test_grid_parents_and_wide_columns(void **state)
{
	(void)state;
	enum { NC = 28 };	/* the last column is AB */
	const char *cells[3 * NC];
	for (int i = 0; i < 3 * NC; i++)
		cells[i] = i < NC ? "" : "0";
	cells[0] = "id", cells[1] = "kind", cells[2] = "tutor", cells[3] = "operatore";
	cells[4] = "specialista", cells[5] = "addetti", cells[NC - 1] = "parent";
	for (int i = 6; i < NC - 1; i++)	/* columns no rule reads */
		cells[i] = i == 6 ? "note" : i == 7 ? "note2" : NULL;
	cells[NC + 1] = cells[2 * NC + 1] = "hub";
	cells[NC] = "A", cells[2 * NC - 1] = "B";
	cells[2 * NC] = "B", cells[3 * NC - 1] = "A";
	World *g = grid_world(cells, 3, NC, "S");
	assert_string_equal(g->msgs.p, "org.xlsx:S!A2: error: the parents go round in a cycle: A -> B -> A\n");
	world_free(g);
	cells[3 * NC - 1] = "Z";
	g = grid_world(cells, 3, NC, "S");
	assert_string_equal(g->msgs.p, "org.xlsx:S!AB3: error: column 'parent': no unit has the id 'Z'\n");
	world_free(g);
}

static void
test_roster_from_grid(void **state)
{
	(void)state;
	World *w = xcalloc(1, sizeof *w);
	LoadOptions o = {.roster = true, .decimal = ','};
	world_init(w, DECLS, NULL, "id,kind,parent\nH,hub,\nS,spoke,H\n", &o);
	int file = diag_add_file(&w->d, "people.xlsx", NULL, 0, -1);
	diag_set_sheet(&w->d, file, "Persone");
	static const char *const cells[] = {
		"matricola", "unit", "role", "fte",
		"1", "H", "tutor", "1",
		"2", "S", "operatore", "0,5",
		"3", "S", "operatore", "1",
		"4", "S", "tutr", "1",
	};
	Rows *rs = rows_grid(&w->d, file, cells, 5, 4);
	assert_int_equal(roster_load_rows(&w->u, &w->r.prog, &w->d, rs, &o, true), 1);
	rows_close(rs);
	diag_flush(&w->d, &w->msgs);
	assert_string_equal(buf_cstr(&w->msgs),
		"people.xlsx:Persone!C5: error: 'tutr' is not a declared role; did you mean 'tutor'?\n");
	assert_true(units_count(&w->u, prog_role(&w->r.prog, "operatore"), unit(w, "S")) == 1.5);
	world_free(w);
}

/* --under: a unit and every unit below it, however the rows are
 * ordered (children before their parents too), with --unit's alone. */
static void
test_select_under(void **state)
{
	(void)state;
	World *w = world("", "id,kind,parent\n"
			 "C,hub,B\nA,hub,\nB,hub,A\nD,hub,\nE,hub,D\nF,hub,C\nG,hub,E\n");
	assert_int_equal(w->errors, 0);
	char *ids[] = {"B", "G"};
	bool under[] = {true, false};
	bool *sel = NULL;
	assert_true(units_select(&w->u, &w->d, ids, under, 2, &sel));
	Buf got = {0};
	int *order = units_by_id(&w->u);
	for (int i = 0; i < w->u.n; i++)
		if (sel[order[i]]) {
			Str id = units_id(&w->u, order[i]);
			buf_put(&got, id.s, (size_t)id.len);
		}
	assert_string_equal(buf_cstr(&got), "BCFG");
	free(sel);
	free(order);
	buf_free(&got);
	char *none[] = {"Q"};
	assert_false(units_select(&w->u, &w->d, none, under, 1, &sel));
	free(sel);
	world_free(w);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grid_reads_as_csv),
		cmocka_unit_test(test_grid_messages_name_cells),
		cmocka_unit_test(test_grid_parents_and_wide_columns),
		cmocka_unit_test(test_roster_from_grid),
		cmocka_unit_test(test_select_under),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
