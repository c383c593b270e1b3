/* sarif.c: findings as SARIF 2.1.0, for code scanning; and where a
 * finding's unit is in the data, which the CI formats point at. */
#include "sarif.h"
#include "finding.h"
#include "waivers.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Where a finding's unit is in the data: its row in the units table,
 * or its first row in the roster; line 0 when unknown. */
int
report_unit_row(const Check *c, const ReportInfo *info, int k, const char **path)
{
	const Units *u = c->u;
	if (info->roster_path && u->roster_line && u->roster_line[k]) {
		*path = info->roster_path;
		return u->roster_line[k];
	}
	*path = info->units_path ? info->units_path : "";
	return units_line(u, k);
}

/* FNV-1a 64 over unit, role and rule: stable across runs. */
static unsigned long long
fingerprint(const Str *unit, const char *role, const char *rule)
{
	unsigned long long h = 14695981039346656037ull;
	const char *parts[3] = {unit->s, role, rule};
	size_t lens[3] = {(size_t)unit->len, strlen(role), strlen(rule)};
	for (int i = 0; i < 3; i++) {
		for (size_t j = 0; j < lens[i]; j++)
			h = (h ^ (unsigned char)parts[i][j]) * 1099511628211ull;
		h = (h ^ 0x1f) * 1099511628211ull;	/* a separator */
	}
	return h;
}

/* path relative to the current directory (where CI runs: the
 * checkout's root) when it is inside it, without a leading "./". */
static const char *
repo_path(const char *path)
{
	char *cwd = path[0] == '/' ? getcwd(NULL, 0) : NULL;
	size_t n = cwd ? strlen(cwd) : 0;
	if (n > 1 && !strncmp(path, cwd, n) && path[n] == '/')
		path += n + 1;	/* inside: relative after all */
	free(cwd);
	while (path[0] == '.' && path[1] == '/')
		path += 2;
	return path;
}

/* An artifactLocation: a path relative to the current directory under
 * %SRCROOT% (code scanning resolves it from the checkout), or an
 * absolute one outside it as a file URI; URI-escaped either way. */
static void
sarif_artifact(Buf *b, const char *path)
{
	path = repo_path(path);
	bool abs = path[0] == '/';
	buf_puts(b, "{\"uri\": \"");
	if (abs)
		buf_puts(b, "file://");
	for (const unsigned char *q = (const unsigned char *)path; *q; q++) {
		if ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9') ||
		    strchr("-._~/", *q))
			buf_putc(b, (char)*q);
		else
			buf_printf(b, "%%%02X", *q);
	}
	buf_puts(b, abs ? "\"}" : "\", \"uriBaseId\": \"%SRCROOT%\"}");
}

static void
sarif_location(Buf *b, const char *path, int line)
{
	buf_puts(b, "\"physicalLocation\": {\"artifactLocation\": ");
	sarif_artifact(b, path);
	if (line > 0)
		buf_printf(b, ", \"region\": {\"startLine\": %d}", line);
	buf_putc(b, '}');
}

/* SARIF 2.1.0 for code scanning: each result on the unit's data row,
 * the rule's line beside it; warnings about the input as notifications. */
