/* types.h: the types of expressions (sema's second pass). */
#ifndef COPLAN_TYPES_H
#define COPLAN_TYPES_H

#include "front.h"

/* Resolves the names of n and gives it and its parts their types;
 * reports what does not fit.  Returns n's type (T_ERR once reported). */
Type check_expr(Rules *r, Node *n);
/* check_expr, and an error unless n is of type t ("WHAT must be ..."). */
void check_want(Rules *r, Node *n, Type t, const char *what);

#endif
