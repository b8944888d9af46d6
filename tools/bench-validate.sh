#!/usr/bin/env bash
# Benchmarks `entente --validate` on a synthetic pack against a program that only
# parses the same file with json-glib (docs/benchmarks.md), and prints a markdown table.
#   tools/bench-validate.sh [CARDS [SECTIONS]]     (default 100000 cards, 10000 sections)
# Environment: BUILD_DIR (default _build-release, configured with -Dbuildtype=release),
# RUNS (hyperfine runs, default 10), PACK (use this file instead of generating one).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

cards=${1:-100000}
sections=${2:-10000}
build=${BUILD_DIR:-_build-release}
runs=${RUNS:-10}

for tool in hyperfine /usr/bin/time python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is missing (apt-get install hyperfine time)" >&2; exit 2; }
done

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" -Dbuildtype=release >&2
fi
meson compile -C "$build" src/entente:executable tools/bench-json-glib >&2
entente="$build/src/entente"
baseline="$build/tools/bench-json-glib"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pack=${PACK:-$work/synthetic-$cards.json}
if [ ! -f "$pack" ]; then
  python3 tools/gen-synthetic-pack.py --cards "$cards" --sections "$sections" --seed 1 --out "$pack"
fi

# Both must succeed on the file, or the comparison means nothing.
"$entente" --validate "$pack" >"$work/validate.out" || {
  echo "entente --validate refused the synthetic pack:" >&2; head -n 20 "$work/validate.out" >&2; exit 1; }
"$baseline" "$pack"

# The validator runs without a display, as it would in CI.
env -u DISPLAY -u WAYLAND_DISPLAY \
  hyperfine --shell=none --warmup 2 --runs "$runs" --export-json "$work/times.json" \
    --command-name validate "$entente --validate $pack" \
    --command-name json-glib "$baseline $pack" >&2

# Peak resident memory, median of five runs each.
peak_rss() {
  for _ in 1 2 3 4 5; do
    env -u DISPLAY -u WAYLAND_DISPLAY /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1
  done | sort -n | sed -n 3p
}
rss_validate=$(peak_rss "$entente" --validate "$pack")
rss_baseline=$(peak_rss "$baseline" "$pack")

python3 - "$work/times.json" "$rss_validate" "$rss_baseline" "$pack" "$cards" <<'EOF'
import json, os, sys
times = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
rss_validate, rss_baseline = int(sys.argv[2]), int(sys.argv[3])
size = os.path.getsize(sys.argv[4]) / 2**20
t_validate = times["validate"]["median"]
t_baseline = times["json-glib"]["median"]
print(f"Synthetic pack: {int(sys.argv[5]):,} cards, {size:.1f} MiB; "
      f"{len(times['validate']['times'])} runs each, medians.")
print()
print("| | wall time (median) | peak RSS |")
print("| --- | ---: | ---: |")
print(f"| `entente --validate` | {t_validate * 1000:.0f} ms | {rss_validate / 1024:.1f} MiB |")
print(f"| `bench-json-glib` (parse only) | {t_baseline * 1000:.0f} ms | {rss_baseline / 1024:.1f} MiB |")
print(f"| ratio (target) | {t_validate / t_baseline:.2f}x (≤ 1.3x) | "
      f"{rss_validate / rss_baseline:.2f}x (≤ 1.5x) |")
EOF
