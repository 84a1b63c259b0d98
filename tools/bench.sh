#!/usr/bin/env bash
# Speed-and-scale benchmarks (run by `make bench` / `make bench-peers`, never by `make test`).
#
#   tools/bench.sh extract   throughput of timex-only and full extraction at -j1 and -jN,
#                            scaling efficiency, peak RSS, time to merge
#   tools/bench.sh peers     evgraph's temporal tagger vs chrono-node on the same corpus
#   tools/bench.sh 1gb       issue 6 at full size (opt-in, `make bench-1gb`): BENCH_1GB_MB of
#                            text (1024) streamed through `extract --stdin-jsonl -jN --format json`
#                            (the corpus repeated under fresh doc ids through a pipe), then its
#                            shards (kept zstd-compressed, so little disk) merged from stdin;
#                            throughput, wall time and each process's own peak RSS
#                            (BENCH_1GB_MERGE=0: no merge; BENCH_1GB_KEEP=1: keep the shards
#                            and reuse them next time, merge only)
#
# Environment: BUILD_DIR (build), EVGRAPH ($BUILD_DIR/evgraph), BENCH_MB (100: corpus
# size), BENCH_RUNS (3: medians of this many runs), BENCH_JOBS (all cores),
# BENCH_PEER_MB (20: both taggers run over the first this-many MB of the corpus,
# chrono-node 2.10 manages 6-9 MB/s), BENCH_PEER_RUNS (5: rounds, each tool once per round),
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
    peer_runs="${BENCH_PEER_RUNS:-5}"
    echo "chrono-node $(node -p "require('$node_dir/node_modules/chrono-node/package.json').version"), node $(node --version); both over the first $peer_mb MB of it, one thread, taking turns for $peer_runs rounds"
    # The two take turns, one run each per round: this machine's speed drifts by tens of
    # percent within minutes, and a ratio of runs far apart would measure the drift.
    results=""
    for round in $(seq "$peer_runs"); do
      evgraph_out=$("$bench_bin" "$corpus" --modes timex,scan --jobs 1 --runs 1 --max-mb "$peer_mb")
      chrono_out=$(NODE_PATH="$node_dir/node_modules" node bench/chrono_peer.js "$corpus" --runs 1 --max-mb "$peer_mb")
      echo "round $round: $(echo "$evgraph_out" | grep '^timex') | $(echo "$evgraph_out" | grep '^scan') | $(echo "$chrono_out" | grep '^chrono-node run')"
      results="$results
$(echo "$evgraph_out" | grep '^RESULT')
$(echo "$chrono_out" | grep '^RESULT')"
    done
    python3 - "$results" <<'EOF2'
import statistics, sys
values = {}
for line in sys.argv[1].splitlines():
    if line.startswith("RESULT "):
        key, value = line[7:].split("=")
        values.setdefault(key, []).append(float(value))
ev, scan, ch, ch_parse = (values[k] for k in ("timex_j1_mbps", "scan_j1_mbps", "chrono_mbps", "chrono_parse_only_mbps"))
ratios = [e / c for e, c in zip(ev, ch)]
med = statistics.median
print("evgraph timex -j1: %.2f MB/s   chrono-node: %.3f MB/s (%.3f MB/s counting chrono.parse alone); medians of %d rounds"
      % (med(ev), med(ch), med(ch_parse), len(ev)))
print("ratio evgraph / chrono-node: %.1fx (%.1fx against chrono.parse alone); per round: %s"
      % (med(ratios), med([e / c for e, c in zip(ev, ch_parse)]), " ".join("%.1fx" % r for r in ratios)))
