#!/usr/bin/env bash
# Speed-and-scale benchmarks (run by `make bench` / `make bench-peers`, never by `make test`).
#
#   tools/bench.sh extract   throughput of timex-only and full extraction at -j1 and -jN,
#                            scaling efficiency, peak RSS, time to merge
#   tools/bench.sh peers     evgraph's temporal tagger vs chrono-node on the same corpus
#
# Environment: BUILD_DIR (build), EVGRAPH ($BUILD_DIR/evgraph), BENCH_MB (100: corpus
# size), BENCH_RUNS (3: medians of this many runs), BENCH_JOBS (all cores),
# BENCH_PEER_MB (20: both taggers run over the first this-many MB of the corpus,
# chrono-node 2.10 manages about 5 MB/s), BENCH_PEER_RUNS (BENCH_RUNS),
# SEEDS (../shared/corpus/seeds), TEMPEVAL (../shared/data/tempeval3/tbaq).
set -euo pipefail

mode="${1:-extract}"
BUILD_DIR="${BUILD_DIR:-build}"
EVGRAPH="${EVGRAPH:-$BUILD_DIR/evgraph}"
BENCH_MB="${BENCH_MB:-100}"
BENCH_RUNS="${BENCH_RUNS:-3}"
BENCH_JOBS="${BENCH_JOBS:-$(nproc 2>/dev/null || echo 2)}"
SEEDS="${SEEDS:-../shared/corpus/seeds}"
TEMPEVAL="${TEMPEVAL:-../shared/data/tempeval3/tbaq}"
bench_dir="$BUILD_DIR/bench"
corpus="$bench_dir/corpus-${BENCH_MB}mb.jsonl"
bench_bin="$BUILD_DIR/bench_extract"

mkdir -p "$bench_dir"
if [ ! -s "$corpus" ]; then
  python3 tools/bench_corpus.py --out "$corpus" --mb "$BENCH_MB" --seeds "$SEEDS" --tempeval "$TEMPEVAL"
fi
for program in "$EVGRAPH" "$bench_bin"; do
  [ -x "$program" ] || { echo "bench: $program not built (make build)" >&2; exit 2; }
done

# Runs a command BENCH_RUNS times; prints the median wall time and the peak RSS
# of the command (getrusage RUSAGE_CHILDREN, from a fresh Python process so
# that only this command's children count). stdin/stdout via the STDIN/STDOUT variables.
timed() {
  local label="$1"; shift
  python3 - "$label" "$BENCH_RUNS" "${STDIN:-/dev/null}" "${STDOUT:-/dev/null}" "${MB:-0}" "$@" <<'EOF'
import resource, statistics, subprocess, sys, time
label, runs, stdin, stdout, mb, cmd = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], float(sys.argv[5]), sys.argv[6:]
times = []
for _ in range(runs):
    with open(stdin, "rb") as i, open(stdout, "wb") as o:
        start = time.monotonic()
        code = subprocess.call(cmd, stdin=i, stdout=o)
        times.append(time.monotonic() - start)
    if code not in (0, 1):
        sys.exit("bench: %s failed with exit code %d: %s" % (label, code, " ".join(cmd)))
median = statistics.median(times)
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
rate = "  %.2f MB/s" % (mb / median) if mb else ""
print("%-34s median %7.2f s%s  peak RSS %.1f MB  (runs: %s)" % (label, median, rate, rss, " ".join("%.2f" % t for t in times)))
EOF
}

corpus_mb=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1], encoding='utf-8')) / 1e6)" "$corpus")
echo "== evgraph bench ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(uname -m)) =="
echo "corpus: $corpus ($corpus_mb MB of text); medians of $BENCH_RUNS runs"

case "$mode" in
  extract)
    echo "-- library pipeline (bench_extract: CorpusReader -> run_ordered_pipeline) --"
    "$bench_bin" "$corpus" --modes timex,extract --jobs "1,$BENCH_JOBS" --runs "$BENCH_RUNS" \
      --write-jsonl "$bench_dir/extractions.jsonl" | grep -v '^RESULT'
    echo "-- command line --"
    if "$EVGRAPH" extract --help 2>&1 | grep -q -- '--stdin-jsonl'; then
      for j in 1 "$BENCH_JOBS"; do
        STDIN="$corpus" MB="$corpus_mb" timed "extract --stdin-jsonl --format json -j$j" \
          "$EVGRAPH" --quiet extract --stdin-jsonl --format json -j "$j"
      done
    else
      echo "(evgraph extract has no --stdin-jsonl yet: command-line extraction not measured)"
    fi
    shards_mb=$(du -m "$bench_dir/extractions.jsonl" | cut -f1)
    timed "merge (${shards_mb} MB of JSON Lines)" "$EVGRAPH" --quiet merge "$bench_dir/extractions.jsonl" \
      -o "$bench_dir/events.yaml"
    ;;
  peers)
    node_dir="$bench_dir/node"
    if [ ! -d "$node_dir/node_modules/chrono-node" ]; then
      tools/install-deps.sh bench
      npm install --silent --no-audit --no-fund --prefix "$node_dir" chrono-node >&2
    fi
    peer_mb="${BENCH_PEER_MB:-20}"
    peer_runs="${BENCH_PEER_RUNS:-$BENCH_RUNS}"
    echo "chrono-node $(node -p "require('$node_dir/node_modules/chrono-node/package.json').version"), node $(node --version); both over the first $peer_mb MB of it, one thread, medians of $peer_runs runs"
    evgraph_out=$("$bench_bin" "$corpus" --modes timex --jobs 1 --runs "$peer_runs" --max-mb "$peer_mb")
    echo "$evgraph_out" | grep -v '^RESULT'
    chrono_out=$(NODE_PATH="$node_dir/node_modules" node bench/chrono_peer.js "$corpus" --runs "$peer_runs" --max-mb "$peer_mb")
    echo "$chrono_out" | grep -v '^RESULT'
    python3 - "$evgraph_out" "$chrono_out" <<'EOF'
import sys
values = {}
for block in sys.argv[1:]:
    for line in block.splitlines():
        if line.startswith("RESULT "):
            key, value = line[7:].split("=")
            values[key] = float(value)
ev, ch, ch_parse = values["timex_j1_mbps"], values["chrono_mbps"], values["chrono_parse_only_mbps"]
print("evgraph timex -j1: %.2f MB/s   chrono-node: %.3f MB/s (%.3f MB/s counting chrono.parse alone)" % (ev, ch, ch_parse))
print("ratio evgraph / chrono-node: %.1fx (%.1fx against chrono.parse alone)" % (ev / ch, ev / ch_parse))
EOF
    ;;
  *)
    echo "usage: tools/bench.sh extract|peers" >&2
    exit 2
    ;;
esac
