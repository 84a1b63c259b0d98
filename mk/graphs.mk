# make graphs: regenerates graphs/ from events.yaml through real file
# dependencies, so a second run does nothing, and every output is
# byte-identical across runs (evgraph's renderers are deterministic).
#
#   graphs/events.dot .svg        event graph (actors, statements, events; dates as ranks)
#   graphs/responses.dot .svg     who responded to whom
#   graphs/timeline.svg .html     time-scaled timeline, interactive page
#   graphs/timeline.json          TimelineJS (Knight Lab)
#   graphs/events.graphml         Gephi / yEd
#   graphs/events.jsonl           one event per line
#   graphs/actors/<id>.svg        one timeline per top actor (GRAPHS_TOP_ACTORS)
#
# The evgraph binary is an order-only prerequisite (through a stamp): it is
# built when missing, but rebuilding it does not by itself redo the graphs
# (`make -B graphs` does).

BUILD_DIR ?= build
EVGRAPH ?= $(BUILD_DIR)/evgraph
EVENTS_YAML ?= $(or $(STORE),events.yaml)
GRAPHS_DIR ?= graphs
GRAPHS_TOP_ACTORS ?= 6
GRAPHS_LANES ?= 8

GRAPHS_OUTPUTS := $(addprefix $(GRAPHS_DIR)/,events.dot events.svg responses.dot responses.svg timeline.svg \
                    timeline.html timeline.json events.graphml events.jsonl) \
                  $(GRAPHS_DIR)/actors/.stamp

.PHONY: graphs
graphs: $(GRAPHS_OUTPUTS)

# The tool, built once through the top-level `build` target. A stamp rather
# than $(EVGRAPH) itself: the top-level Makefile makes $(EVGRAPH) depend on the
# phony `build`, which would run cmake on every `make graphs`.
GRAPHS_TOOL := $(BUILD_DIR)/.graphs-tool-stamp
$(GRAPHS_TOOL):
	$(MAKE) --no-print-directory -f $(firstword $(MAKEFILE_LIST)) build
	touch $@

# Directories are made in the recipes: a `graphs/` prerequisite would clash
# with the phony `graphs` target of the same name.
GRAPHS_RENDER = @echo "render $@" && mkdir -p $(@D) && $(EVGRAPH) render $(EVENTS_YAML) -o $@

$(GRAPHS_DIR)/events.dot: $(EVENTS_YAML) | $(GRAPHS_TOOL)
	$(GRAPHS_RENDER) --format dot
$(GRAPHS_DIR)/events.svg: $(EVENTS_YAML) | $(GRAPHS_TOOL)
	$(GRAPHS_RENDER) --format svg
$(GRAPHS_DIR)/responses.dot: $(EVENTS_YAML) | $(GRAPHS_TOOL)
	$(GRAPHS_RENDER) --format responses-dot
$(GRAPHS_DIR)/responses.svg: $(EVENTS_YAML) | $(GRAPHS_TOOL)
	$(GRAPHS_RENDER) --format responses-svg
$(GRAPHS_DIR)/timeline.svg: $(EVENTS_YAML) | $(GRAPHS_TOOL)
	$(GRAPHS_RENDER) --format timeline-svg --lanes $(GRAPHS_LANES)
$(GRAPHS_DIR)/timeline.html: $(EVENTS_YAML) | $(GRAPHS_TOOL)
	$(GRAPHS_RENDER) --format html --lanes $(GRAPHS_LANES)
$(GRAPHS_DIR)/timeline.json: $(EVENTS_YAML) | $(GRAPHS_TOOL)
	$(GRAPHS_RENDER) --format timelinejs
$(GRAPHS_DIR)/events.graphml: $(EVENTS_YAML) | $(GRAPHS_TOOL)
	$(GRAPHS_RENDER) --format graphml
$(GRAPHS_DIR)/events.jsonl: $(EVENTS_YAML) | $(GRAPHS_TOOL)
	$(GRAPHS_RENDER) --format jsonl

# Which actors are "top" depends on the store, so one stamp stands for the set:
# stale timelines are removed and the current top actors re-rendered. Only
# slug-shaped ids become file names.
$(GRAPHS_DIR)/actors/.stamp: $(EVENTS_YAML) | $(GRAPHS_TOOL)
	@mkdir -p $(@D)
	rm -f $(@D)/*.svg
	ids=$$($(EVGRAPH) query actors --store $(EVENTS_YAML) --top $(GRAPHS_TOP_ACTORS) --ids) || exit 1; \
	for id in $$ids; do \
	  case "$$id" in *[!a-z0-9-]*|'') echo "graphs: skipping actor id '$$id'"; continue;; esac; \
	  $(EVGRAPH) render $(EVENTS_YAML) --format timeline-svg --actor "$$id" --title "$$id" \
	    -o $(@D)/$$id.svg || exit 1; \
	done
	touch $@