# The tagger's first step alone (text normalization and the Hyperscan scans), nothing
# after it: no tagger built on this rule set can beat chrono-node by more than this.
print("ceiling: the tagger's first step (normalizing, Hyperscan scans) alone runs at %.2f MB/s, %.1fx chrono-node" % (med(scan), med([s / c for s, c in zip(scan, ch)])))
EOF2
    ;;
  1gb)
    target_mb="${BENCH_1GB_MB:-1024}"
    shards="$bench_dir/extractions-1gb.jsonl.zst"
    echo "-- ${target_mb} MB of text: generator | extract --stdin-jsonl -j$BENCH_JOBS --format json | zstd; then zstd -d | merge - (one run each) --"
    python3 - "$EVGRAPH" "$corpus" "$corpus_mb" "$target_mb" "$BENCH_JOBS" "$shards" "$bench_dir/events-1gb.yaml" \
      "${BENCH_1GB_MERGE:-1}" "${BENCH_1GB_KEEP:-0}" <<'EOF'
import math, os, re, subprocess, sys, threading, time
evgraph, corpus, corpus_mb, target_mb, jobs, shards, store, merge, keep = sys.argv[1:]
repeats = math.ceil(float(target_mb) / float(corpus_mb))
doc_key = re.compile(rb'"doc"\s*:\s*"')

def own_rusage(proc):
    # wait4 on this one process: its own peak RSS, not the whole pipeline's.
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage

def report(label, seconds, usage, mb=None):
    rate = "  %.2f MB/s" % (mb / seconds) if mb else ""
    print("%-40s %8.1f s%s  CPU %.0f s  peak RSS %.1f MB" % (label, seconds, rate, usage.ru_utime + usage.ru_stime,
                                                          usage.ru_maxrss / 1024), flush=True)

def extract_to_shards():
    fed = [0, 0]  # bytes, documents
    with open(shards, "wb") as out:
        packer = subprocess.Popen(["zstd", "-q", "-1", "-T1", "-c"], stdin=subprocess.PIPE, stdout=out)
        extract = subprocess.Popen([evgraph, "--quiet", "extract", "--stdin-jsonl", "--format", "json", "-j", jobs],
                                   stdin=subprocess.PIPE, stdout=packer.stdin)
        packer.stdin.close()

        def feed():
            # Repeat k renames every document "k-ID": fresh ids, so nothing merges away as a duplicate.
            try:
                for k in range(repeats):
                    prefix = b"" if k == 0 else b"%d-" % k
                    with open(corpus, "rb") as lines:
                        for line in lines:
                            if prefix:
                                line = doc_key.sub(lambda m: m.group(0) + prefix, line, count=1)
                            extract.stdin.write(line)
                            fed[0] += len(line)
                            fed[1] += 1
            finally:
                extract.stdin.close()

        start = time.monotonic()
        feeder = threading.Thread(target=feed)
        feeder.start()
        usage = own_rusage(extract)
        seconds = time.monotonic() - start
        feeder.join()
        packer.wait()
    if extract.returncode not in (0, 1) or packer.returncode != 0:
        sys.exit("bench: extract failed with exit code %s" % extract.returncode)
    print("streamed %.0f MB of JSON Lines (%.0f MB of article text, %d documents); shards %.0f MB compressed"
          % (fed[0] / 1e6, text_mb, fed[1], os.path.getsize(shards) / 1e6))
    report("extract --stdin-jsonl -j%s --format json" % jobs, seconds, usage, text_mb)

text_mb = float(corpus_mb) * repeats
if keep != "0" and os.path.exists(shards):
    print("reusing %s (BENCH_1GB_KEEP)" % shards)
else:
    extract_to_shards()
if merge != "0":
    unpack = subprocess.Popen(["zstd", "-q", "-d", "-c", shards], stdout=subprocess.PIPE)
    start = time.monotonic()
    merger = subprocess.Popen([evgraph, "merge", "-", "-o", store], stdin=unpack.stdout)
    unpack.stdout.close()
    usage = own_rusage(merger)
    seconds = time.monotonic() - start
    unpack.wait()
    if merger.returncode not in (0, 1):
        sys.exit("bench: merge failed with exit code %s" % merger.returncode)
    report("merge - (the shards, from stdin)", seconds, usage)
    print("store: %s (%.0f MB)" % (store, os.path.getsize(store) / 1e6))
if keep == "0":
    os.remove(shards)
EOF
    ;;
  *)
    echo "usage: tools/bench.sh extract|peers|1gb" >&2
    exit 2
    ;;
esac
