/* rule_text.h: a rule as every report names it: its id or place, its
 * head as explain shows it, its amounts and conditions as written. */
#ifndef COPLAN_RULE_TEXT_H
#define COPLAN_RULE_TEXT_H

#include "escape.h"
#include "program.h"

/* The rule as reports name it: its id, or file:line. */
void out_rule(const Program *p, int r, Buf *b);
/* An amount as written: "2", "at least 1", "1..2". */
void out_amount(Buf *b, const RClause *a);
/* Expression x as written; `> 200` says the headcount it compares. */
void out_cond(Buf *b, const Program *p, int x);
/* "file:line  should rule id: TEXT", indented: a rule as explain heads it. */
void out_rule_head(const Program *p, int r, Buf *b, int indent);

#endif
