/* test_solve.c: the whole plan's integer programs.  A case worked out by
 * hand, and random tiny organisations where every plan is tried: the
 * solver's answer must score exactly as well as the best one found by
 * trying them all, level by level, and be the same when run again. */
#include "testutil.h"

#include <math.h>

#include "solve.h"

enum { L_BUDGET, L_MUST, L_SHOULD, L_CHANGES, L_COST, L_HIRES, NLEVELS };

typedef struct Case {
	int n;			/* units: 2 or 3, one role */
	double c[3];		/* current counts */
	Span must[3], target[3];
	bool should[3];
	bool group;		/* all in one transfer group */
	bool surplus;		/* moving only what is above the top */
	int pool_n;		/* 0: no pool */
	bool at_most, cand[3];
	bool budget;		/* a headcount budget */
	bool cost_budget;	/* a cost budget instead */
	double limit, cost;
} Case;

static Role role = {"operatore", NULL, NULL, 1, true};
static const int first_role = 0;	/* the pools' role */

static void
setup_program(Program *p, Pool *pool, const Case *k)
{
	memset(p, 0, sizeof *p);
	p->roles = &role;
	p->nroles = 1;
	if (k->pool_n) {
		*pool = (Pool){.name = "nexive", .what = "operatore", .roles = &first_role, .nroles = 1, .n = k->pool_n,
			       .at_most = k->at_most, .cond = -1, .line = 1, .loc = {1, 1, 1, 1, 0}};
		p->pools = pool;
		p->npools = 1;
	}
	if (k->budget)
		p->budget[k->cost_budget ? BUDGET_COST : BUDGET_HEADCOUNT] = (Budget){.set = true, .limit = k->limit, .line = 1, .stated = k->limit};
}

static double
dist(double x, Span s)
{
	return x < s.min ? s.min - x : x > s.max ? x - s.max : 0;
}

/* The levels of one plan: counts x, hires h, releases r, moves out
 * (each a move), placements p. */
static void
score(const Case *k, const double *x, const double *h, const double *r, double moves,
      const double *p, double *v)
{
	double placed = 0, delta = 0;
	for (int i = 0; i < NLEVELS; i++)
		v[i] = 0;
	for (int i = 0; i < k->n; i++) {
		v[L_MUST] += dist(x[i], k->must[i]);
		if (k->should[i])
			v[L_SHOULD] += dist(x[i], k->target[i]);
		v[L_CHANGES] += h[i] + r[i] + p[i];
		v[L_HIRES] += h[i];
		placed += p[i];
		delta += x[i] - k->c[i];
	}
	v[L_CHANGES] += moves;
	v[L_COST] = k->cost * delta;
	if (k->pool_n && !k->at_most)
		v[L_MUST] += k->pool_n - placed;
	double change = k->cost_budget ? k->cost * delta : delta;
	if (k->budget && change > k->limit)
		v[L_BUDGET] = change - k->limit;
}

static int
compare(const double *a, const double *b)
{
	for (int l = 0; l < NLEVELS; l++)
		if (fabs(a[l] - b[l]) > 1e-9)
			return a[l] < b[l] ? -1 : 1;
	return 0;
}

/* Every plan of the case, by what each unit nets: hires or releases
 * (never both: that would be two changes for nothing), moves in or out
 * (likewise; they balance over the group), and placements. */
