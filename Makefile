# Makefile - builds climb, its tests and benchmarks. Plain GNU make; quiet unless V=1.
#   make            build build/climb
#   make run        install missing packages, build, open the TUI on the default database
#   make test       install missing packages, run every suite (built with --coverage, and
#                   fail below tests/coverage-floor), then again under ASan+UBSan
#   make coverage   every suite on a --coverage build; gcovr summary per file of src/ and
#                   an HTML report in build/coverage/html
#   make asan       build build/asan/climb with AddressSanitizer and UBSan
#   make bench      optimised build and benchmark table (see docs/performance.md)
#   make install    binary, manual, completions and docs under $(DESTDIR)$(PREFIX)
#   make install-strip   the same with the binary stripped; make uninstall removes them
#   make check-deb  build the Debian package in a scratch copy, check it (tools/check-deb.sh)
#   make keys-doc   write the key lists of README.md and docs/climb.1 from climb keys --all
#   make fuzz       libFuzzer harnesses (clang), FUZZ_SECONDS (60) each; see tests/fuzz/run.sh

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
DOCDIR  ?= $(PREFIX)/share/doc/climb
# Where each shell looks for completions: bash-completion says where (pkg-config),
# moved under PREFIX; zsh's site-functions and fish's vendor_completions.d.
BASHCOMPDIR ?= $(or $(shell $(PKG_CONFIG) --define-variable=prefix=$(PREFIX) \
                 --variable=completionsdir bash-completion 2>/dev/null),$(PREFIX)/share/bash-completion/completions)
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
INSTALL ?= install
STRIP   ?= strip
BUILD   ?= build
CC      ?= cc
PKG_CONFIG ?= pkg-config
PKGS    := ncursesw sqlite3 yaml-0.1 jansson
# DWARF 4: the valgrind Debian ships reads it from gcc and clang alike.
OPT     ?= -O2 -g -gdwarf-4
SAN     ?=

WARN := -std=c11 -Wall -Wextra -Wpedantic -Werror -Wshadow -Wstrict-prototypes \
        -Wmissing-prototypes -Wformat=2 -Wwrite-strings -Wundef
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
TEST_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
TEST_LIBS   = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

ALL_CFLAGS  = $(WARN) $(OPT) $(SAN) -Iinclude $(PKG_CFLAGS) $(CPPFLAGS) $(CFLAGS) -MMD -MP
ALL_LDFLAGS = $(SAN) $(LDFLAGS)

