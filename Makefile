# evgraph: the two commands are `make run` and `make test`; both install
# missing Debian packages first (tools/install-deps.sh), then build.

BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
EVGRAPH := $(BUILD_DIR)/evgraph
SEEDS ?= ../shared/corpus/seeds
STORE ?= events.yaml

.PHONY: all deps configure build run test store clean help

all: build

help:
	@echo "make run     install deps, build, extract the seeds into $(STORE), write graphs/"
	@echo "make test    install deps, build, run every test"
	@echo "make graphs  regenerate graphs/ from $(STORE)"
	@echo "make store   re-extract $(STORE) from $(SEEDS) (keeps curated facts)"
	@echo "make bench   benchmarks;  make clean  remove $(BUILD_DIR)"

deps:
	@tools/install-deps.sh

$(BUILD_DIR)/CMakeCache.txt:
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

configure: deps $(BUILD_DIR)/CMakeCache.txt

build: configure
	cmake --build $(BUILD_DIR) -j$(JOBS)

# The binary, for Makefile fragments that depend on it.
$(EVGRAPH): build

# Re-extract the demo store from the seed articles when they are present;
# --update keeps every hand correction (curated facts, suppressions, alias merges).
store: build
	@if [ -d "$(SEEDS)" ]; then \
	  $(EVGRAPH) extract $(SEEDS)/*.txt --update $(STORE) && echo "wrote $(STORE)"; \
	else \
	  echo "store: $(SEEDS) not found; keeping the committed $(STORE)"; \
	fi

run: store
	$(MAKE) --no-print-directory graphs

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j$(JOBS)

clean:
	rm -rf $(BUILD_DIR)

# Area fragments: graphs, timex evaluation, extraction evaluation, benchmarks, fuzzing.
-include mk/*.mk
