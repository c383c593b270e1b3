/* msg.c: the forms of messages (msg.h). */
#include "msg.h"

const char *
plural(double n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}
