/* sema.h: names and types of a loaded rules file; the Program's tables
 * of kinds, roles, groups, attributes and scopes. */
#ifndef COPLAN_SEMA_H
#define COPLAN_SEMA_H

#include "front.h"

enum { SEMA_MAX_ROLES = 1000, SEMA_MAX_RULES = 1000000 };

int sema_check(Rules *r);			/* the number of errors added */

#endif
