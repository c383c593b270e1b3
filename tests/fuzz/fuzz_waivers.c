/* fuzz_waivers.c: any bytes as a waivers file, read and matched against
 * the findings of a fixed organisation, on a fixed day. */
#include "fuzz.h"
#include "waivers.h"

static const char units[] =
	"id,name,kind,parent,function,services,shifts,tutor,operatore,addetti\n"
	"H,Hub,hub,,a,A|B,2,0,40,3\n"
	"S,Spoke,spoke,H,b,A,1,1,10,30\n"
	"P,Presidio,presidio,S,x,,0,0,0,0\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[] = "/tmp/coplan-fuzz-waivers-XXXXXX";
	fuzz_file(path, data, size);
	Diag d = {0};
	Rules r = {.diag = &d};
	fuzz_compile(&r);
	Units u = {0};
	Waivers w = {0};
	LoadOptions o = {.delimiter = 0};
	size_t n = sizeof units - 1;
	char *text = fuzz_text((const uint8_t *)units, n);
	if (units_load_text(&u, &r.prog, &d, "units.csv", text, n, &o) != 0)
		abort();	/* the harness's own table */
	if (waivers_load(&w, &d, path, waivers_day("2026-12-07", 10), 0) == 0) {
		Check c;
		check_init(&c, &r.prog, &u, &d);
		if (check_run(&c, NULL)) {
			waivers_apply(&w, &c, NULL);
			ReportInfo info = {.units = u.n, .waivers = &w};
			fuzz_reports(&c, &info, FMT_GITHUB);
		}
		check_free(&c);
	}
	Buf msgs = {0};
	diag_flush(&d, &msgs);
	buf_free(&msgs);
	unlink(path);
	waivers_free(&w);
	units_free(&u);
	rules_free(&r);
	diag_free(&d);
	return 0;
}
