/* gen.c: a deterministic synthetic organisation for the shipped rules.
 *
 *   gen units N > units.csv      N units: hubs, each with spokes and
 *                                presidi, across the four service lines
 *   gen plain N > units.csv      the same units without their counts
 *   gen narrow N > units.csv     the same units without area and services
 *                                (narrow rows: about 79 bytes a unit)
 *   gen chain N > units.csv      N units, each under the one before
 *   gen flat N > units.csv       N units, all under the first
 *   gen roster M > roster.csv    M people over the first M / 50 of them
 *   gen rules R > big.rules      R rules over the shipped declarations
 *
 * Counts are drawn around the standards, so that most units pass and
 * some do not, as in a real organisation. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long state = 88172645463325252ull;

static unsigned
rnd(unsigned n)		/* xorshift64: the same numbers on every machine */
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return (unsigned)(state % n);
}

static const char *const roles[] = {
	"responsabile_hub", "responsabile_spoke", "ref_prog", "ref_prodotto",
	"ref_secondo_livello", "capo_settore", "spec_prog", "tutor",
	"tutor_formazione", "specialista", "specialista_bo", "operatore",
	"operatore_bo", "caposquadra", "addetto_bo",
};
enum { NROLES = sizeof roles / sizeof roles[0] };
enum { R_HUB, R_SPOKE, R_PROG, R_PROD, R_II, R_CAPO, R_SPEC, R_TUTOR, R_TF,
       R_SPECIALISTA, R_SPEC_BO, R_OP, R_OP_BO, R_CAPOSQ, R_ADD };

static const char *const functions[] = {"assistenza", "data_entry", "gestione_documentale", "back_office"};
static const char *const areas[] = {"Nord Ovest", "Nord Est", "Centro Nord", "Centro", "Sud", "Sicilia"};
static const char *const services[] = {"FIN", "FIN|ALTRI", "ALTRI", "CONTI|ASSEGNI", "CONTI", "RISPARMIO|CONTI"};

/* The unit k of n: every 20th is a hub, the others hang below the last
 * hub (spokes), or below the last spoke (presidi, in data entry). */