SRCS    := $(sort $(wildcard src/*.c))
OBJS    := $(SRCS:src/%.c=$(BUILD)/obj/%.o)
GEN     := $(BUILD)/gen/schema.c $(BUILD)/gen/builtin_ladder.c
GEN_OBJS := $(GEN:%.c=%.o)
# The content layer, built again for the build host into the generator that
# turns content/devops.yaml into static C data (tools/gen_ladder.c).
HOST_CC ?= $(CC)
TOOL_SRCS := tools/gen_ladder.c src/content.c src/content_tree.c src/content_parse.c \
             src/content_validate.c src/content_lookup.c src/text.c
TOOL_OBJS := $(addprefix $(BUILD)/tool-obj/,$(notdir $(TOOL_SRCS:.c=.o)))
LIB_OBJS := $(filter-out $(BUILD)/obj/main.o,$(OBJS)) $(GEN_OBJS)
UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
# The unit tests' shared fixture (tests/unit/support.c), linked into each of them.
UNIT_SUPPORT := $(BUILD)/tests/support.o

ifeq ($(V),1)
Q :=
else
Q := @
endif

.PHONY: all run test check unit e2e asan bench deps install install-strip uninstall clean \
        fuzz fuzz-build completions check-deb coverage coverage-check keys-doc
.DEFAULT_GOAL := all

all: $(BUILD)/climb completions

# The completion scripts, written by the binary itself (climb completions SHELL).
COMPLETIONS := $(BUILD)/completions/climb $(BUILD)/completions/_climb \
               $(BUILD)/completions/climb.fish
completions: $(COMPLETIONS)

$(BUILD)/completions/climb: $(BUILD)/climb
	$(Q)mkdir -p $(@D) && $(BUILD)/climb completions bash >$@
$(BUILD)/completions/_climb: $(BUILD)/climb
	$(Q)mkdir -p $(@D) && $(BUILD)/climb completions zsh >$@
$(BUILD)/completions/climb.fish: $(BUILD)/climb
	$(Q)mkdir -p $(@D) && $(BUILD)/climb completions fish >$@

$(BUILD)/climb: $(OBJS) $(GEN_OBJS)
	@echo "  LD      $@"
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/obj/%.o: src/%.c | $(BUILD)/obj
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	@echo "  CC      $<"
	$(Q)$(CC) $(WARN) $(OPT) $(SAN) -Iinclude -c -o $@ $<

$(BUILD)/embed: tools/embed.c | $(BUILD)/gen
	$(Q)$(CC) $(WARN) -O2 -o $@ $<

$(BUILD)/gen/schema.c: schema.sql $(BUILD)/embed
	@echo "  EMBED   $<"
	$(Q)$(BUILD)/embed climb_schema_sql $< $@

$(BUILD)/tool-obj/%.o: src/%.c | $(BUILD)/tool-obj
	@echo "  HOSTCC  $<"
	$(Q)$(HOST_CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tool-obj/%.o: tools/%.c | $(BUILD)/tool-obj
	@echo "  HOSTCC  $<"
	$(Q)$(HOST_CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/gen_ladder: $(TOOL_OBJS)
	@echo "  HOSTLD  $@"
	$(Q)$(HOST_CC) $(ALL_LDFLAGS) -o $@ $^ $(PKG_LIBS)

# The built-in ladder: validated at build time (a broken file fails here with
# FILE:LINE:COL), written out as static data so start-up parses nothing.
$(BUILD)/gen/builtin_ladder.c: content/devops.yaml $(BUILD)/gen_ladder | $(BUILD)/gen
	@echo "  GEN     $@"
	$(Q)$(BUILD)/gen_ladder $< $@

$(UNIT_SUPPORT): tests/unit/support.c | $(BUILD)/tests
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(UNIT_SUPPORT) $(LIB_OBJS) | $(BUILD)/tests
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) -o $@ $< $(UNIT_SUPPORT) $(UNIT_EXTRA) $(LIB_OBJS) \
		$(ALL_LDFLAGS) $(UNIT_LDFLAGS) $(PKG_LIBS) $(TEST_LIBS)

# test_faults alone links the fault injector (tests/unit/faults.c) and has the C
# library's allocation and I/O calls of every object it links sent to it.
$(BUILD)/tests/faults.o: tests/unit/faults.c | $(BUILD)/tests
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) -c -o $@ $<
$(BUILD)/tests/test_faults: $(BUILD)/tests/faults.o
$(BUILD)/tests/test_faults: UNIT_EXTRA = $(BUILD)/tests/faults.o
$(BUILD)/tests/test_faults: UNIT_LDFLAGS = -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc \
	-Wl,--wrap=strdup,--wrap=write,--wrap=fsync,--wrap=rename,--wrap=link,--wrap=fflush \
	-Wl,--wrap=fclose

$(BUILD)/obj $(BUILD)/gen $(BUILD)/tests $(BUILD)/tool-obj:
	$(Q)mkdir -p $@

# check: build and run every suite against $(BUILD).
check: $(BUILD)/climb $(UNIT_BINS)
	$(Q)tests/run.sh $(BUILD)

unit: $(UNIT_BINS)
	$(Q)tests/run.sh --unit-only $(BUILD)

e2e: $(BUILD)/climb
	$(Q)tests/run.sh --e2e-only $(BUILD)

asan:
	+$(Q)$(ASAN_MAKE) -j$(JOBS) build/asan/climb

# coverage: the whole suite against a --coverage build in build/coverage (counters
# reset first), then gcovr's summary per file of src/ and build/coverage/html.
# coverage-check: the same, failing when lines or branches fall below the two
# figures in tests/coverage-floor (raise them as coverage rises; never lower them).
COVERAGE_MAKE = $(MAKE) --no-print-directory BUILD=build/coverage SAN=--coverage
# Builds for the suites use every core (the suites themselves pace their own jobs).
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
ASAN_MAKE = $(MAKE) --no-print-directory BUILD=build/asan OPT="-O1 -g -fno-omit-frame-pointer" \
	SAN="-fsanitize=address,undefined -fno-sanitize-recover=all"

coverage:
	+$(Q)$(COVERAGE_MAKE) -j$(JOBS) build/coverage/climb $(UNIT_BINS:$(BUILD)/%=build/coverage/%)
	$(Q)find build/coverage -name '*.gcda' -delete
	$(Q)tests/run.sh build/coverage; rc=$$?; tools/coverage.sh build/coverage && exit $$rc

coverage-check:
	+$(Q)$(COVERAGE_MAKE) -j$(JOBS) build/coverage/climb $(UNIT_BINS:$(BUILD)/%=build/coverage/%)
	$(Q)find build/coverage -name '*.gcda' -delete
	$(Q)tests/run.sh build/coverage
	$(Q)tools/coverage.sh build/coverage --check tests/coverage-floor

# test: the whole suite on a --coverage build with the coverage ratchet (this is
# the plain, unsanitised pass), then the same suites under AddressSanitizer + UBSan.
test: deps
	$(Q)$(MAKE) --no-print-directory coverage-check
	+$(Q)$(ASAN_MAKE) -j$(JOBS) build/asan/climb $(UNIT_BINS:$(BUILD)/%=build/asan/%)
	$(Q)$(ASAN_MAKE) check

run: deps all
	$(Q)./$(BUILD)/climb $(ARGS)

bench: deps
	$(Q)$(MAKE) --no-print-directory BUILD=build/bench OPT="-O2 -DNDEBUG" build/bench/climb
	$(Q)bench/run.sh build/bench

# fuzz: every tests/fuzz/NAME_fuzzer.c built with clang into build/fuzz/ against the
# src objects instrumented for coverage (fuzzer-no-link) and ASan+UBSan, then the
# regression inputs replayed and each fuzzer run FUZZ_SECONDS on a copy of its corpus.
FUZZ_SECONDS ?= 60
FUZZ_NAMES := $(patsubst tests/fuzz/%_fuzzer.c,%,$(sort $(wildcard tests/fuzz/*_fuzzer.c)))
FUZZ_BINS := $(FUZZ_NAMES:%=$(BUILD)/%_fuzzer)

fuzz:
	$(Q)$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang \
		OPT="-O1 -g -fno-omit-frame-pointer" \
		SAN="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" fuzz-build
	$(Q)tests/fuzz/run.sh build/fuzz $(FUZZ_SECONDS) $(FUZZ_NAMES)

fuzz-build: $(FUZZ_BINS)

$(BUILD)/%_fuzzer: tests/fuzz/%_fuzzer.c $(LIB_OBJS)
	@echo "  FUZZ    $@"
	$(Q)$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(LIB_OBJS) $(ALL_LDFLAGS) $(PKG_LIBS)

deps:
	$(Q)tools/deps.sh

# The documents the manual names; the manual's /usr/local becomes PREFIX.
DOCS := docs/content-format.md docs/snapshots.md docs/snapshot.schema.json \
        docs/climbrc.example
INSTALLED := $(BINDIR)/climb $(MANDIR)/man1/climb.1 $(BASHCOMPDIR)/climb \
             $(ZSHCOMPDIR)/_climb $(FISHCOMPDIR)/climb.fish \
             $(addprefix $(DOCDIR)/,$(notdir $(DOCS)))

install: $(BUILD)/climb $(COMPLETIONS)
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DOCDIR) \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	$(INSTALL) -m 0755 $(INSTALL_STRIP) $(BUILD)/climb $(DESTDIR)$(BINDIR)/climb
	sed 's|/usr/local/|$(PREFIX)/|g' docs/climb.1 >$(DESTDIR)$(MANDIR)/man1/climb.1
	chmod 0644 $(DESTDIR)$(MANDIR)/man1/climb.1
	$(INSTALL) -m 0644 $(BUILD)/completions/climb $(DESTDIR)$(BASHCOMPDIR)/climb
	$(INSTALL) -m 0644 $(BUILD)/completions/_climb $(DESTDIR)$(ZSHCOMPDIR)/_climb
	$(INSTALL) -m 0644 $(BUILD)/completions/climb.fish $(DESTDIR)$(FISHCOMPDIR)/climb.fish
	$(INSTALL) -m 0644 $(DOCS) $(DESTDIR)$(DOCDIR)/

# install-strip: the GNU convention, the binary without its debugging information.
install-strip:
	$(Q)$(MAKE) --no-print-directory INSTALL_STRIP="-s --strip-program=$(STRIP)" install

uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))
	-rmdir $(DESTDIR)$(DOCDIR) 2>/dev/null

# check-deb: dpkg-buildpackage -us -uc -b, dpkg-deb -c, lintian and dpkg -i into a
# scratch root; the .deb is left in build/. Needs debhelper, lintian, fakeroot.
check-deb:
	$(Q)tools/check-deb.sh

# keys-doc: README.md's and docs/climb.1's key lists, from the key tables
# (tools/keys-doc.sh; tests/e2e/test_docs.sh fails when they are out of date).
keys-doc: $(BUILD)/climb
	$(Q)tools/keys-doc.sh $(BUILD)/climb README.md docs/climb.1

clean:
	rm -rf build

-include $(OBJS:.o=.d) $(UNIT_BINS:=.d) $(UNIT_SUPPORT:.o=.d) $(BUILD)/tests/faults.d $(TOOL_OBJS:.o=.d) $(FUZZ_BINS:=.d)
