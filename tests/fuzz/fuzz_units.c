/* fuzz_units.c: any bytes as a units table for fixed rules; what loads
 * is checked, planned and explained.  The same bytes are read again
 * from a file in small pieces: both readings must agree. */
#include <stdio.h>
#include <unistd.h>

#include "csv.h"
#include "fuzz.h"

/* Loads the bytes from a file, read `piece` bytes at a time: 0 if they
 * load, and then the units in *n and their counts' sum in *sum. */
static int
load_in_pieces(const uint8_t *data, size_t size, size_t piece, int *n, double *sum)
{
	char path[] = "/tmp/coplan-fuzz-XXXXXX";
	fuzz_file(path, data, size);
	Diag d = {0};
	Rules r = {.diag = &d};
	fuzz_compile(&r);
	Units u = {0};
	LoadOptions o = {.delimiter = 0};
	size_t keep = csv_piece;
	csv_piece = piece;
	int rc = units_load(&u, &r.prog, &d, path, &o);
	csv_piece = keep;
	*n = u.n, *sum = 0;
	for (int k = 0; rc == 0 && k < u.n; k++)
		*sum += col_get(&u.counts.headcount, k);
	unlink(path);
	units_free(&u);
	rules_free(&r);
	diag_free(&d);
	return rc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Diag d = {0};
	Rules r = {.diag = &d};
	fuzz_compile(&r);
	Units u = {0};
	LoadOptions o = {.delimiter = 0};
	int rc = units_load_text(&u, &r.prog, &d, "units.csv", fuzz_text(data, size), size, &o);
	if (rc == 0) {
		double sum = 0;
		for (int k = 0; k < u.n; k++)
			sum += col_get(&u.counts.headcount, k);
		int n2;
		double sum2;
		if (load_in_pieces(data, size, 1 + size % 13, &n2, &sum2) != 0 || n2 != u.n || sum2 != sum)
			abort();	/* the pieces read otherwise than the whole */
		fuzz_run(&r, &u, &d);
	} else {
		int n2;
		double sum2;
		if (load_in_pieces(data, size, 1 + size % 13, &n2, &sum2) == 0)
			abort();	/* loads in pieces, not whole */
	}
	units_free(&u);
	rules_free(&r);
	diag_free(&d);
	return 0;
}
