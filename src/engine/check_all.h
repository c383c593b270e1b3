/* check_all.h: check_run, the findings of every unit (or those
 * selected), and the missing finding of one count. */
#ifndef COPLAN_CHECK_ALL_H
#define COPLAN_CHECK_ALL_H

#include "requirements.h"

/* Checks the units (all when selected is NULL) and sorts the findings by
 * unit id, then role name.  Over all units, it also warns (kind
 * "unused-rule", "unused-scope") of every rule and scope that applied
 * to no unit.  False on a runtime error. */
bool check_run(Check *c, const bool *selected);

/* Unit k as the reports see it beyond its findings: applied[r] is 1
 * when rule r sets a requirement on it or judges it (check_rule's
 * AP_YIELD); false after a runtime error. */
bool check_applied(Check *c, int k, unsigned char *applied);
/* in[s]: unit k is in scope s (and those around it). */
void check_scopes_in(Check *c, int k, unsigned char *in);

#endif
