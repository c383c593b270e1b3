/* fuzz_units.c: any bytes as a units table for fixed rules; what loads
 * is checked, planned and explained. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Diag d = {0};
	Rules r = {.diag = &d};
	fuzz_compile(&r);
	Units u = {0};
	LoadOptions o = {0, false};
	if (units_load_text(&u, &r.prog, &d, "units.csv", fuzz_text(data, size), size, &o) == 0)
		fuzz_run(&r, &u, &d);
	units_free(&u);
	rules_free(&r);
	diag_free(&d);
	return 0;
}
