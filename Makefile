# Quick start (fresh Debian 12): `make demo` builds and lints examples/, `make check` builds and
# runs every test. Both install missing Debian packages first and are safe to run again.
BUILD ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc)
GWLINT := $(BUILD)/gwlint

.PHONY: all deps configure build demo check check-sanitize bench bench-mock format clean

all: build

deps:
	@scripts/install-deps.sh
	@scripts/install-node-clients.sh

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

# Lints the bundled examples: findings are expected (exit code 1), so the demo still succeeds.
demo: build
	@echo "== gwlint lint examples/ =="
	@$(GWLINT) lint examples/; rc=$$?; echo "(exit code $$rc: 0 clean, 1 findings, 2 error)"; test $$rc -le 1
	@echo "== gwlint lint examples/clean/ (the clean example) =="
	@$(GWLINT) lint examples/clean/
	@echo "== gwlint scenario run scenarios/ (recorded Azure exchanges replayed against the builtin client) =="
	@$(GWLINT) scenario run scenarios/ -j $(JOBS)

check: build
	@ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer.
check-sanitize: deps
	@cmake -S . -B $(BUILD)-sanitize -DCMAKE_BUILD_TYPE=Debug -DGWLINT_SANITIZE=ON -DGWLINT_BENCH=OFF >/dev/null
	@cmake --build $(BUILD)-sanitize -j $(JOBS)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir $(BUILD)-sanitize --output-on-failure -j $(JOBS)

# libFuzzer (clang 14, ASan+UBSan, in $(BUILD)-fuzz): every target for FUZZ_SECONDS each, then the
# kept crash inputs. fuzz-smoke is CI's short budget. See docs/hardening.md and fuzz/run.sh.
FUZZ_SECONDS ?= 600
FUZZ_SMOKE_SECONDS ?= 10
.PHONY: fuzz fuzz-smoke
fuzz: deps
	@FUZZ_BUILD=$(CURDIR)/$(BUILD)-fuzz fuzz/run.sh all $(FUZZ_SECONDS)
	@FUZZ_BUILD=$(CURDIR)/$(BUILD)-fuzz fuzz/run.sh replay

fuzz-smoke: deps
	@FUZZ_BUILD=$(CURDIR)/$(BUILD)-fuzz fuzz/run.sh replay
	@FUZZ_BUILD=$(CURDIR)/$(BUILD)-fuzz fuzz/run.sh all $(FUZZ_SMOKE_SECONDS)

bench: build
	@bench/run.sh $(GWLINT)

# The mock under load: wrk against `gwlint mock serve` and nginx side by side (design/BENCH.md §2).
bench-mock: build
	@bench/mock_load.py --gwlint $(GWLINT)

format:
	@find src tests bench fuzz -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	@rm -rf $(BUILD) $(BUILD)-sanitize
