/* plan_run.h: a plan, worked out. */
#ifndef COPLAN_PLAN_RUN_H
#define COPLAN_PLAN_RUN_H

#include "plan.h"

/* Iterates to the fixpoint, in pl->proposed; c's evaluator reads those.
 * The (unit, role)s left unresolved are said by plan_report.
 * 0, or -1 after an error (a runtime error, or a plan that does not
 * settle), reported to the Diag. */
int plan_run(Plan *pl, Check *c);

#endif
