/* lint.h: warnings about rules that compile. */
#ifndef COPLAN_LINT_H
#define COPLAN_LINT_H

#include "front.h"

/* The warnings of lint; without tidy, only those that can change what
 * check and plan answer (never-applies, never-chosen). */
void lint_warnings(Rules *r, bool tidy);

#endif
