/* lang.c: names of the language's types, for messages. */
#include "lang.h"
#include "msg.h"

const char *
type_name(Type t)
{
	switch (t) {
	case T_NUM: return _("a number");
	case T_TEXT: return _("a text");
	case T_SET: return _("a set");
	case T_BOOL: return _("true or false");
	case T_UNITS: return _("a list of units");
	case T_LIST_NUM: return _("a list of numbers");
	case T_LIST_TEXT: return _("a list of texts");
	case T_LIST_SET: return _("a list of sets");
	case T_LIST_BOOL: return _("a list of true/false values");
	case T_ERR: break;
	}
	return _("an invalid value");
}
