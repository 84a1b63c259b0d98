# Temporal tagger: TempEval-3 task A evaluation on TBAQ and the throughput benchmark.
#   make eval-timex    strict/relaxed extent P/R/F1, type and value accuracy and F1
#   make bench-timex   MB/s on a >= 50 MB corpus built from the seeds and TBAQ
TBAQ ?= ../shared/data/tempeval3/tbaq
TIMEX_SEEDS ?= ../shared/corpus/seeds

.PHONY: eval-timex bench-timex bench

eval-timex: build
	@if [ -d "$(TBAQ)" ]; then \
	  python3 tools/eval_timex.py --evgraph $(BUILD_DIR)/evgraph --data $(TBAQ) --work $(BUILD_DIR)/eval-timex; \
	else \
	  echo "eval-timex: $(TBAQ) not found; nothing to evaluate"; \
	fi

bench-timex: build
	$(BUILD_DIR)/bench_timex --seeds $(TIMEX_SEEDS) --tbaq $(TBAQ) --corpus $(BUILD_DIR)/bench-timex/corpus.txt --min-mb 50 --runs 5

bench: bench-timex
