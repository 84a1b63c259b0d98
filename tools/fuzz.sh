#!/usr/bin/env bash
# Runs every libFuzzer target of a fuzz build for a bounded time from a seed
# corpus made of our own fixtures, then prints executions and crashes per target.
#   tools/fuzz.sh BUILD_DIR SECONDS
# Exit status 1 when any target found a crash (its input is kept in
# BUILD_DIR/fuzz-crashes/<target>/ to become a regression test).
set -euo pipefail
build=${1:?usage: tools/fuzz.sh BUILD_DIR SECONDS}
seconds=${2:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
work="$build/fuzz-work"
mkdir -p "$work"

# Seed corpora: articles for the extractor, stores for the YAML reader,
# JSON Lines records and short labels for the rest.
seed() {  # seed TARGET FILE...
  local dir="$work/corpus/$1"; shift
  mkdir -p "$dir"
  for f in "$@"; do [ -f "$f" ] && cp "$f" "$dir/$(basename "$f")"; done
  return 0
}
seed fuzz_extract "$root"/tests/corpus/articles/*.txt "$root"/tests/fixtures/scale/*.txt
seed fuzz_store_yaml "$root"/tests/fixtures/*.yaml
mkdir -p "$work/corpus/fuzz_jsonl" "$work/corpus/fuzz_writers"
printf '{"doc":"a","text":"Acme said on May 3, 2025: \\"no.\\"","published":"2025-05-03"}' > "$work/corpus/fuzz_jsonl/basic"
printf '{"doc":"b","text":"x","url":"https://example.org/2025/05/03/x","title":"T","outlet":"O"}' > "$work/corpus/fuzz_jsonl/meta"
printf 'Acme "]; evil [ </text><script>alert(1)</script>' > "$work/corpus/fuzz_writers/hostile"
printf 'Corvane \xe2\x80\x9cquoted\xe2\x80\x9d & <b>bold</b>' > "$work/corpus/fuzz_writers/quotes"

status=0
printf '%-18s %12s %8s\n' target executions crashes
for target in fuzz_extract fuzz_store_yaml fuzz_jsonl fuzz_writers; do
  exe="$build/$target"
  [ -x "$exe" ] || { echo "fuzz.sh: $exe missing" >&2; exit 2; }
  crashes="$build/fuzz-crashes/$target"
  rm -rf "$crashes"  # crashes of earlier runs live on as regression tests
  mkdir -p "$crashes" "$work/corpus/$target"
  log="$work/$target.log"
  "$exe" "$work/corpus/$target" -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$crashes/" -print_final_stats=1 >"$log" 2>&1 || true
  runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1)
  found=$(find "$crashes" -type f | wc -l)
  printf '%-18s %12s %8s\n' "$target" "${runs:-?}" "$found"
  [ "$found" -eq 0 ] || status=1
done
exit $status
