# Benchmarks: `make bench` runs every bench-* target that fragments add to
# BENCH_TARGETS; `make bench-peers` compares the temporal tagger with chrono-node.
# Not part of `make test`. Knobs: BENCH_MB, BENCH_RUNS, BENCH_JOBS, BENCH_PEER_MB
# (see tools/bench.sh).

BENCH_TARGETS += bench-extract bench-render

.PHONY: bench bench-extract bench-render bench-peers bench-1gb

# Expanded when run, so bench-* targets of fragments included after this one
# count too; one at a time, since benchmarks running side by side skew each other.
bench:
	@for target in $(BENCH_TARGETS); do $(MAKE) --no-print-directory $$target || exit 1; done

# Throughput (timex-only and full extraction, -j1 and -jN), scaling, peak RSS, merge time.
bench-extract: build
	BUILD_DIR=$(BUILD_DIR) EVGRAPH=$(EVGRAPH) SEEDS=$(SEEDS) tools/bench.sh extract

# Issue 5: the SVG timeline of a synthetic 10,000-event store (median time, peak RSS).
bench-render: build
	$(BUILD_DIR)/bench_render 10000 5

# chrono-node is installed from npm into $(BUILD_DIR)/bench/node (nodejs/npm from Debian).
bench-peers: build
	@tools/install-deps.sh bench
	BUILD_DIR=$(BUILD_DIR) EVGRAPH=$(EVGRAPH) SEEDS=$(SEEDS) tools/bench.sh peers

# Issue 6 at full size, opt-in (not in `make bench`: minutes, not seconds): BENCH_1GB_MB
# (1024) MB of text through `extract --stdin-jsonl`, then `merge` of its shards;
# throughput and peak RSS. BENCH_1GB_MERGE=0 skips the merge.
bench-1gb: build
	BUILD_DIR=$(BUILD_DIR) EVGRAPH=$(EVGRAPH) SEEDS=$(SEEDS) tools/bench.sh 1gb
