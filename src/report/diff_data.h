/* diff_data.h: what changed in the data itself between two states of an
 * organisation: the units added and removed (matched by id), and the
 * attributes (those the rules declare, the kind and the parent) whose
 * value changed at a unit on both sides; written in diff's formats, and
 * said beside a finding that is new or worse where the data changed. */
#ifndef COPLAN_DIFF_DATA_H
#define COPLAN_DIFF_DATA_H

#include "requirements.h"

typedef enum DiffFormat { DF_TEXT, DF_JSON, DF_CSV, DF_MARKDOWN, DF_HTML } DiffFormat;

enum { DATA_KIND = -1, DATA_PARENT = -2 };

typedef struct DataChange {
	int kb, ka;		/* the unit before and after (-1: not there) */
	int attr;		/* an attribute, DATA_KIND or DATA_PARENT;
				 * added and removed units: unused */
} DataChange;

typedef struct DataChanges {
	const Units *ub, *ua;
	const Program *p;
	DataChange *added, *removed, *changed;
	int nadded, nremoved, nchanged;
	int *first;		/* per unit after: its first change in
				 * changed, or -1 */
} DataChanges;

/* Works out the changes from before to after (id order), of the units
 * shown (selb, sela: each side's, NULL all). */
void data_changes(DataChanges *d, const Check *before, const Check *after, const bool *selb, const bool *sela);
void data_changes_free(DataChanges *d);
/* Whether unit k before has a unit of its id after, and the reverse. */
bool data_unit_gone(const DataChanges *d, int kb);
bool data_unit_new(const DataChanges *d, int ka);
/* The sections (text, markdown, html), the json keys ("units_added",
 * "units_removed", "attributes_changed", each followed by ",\n"), or
 * the csv rows (change added, removed or attribute) of d. */
void data_changes_write(const DataChanges *d, DiffFormat f, Buf *out);
/* The attributes that changed at unit ka (after), "beds 20 -> 36, kind
 * ward -> icu", into out (json: [{"attribute", "before", "after"}]);
 * false, nothing written, when none did. */
bool data_changes_at(const DataChanges *d, int ka, bool json, Buf *out);

#endif