static void
unit(unsigned k, unsigned *hub, unsigned *spoke, int counts[NROLES], char *line, size_t cap)
{
	memset(counts, 0, NROLES * sizeof *counts);
	unsigned f = (k / 20) % 4;
	const char *kind, *fn = functions[f];
	char parent[32] = "";
	if (k % 20 == 0) {
		*hub = k;
		kind = "hub";
		counts[R_HUB] = 1;
	} else if (f == 1 && k % 4 == 3) {
		kind = "presidio";
		snprintf(parent, sizeof parent, "U%u", *spoke);
	} else {
		*spoke = k;
		kind = "spoke";
		counts[R_SPOKE] = 1;
		snprintf(parent, sizeof parent, "U%u", *hub);
	}
	bool is_hub = k % 20 == 0;
	unsigned tutors = 1 + rnd(is_hub ? 30 : 8);
	/* a spoke handles its hub's services, now and then one more */
	static unsigned hub_services;
	unsigned sv = is_hub ? (hub_services = rnd(6)) : hub_services;
	bool differs = !is_hub && f != 1 && rnd(20) == 0;
	if (differs)
		sv = (sv + 1) % 6;
	switch (f) {
	case 0:	/* customer service: 12..18 operators a tutor */
		counts[R_TUTOR] = (int)tutors;
		counts[R_OP] = (int)(tutors * (12 + rnd(5)));
		counts[R_SPECIALISTA] = (int)tutors;
		counts[R_PROG] = is_hub;
		counts[R_PROD] = is_hub ? 1 + rnd(5) : differs;
		counts[R_TF] = is_hub;
		break;
	case 1:	/* data entry: 15 clerks a team leader */
		counts[R_CAPOSQ] = 1 + rnd(is_hub ? 14 : 2);
		counts[R_ADD] = counts[R_CAPOSQ] * (int)(11 + rnd(5));
		counts[R_TUTOR] = counts[R_ADD] >= 10 ? 1 + (int)rnd(3) : 0;
		counts[R_SPEC] = is_hub;
		break;
	case 2:	/* document management: 25 operators a tutor */
		counts[R_TUTOR] = (int)tutors;
		counts[R_OP_BO] = (int)(tutors * (21 + rnd(5)));
		counts[R_SPEC] = 1 + rnd(2);
		counts[R_PROG] = is_hub;
		break;
	default:	/* financial back office: 25 staff a sector head */
		counts[R_CAPO] = 1 + rnd(is_hub ? 10 : 3);
		counts[R_SPEC_BO] = counts[R_CAPO] * 5;
		counts[R_OP_BO] = counts[R_CAPO] * (int)(11 + rnd(5));
		counts[R_ADD] = counts[R_CAPO] * 5;
		counts[R_SPEC] = 1 + rnd(2);
		counts[R_PROG] = is_hub;
		counts[R_PROD] = is_hub ? 1 + rnd(3) : differs;
		break;
	}
	if (f == 0) {	/* planning specialists by headcount */
		int hc = 0;
		for (int r = 0; r < NROLES; r++)
			hc += counts[r];
		counts[R_SPEC] = is_hub ? 1 + (hc + 1 > 200) : hc >= 100;
	}
	if (rnd(25) == 0)	/* a unit off the standards */
		counts[rnd(NROLES)] += 1 + (int)rnd(3);
	int n = snprintf(line, cap, "U%u,Unit %u,%s,%s,%s,%s,%s", k, k, kind, parent, fn,
			 areas[rnd(6)], services[sv]);
	for (int r = 0; r < NROLES && n > 0 && (size_t)n < cap; r++)
		n += snprintf(line + n, cap - (size_t)n, ",%d", counts[r]);
}

