/* formats.h: every report format of every command, in one table: its
 * name, the command that writes it, its number in that command's
 * writers (Format, PlanFormat, DiffFormat, TestFormat), and whether it is a
 * workbook (bytes for a file, never for a terminal).  Parsing --format,
 * the list an error gives, and what needs a file all read it: a new
 * format is one row here and its writer. */
#ifndef COPLAN_FORMATS_H
#define COPLAN_FORMATS_H

#include "util.h"

typedef enum FormatCmd { FOR_CHECK, FOR_PLAN, FOR_DIFF, FOR_TEST } FormatCmd;

/* The format called name of cmd's, or -1. */
int format_find(FormatCmd cmd, const char *name);
/* "text, json, csv and html": cmd's formats, for a message. */
void format_list(FormatCmd cmd, Buf *b);
/* Whether cmd's format f is a workbook. */
bool format_workbook(FormatCmd cmd, int f);

#endif
