/* baseline.c: findings matched with an earlier run's by unit, role and
 * rule (a rule without an id is known by its file and line), and then
 * compared by gap: how far the count is from the interval it was
 * compared with.  A finding with no gap (missing data, a failed assert)
 * matches one of the same status only. */
#include "baseline.h"
#include "msg.h"
#include "json_read.h"
#include "files.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HINT _("; is it a report of 'coplan check --format json'?")

/* A member that must be a text; NULL after saying why. */
static const char *
text_member(Diag *d, const Json *f, const char *key)
{
	const Json *v = json_get(f, key);
	if (!v) {
		diag_error(d, f->loc, "this finding has no \"%s\"%s", key, HINT);
		return NULL;
	}
	if (v->type != J_STR) {
		diag_error(d, v->loc, "\"%s\" is %s, not a text%s", key, json_type_name(v->type), HINT);
		return NULL;
	}
	return v->str;
}

const char *
base_name(int base)
{
	return base == BASE_NEW ? "new" : base == BASE_WORSE ? "worse" : base == BASE_BETTER ? "better" : "unchanged";
}

double
finding_gap(const Finding *f)
{
	if (f->v.status != ST_UNDER && f->v.status != ST_OVER)
		return NAN;
	return f->actual < f->v.min ? f->v.min - f->actual : f->actual > f->v.max ? f->actual - f->v.max : 0;
}

int
base_by_gap(double was, double now)
{
	/* within the tolerance of ratios, the same gap */
	if (isnan(was) || isnan(now) || num_near(was, now))
		return BASE_UNCHANGED;
	return now > was ? BASE_WORSE : BASE_BETTER;
}

/* Under and over are one finding that moved; others keep their status. */
static const char *
status_key(const char *status)
{
	return !strcmp(status, "under") || !strcmp(status, "over") ? "" : status;
}

/* How far actual is from [min, max] (a null end: none), or NAN when
 * the finding does not say. */
static double
json_gap(const Json *f)
{
	const Json *a = json_get(f, "actual"), *lo = json_get(f, "min"), *hi = json_get(f, "max");
	if (!a || a->type != J_NUM || !lo || !hi || (lo->type != J_NUM && lo->type != J_NULL) ||
	    (hi->type != J_NUM && hi->type != J_NULL))
		return NAN;
	double x = a->num, l = lo->type == J_NUM ? lo->num : -INFINITY, h = hi->type == J_NUM ? hi->num : INFINITY;
	return x < l ? l - x : x > h ? x - h : 0;
}

static char *
make_key(Arena *a, const char *unit, const char *role, const char *rule, const char *status)
{
	status = status_key(status);
	size_t n = strlen(unit) + strlen(role) + strlen(rule) + strlen(status) + 4;
	char *k = arena_alloc(a, n);
	snprintf(k, n, "%s\x1f%s\x1f%s\x1f%s", unit, role, rule, status);
	return k;
}

/* The rule's name as keys use it: its id, or file:line. */
static const char *
rule_key(Arena *a, Diag *d, const Json *f)
{
	const Json *v = json_get(f, "rule");
	if (v && v->type == J_STR)
		return v->str;
	if (v && v->type != J_NULL) {
		diag_error(d, v->loc, "\"rule\" is %s, not a text or null%s", json_type_name(v->type), HINT);
		return NULL;
	}
	const char *file = text_member(d, f, "file");
	const Json *line = json_get(f, "line");
	if (!file)
		return NULL;
	if (!line || line->type != J_NUM) {
		diag_error(d, line ? line->loc : f->loc, "a finding of an unnamed rule needs its \"line\", a number%s",
			   HINT);
		return NULL;
	}
	char buf[64];
	snprintf(buf, sizeof buf, ":%.0f", line->num);
	size_t n = strlen(file) + strlen(buf) + 1;
	char *k = arena_alloc(a, n);
	snprintf(k, n, "%s%s", file, buf);
	return k;
}

static int
cmp_entry(const void *pa, const void *pb)
{
	return strcmp(((const BaseEntry *)pa)->key, ((const BaseEntry *)pb)->key);
}

int
baseline_load(Baseline *b, Diag *d, const char *path)
{
	size_t len;
	char *text = read_file(path, &len);
	if (!text) {
		diag_plain(d, "cannot read the baseline '%s': %s", path, strerror(errno));
		return 1;
	}
	return baseline_parse(b, d, diag_add_file(d, path, text, len, -1));
}