static void
brute(const Case *k, double *best)
{
	int n = k->n, hmax = 4, mmax = 3;
	int lo[9], radix[9], nv = 0;
	for (int i = 0; i < n; i++) {
		lo[nv] = -(int)k->c[i], radix[nv++] = (int)k->c[i] + hmax + 1;		/* hired - released */
		lo[nv] = k->group ? -(int)k->c[i] : 0;
		radix[nv++] = k->group ? (int)k->c[i] + mmax + 1 : 1;			/* moved in - out */
		lo[nv] = 0, radix[nv++] = k->pool_n && k->cand[i] ? k->pool_n + 1 : 1;	/* placed */
	}
	long total = 1;
	for (int i = 0; i < nv; i++)
		total *= radix[i];
	bool first = true;
	for (long code = 0; code < total; code++) {
		int d[9];
		long rest = code;
		for (int i = 0; i < nv; i++)
			d[i] = lo[i] + (int)(rest % radix[i]), rest /= radix[i];
		double h[3], r[3], p[3], x[3], moves = 0, placed = 0, net = 0;
		bool ok = true;
		for (int i = 0; i < n && ok; i++) {
			int e = d[3 * i], m = d[3 * i + 1];
			h[i] = e > 0 ? e : 0, r[i] = e < 0 ? -e : 0;
			p[i] = d[3 * i + 2];
			placed += p[i], net += m, moves += m < 0 ? -m : 0;
			ok = r[i] + (m < 0 ? -m : 0) <= k->c[i];	/* only staff there leave */
			double top = k->should[i] ? k->target[i].max : k->must[i].max;
			double excess = isfinite(top) && k->c[i] > top ? k->c[i] - top : 0;
			if (k->surplus)	/* only what is above the top moves */
				ok = ok && (m < 0 ? -m : 0) <= excess;
			if (k->pool_n && k->cand[i])	/* no one goes to make room */
				ok = ok && r[i] + (m < 0 ? -m : 0) <= excess;
			x[i] = k->c[i] + e + m + p[i];
		}
		if (!ok || net != 0 || placed > k->pool_n)
			continue;
		double v[NLEVELS];
		score(k, x, h, r, moves, p, v);
		if (first || compare(v, best) < 0)
			memcpy(best, v, sizeof v), first = false;
	}
}

/* solve_run, saying GLPK's complaint when it fails. */
static int
run(Solve *s, Diag *d)
{
	int rc = solve_run(s, d);
	if (rc) {
		Buf m = {0};
		diag_flush(d, &m);
		print_message("%s\n", buf_cstr(&m));
		buf_free(&m);
	}
	return rc;
}

static void
run_solver(const Case *k, double *v, Buf *answer)
{
	Program p;
	Pool pool;
	setup_program(&p, &pool, k);
	Solve s = {0};
	s.p = &p;
	memcpy(s.budget, p.budget, sizeof s.budget);
	s.step = 1;
	for (int i = 0; i < k->n; i++) {
		int at = solve_add_pair(&s, (SolvePair){.unit = i, .current = k->c[i], .must = k->must[i],
							.target = k->target[i], .should = k->should[i], .cost = k->cost,
							.group = k->group ? 0 : -1, .surplus = k->surplus});
		if (k->pool_n && k->cand[i])
			solve_add_cand(&s, 0, at);
	}
	Diag d = {0};
	int rc = run(&s, &d);
	if (rc) {
		for (int i = 0; i < k->n; i++)
			print_message("pair %d: c %g M [%g, %g] T %d [%g, %g] cand %d\n", i, k->c[i], k->must[i].min,
				      k->must[i].max, k->should[i], k->target[i].min, k->target[i].max, k->cand[i]);
		print_message("group %d pool %d at_most %d budget %d limit %g cost %g\n", k->group, k->pool_n,
			      k->at_most, k->budget, k->limit, k->cost);
	}
	assert_int_equal(rc, 0);
	double x[3], h[3], r[3], p_[3], moves = 0;
	for (int i = 0; i < k->n; i++) {
		const SolvePair *q = &s.pair[i];
		x[i] = q->proposed, h[i] = q->hired, r[i] = q->released, p_[i] = q->placed;
		moves += q->moved_out;
		/* the books balance */
		if (fabs(q->proposed - (q->current + q->hired - q->released + q->moved_in - q->moved_out + q->placed)) >= 1e-9)
			print_message("pair %d: %g = %g + %g - %g + %g - %g + %g\n", i, q->proposed, q->current, q->hired,
				      q->released, q->moved_in, q->moved_out, q->placed);
		assert_true(fabs(q->proposed - (q->current + q->hired - q->released + q->moved_in - q->moved_out + q->placed)) < 1e-9);
		buf_printf(answer, "%g %g %g %g %g %g;", q->proposed, q->hired, q->released, q->moved_in,
			   q->moved_out, q->placed);
	}
	for (int i = 0; i < s.nmoves; i++)
		buf_printf(answer, "move %d->%d %g;", s.moves[i].from, s.moves[i].to, s.moves[i].count);
	score(k, x, h, r, moves, p_, v);
	solve_free(&s);
	diag_free(&d);
}

