/* fmt.h: canonical layout of a rules file. */
#ifndef COPLAN_FMT_H
#define COPLAN_FMT_H

#include "diag.h"

/* Appends the formatted text of file `file` of d to out; returns the
 * number of syntax errors (then out is left as it was). */
int fmt_file(Diag *d, int file, Buf *out);

#endif
