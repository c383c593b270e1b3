/* fuzz_test.c: a case of `coplan test` from any bytes: its units.csv,
 * expect.txt and args (split at lines "%%"), run against the fixed
 * rules in a folder of its own; the first byte picks --update,
 * --coverage and the format. */
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"
#include "ruletest.h"

static char dir[64];

static void
put(const char *name, const char *s, size_t n)
{
	char path[128];
	snprintf(path, sizeof path, "%s/case/%s", dir, name);
	unlink(path);
	if (!s)
		return;
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(s, 1, n, f) != n || fclose(f) != 0)
		abort();
}

/* The next part of [*s, end) up to a line "%%", or NULL when none is
 * left; its length in *n. */
static const char *
part(const char **s, const char *end, size_t *n)
{
	const char *p = *s;
	if (!p)
		return NULL;
	for (const char *q = p; q + 3 <= end; q++)
		if ((q == p || q[-1] == '\n') && !memcmp(q, "%%\n", 3)) {
			*n = (size_t)(q - p);
			*s = q + 3;
			return p;
		}
	*n = (size_t)(end - p);
	*s = NULL;
	return p;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!size)
		return 0;
	if (!dir[0]) {
		char rules[128];
		snprintf(dir, sizeof dir, "/tmp/coplan-fuzz-test-XXXXXX");
		if (!mkdtemp(dir))
			abort();
		snprintf(rules, sizeof rules, "%s/case", dir);
		mkdir(rules, 0700);
		snprintf(rules, sizeof rules, "%s/main.rules", dir);
		FILE *f = fopen(rules, "wb");
		if (!f || fwrite(fuzz_rules, 1, sizeof fuzz_rules - 1, f) != sizeof fuzz_rules - 1 || fclose(f) != 0)
			abort();
	}
	unsigned pick = data[0];
	const char *s = (const char *)data + 1, *end = (const char *)data + size;
	size_t n[3] = {0};
	const char *units = part(&s, end, &n[0]), *expect = part(&s, end, &n[1]), *args = part(&s, end, &n[2]);
	put("units.csv", units, n[0]);
	put("expect.txt", expect, n[1]);
	put("args", args, n[2]);
	char rules[128], cases[128];
	snprintf(rules, sizeof rules, "%s/main.rules", dir);
	snprintf(cases, sizeof cases, "%s/case", dir);
	static const char *const formats[] = {"text", "json", "junit", "text"};
	char *argv[8] = {"test", rules, cases};
	int argc = 3;
	if (pick & 1)
		argv[argc++] = "--update";
	if (pick & 2)
		argv[argc++] = "--coverage";
	argv[argc++] = "--format";
	argv[argc++] = (char *)formats[(pick >> 2) & 3];
	argv[argc] = NULL;
	ruletest_command(argc, argv);
	return 0;
}
