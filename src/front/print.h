/* print.h: canonical text of expressions and statements, shared by fmt
 * and by the messages that quote a rule. */
#ifndef COPLAN_PRINT_H
#define COPLAN_PRINT_H

#include "ast.h"

void print_expr(Buf *b, const Node *n);
void print_amount(Buf *b, const Amount *a);
void print_rule_body(Buf *b, const Stmt *s);
/* A pool, a transfer or a budget, on one line. */
void print_plan_stmt(Buf *b, const Stmt *s);
void print_str(Buf *b, const char *s);	/* quoted, escaped */

#endif
