/* msg.h: how coplan words what it says to people, so that it is said in
 * their language: GNU gettext, its catalogue chosen by the locale
 * (LANG=it_IT.UTF-8, or LANGUAGE=it), English (the text as written)
 * otherwise.  _("text") is a message in the reader's language, N_ marks
 * one for the catalogue where it is defined and translated where it is
 * used.  A sentence that counts comes whole in two forms, one and many,
 * and plural() picks the form the language wants for its number
 * (ngettext: Italian has two, others more); a sentence with two counts
 * is two such pieces.  Never a sentence put together from "s" and "":
 * a translation could not. */
#ifndef COPLAN_MSG_H
#define COPLAN_MSG_H

#include <stdbool.h>

#define _(s) msg_text(s)
#define N_(s) s

/* Chooses the language of messages from the environment, once, before
 * any message: the locale's (LC_ALL, LC_MESSAGES, LANG), or LANGUAGE
 * when the locale says no language; a language asked for whose locale
 * is not installed still speaks (a container seldom has it_IT).  The
 * catalogue is looked for beside the binary (build/locale, run from
 * the build folder) and then where `make install` puts it. */
void msg_init(void);
/* s in the reader's language. */
const char *msg_text(const char *s) __attribute__((format_arg(1)));
/* s where ctx says which of its meanings (a catalogue's msgctxt): "all"
 * of a filter is not "all" of a total. */
const char *msg_ctext(const char *ctx, const char *s) __attribute__((format_arg(2)));
/* The form of a message for the count n, in the reader's language. */
const char *plural(double n, const char *one, const char *many) __attribute__((format_arg(2)))
	__attribute__((format_arg(3)));
/* Whether messages are in Italian: then numbers read by people are
 * written the Italian way (1.040, 7,5). */
bool msg_italian(void);

#endif
