# coplan: build, test, install.  `make` builds build/coplan;
# `make demo` runs it on the shipped example; `make check` runs every test.

CC      ?= cc
BUILD   ?= build
PREFIX  ?= /usr/local
LOCALEDIR ?= $(PREFIX)/share/locale
BISON   ?= bison
FLEX    ?= flex
VERSION := 0.1.0

WARN    := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
ifeq ($(WERROR),1)
WARN    += -Werror
endif
# src/ in wings, lowest first: a wing includes only the wings before it
# (tests/modules.sh holds it); headers are named without their wing
WINGS    := base front data engine plan report api cli
WING_INC := $(WINGS:%=-Isrc/%)

OPT     ?= -O2 -g
SAN     ?=
CFLAGS  ?=
ALL_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-DCOPLAN_VERSION='"$(VERSION)"' -DLOCALEDIR='"$(LOCALEDIR)"' $(OPT) $(SAN) -MMD -MP \
	-pthread $(WING_INC) -I$(BUILD) $(CFLAGS)
# the generated scanner and parser are not ours to keep warning-clean
GEN_CFLAGS := $(filter-out -Wpedantic -Wmissing-prototypes,$(ALL_CFLAGS)) \
	-Wall -Wno-unused-function -Wno-sign-compare
LDLIBS  := -lglpk -lxlsxwriter -lm -pthread