static Span
span(double lo, double hi)
{
	return (Span){lo, hi, -1, -1};
}

/* Worked out by hand: A has 3 and needs 2, B has 1 and needs 2, one
 * transfer group; a pool of 2 may place into B only, and a pool person
 * not placed counts as a must shortfall.  A move A -> B would fill B and
 * leave both pool people out (2 short); placing both at B would put B
 * over (1 short), unless B's own person went (released, or moved to A
 * and A releasing two), which a plan never does to make room: where a
 * pool may place, only staff above the target leave.  Best: one placed at B, A releases its extra one: 1 short,
 * 2 changes. */
static void
test_by_hand(void **state)
{
	(void)state;
	Case k = {.n = 2, .c = {3, 1, 0}, .must = {span(2, 2), span(2, 2)}, .target = {span(0, 0), span(0, 0)},
		  .group = true, .pool_n = 2, .cand = {false, true}, .limit = 0, .cost = 1};
	double v[NLEVELS], best[NLEVELS];
	Buf a = {0};
	run_solver(&k, v, &a);
	assert_string_equal(buf_cstr(&a), "2 0 1 0 0 0;2 0 0 0 0 1;");
	brute(&k, best);
	assert_int_equal(compare(v, best), 0);
	assert_true(v[L_MUST] == 1 && v[L_CHANGES] == 2);
	buf_free(&a);
}

static unsigned long long rng = 88172645463325252ULL;

static int
roll(int n)	/* 0 .. n-1 */
{
	rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
	return (int)(rng % (unsigned long long)n);
}

static Case
random_case(void)
{
	Case k = {0};
	k.n = 2 + roll(2);
	for (int i = 0; i < k.n; i++) {
		k.c[i] = roll(k.n == 2 ? 4 : 3);
		double lo = roll(4), hi = roll(3) ? lo + roll(3) : INFINITY;
		if (!roll(8))
			hi = lo > 0 ? lo - 1 : 0;	/* a must conflict now and then */
		k.must[i] = span(lo, hi);
		if (roll(2)) {
			double tl = lo + roll(2), th = isfinite(hi) ? hi : tl + roll(3);
			if (tl <= th && tl >= lo && th <= hi) {
				k.should[i] = true;
				k.target[i] = span(tl, th);
			}
		}
		k.cand[i] = roll(2);
	}
	k.group = roll(3) != 0;
	k.pool_n = roll(3);
	k.at_most = roll(2);
	k.budget = !roll(3);
	k.limit = roll(5) - 1;
	/* a cost budget: binding, tight or out of reach, in the costs'
	 * own figures */
	k.cost_budget = roll(2);
	k.cost = 1 + roll(3);
	if (k.cost_budget)
		k.limit = k.limit * k.cost + roll(2) - (k.limit < 0 ? 10 * roll(2) : 0);
	k.surplus = roll(2) && k.group;
	return k;
}

static void
print_levels(int t, const double *v, const double *best)
{
	print_message("case %d: solver", t);
	for (int l = 0; l < NLEVELS; l++)
		print_message(" %g", v[l]);
	print_message(", best");
	for (int l = 0; l < NLEVELS; l++)
		print_message(" %g", best[l]);
}

