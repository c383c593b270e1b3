/* lang.c: names of the language's types, for messages. */
#include "lang.h"

const char *
type_name(Type t)
{
	switch (t) {
	case T_NUM: return "a number";
	case T_TEXT: return "a text";
	case T_SET: return "a set";
	case T_BOOL: return "true or false";
	case T_UNITS: return "a list of units";
	case T_LIST_NUM: return "a list of numbers";
	case T_LIST_TEXT: return "a list of texts";
	case T_LIST_SET: return "a list of sets";
	case T_LIST_BOOL: return "a list of true/false values";
	case T_ERR: break;
	}
	return "an invalid value";
}
