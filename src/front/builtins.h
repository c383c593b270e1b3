/* builtins.h: the names coplan knows itself, in one table each: the
 * values every unit has (headcount, id, ...) and the functions.  Every
 * part that needs a function reads it here: names and "did you mean"
 * (symtab.c), types (types.c), code (compile.c), the listing (dump.c),
 * the interpreter (eval.c, through `math`).  A function of one number
 * is one row of the table: its name, FN_MATH and its C function. */
#ifndef COPLAN_BUILTINS_H
#define COPLAN_BUILTINS_H

#include "program.h"

typedef enum FnForm {
	FN_LIST,	/* one list: count, sum, avg */
	FN_COMPARE,	/* numbers, or one list: min, max */
	FN_MATH,	/* a number of a number: I_MATH, `math` */
	FN_SIZE,	/* the number of items of a set */
} FnForm;

typedef struct Builtin {
	const char *name;
	FnForm form;
	int agg;		/* AggFn over a list, or -1 */
	Opcode op;		/* over numbers (FN_COMPARE, FN_MATH, FN_SIZE) */
	double (*math)(double);	/* FN_MATH */
	const char *usage;	/* as the reference and an editor show it */
} Builtin;

extern const Builtin builtins[];
extern const int nbuiltins;
/* The values of a unit rules may read by name. */
extern const char *const builtin_values[];
extern const int nbuiltin_values;

/* The function called name, or NULL. */
const Builtin *builtin_find(const char *name);
/* Its index in builtins[] (I_MATH's argument). */
int builtin_index(const Builtin *b);
/* The name of aggregate fn ("count", "sum", ...). */
const char *builtin_agg_name(AggFn fn);

#endif
