/* fuzz_roster.c: any bytes as a roster of fixed units and rules. */
#include "fuzz.h"

static const char units_csv[] =
	"id,name,kind,parent,function,services,shifts\n"
	"H,Hub,hub,,a,A|B,2\n"
	"S,Spoke,spoke,H,a,B|C,1\n"
	"P,Presidio,presidio,S,b,,0\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Diag d = {0};
	Rules r = {.diag = &d};
	fuzz_compile(&r);
	Units u = {0};
	LoadOptions o = {.roster = true};
	char *t = fuzz_text((const uint8_t *)units_csv, sizeof units_csv - 1);
	if (units_load_text(&u, &r.prog, &d, "units.csv", t, sizeof units_csv - 1, &o) != 0)
		abort();
	char *path = "roster.csv";
	int f = diag_add_file(&d, path, fuzz_text(data, size), size, -1);
	(void)f;
	if (roster_load_file(&u, &r.prog, &d, f, &o, size % 2 == 0) == 0)
		fuzz_run(&r, &u, &d);
	units_free(&u);
	rules_free(&r);
	diag_free(&d);
	return 0;
}