static void
test_random_against_brute_force(void **state)
{
	(void)state;
	for (int t = 0; t < 500; t++) {
		Case k = random_case();
		double v[NLEVELS], best[NLEVELS];
		Buf a = {0}, again = {0};
		run_solver(&k, v, &a);
		brute(&k, best);
		if (compare(v, best) != 0) {
			print_levels(t, v, best);
			print_message("\n%s\n", buf_cstr(&a));
			for (int i = 0; i < k.n; i++)
				print_message("pair %d: c %g M [%g, %g] T %d [%g, %g] cand %d\n", i, k.c[i], k.must[i].min,
					      k.must[i].max, k.should[i], k.target[i].min, k.target[i].max, k.cand[i]);
			print_message("group %d surplus %d pool %d at_most %d budget %d limit %g cost %g\n", k.group,
				      k.surplus, k.pool_n, k.at_most, k.budget, k.limit, k.cost);
		}
		assert_int_equal(compare(v, best), 0);
		run_solver(&k, v, &again);	/* the same answer, byte for byte */
		assert_string_equal(buf_cstr(&a), buf_cstr(&again));
		buf_free(&a);
		buf_free(&again);
	}
}

/* ---- links: a leader sized by the staff, the staff's room by the
 * leaders, solved at once ---- */

typedef struct LinkCase {
	double co[2], cl[2];	/* staff and leaders at two units */
	Span must[2];		/* the staff's constant interval */
	bool group;		/* both roles move between the two */
	bool surplus;		/* only what is above the top moves */
	int pool_n;
	bool cand[2];
	/* L >= ceil(O / b); L <= floor(O / a) (a = 0: none);
	 * O <= k L + c0 (k = 0: none); each a must or a should */
	double b, a, k, c0;
	bool should[3];
} LinkCase;

static Role link_roles[2] = {{"operatore", NULL, NULL, 1, true}, {"tutor", NULL, NULL, 1, true}};

/* The bounds on the count of (unit i, role r) at counts o (staff) and
 * l (leaders) in tier 0 (must) or 1 (the target): *lo, *hi. */
static void
link_bounds(const LinkCase *k, int i, int r, int tier, double o, double l, double *lo, double *hi)
{
	*lo = r == 0 ? k->must[i].min : 0;
	*hi = r == 0 ? k->must[i].max : INFINITY;
	if (r == 1) {
		if (!k->should[0] || tier)
			*lo = fmax(*lo, ceil(o / k->b - 1e-9));
		if (k->a > 0 && (!k->should[1] || tier))
			*hi = fmin(*hi, floor(o / k->a + 1e-9));
	} else if (k->k > 0 && (!k->should[2] || tier)) {
		*hi = fmin(*hi, k->k * l + k->c0);
	}
}

static bool
link_has_should(const LinkCase *k, int r)
{
	return r == 1 ? k->should[0] || (k->a > 0 && k->should[1]) : k->k > 0 && k->should[2];
}

static void
link_score(const LinkCase *k, double x[2][2], double changes, double delta, double hires, double *v)
{
	for (int i = 0; i < NLEVELS; i++)
		v[i] = 0;
	for (int i = 0; i < 2; i++)
		for (int r = 0; r < 2; r++)
			for (int tier = 0; tier < 1 + link_has_should(k, r); tier++) {
				double lo, hi, c = x[i][r];
				link_bounds(k, i, r, tier, x[i][0], x[i][1], &lo, &hi);
				v[tier ? L_SHOULD : L_MUST] += (c < lo ? lo - c : 0) + (c > hi ? c - hi : 0);
			}
	v[L_CHANGES] = changes;
	v[L_COST] = delta;
	v[L_HIRES] = hires;
}

/* The most the rules allow (unit i, role r) at the loaded counts, as
 * the solver's first round works it out: what above it may move away. */
static double
link_top(const LinkCase *k, int i, int r)
{
	double lo, hi;
	link_bounds(k, i, r, link_has_should(k, r), k->co[i], k->cl[i], &lo, &hi);
	return hi;
}

