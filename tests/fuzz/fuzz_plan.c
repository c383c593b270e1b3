/* fuzz_plan.c: a small organisation planned whole, made from any bytes:
 * up to 8 units in two areas, counts whole or halves, a span rule, a
 * should floor, pools (strict or "at most", over an area or all),
 * moves within an area, a cost or headcount budget, a step; each
 * statement there or not by a bit.  Check, plan and every report. */
#include <stdio.h>

#include "fuzz.h"

/* The next byte of the input, 0 past its end. */
static unsigned
next(const uint8_t *data, size_t size, size_t *at)
{
	return *at < size ? data[(*at)++] : 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t at = 0;
	unsigned bits = next(data, size, &at) | next(data, size, &at) << 8;
	Buf rules = {0}, units = {0};
	buf_printf(&rules, "kind hub, spoke\nrole tutor grade B cost %u\nrole operatore grade C cost %u\n"
		   "attribute area : text\n", 1000 * (next(data, size, &at) % 50), 1000 * (next(data, size, &at) % 40));
	if (bits & 1)
		buf_puts(&rules, "rule span: 1 tutor per 12..18 operatore\n");
	if (bits & 2)
		buf_puts(&rules, "should rule hub_floor: at least 1 tutor per hub\n");
	if (bits & 4)
		buf_puts(&rules, "rule ops: at least 5 operatore\n");
	if (bits & 8)
		buf_printf(&rules, "pool float: at most %u tutor where area == \"A\"\n", next(data, size, &at) % 6);
	if (bits & 16)
		buf_printf(&rules, "pool arrivals: %u operatore%s\n", next(data, size, &at) % 30,
			   bits & 32 ? " where area == \"B\"" : "");
	if (bits & 64)
		buf_puts(&rules, "transfer tutor, operatore within area\n");
	if (bits & 128)
		buf_printf(&rules, "budget cost <= %d\n", (int)(next(data, size, &at) % 64) * 20000 - 200000);
	if (bits & 256)
		buf_printf(&rules, "budget headcount <= %d\n", (int)(next(data, size, &at) % 32) - 8);
	int n = 1 + (int)(next(data, size, &at) % 8);
	bool halves = bits & 512;
	buf_puts(&units, "id,name,kind,parent,area,tutor,operatore\n");
	for (int k = 0; k < n; k++) {
		unsigned a = next(data, size, &at), t = next(data, size, &at), o = next(data, size, &at);
		buf_printf(&units, "U%d,unit %d,%s,%s,%s,%u%s,%u\n", k, k, k && (a & 1) ? "spoke" : "hub",
			   k && (a & 1) ? "U0" : "", a & 2 ? "A" : "B", t % 5, halves && (t & 8) ? ".5" : "", o % 60);
	}
	Diag d = {0};
	Rules r = {.diag = &d};
	Units u = {0};
	if (rules_compile_text(&r, "fuzz.rules", rules.p, rules.len) != 0)
		abort();	/* the harness writes only rules that compile */
	LoadOptions lo = {.delimiter = 0};
	size_t len = units.len;
	if (units_load_text(&u, &r.prog, &d, "units.csv", fuzz_text((const uint8_t *)units.p, len), len, &lo) == 0)
		fuzz_run(&r, &u, &d);
	units_free(&u);
	rules_free(&r);
	diag_free(&d);
	buf_free(&rules);
	buf_free(&units);
	return 0;
}
