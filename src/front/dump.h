/* dump.h: a compiled Program, readable (`coplan lint --dump`). */
#ifndef COPLAN_DUMP_H
#define COPLAN_DUMP_H

#include "program.h"

/* Prints the program readably; with locs, where each rule comes from. */
void prog_dump(const Program *p, Buf *out, bool locs);

#endif