static double
above(double c, double top)
{
	return c > top ? c - top : 0;
}

static void
link_brute(const LinkCase *k, double *best)
{
	bool first = true;
	int pmax = k->pool_n;
	for (int mo = k->group ? -(int)k->co[0] : 0; mo <= (k->group ? (int)k->co[1] : 0); mo++)
	for (int ml = k->group ? -(int)k->cl[0] : 0; ml <= (k->group ? (int)k->cl[1] : 0); ml++)
	for (int e0 = -(int)k->co[0]; e0 <= 4; e0++)
	for (int e1 = -(int)k->co[1]; e1 <= 4; e1++)
	for (int f0 = -(int)k->cl[0]; f0 <= 4; f0++)
	for (int f1 = -(int)k->cl[1]; f1 <= 4; f1++)
	for (int p0 = 0; p0 <= (k->cand[0] ? pmax : 0); p0++)
	for (int p1 = 0; p1 <= (k->cand[1] ? pmax - p0 : 0); p1++) {
		/* unit 0 takes mo staff and ml leaders from unit 1 (or gives) */
		int eo[2] = {e0, e1}, el[2] = {f0, f1}, pl[2] = {p0, p1};
		int mvo[2] = {mo, -mo}, mvl[2] = {ml, -ml};
		double x[2][2], changes = 0, delta = 0, hires = 0;
		bool ok = true;
		for (int i = 0; i < 2 && ok; i++) {
			double out_o = mvo[i] < 0 ? -mvo[i] : 0, out_l = mvl[i] < 0 ? -mvl[i] : 0;
			double rel_o = eo[i] < 0 ? -eo[i] : 0, rel_l = el[i] < 0 ? -el[i] : 0;
			double free_o = above(k->co[i], link_top(k, i, 0)), free_l = above(k->cl[i], link_top(k, i, 1));
			ok = rel_o + out_o <= k->co[i] && rel_l + out_l <= k->cl[i];
			if (k->surplus)	/* only what is above the top moves */
				ok = ok && out_o <= free_o && out_l <= free_l;
			if (k->cand[i] && k->pool_n)	/* none leaves where pool people go */
				ok = ok && rel_o + out_o <= free_o;
			x[i][0] = k->co[i] + eo[i] + mvo[i] + pl[i];
			x[i][1] = k->cl[i] + el[i] + mvl[i];
			changes += abs(eo[i]) + abs(el[i]) + out_o + out_l + pl[i];
			hires += (eo[i] > 0 ? eo[i] : 0) + (el[i] > 0 ? el[i] : 0);
			delta += x[i][0] - k->co[i] + x[i][1] - k->cl[i];
		}
		if (!ok)
			continue;
		double v[NLEVELS];
		link_score(k, x, changes, delta, hires, v);
		v[L_MUST] += k->pool_n - p0 - p1;
		if (first || compare(v, best) < 0)
			memcpy(best, v, sizeof v), first = false;
	}
}

/* The pairs, candidates and links of case k into s (cleared), the most
 * the rules allowed on the staff at top (NAN: at the loaded counts,
 * link_top). */