int
baseline_parse(Baseline *b, Diag *d, int file)
{
	int before = d->errors;
	if (!diag_check_text(d, file, N_("a baseline")))
		return d->errors - before ? d->errors - before : 1;
	const Json *top = json_parse(&b->arena, d, file);
	if (!top)
		return d->errors - before;
	const Json *fs = json_get(top, "findings");
	if (top->type != J_OBJ || !fs || fs->type != J_ARR) {
		diag_error(d, top->loc, "a baseline is an object with \"findings\", a list%s", HINT);
		return d->errors - before;
	}
	b->e = xcalloc((size_t)(fs->n ? fs->n : 1), sizeof *b->e);
	for (int i = 0; i < fs->n; i++) {
		const Json *f = fs->items[i];
		if (f->type != J_OBJ) {
			diag_error(d, f->loc, "a finding is an object, and this is %s%s", json_type_name(f->type), HINT);
			continue;
		}
		BaseEntry e = {0};
		e.unit = text_member(d, f, "unit");
		const Json *role = json_get(f, "role");
		/* a finding of no role (an assert) has role null */
		e.role = !e.unit ? NULL : role && role->type == J_NULL ? "" : text_member(d, f, "role");
		e.status = e.role ? text_member(d, f, "status") : NULL;
		e.rule = e.status ? rule_key(&b->arena, d, f) : NULL;
		if (!e.rule)
			continue;
		const Json *sev = json_get(f, "severity"), *msg = json_get(f, "message");
		e.severity = sev && sev->type == J_STR ? sev->str : "";
		e.message = msg && msg->type == J_STR ? msg->str : "";
		e.key = make_key(&b->arena, e.unit, e.role, e.rule, e.status);
		e.gap = json_gap(f);
		b->e[b->n++] = e;
	}
	qsort(b->e, (size_t)b->n, sizeof *b->e, cmp_entry);
	return d->errors - before;
}

bool
unit_outside(const Units *u, const bool *selected, const char *id)
{
	int k = selected ? units_find(u, id, (int)strlen(id)) : -1;
	return k >= 0 && !selected[k];
}

void
baseline_apply(Baseline *b, Check *c, const bool *selected)
{
	const Program *p = c->p;
	Arena scratch = {0};
	for (int i = 0; i < c->nf; i++) {
		Finding *f = &c->f[i];
		const Rule *r = &p->rules[f->v.rule];
		const char *rule = r->id;
		if (!rule) {	/* as the json report wrote it: U+FFFD for a byte of no UTF-8 */
			Buf k = {0};
			buf_put_utf8(&k, p->files[r->file], strlen(p->files[r->file]), false);
			buf_printf(&k, ":%d", r->line);
			rule = arena_strndup(&scratch, k.p, k.len);
			buf_free(&k);
		}
		char *unit = arena_strndup(&scratch, f->id.s, (size_t)f->id.len);
		const char *role = f->role >= 0 ? prog_role_name(p, f->role) : "";
		BaseEntry probe = {.key = make_key(&scratch, unit, role, rule, status_name(f->v.status))};
		BaseEntry *hit = b->n ? bsearch(&probe, b->e, (size_t)b->n, sizeof *b->e, cmp_entry) : NULL;
		if (hit) {
			/* the first of equal keys not seen yet: each old finding
			 * answers for one new one */
			while (hit > b->e && !strcmp(hit[-1].key, hit->key))
				hit--;
			while (hit < b->e + b->n && !strcmp(hit->key, probe.key) && hit->seen)
				hit++;
			if (hit == b->e + b->n || strcmp(hit->key, probe.key))
				hit = NULL;
		}
		if (hit) {
			hit->seen = true;
			f->base = base_by_gap(hit->gap, finding_gap(f));
			b->nunchanged += f->base == BASE_UNCHANGED;
			b->nbetter += f->base == BASE_BETTER;
		} else {
			f->base = BASE_NEW;
		}
		if (base_counts(f->base)) {
			b->nnew += f->base == BASE_NEW;
			b->nworse += f->base == BASE_WORSE;
			if (f->v.error)
				b->new_errors++;
			else
				b->new_warnings++;
		}
	}
	for (int i = 0; i < b->n; i++) {
		/* with --unit, what the run did not look at is not fixed */
		b->e[i].outside = unit_outside(c->u, selected, b->e[i].unit);
		b->nfixed += !b->e[i].seen && !b->e[i].outside;
	}
	arena_free(&scratch);
}

void
baseline_free(Baseline *b)
{
	free(b->e);
	arena_free(&b->arena);
	memset(b, 0, sizeof *b);
}
