/* msg.c: the language of messages (msg.h), through GNU gettext. */
#include "msg.h"

#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

static bool inited, italian;

/* The first of LC_ALL, LC_MESSAGES and LANG that is set: the locale
 * asked for messages, as setlocale reads it. */
static const char *
asked_locale(void)
{
	const char *names[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (int i = 0; i < 3; i++) {
		const char *v = getenv(names[i]);
		if (v && *v)
			return v;
	}
	return NULL;
}

static bool
plain_c(const char *l)
{
	return !strcmp(l, "C") || !strcmp(l, "POSIX");
}

/* The folder of the catalogues: beside the binary (run from the build
 * folder), or the share/locale of the prefix the binary is installed
 * under (/usr/bin/coplan: /usr/share/locale, wherever the package or
 * `make install` put it), else the one it was built for. */
static void
bind_catalogue(void)
{
	static char dir[PATH_MAX + 64];
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	const char *use = LOCALEDIR;
	const char *near[] = {"%s/locale", "%s/../share/locale"};
	char *slash = n > 0 ? (exe[n] = 0, strrchr(exe, '/')) : NULL;
	if (slash)
		*slash = 0;
	bool found = false;
	for (int i = 0; slash && i < 2 && !found; i++) {
		char mo[PATH_MAX + 128];
		struct stat st;
		snprintf(dir, sizeof dir, near[i], exe);
		snprintf(mo, sizeof mo, "%s/it/LC_MESSAGES/coplan.mo", dir);
		if (stat(mo, &st) == 0 && S_ISREG(st.st_mode))
			use = dir, found = true;
	}
	bindtextdomain("coplan", use);
	bind_textdomain_codeset("coplan", "UTF-8");	/* whatever the locale's charset */
	textdomain("coplan");
}

void
msg_init(void)
{
	if (inited)
		return;
	inited = true;
	const char *asked = asked_locale(), *language = getenv("LANGUAGE");
	const char *got = setlocale(LC_MESSAGES, "");
	if (asked && plain_c(asked)) {
		/* LANG=C and its like: English, whatever LANGUAGE says */
		setlocale(LC_MESSAGES, "C");
		return;
	}
	if (!got || !strcmp(got, "C") || !strcmp(got, "POSIX")) {
		/* a language asked for but not installed, or only LANGUAGE:
		 * gettext reads LANGUAGE in any locale but "C" */
		char lang[64] = "";
		if (language && *language)
			snprintf(lang, sizeof lang, "%s", language);
		else if (asked)
			snprintf(lang, sizeof lang, "%.*s", (int)strcspn(asked, ".@"), asked);
		if (!*lang)
			return;
		if (!setlocale(LC_MESSAGES, "C.UTF-8"))
			return;
		setenv("LANGUAGE", lang, 1);
	}
	bind_catalogue();
	/* TRANSLATORS: the code of the catalogue's language: "it" */
	italian = !strcmp(gettext("en"), "it");
}

const char *
msg_text(const char *s)
{
	return inited && *s ? gettext(s) : s;
}

const char *
msg_ctext(const char *ctx, const char *s)
{
	if (!inited || !*s)
		return s;
	char key[256];
	int n = snprintf(key, sizeof key, "%s\004%s", ctx, s);
	if (n < 0 || (size_t)n >= sizeof key)
		return s;
	const char *t = gettext(key);
	return t == key ? s : t;
}

const char *
plural(double n, const char *one, const char *many)
{
	if (!inited)
		return n == 1 ? one : many;
	unsigned long k = n >= 0 && n < 4e9 ? (unsigned long)n : 5;
	/* a count that is not whole takes the many form in both languages */
	if (n != (double)k)
		k = 5;
	return ngettext(one, many, k);
}

bool
msg_italian(void)
{
	return italian;
}
