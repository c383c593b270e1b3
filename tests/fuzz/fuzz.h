/* fuzz.h: what the libFuzzer harnesses share: a fixed set of rules that
 * reads every kind of attribute, for the data harnesses. */
#ifndef COPLAN_FUZZ_H
#define COPLAN_FUZZ_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_all.h"
#include "explain.h"
#include "fmt.h"
#include "plan_report.h"
#include "plan_run.h"
#include "report.h"
#include "compile.h"
#include "dump.h"
#include "lint.h"
#include "load.h"
#include "print.h"
#include "sema.h"
#include "roster.h"
#include "table.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char fuzz_rules[] =
	"kind hub, spoke, presidio\n"
	"role tutor grade B cost 40000\n"
	"role operatore grade C\n"
	"role addetti grade D\n"
	"group operativi = operatore + tutor\n"
	"attribute function : text\n"
	"attribute services : set\n"
	"attribute shifts : number\n"
	"scope s where function != \"x\" {\n"
	"    rule span: 1 tutor per 12..18 operativi, 2 if > 200, else 0\n"
	"    should at least 1 tutor if addetti / (shifts + 1) >= 10\n"
	"}\n"
	"1 addetti per spoke if size(services - parent.services) > 0, else 0\n"
	"tutor <= count(descendants where \"A\" in services) + sum(children.tutor) + max(descendants.shifts)\n";

/* The fixed rules, compiled; a failure is a bug of the harness. */
static inline void
fuzz_compile(Rules *r)
{
	if (rules_compile_text(r, "fuzz.rules", fuzz_rules, sizeof fuzz_rules - 1) != 0)
		abort();
}

/* A copy of the input with a NUL after it: the loaders own their text. */
static inline char *
fuzz_text(const uint8_t *data, size_t size)
{
	char *t = malloc(size + 1);
	if (!t)
		abort();
	memcpy(t, data, size);
	t[size] = 0;
	return t;
}

/* The bytes in a new file under /tmp; its name in path (a template of
 * the caller's, "/tmp/coplan-fuzz-XXXXXX"). */
static inline void
fuzz_file(char *path, const uint8_t *data, size_t size)
{
	int fd = mkstemp(path);
	if (fd < 0 || write(fd, data, size) != (ssize_t)size)
		abort();
	close(fd);
}

/* Every report of check from FMT_TEXT to last, made and let go. */
static inline void
fuzz_reports(Check *c, const ReportInfo *info, Format last)
{
	for (int f = FMT_TEXT; f <= (int)last; f++) {
		Buf out = {0};
		report_check(c, (Format)f, info, &out);
		buf_free(&out);
	}
}

/* Checks, plans and explains whatever loaded; every report format. */
static inline void
fuzz_run(Rules *r, Units *u, Diag *d)
{
	Check c;
	check_init(&c, &r->prog, u, d);
	if (check_run(&c, NULL)) {
		ReportInfo info = {.units = u->n};
		fuzz_reports(&c, &info, FMT_GITHUB);
	}
	if (u->n) {
		Buf out = {0};
		explain_unit(&c, 0, -1, &out);
		buf_free(&out);
	}
	/* a plan whose rounds swing takes its 100 rounds (43 s for one of 8
	 * units): 5 s, then the plan as it stands, as --time-limit 5 */
	Plan pl = {.time_limit = 5};
	if (plan_run(&pl, &c) == 0) {
		for (int f = PF_TABLE; f <= PF_MARKDOWN; f++) {
			Buf out = {0};
			plan_report(&pl, (PlanFormat)f, NULL, &out, NULL, NULL);
			buf_free(&out);
		}
	}
	plan_free(&pl);
	check_free(&c);
	Buf msgs = {0};
	diag_flush(d, &msgs);
	buf_free(&msgs);
}

#endif
