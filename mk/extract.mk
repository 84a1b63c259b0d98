# Extraction evaluation: `make eval-extract` scores `evgraph extract --format json`
# on the seed articles (../shared/corpus, skipped when absent) and on our own
# articles of other stories (tests/corpus), printing P/R/F1 tables.
CORPUS ?= ../shared/corpus

.PHONY: eval-extract
eval-extract: build
	python3 tools/eval_extract.py --evgraph $(EVGRAPH) \
	  --set seeds $(CORPUS)/seeds $(CORPUS)/gold \
	  --set own-articles tests/corpus/articles tests/corpus/gold
