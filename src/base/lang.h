/* lang.h: what the syntax tree and the compiled program both speak of:
 * the types of values, the kinds of amounts and of `per`, the forms of a
 * rule.  Nothing here knows either side's structures. */
#ifndef COPLAN_LANG_H
#define COPLAN_LANG_H

typedef enum Type {
	T_ERR,		/* already reported: stay quiet */
	T_NUM,
	T_TEXT,
	T_SET,
	T_BOOL,
	T_UNITS,	/* a list of units: children, descendants */
	T_LIST_NUM,	/* children.X with X a number */
	T_LIST_TEXT,
	T_LIST_SET,
	T_LIST_BOOL,
} Type;

const char *type_name(Type t);		/* "a number", "a text", ... */

/* Whose children a list is: the unit's, its parent's (the unit among
 * them), or its parent's but the unit (its siblings). */
enum { LIST_OWN, LIST_PARENT, LIST_SIBLINGS };

typedef enum AmountKind { AM_EXACT, AM_ATLEAST, AM_ATMOST, AM_RANGE } AmountKind;

typedef enum PerKind {
	PER_NONE,
	PER_NAME,	/* per NAME: a kind, or a ratio of 1; sema decides */
	PER_RATIO,	/* per N Q */
	PER_SPAN,	/* per A..B Q */
} PerKind;

/* R_ASSERT: `assert COND`, a check on the data that sets no count. */
typedef enum RuleForm { R_SUGAR, R_EQ, R_GE, R_LE, R_IN, R_ASSERT } RuleForm;

#endif
