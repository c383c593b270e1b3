/* load.h: rules files into a syntax tree, includes expanded in place. */
#ifndef COPLAN_LOAD_H
#define COPLAN_LOAD_H

#include "front.h"

/* Each returns the number of errors it added to r->diag. */
int rules_load(Rules *r, const char *path);
/* The same over text in memory, named path in messages. */
int rules_load_text(Rules *r, const char *path, const char *text, size_t len);

#endif
