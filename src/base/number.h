/* number.h: numbers as a data file writes them. */
#ifndef COPLAN_NUMBER_H
#define COPLAN_NUMBER_H

#include "util.h"

/* A decimal as data writes it: optional sign, digits, a decimal mark,
 * digits, spaces around; no exponent, no nan.  The mark is '.', or with
 * comma ',' with '.' grouping thousands in threes. */
bool parse_decimal(const char *s, int len, bool comma, double *out);
/* Why a cell that is not a number in one convention is one in the
 * other: "; ... give --decimal dot", or "". */
const char *decimal_hint(const char *s, int len, bool comma);

#endif
