/* fuzz_baseline.c: any bytes as a baseline (an earlier json report):
 * read, then matched with the findings of a small check. */
#include "fuzz.h"
#include "baseline.h"

static const char units[] =
	"id,name,kind,parent,function,services,shifts,tutor,operatore,addetti\n"
	"H,Hub,hub,,x,A,1,0,300,0\n"
	"S,Spoke,spoke,H,x,B,0,9,10,5\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Diag d = {0};
	Rules r = {.diag = &d};
	Units u = {0};
	Baseline b = {0};
	fuzz_compile(&r);
	LoadOptions o = {.delimiter = 0};
	if (units_load_text(&u, &r.prog, &d, "units.csv", fuzz_text((const uint8_t *)units, sizeof units - 1),
			    sizeof units - 1, &o) != 0)
		abort();
	int f = diag_add_file(&d, "old.json", fuzz_text(data, size), size, -1);
	if (baseline_parse(&b, &d, f) == 0) {
		Check c;
		check_init(&c, &r.prog, &u, &d);
		if (check_run(&c, NULL)) {
			baseline_apply(&b, &c, NULL);
			ReportInfo info = {.units = u.n, .baseline = &b};
			fuzz_reports(&c, &info, FMT_MARKDOWN);
		}
		check_free(&c);
	}
	Buf msgs = {0};
	diag_flush(&d, &msgs);
	buf_free(&msgs);
	baseline_free(&b);
	units_free(&u);
	rules_free(&r);
	diag_free(&d);
	return 0;
}
