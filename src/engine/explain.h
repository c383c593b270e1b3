/* explain.h: why a unit's requirement is what it is. */
#ifndef COPLAN_EXPLAIN_H
#define COPLAN_EXPLAIN_H

#include "requirements.h"

/* Explains unit k, every role a rule sets (role < 0) or one role.
 * False after a runtime error. */
bool explain_unit(Check *c, int k, int role, Buf *out);

#endif
