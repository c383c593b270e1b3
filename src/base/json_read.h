/* json_read.h: a JSON reader, for the reports coplan reads back (a baseline).
 * The tree lives in the caller's Arena; errors are said at file:line:col
 * of the Diag's file. */
#ifndef COPLAN_JSON_READ_H
#define COPLAN_JSON_READ_H

#include "diag.h"

typedef enum JsonType { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ } JsonType;

typedef struct Json Json;
struct Json {
	JsonType type;
	Loc loc;		/* where the value starts */
	double num;		/* J_NUM; J_BOOL 0 or 1 */
	char *str;		/* J_STR, NUL-terminated (a \u0000 ends it) */
	Json **items;		/* J_ARR: the values; J_OBJ: the members' values */
	char **keys;		/* J_OBJ: the members' names */
	int n;
};

enum { JSON_MAX_DEPTH = 256 };

/* Parses file `file` of d (its whole text); NULL after an error, said. */
Json *json_parse(Arena *a, Diag *d, int file);
/* The member `key` of an object, or NULL. */
const Json *json_get(const Json *obj, const char *key);
/* "a text", "a number", ... for messages. */
const char *json_type_name(JsonType t);

#endif