int
main(int argc, char **argv)
{
	if (argc != 3 || (strcmp(argv[1], "units") && strcmp(argv[1], "plain") && strcmp(argv[1], "narrow") &&
			  strcmp(argv[1], "chain") && strcmp(argv[1], "flat") &&
			  strcmp(argv[1], "roster") && strcmp(argv[1], "rules") &&
			  strcmp(argv[1], "whole") && strcmp(argv[1], "whole-rules") &&
			  strcmp(argv[1], "links") && strcmp(argv[1], "links-rules") &&
			  strcmp(argv[1], "wards") && strcmp(argv[1], "wards-rules") &&
			  strcmp(argv[1], "wards-linked-rules"))) {
		fputs("usage: gen units N | gen plain N | gen roster M | gen rules R | gen whole N | gen whole-rules N | gen links N | gen links-rules N\n"
		      "     | gen wards N | gen wards-rules N | gen wards-linked-rules N\n", stderr);
		return 2;
	}
	unsigned long n = strtoul(argv[2], NULL, 10);
	static char buf[1 << 16];
	setvbuf(stdout, buf, _IOFBF, sizeof buf);
	/* A whole plan: n centres in areas of 500, five roles drawn around
	 * their standards, a pool per area and role, moves within area. */
	if (!strcmp(argv[1], "whole")) {
		puts("id,name,kind,parent,area,r1,r2,r3,r4,r5");
		for (unsigned long k = 0; k < n; k++)
			printf("C%lu,Centre %lu,hub,,A%lu,%u,%u,%u,%u,%u\n", k, k, k / 500, rnd(4), 1 + rnd(5),
			       1 + rnd(3), rnd(5), rnd(5));
		return 0;
	}
	/* Linked spans: n centres in areas of 100, operators and tutors
	 * near the span, 40 arrivals per area, tutors moving within area:
	 * both rules are linear in counts, so solved together. */
	if (!strcmp(argv[1], "links")) {
		puts("id,name,kind,parent,area,operatore,tutor");
		for (unsigned long k = 0; k < n; k++) {
			unsigned o = 10 + rnd(51);
			int t = (int)(o + 7) / 15 + (int)rnd(3) - 1;
			printf("C%lu,Centre %lu,hub,,A%lu,%u,%d\n", k, k, k / 100, o, t > 0 ? t : 0);
		}
		return 0;
	}
	if (!strcmp(argv[1], "links-rules")) {
		puts("kind hub\nrole operatore cost 30000\nrole tutor cost 40000\nattribute area : text\n"
		     "should rule span: 1 tutor per 12..18 operatore\n"
		     "should rule room: operatore <= 18 * tutor if tutor > 0\ntransfer tutor within area");
		for (unsigned long a = 0; a < (n + 99) / 100; a++)
			printf("pool p%lu: 40 operatore where area == \"A%lu\"\n", a, a);
		return 0;
	}
	/* Wards: n units in areas of 30 (one in eight of them blank-free
	 * but small), beds drawn so that about a third of the wards are
	 * short of nurses or aides and some have more than they need; a
	 * float pool of nurses per area, one pool of aides for all, moves
	 * within area and a budget that binds (about half of what the plan
	 * without it would spend). */
	if (!strcmp(argv[1], "wards")) {
		puts("id,name,kind,parent,area,beds,nurse,aide");
		for (unsigned long k = 0; k < n; k++) {
			unsigned beds = 8 + rnd(33);
			int nurse = (int)(beds / 5) + (int)rnd(5) - 2, aide = (int)(beds / 8) + (int)rnd(3) - 1;
			printf("W%lu,Ward %lu,ward,,A%lu,%u,%d,%d\n", k, k, k / 30, beds, nurse > 0 ? nurse : 0,
			       aide > 0 ? aide : 0);
		}
		return 0;
	}
	if (!strcmp(argv[1], "wards-rules") || !strcmp(argv[1], "wards-linked-rules")) {
		bool linked = argv[1][6] == 'l';
		puts("kind ward\nrole nurse cost 42000\nrole aide cost 31000\nattribute area : text\nattribute beds : number\n"
		     "rule nurses: 1 nurse per 4..6 beds\nshould rule nurse_floor: at least 1 nurse per 5 beds\n"
		     "rule aides: 1 aide per 5..10 beds\nshould rule aide_floor: at least 1 aide per 8 beds");
		if (linked)
			puts("should rule aide_span: 1 aide per 2..4 nurse");
		for (unsigned long a = 0; a < (n + 29) / 30; a++)
			printf("pool float_%lu: at most 6 nurse where area == \"A%lu\"\n", a, a);
		printf("pool grads: %lu aide\ntransfer nurse, aide within area\n", n / 10 ? n / 10 : 1);
		/* about what a unit-by-unit plan of these wards spends, halved */
		printf("budget cost <= %lu\n", n * 21000);
		return 0;
	}
	if (!strcmp(argv[1], "whole-rules")) {
		puts("kind hub\nattribute area : text");
		for (int r = 1; r <= 5; r++)
			printf("role r%d cost %d\n", r, 20000 + 5000 * r);
		puts("1..3 r1 per hub\nat least 2 r2 per hub\nshould at most 4 r2 per hub\n2 r3 per hub\n"
		     "1..4 r4 per hub\nat most 3 r5 per hub\nshould at least 1 r5 per hub");
		for (unsigned long a = 0; a < (n + 499) / 500; a++)
			for (int r = 1; r <= 5; r++)
				printf("pool p%lu_%d: 20 r%d where area == \"A%lu\"\n", a, r, r, a);
		puts("transfer r1, r2, r3, r4, r5 within area");
		return 0;
	}
	char line[512];
	int counts[NROLES];
	unsigned hub = 0, spoke = 0;
	if (!strcmp(argv[1], "chain") || !strcmp(argv[1], "flat")) {
		/* n units, each under the one before (chain), or all under
		 * the first (flat: one level); tests/bench/chain.rules reads
		 * descendants */
		bool chain = argv[1][0] == 'c';
		char root[32];	/* flat: as long as the chain's longest id, so
				 * that the two files are about as large */
		snprintf(root, sizeof root, "u%0*d", n > 1 ? snprintf(NULL, 0, "%lu", n - 1) : 1, 0);
		puts("id,parent,kind,tutor,shifts");
		for (unsigned long k = 0; k < n; k++) {
			if (k && chain)
				printf("u%lu,u%lu,spoke,%lu,1\n", k, k - 1, 1 + k % 3);
			else if (k)
				printf("u%lu,%s,spoke,%lu,1\n", k, root, 1 + k % 3);
			else
				printf("%s,,hub,%lu,1\n", chain ? "u0" : root, 1 + k % 3);
		}
		return 0;
	}
	if (!strcmp(argv[1], "narrow")) {
		/* the units without their area and services: about 70 bytes */
		fputs("id,name,kind,parent,function", stdout);
		for (int r = 0; r < NROLES; r++)
			printf(",%s", roles[r]);
		putchar('\n');
		for (unsigned k = 0; k < n; k++) {
			unit(k, &hub, &spoke, counts, line, sizeof line);
			char *p = line;	/* drop the sixth and seventh fields */
			for (int commas = 0; *p && commas < 5; p++)
				commas += *p == ',';
			char *q = p;
			for (int commas = 0; *q && commas < 2; q++)
				commas += *q == ',';
			memmove(p, q, strlen(q) + 1);
			puts(line);
		}
		return 0;
	}
	if (!strcmp(argv[1], "units") || !strcmp(argv[1], "plain")) {
		bool plain = argv[1][0] == 'p';
		fputs("id,name,kind,parent,function,area,services", stdout);
		for (int r = 0; r < NROLES && !plain; r++)
			printf(",%s", roles[r]);
		putchar('\n');
		for (unsigned k = 0; k < n; k++) {
			unit(k, &hub, &spoke, counts, line, sizeof line);
			if (plain)	/* up to the seventh comma */
				for (int commas = 0, i = 0; line[i]; i++)
					if (line[i] == ',' && ++commas == 7)
						line[i] = 0;
			puts(line);
		}
		return 0;
	}
	if (!strcmp(argv[1], "rules")) {
		/* the shipped declarations, then n rules in scopes of 100 */
		puts("kind hub, spoke, presidio, struttura");
		for (int r = 0; r < NROLES; r++)
			printf("role %s grade B cost 40000\n", roles[r]);
		puts("group operativi = operatore + specialista\nattribute function : text\nattribute services : set");
		for (unsigned long i = 0; i < n; i++) {
			if (i % 100 == 0)
				printf("%sscope s%lu where function == \"f%lu\" {\n", i ? "}\n" : "", i / 100, i / 100);
			printf("    rule r%lu: %lu %s per %lu..%lu operativi if size(services) > %lu, else 0\n", i,
			       1 + i % 3, roles[i % NROLES], 10 + i % 5, 16 + i % 5, i % 4);
		}
		if (n)
			puts("}");
		return 0;
	}
	/* a roster: the people of n/50 units, one row each; a tenth part time */
	unsigned units = (unsigned)(n / 50 ? n / 50 : 1);
	fputs("person,unit,role,fte,contract\n", stdout);
	unsigned long people = 0;
	for (unsigned k = 0; people < n; k = (k + 1) % units) {
		unit(k, &hub, &spoke, counts, line, sizeof line);
		for (int r = 0; r < NROLES && people < n; r++)
			for (int i = 0; i < counts[r] && people < n; i++, people++) {
				bool part = rnd(10) == 0;
				printf("P%lu,U%u,%s,%s,%s\n", people, k, roles[r], part ? "0.5" : "1",
				       part ? "part-time" : "full-time");
			}
	}
	return 0;
}
