#include <stdio.h>
#include "rules.h"
int main(int argc, char **argv) {
	Diag d = {0}; Rules r = {0}; r.diag = &d;
	int e = rules_compile(&r, argv[1]);
	Buf b = {0};
	diag_flush(&d, &b);
	fputs(buf_cstr(&b), stderr);
	b.len = 0;
	if (!e) { prog_dump(&r.prog, &b, true); fputs(buf_cstr(&b), stdout); }
	buf_free(&b); rules_free(&r); diag_free(&d);
	(void)argc;
	return e ? 2 : 0;
}
