# Sanitizers: `make test-asan` builds everything with AddressSanitizer and
# UndefinedBehaviorSanitizer in $(ASAN_BUILD_DIR) and runs the whole test suite.
# .ci/run runs it after `make test`.

ASAN_BUILD_DIR ?= $(BUILD_DIR)-asan

.PHONY: test-asan

test-asan: deps
	cmake -S . -B $(ASAN_BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEVGRAPH_SANITIZE=ON
	cmake --build $(ASAN_BUILD_DIR) -j$(JOBS)
	cd $(ASAN_BUILD_DIR) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j$(JOBS)
