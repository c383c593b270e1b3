/* feed.h: a data file's records read ahead on a thread of their own.
 *
 * The reader thread runs csv_next over an open Csv and hands the records
 * over in batches (their bytes copied); the caller takes them one by one
 * as if from csv_next, so that it can store one record while the next
 * ones are split into fields.  What the reader says (a malformed field,
 * a fault in the file) is kept apart and said only when the caller has
 * taken every record before it and reads on (feed_end), so the messages
 * and their order are those of reading on one thread. */
#ifndef COPLAN_FEED_H
#define COPLAN_FEED_H

#include "csv.h"

typedef struct Feed Feed;

/* Starts reading c (opened, its header read) on a thread; NULL when no
 * thread can be started (read c as before).  c is the reader's until
 * feed_end.  id_field: the field whose hash feed_ahead gives, or -1. */
Feed *feed_start(Csv *c, int id_field);
/* The next record, in view (a Csv whose buffer is the record's batch:
 * csv_loc and csv_loc_text work on it as on c): 1, 0 at the end, -1
 * when the reading stopped at a fault. */
int feed_next(Feed *f, Csv *view);
/* The hash (mem_hash) of the trimmed field id_field of the record
 * `ahead` records after the one just taken, when it is in the same
 * batch: what it will look up can be on its way to the cache. */
bool feed_ahead(const Feed *f, int ahead, unsigned *hash);
/* Stops the reader and frees the feed.  early: the caller read no
 * further (too many errors), so what the reader would have said is
 * dropped; else it is said now, to c's Diag. */
void feed_end(Feed *f, bool early);

#endif
