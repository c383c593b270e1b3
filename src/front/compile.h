/* compile.h: a checked syntax tree into a Program; and the whole front
 * end at once (load, sema, compile). */
#ifndef COPLAN_COMPILE_H
#define COPLAN_COMPILE_H

#include "front.h"

void compile_program(Rules *r);			/* only after 0 errors */
/* All of it: load, check, compile.  Returns the number of errors. */
int rules_compile(Rules *r, const char *path);
/* The same over text in memory, named path in messages. */
int rules_compile_text(Rules *r, const char *path, const char *text, size_t len);
void rules_free(Rules *r);

#endif
