#!/usr/bin/env bash
# Benchmarks Entente's first start (docs/benchmarks.md): the time from exec() until the
# main window is mapped, with an empty home each time, against a bare libadwaita window
# (tools/bench-bare-window.c), under Xvfb in a private D-Bus session. Prints a markdown table.
#   tools/bench-startup.sh          (RUNS, default 20; BUILD_DIR, default _build-release)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

build=${BUILD_DIR:-_build-release}
runs=${RUNS:-20}

# Always a fresh X server and session bus of our own, so that nothing of the desktop
# the script is started from (a running Entente, a compositor) takes part.
if [ -z "${ENTENTE_BENCH_INSIDE:-}" ]; then
  if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" -Dbuildtype=release >&2
  fi
  meson compile -C "$build" src/entente:executable tools/bench-bare-window tools/bench-time-to-map \
    data/gschemas.compiled >&2
  export ENTENTE_BENCH_INSIDE=1
  exec env -u WAYLAND_DISPLAY xvfb-run -a -s "-screen 0 1920x1200x24 -noreset" \
    dbus-run-session -- "$top/tools/bench-startup.sh" "$@"
fi

measure="$build/tools/bench-time-to-map"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One start with an empty home: the first start a new user sees.
first_start() {
  local home
  home=$(mktemp -d "$work/home.XXXXXX")
  env HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
    XDG_CACHE_HOME="$home/.cache" XDG_STATE_HOME="$home/.local/state" \
    GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$top/$build/data" \
    GDK_BACKEND=x11 GTK_A11Y=none NO_AT_BRIDGE=1 \
    "$measure" --timeout 30 "$@"
  rm -rf "$home"
}

# Warm the page cache for both, then alternate, so that drift affects both alike.
first_start "$build/src/entente" >/dev/null
first_start "$build/tools/bench-bare-window" >/dev/null
for _ in $(seq "$runs"); do
  first_start "$build/src/entente" >>"$work/entente.ms"
  first_start "$build/tools/bench-bare-window" >>"$work/bare.ms"
done

python3 - "$work/entente.ms" "$work/bare.ms" <<'EOF'
import statistics, sys
entente = [float(x) for x in open(sys.argv[1])]
bare = [float(x) for x in open(sys.argv[2])]
m_entente, m_bare = statistics.median(entente), statistics.median(bare)
print(f"Time from exec() to the main window's MapNotify under Xvfb, empty home each start; "
      f"{len(entente)} runs each, medians (min–max).")
print()
print("| | first start to window mapped |")
print("| --- | ---: |")
print(f"| `entente` | {m_entente:.0f} ms ({min(entente):.0f}–{max(entente):.0f}) |")
print(f"| `bench-bare-window` | {m_bare:.0f} ms ({min(bare):.0f}–{max(bare):.0f}) |")
print(f"| ratio (target ≤ 1.5x) | {m_entente / m_bare:.2f}x |")
EOF