LIB_SRC := $(filter-out src/cli/main.c,$(foreach w,$(WINGS),$(wildcard src/$(w)/*.c)))
LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/parser.o $(BUILD)/obj/lexer.o
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/%)

.PHONY: all pot deps deps-test demo check unit cli test update-golden sanitize tsan valgrind fuzz bench install uninstall clean \
	dist deb

# the Italian catalogue, where the binary finds it when run from $(BUILD)
MO := $(BUILD)/locale/it/LC_MESSAGES/coplan.mo

all: $(BUILD)/coplan $(MO)

# Installs flex, bison and GLPK (to build) and cmocka (to test) when missing.
deps:
	@sh tools/install-deps.sh build
deps-test:
	@sh tools/install-deps.sh test

ifneq ($(wildcard grammar/generated/parser.c),)
# a release tarball (make dist): the parser and lexer come made, so
# building needs neither bison nor flex
$(BUILD)/parser.c $(BUILD)/parser.h &: grammar/generated/parser.c grammar/generated/parser.h | deps
	@mkdir -p $(BUILD)
	cp grammar/generated/parser.c grammar/generated/parser.h $(BUILD)/

$(BUILD)/lexer.c $(BUILD)/lexer.h &: grammar/generated/lexer.c grammar/generated/lexer.h | deps
	@mkdir -p $(BUILD)
	cp grammar/generated/lexer.c grammar/generated/lexer.h $(BUILD)/
else
# each tool writes both its outputs in one run (a grouped target)
$(BUILD)/parser.c $(BUILD)/parser.h &: grammar/parser.y | deps
	@mkdir -p $(BUILD)
	$(BISON) -Wall -Werror --defines=$(BUILD)/parser.h -o $(BUILD)/parser.c $<

$(BUILD)/lexer.c $(BUILD)/lexer.h &: grammar/lexer.l $(BUILD)/parser.h | deps
	@mkdir -p $(BUILD)
	$(FLEX) --header-file=$(BUILD)/lexer.h -o $(BUILD)/lexer.c $<
endif

$(BUILD)/obj/parser.o: $(BUILD)/parser.c $(BUILD)/lexer.h
	@mkdir -p $(dir $@)
	$(CC) $(GEN_CFLAGS) -c $< -o $@
$(BUILD)/obj/lexer.o: $(BUILD)/lexer.c $(BUILD)/parser.h
	@mkdir -p $(dir $@)
	$(CC) $(GEN_CFLAGS) -c $< -o $@

# the generated headers exist before any object is made; which objects
# include them (parse.o) the compiler's .d files say, so a change to the
# grammar remakes those alone
$(BUILD)/obj/%.o: src/%.c | $(BUILD)/parser.h $(BUILD)/lexer.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(WARN) -c $< -o $@

$(BUILD)/libcoplan.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

# Messages in Italian: po/it.po, the catalogue of po/coplan.pot, made a
# .mo where the binary finds it when run from the build folder.  `make
# pot` extracts the messages from the sources again (review it, then
# msgmerge it into po/it.po).
ifneq ($(wildcard po/generated/it.mo),)
# a release tarball: the catalogue comes made (no msgfmt needed)
$(MO): po/generated/it.mo | deps
	@mkdir -p $(dir $@)
	cp po/generated/it.mo $@
else
$(MO): po/it.po | deps
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ po/it.po
endif

XGETTEXT_KEYS := --keyword=_ --keyword=N_ --keyword=plural:2,3 --keyword=msg_ctext:1c,2 \
	--keyword=diag_error:3 --flag=diag_error:3:c-format --keyword=diag_warning:3 --flag=diag_warning:3:c-format \
	--keyword=diag_warning_about:6 --flag=diag_warning_about:6:c-format --keyword=diag_plain:2 \
	--flag=diag_plain:2:c-format --keyword=usage_error:2 --flag=usage_error:2:c-format \
	--keyword=test_usage:1 --flag=test_usage:1:c-format --flag=plural:2:c-format --flag=plural:3:c-format \
	--keyword=csv_fail:3 --keyword=count_word:3,4 --flag=count_word:3:c-format --keyword=NEVER_CHOSEN:3 --flag=NEVER_CHOSEN:3:c-format --keyword=NEVER_APPLIES:3 \
	--flag=NEVER_APPLIES:3:c-format --flag=buf_printf:2:c-format
POT ?= po/coplan.pot
pot:
	xgettext --from-code=UTF-8 --language=C --add-comments=TRANSLATORS: --package-name=coplan \
		--package-version=$(VERSION) --msgid-bugs-address=coplan --no-wrap $(XGETTEXT_KEYS) \
		-o $(POT) $(sort $(wildcard src/*/*.c src/*/*.h))

$(BUILD)/coplan: $(BUILD)/obj/cli/main.o $(BUILD)/libcoplan.a
	$(CC) $(OPT) $(SAN) -o $@ $^ $(LDLIBS)

$(BUILD)/test_%: tests/unit/test_%.c tests/unit/testutil.h $(BUILD)/libcoplan.a | deps-test
	$(CC) $(ALL_CFLAGS) $(WARN) -Wno-missing-prototypes -Itests/unit -DREPO_ROOT='"$(CURDIR)"' -o $@ $< \
		$(BUILD)/libcoplan.a -lcmocka $(LDLIBS)

# The main job on the shipped example: findings make check exit 1, and a
# must rule no count meets makes plan exit 1: answers here, not failures.
DEMO_RULES := rules/customer-operations.rules
DEMO_UNITS := examples/customer-operations/2022-01/units.csv
demo: $(BUILD)/coplan
	$(BUILD)/coplan lint $(DEMO_RULES)
	$(BUILD)/coplan check $(DEMO_RULES) $(DEMO_UNITS) || [ $$? -eq 1 ]
	$(BUILD)/coplan plan $(DEMO_RULES) $(DEMO_UNITS) || [ $$? -eq 1 ]
	$(BUILD)/coplan check $(DEMO_RULES) $(DEMO_UNITS) --format html -o $(BUILD)/report.html || [ $$? -eq 1 ]
	$(BUILD)/coplan plan $(DEMO_RULES) $(DEMO_UNITS) --format xlsx -o $(BUILD)/plan.xlsx || [ $$? -eq 1 ]
	@echo "make demo: the check for people is $(BUILD)/report.html (open it in a browser), the plan $(BUILD)/plan.xlsx (a workbook)"

# One line at the end: "N passed, M failed" over every suite.
check: $(BUILD)/coplan $(MO) $(UNIT_BIN)
	@sh tests/run-all.sh $(BUILD)

# The cmocka tests alone; the golden cases alone (cli and hostile).
unit: $(UNIT_BIN)
	@rc=0; for t in $(UNIT_BIN); do $$t || rc=1; done; exit $$rc
cli: $(BUILD)/coplan
	@sh tests/cli/run.sh $(BUILD)/coplan && sh tests/cli/run.sh $(BUILD)/coplan tests/hostile hostile

# One test by name: a golden case (make test T=transfer-surplus, from
# tests/cli or tests/hostile) or a cmocka file (make test T=test_solve).
test: $(BUILD)/coplan
	@case "$(T)" in \
	'') echo "make test T=NAME: a folder of tests/cli or tests/hostile, or a tests/unit/test_*.c"; exit 2 ;; \
	test_*) $(MAKE) --no-print-directory $(BUILD)/$(T) && $(BUILD)/$(T) ;; \
	*) if [ -d tests/cli/$(T) ]; then ONLY=$(T) sh tests/cli/run.sh $(BUILD)/coplan; \
	   elif [ -d tests/hostile/$(T) ]; then ONLY=$(T) sh tests/cli/run.sh $(BUILD)/coplan tests/hostile hostile; \
	   else echo "make test: no test '$(T)' in tests/cli, tests/hostile or tests/unit"; exit 2; fi ;; \
	esac

# Rewrites the expected output of every golden case (cli, hostile and the
# shipped standards) from the binary; review the change with git diff.
update-golden: $(BUILD)/coplan
	@UPDATE=1 sh tests/cli/run.sh $(BUILD)/coplan
	@UPDATE=1 sh tests/cli/run.sh $(BUILD)/coplan tests/hostile hostile
	@UPDATE=1 sh tests/rules.sh $(BUILD)/coplan

sanitize:
	COPLAN_SANITIZED=1 $(MAKE) BUILD=build-san OPT="-O1 -g -fno-omit-frame-pointer" \
		SAN="-fsanitize=address,undefined -fno-sanitize-recover=all" check

# Every suite under ThreadSanitizer: the threads of --jobs share nothing
# they write.
tsan:
	COPLAN_SANITIZED=1 $(MAKE) BUILD=build-tsan OPT="-O1 -g -fno-omit-frame-pointer" SAN="-fsanitize=thread" check

# The golden cases under memcheck (the hostile ones run under ASan+UBSan
# in make sanitize: the same memory errors, in a CI's time)
valgrind: $(BUILD)/coplan
	@VALGRIND=1 sh tests/cli/run.sh $(BUILD)/coplan

# Timings of check, plan, a 10^7-row roster and 10,000 rules against a
# hand-written baseline (tests/bench).
bench: $(BUILD)/coplan
	sh tests/bench/run.sh $(BUILD)/coplan

# libFuzzer harnesses (clang), each run FUZZ_TIME seconds.
FUZZ_TIME ?= 60
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all
fuzz:
	$(MAKE) BUILD=build-fuzz CC=clang OPT="-O1 -g" SAN="$(FUZZ_SAN) -fsanitize=fuzzer-no-link" build-fuzz/libcoplan.a
	for h in rules units roster check baseline test waivers plan feed; do \
		clang -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DCOPLAN_VERSION='"$(VERSION)"' \
			-O1 -g $(FUZZ_SAN) -fsanitize=fuzzer $(WING_INC) -Ibuild-fuzz \
			-o build-fuzz/fuzz_$$h tests/fuzz/fuzz_$$h.c build-fuzz/libcoplan.a -lglpk -lxlsxwriter -lm -pthread || exit 1; \
	done
	sh tests/fuzz/run.sh $(FUZZ_TIME)

install: $(BUILD)/coplan $(MO)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/man/man5 $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
		$(DESTDIR)$(LOCALEDIR)/it/LC_MESSAGES
	install -m 644 $(MO) $(DESTDIR)$(LOCALEDIR)/it/LC_MESSAGES/coplan.mo
	install -m 755 $(BUILD)/coplan $(DESTDIR)$(PREFIX)/bin/coplan
	install -m 644 docs/man/coplan.1 $(DESTDIR)$(PREFIX)/share/man/man1/coplan.1
	install -d $(DESTDIR)$(PREFIX)/share/man/it/man1
	install -m 644 docs/man/it/coplan.1 $(DESTDIR)$(PREFIX)/share/man/it/man1/coplan.1
	install -m 644 docs/man/coplan-rules.5 $(DESTDIR)$(PREFIX)/share/man/man5/coplan-rules.5
	install -m 644 editors/bash/coplan $(DESTDIR)$(PREFIX)/share/bash-completion/completions/coplan

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/coplan $(DESTDIR)$(PREFIX)/share/man/man1/coplan.1 \
		$(DESTDIR)$(PREFIX)/share/man/it/man1/coplan.1 \
		$(DESTDIR)$(PREFIX)/share/man/man5/coplan-rules.5 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/coplan \
		$(DESTDIR)$(LOCALEDIR)/it/LC_MESSAGES/coplan.mo

# A release: the sources git tracks, with the parser and lexer made
# (grammar/generated/), as coplan-VERSION.tar.gz.
dist: $(BUILD)/parser.c $(BUILD)/lexer.c $(MO)
	sh tools/dist.sh $(VERSION) $(BUILD)

# A Debian package of the build: the binary, both man pages, the bash
# completion; Depends worked out from the libraries it links.
deb: $(BUILD)/coplan $(MO)
	sh tools/deb.sh $(VERSION) $(BUILD)

clean:
	rm -rf build build-san build-tsan build-fuzz coplan-*.tar.gz coplan_*.deb

-include $(wildcard $(BUILD)/obj/*.d $(BUILD)/obj/*/*.d)