static void
link_fill(Solve *s, const LinkCase *k, double top)
{
	solve_clear(s);
	s->step = 1;
	for (int i = 0; i < 2; i++) {
		int o = solve_add_pair(s, (SolvePair){.unit = i, .role = 0, .current = k->co[i], .must = k->must[i],
						      .target = k->must[i], .should = link_has_should(k, 0), .cost = 1,
						      .group = k->group ? 0 : -1, .surplus = k->surplus,
						      .top = isnan(top) ? link_top(k, i, 0) : top});
		int l = solve_add_pair(s, (SolvePair){.unit = i, .role = 1, .current = k->cl[i], .must = span(0, INFINITY),
						      .target = span(0, INFINITY), .should = link_has_should(k, 1), .cost = 1,
						      .group = k->group ? 1 : -1, .surplus = k->surplus,
						      .top = link_top(k, i, 1)});
		if (k->pool_n && k->cand[i])
			solve_add_cand(s, 0, o);
		SolveLink links[3] = {
			{.pair = l, .should = k->should[0], .per = true, .amount = 1, .div = k->b, .c0 = 0},
			{.pair = l, .should = k->should[1], .upper = true, .per = true, .amount = 1, .div = k->a, .c0 = 0},
			{.pair = o, .should = k->should[2], .upper = true, .c0 = k->c0},
		};
		for (int j = 0; j < 3; j++) {
			if ((j == 1 && k->a == 0) || (j == 2 && k->k == 0))
				continue;
			SolvePair *q = &s->pair[links[j].pair];
			if (!q->nlinks)
				q->link0 = s->nlinks;
			links[j].t0 = s->nterms;
			links[j].nt = 1;
			vec_grow((void **)&s->term, s->nterms, &s->capterms, sizeof *s->term);
			s->term[s->nterms++] = j < 2 ? (SolveTerm){o, 1} : (SolveTerm){l, k->k};
			vec_grow((void **)&s->link, s->nlinks, &s->caplinks, sizeof *s->link);
			s->link[s->nlinks++] = links[j];
			q->nlinks++;
		}
	}
}

/* The program of case k, with a pool of k->pool_n staff. */
static void
link_program(const LinkCase *k, Program *p, Pool *pool)
{
	memset(p, 0, sizeof *p);
	p->roles = link_roles;
	p->nroles = 2;
	*pool = (Pool){.name = "nexive", .what = "operatore", .roles = &first_role, .nroles = 1, .n = k->pool_n,
		       .cond = -1, .line = 1, .loc = {1, 1, 1, 1, 0}};
	if (k->pool_n)
		p->pools = pool, p->npools = 1;
}

static void
link_solve(const LinkCase *k, double *v, Buf *answer)
{
	Program p;
	Pool pool;
	link_program(k, &p, &pool);
	Solve s = {0};
	s.p = &p;
	memcpy(s.budget, p.budget, sizeof s.budget);
	link_fill(&s, k, NAN);
	Diag d = {0};
	assert_int_equal(run(&s, &d), 0);
	double x[2][2], changes = 0, delta = 0, hires = 0;
	for (int i = 0; i < s.npairs; i++) {
		const SolvePair *q = &s.pair[i];
		x[q->unit][q->role] = q->proposed;
		changes += q->hired + q->released + q->moved_out + q->placed;
		delta += q->proposed - q->current;
		hires += q->hired;
		buf_printf(answer, "%g %g %g %g %g %g;", q->proposed, q->hired, q->released, q->moved_in,
			   q->moved_out, q->placed);
	}
	link_score(k, x, changes, delta, hires, v);
	v[L_MUST] += k->pool_n - (s.pair[0].placed + s.pair[2].placed);
	solve_free(&s);
	diag_free(&d);
}

/* By hand: unit 0 has 6 staff and no leader, unit 1 has 1 staff and 2
 * leaders; a leader per 1 to 3 staff, at most 3 staff a leader.  One
 * leader moves 1 -> 0: both units are then within every bound, with one
 * change (asked in turn, the leaders would follow the staff and the
 * staff's room the leaders). */
static void
test_links_by_hand(void **state)
{
	(void)state;
	LinkCase k = {.co = {6, 1}, .cl = {0, 2}, .must = {span(0, INFINITY), span(0, INFINITY)}, .group = true,
		      .b = 3, .a = 1, .k = 3, .c0 = 0};
	double v[NLEVELS], best[NLEVELS];
	Buf a = {0};
	link_solve(&k, v, &a);
	assert_string_equal(buf_cstr(&a), "6 0 0 0 0 0;2 1 0 1 0 0;1 0 0 0 0 0;1 0 0 0 1 0;");
	link_brute(&k, best);
	assert_int_equal(compare(v, best), 0);
	buf_free(&a);
}

