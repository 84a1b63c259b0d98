# Sanitizers: `make test-asan` builds everything with AddressSanitizer and
# UndefinedBehaviorSanitizer in $(ASAN_BUILD_DIR) and runs the whole test suite.
# .ci/run runs it after `make test`.

ASAN_BUILD_DIR ?= $(BUILD_DIR)-asan

.PHONY: test-asan

test-asan: deps
	cmake -S . -B $(ASAN_BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEVGRAPH_SANITIZE=ON
	cmake --build $(ASAN_BUILD_DIR) -j$(JOBS)
	cd $(ASAN_BUILD_DIR) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tools/lsan-suppressions.txt:print_suppressions=0 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j$(JOBS)

# Fuzzing: `make fuzz` builds the libFuzzer targets in fuzz/ with Debian's clang
# and runs each for FUZZ_SECONDS (default 60) from seeds made of our fixtures.
FUZZ_BUILD_DIR ?= $(BUILD_DIR)-fuzz
FUZZ_SECONDS ?= 60

.PHONY: fuzz

fuzz: deps
	@tools/install-deps.sh fuzz
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEVGRAPH_FUZZ=ON
	cmake --build $(FUZZ_BUILD_DIR) -j$(JOBS) --target fuzzers
	tools/fuzz.sh $(FUZZ_BUILD_DIR) $(FUZZ_SECONDS)
