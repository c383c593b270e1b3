/* test_report.h: the results of `coplan test` (each case passed or not,
 * why not, and what the cases exercised), written in each of its
 * formats: text for a terminal, json, junit, markdown for a pull
 * request's page, github annotations on the case that failed. */
#ifndef COPLAN_TEST_REPORT_H
#define COPLAN_TEST_REPORT_H

#include "util.h"

typedef enum TestFormat { TF_TEXT, TF_JSON, TF_JUNIT, TF_MARKDOWN, TF_GITHUB } TestFormat;

typedef struct TestCase {
	char *dir;		/* the case's folder, as found */
	char *file;		/* the file a failure is about: expect.txt, or
				 * units.csv when the case cannot be checked */
	bool pass;
	bool diff;		/* detail is a diff of expect.txt */
	char *detail;		/* a failure: a diff, or why it cannot be checked */
} TestCase;

typedef struct TestMiss {	/* an alternative, rule or scope no case exercised */
	const char *file;
	int line, col;
	char *text;		/* "rule X never applied" */
} TestMiss;

typedef struct TestResults {
	const char *rules;
	bool update;
	TestCase *cases;
	int n, nfailed;
	bool coverage;		/* asked for: the counts below are filled */
	int rules_hit, nrules, scopes_hit, nscopes, alts_hit, nalts;
	double percent;		/* of the alternatives */
	TestMiss *miss;
	int nmiss;
	bool has_min, short_;	/* --min given; the coverage below it */
	double min;
} TestResults;

/* The results in format f, appended to out. */
void test_report(const TestResults *t, TestFormat f, Buf *out);
void test_results_free(TestResults *t);

#endif