/* A round whose rules allow the staff a different most, but one still
 * above their loaded count, makes the same program: its plan is the
 * round before's, not solved again.  One below the loaded count lets
 * some leave where the pool places, and is solved. */
static void
test_links_reused_when_top_moves_above(void **state)
{
	(void)state;
	LinkCase k = {.co = {6, 1}, .cl = {0, 2}, .must = {span(0, INFINITY), span(0, INFINITY)}, .group = true,
		      .pool_n = 2, .cand = {true, true},
		      .b = 3, .a = 1, .k = 3, .c0 = 0};
	Program p;
	Pool pool;
	link_program(&k, &p, &pool);
	Solve s = {0};
	s.p = &p;
	memcpy(s.budget, p.budget, sizeof s.budget);
	Diag d = {0};
	int solves[4];
	double tops[4] = {9, 12, INFINITY, 5};	/* the staff: 6 and 1 */
	Buf answers[4] = {{0}};
	for (int t = 0; t < 4; t++) {
		link_fill(&s, &k, tops[t]);
		assert_int_equal(run(&s, &d), 0);
		solves[t] = s.solves;
		for (int i = 0; i < s.npairs; i++)
			buf_printf(&answers[t], "%g %g %g;", s.pair[i].proposed, s.pair[i].released, s.pair[i].placed);
	}
	assert_true(solves[0] > 0);
	assert_int_equal(solves[1], solves[0]);
	assert_int_equal(solves[2], solves[0]);
	assert_true(solves[3] > solves[2]);
	assert_string_equal(buf_cstr(&answers[1]), buf_cstr(&answers[0]));
	assert_string_equal(buf_cstr(&answers[2]), buf_cstr(&answers[0]));
	for (int t = 0; t < 4; t++)
		buf_free(&answers[t]);
	solve_free(&s);
	diag_free(&d);
}

static void
test_links_against_brute_force(void **state)
{
	(void)state;
	for (int t = 0; t < 400; t++) {
		LinkCase k = {0};
		for (int i = 0; i < 2; i++) {
			k.co[i] = roll(4), k.cl[i] = roll(3);
			double lo = roll(3);
			k.must[i] = span(lo, roll(2) ? INFINITY : lo + roll(4));
			k.cand[i] = roll(2);
		}
		k.group = roll(3) != 0;
		k.pool_n = roll(3);
		k.b = 2 + roll(3);
		k.a = roll(2) ? 1 + roll((int)k.b) : 0;
		k.k = roll(3) ? 2 + roll(2) : 0;
		k.c0 = roll(3) - 1;
		for (int j = 0; j < 3; j++)
			k.should[j] = roll(2);
		k.surplus = roll(2) && k.group;
		double v[NLEVELS], best[NLEVELS];
		Buf a = {0}, again = {0};
		link_solve(&k, v, &a);
		link_brute(&k, best);
		if (compare(v, best) != 0) {
			print_levels(t, v, best);
			print_message("\n%s\nco %g %g cl %g %g must [%g,%g] [%g,%g] group %d pool %d cand %d %d "
				      "b %g a %g k %g c0 %g should %d %d %d surplus %d\n", buf_cstr(&a), k.co[0], k.co[1], k.cl[0],
				      k.cl[1], k.must[0].min, k.must[0].max, k.must[1].min, k.must[1].max, k.group,
				      k.pool_n, k.cand[0], k.cand[1], k.b, k.a, k.k, k.c0, k.should[0], k.should[1],
				      k.should[2], k.surplus);
		}
		assert_int_equal(compare(v, best), 0);
		link_solve(&k, v, &again);
		assert_string_equal(buf_cstr(&a), buf_cstr(&again));
		buf_free(&a);
		buf_free(&again);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_by_hand),
		cmocka_unit_test(test_random_against_brute_force),
		cmocka_unit_test(test_links_by_hand),
		cmocka_unit_test(test_links_reused_when_top_moves_above),
		cmocka_unit_test(test_links_against_brute_force),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
