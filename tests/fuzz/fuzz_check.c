/* fuzz_check.c: a rules file and a units table in one input, split at
 * the first line "%%": the whole of check, plan and explain. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	const char *cut = NULL;
	for (size_t i = 0; i + 3 <= size; i++)
		if (s[i] == '%' && s[i + 1] == '%' && s[i + 2] == '\n' && (i == 0 || s[i - 1] == '\n')) {
			cut = s + i;
			break;
		}
	if (!cut)
		return 0;
	size_t nrules = (size_t)(cut - s), nunits = size - nrules - 3;
	Diag d = {0};
	Rules r = {.diag = &d};
	Units u = {0};
	if (rules_compile_text(&r, "fuzz.rules", s, nrules) == 0) {
		LoadOptions o = {.delimiter = 0};
		if (units_load_text(&u, &r.prog, &d, "units.csv", fuzz_text((const uint8_t *)cut + 3, nunits),
				    nunits, &o) == 0)
			fuzz_run(&r, &u, &d);
	}
	units_free(&u);
	rules_free(&r);
	diag_free(&d);
	return 0;
}