void
sarif_write(Check *c, const ReportInfo *info, Buf *out)
{
	const Program *p = c->p;
	const Diag *d = c->diag;
	Buf m = {0};
	buf_puts(out, "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
		 "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
		 "      \"tool\": {\n        \"driver\": {\n          \"name\": \"coplan\",\n"
		 "          \"version\": \"" COPLAN_VERSION "\",\n          \"rules\": [");
	for (int r = 0; r < p->nrules; r++) {
		const Rule *u = &p->rules[r];
		buf_puts(out, r ? ",\n            {\"id\": " : "\n            {\"id\": ");
		m.len = 0;
		out_rule(p, r, &m);
		json_str(out, m.p, m.len);
		buf_puts(out, ", \"shortDescription\": {\"text\": ");
		json_cstr(out, u->label ? u->label : u->text);
		buf_puts(out, "}, \"fullDescription\": {\"text\": ");
		m.len = 0;
		if (u->should)
			buf_puts(&m, "should ");
		if (u->id)
			buf_printf(&m, "rule %s: ", u->id);
		buf_puts(&m, u->text);
		json_str(out, m.p, m.len);
		buf_printf(out, "}, \"defaultConfiguration\": {\"level\": \"%s\"}}",
			   u->should ? "warning" : "error");
	}
	buf_puts(out, p->nrules ? "\n          ]\n" : "]\n");
	buf_puts(out, "        }\n      },\n      \"invocations\": [{\"executionSuccessful\": true, "
		 "\"toolExecutionNotifications\": [");
	int n = 0;
	for (int i = 0; i < d->nmsgs; i++) {
		const DiagMsg *w = &d->msgs[i];
		if (w->level != DIAG_WARNING)
			continue;
		buf_puts(out, n++ ? ",\n        {\"level\": \"warning\", \"message\": {\"text\": "
			 : "\n        {\"level\": \"warning\", \"message\": {\"text\": ");
		json_cstr(out, w->text);
		buf_puts(out, "}, \"descriptor\": {\"id\": ");
		json_cstr(out, w->kind ? w->kind : "input");
		buf_putc(out, '}');
		if (w->loc.file >= 0) {
			buf_puts(out, ", \"locations\": [{");
			sarif_location(out, d->files[w->loc.file].path, w->loc.first_line);
			buf_puts(out, "}]");
		}
		buf_putc(out, '}');
	}
	buf_puts(out, n ? "\n      ]}],\n" : "]}],\n");
	buf_puts(out, "      \"results\": [");
	for (int i = 0; i < c->nf; i++) {
		const Finding *f = &c->f[i];
		const Rule *r = &p->rules[f->v.rule];
		buf_puts(out, i ? ",\n        {\"ruleId\": " : "\n        {\"ruleId\": ");
		m.len = 0;
		out_rule(p, f->v.rule, &m);
		json_str(out, m.p, m.len);
		char *rid = xmalloc(m.len + 1);
		memcpy(rid, m.p, m.len + 1);
		buf_printf(out, ", \"ruleIndex\": %d, \"level\": \"%s\", ", f->v.rule, f->v.error ? "error" : "warning");
		if (info->baseline)
			buf_printf(out, "\"baselineState\": \"%s\", ", f->base == BASE_NEW ? "new"
				   : f->base == BASE_UNCHANGED ? "unchanged" : "updated");
		if (f->waiver) {	/* an approved exception, with its reason */
			const Waiver *v = &info->waivers->w[f->waiver - 1];
			buf_puts(out, "\"suppressions\": [{\"kind\": \"external\", \"status\": \"accepted\", \"justification\": ");
			Buf j = {0};
			buf_printf(&j, "%s (until %s)", v->reason, v->until);
			json_str(out, j.p, j.len);
			buf_free(&j);
			buf_puts(out, "}], ");
		}
		buf_puts(out, "\"message\": {\"text\": ");
		m.len = 0;
		buf_printf(&m, "%.*s: ", f->id.len, f->id.s);
		finding_message(c, f, &m);
		json_str(out, m.p, m.len);
		const char *path;
		int line = report_unit_row(c, info, f->unit, &path);
		buf_puts(out, "}, \"locations\": [{");
		sarif_location(out, path, line);
		buf_puts(out, "}], \"relatedLocations\": [{\"id\": 1, \"message\": {\"text\": ");
		m.len = 0;
		buf_printf(&m, "rule %s", rid);
		json_str(out, m.p, m.len);
		buf_puts(out, "}, ");
		sarif_location(out, p->files[r->file], r->line);
		buf_puts(out, "}], ");
		buf_printf(out, "\"partialFingerprints\": {\"coplanFinding/v1\": \"%016llx\"}, ",
			   fingerprint(&f->id, prog_role_name(p, f->role), rid));
		buf_puts(out, "\"properties\": {\"unit\": ");
		json_str(out, f->id.s, (size_t)f->id.len);
		buf_puts(out, ", \"role\": ");
		if (f->role >= 0)
			json_cstr(out, prog_role_name(p, f->role));
		else
			buf_puts(out, "null");	/* an assert */
		buf_printf(out, ", \"status\": \"%s\"}}", status_name(f->v.status));
		free(rid);
	}
	buf_puts(out, c->nf ? "\n      ]\n    }\n  ]\n}\n" : "]\n    }\n  ]\n}\n");
	buf_free(&m);
}


static void
cq_issue(Buf *out, int n, const char *text, const char *check, unsigned long long print, const char *severity,
	 const char *path, int line)
{
	buf_puts(out, n ? ",\n  {\"description\": " : "\n  {\"description\": ");
	json_cstr(out, text);
	buf_puts(out, ", \"check_name\": ");
	json_cstr(out, check);
	buf_printf(out, ", \"fingerprint\": \"%016llx\", \"severity\": \"%s\", \"location\": {\"path\": ", print,
		   severity);
	json_cstr(out, repo_path(path));
	buf_printf(out, ", \"lines\": {\"begin\": %d}}}", line > 0 ? line : 1);
}

/* GitLab's Code Quality report: one issue per finding, on its unit's
 * data row (an error major, a warning minor), its fingerprint the
 * unit, role and rule, so that GitLab tells the issues a merge request
 * adds from those already on its target branch; a waived finding is
 * left out; warnings about the input are issues of severity info. */
void
codequality_write(Check *c, const ReportInfo *info, Buf *out)
{
	const Program *p = c->p;
	const Diag *d = c->diag;
	Buf m = {0}, rid = {0};
	int n = 0;
	buf_putc(out, '[');
	for (int i = 0; i < c->nf; i++) {
		const Finding *f = &c->f[i];
		if (f->waiver)
			continue;
		rid.len = 0;
		out_rule(p, f->v.rule, &rid);
		m.len = 0;
		buf_printf(&m, "%.*s: ", f->id.len, f->id.s);
		finding_message(c, f, &m);
		buf_printf(&m, " [%s]", buf_cstr(&rid));
		const char *path;
		int line = report_unit_row(c, info, f->unit, &path);
		cq_issue(out, n++, buf_cstr(&m), buf_cstr(&rid),
			 fingerprint(&f->id, f->role >= 0 ? prog_role_name(p, f->role) : "", buf_cstr(&rid)),
			 f->v.error ? "major" : "minor", path, line);
	}
	for (int i = 0; i < d->nmsgs; i++) {
		const DiagMsg *w = &d->msgs[i];
		if (w->level != DIAG_WARNING)
			continue;
		/* its fingerprint its kind and place, not its words: the same
		 * in any language */
		char where[64];
		snprintf(where, sizeof where, "%d:%d", w->loc.first_line, w->loc.first_column);
		Str at = {where, (int)strlen(where)};
		cq_issue(out, n++, w->text, w->kind ? w->kind : "input",
			 fingerprint(&at, w->kind ? w->kind : "input", w->loc.file >= 0 ? d->files[w->loc.file].path : ""),
			 "info",
			 w->loc.file >= 0 ? d->files[w->loc.file].path : info->units_path ? info->units_path : "",
			 w->loc.file >= 0 ? w->loc.first_line : 0);
	}
	buf_puts(out, n ? "\n]\n" : "]\n");
	buf_free(&m);
	buf_free(&rid);
}
