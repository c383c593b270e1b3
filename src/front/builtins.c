/* builtins.c: the table of the rules language's functions and values
 * (builtins.h).  The order is the one "did you mean" prefers on a tie. */
#include "builtins.h"

#include <math.h>
#include <string.h>

const Builtin builtins[] = {
	{"count", FN_LIST, AGG_COUNT, I_AGG, NULL, "count(LIST): how many units the list holds"},
	{"sum", FN_LIST, AGG_SUM, I_AGG, NULL, "sum(LIST.NUMBER): the sum over the list"},
	{"min", FN_COMPARE, AGG_MIN, I_MIN, NULL, "min(X, Y, ...) or min(LIST.NUMBER): the least"},
	{"max", FN_COMPARE, AGG_MAX, I_MAX, NULL, "max(X, Y, ...) or max(LIST.NUMBER): the greatest"},
	{"avg", FN_LIST, AGG_AVG, I_AGG, NULL, "avg(LIST.NUMBER): the mean over the list"},
	{"ceil", FN_MATH, -1, I_MATH, ceil, "ceil(X): the least whole number not below X"},
	{"floor", FN_MATH, -1, I_MATH, floor, "floor(X): the greatest whole number not above X"},
	{"round", FN_MATH, -1, I_MATH, round, "round(X): the nearest whole number, half away from zero"},
	{"abs", FN_MATH, -1, I_MATH, fabs, "abs(X): X without its sign"},
	{"size", FN_SIZE, -1, I_SIZE, NULL, "size(SET): the number of its items"},
};
const int nbuiltins = (int)(sizeof builtins / sizeof builtins[0]);

const char *const builtin_values[] = {
	"headcount", "id", "name", "kind", "parent",
};
const int nbuiltin_values = (int)(sizeof builtin_values / sizeof builtin_values[0]);

const Builtin *
builtin_find(const char *name)
{
	for (int i = 0; i < nbuiltins; i++)
		if (!strcmp(name, builtins[i].name))
			return &builtins[i];
	return NULL;
}

int
builtin_index(const Builtin *b)
{
	return (int)(b - builtins);
}

const char *
builtin_agg_name(AggFn fn)
{
	for (int i = 0; i < nbuiltins; i++)
		if (builtins[i].agg == (int)fn)
			return builtins[i].name;
	return "?";
}
