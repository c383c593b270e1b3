/* msg.h: how coplan words what it says to people, so that it can be
 * said in another language.  A sentence that counts comes whole in two
 * forms, one and many, and plural() picks the form for its number, as
 * GNU gettext's ngettext does (a catalogue may give a language more
 * forms); a sentence with two counts is two such pieces.  Never a
 * sentence put together from "s" and "": a translation could not. */
#ifndef COPLAN_MSG_H
#define COPLAN_MSG_H

/* The form of a message for the count n: one, or many. */
const char *plural(double n, const char *one, const char *many);

#endif
