/* fuzz_rules.c: any bytes as a rules file: compile, lint, dump, fmt. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Diag d = {0};
	Rules r = {.diag = &d};
	if (rules_compile_text(&r, "fuzz.rules", (const char *)data, size) == 0) {
		lint_warnings(&r, true);
		Buf dump = {0};
		prog_dump(&r.prog, &dump, true);
		buf_free(&dump);
	}
	int f = diag_add_file(&d, "fuzz.rules", fuzz_text(data, size), size, -1);
	Buf out = {0};
	fmt_file(&d, f, &out);
	buf_free(&out);
	Buf msgs = {0};
	diag_flush(&d, &msgs);
	buf_free(&msgs);
	rules_free(&r);
	diag_free(&d);
	return 0;
}
