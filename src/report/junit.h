/* junit.h: the JUnit XML report of check. */
#ifndef COPLAN_JUNIT_H
#define COPLAN_JUNIT_H

#include "report_info.h"

/* One testsuite per scope (rules outside scopes: "all units"), one
 * testcase per (rule, unit) the rule applies to (sets a requirement on);
 * a failure for each finding at or above the fail level, system-out for
 * one below it; then a testsuite of the warnings about the rules and
 * the data, failures too under --fail-on warning, so that the report
 * agrees with the exit code. */
bool junit_write(Check *c, const ReportInfo *info, Buf *out);

#endif
