#!/usr/bin/env bash
# Installs the build into a temporary DESTDIR and checks that everything a desktop
# needs to launch, list and translate Entente lands where it belongs.
#
# Usage: install-check.sh BUILD_DIR
# The install layout comes from the environment that data/meson.build sets:
# PREFIX, BINDIR, DATADIR, LOCALEDIR, APP_ID, GETTEXT_PACKAGE.
set -euo pipefail

build_dir=${1:?usage: install-check.sh BUILD_DIR}
prefix=${PREFIX:-/usr/local}
bindir=${BINDIR:-$prefix/bin}
datadir=${DATADIR:-$prefix/share}
localedir=${LOCALEDIR:-$datadir/locale}
app_id=${APP_ID:-io.github.entente_app.Entente}
gettext_package=${GETTEXT_PACKAGE:-entente}

destdir=$(mktemp -d "${TMPDIR:-/tmp}/entente-install.XXXXXX")
trap 'rm -rf "$destdir"' EXIT

echo "# meson install -C $build_dir --destdir $destdir"
meson install -C "$build_dir" --destdir "$destdir" --no-rebuild --quiet

root=$destdir
failures=0

fail() {
  echo "not ok - $*"
  failures=$((failures + 1))
}

check_file() {
  local path=$1
  if [ -f "$root$path" ] && [ -s "$root$path" ]; then
    echo "ok - $path"
  else
    fail "missing or empty: $path"
  fi
}

check_executable() {
  local path=$1
  if [ -f "$root$path" ] && [ -x "$root$path" ]; then
    echo "ok - $path is executable"
  else
    fail "missing or not executable: $path"
  fi
}

desktop=$datadir/applications/$app_id.desktop
metainfo=$datadir/metainfo/$app_id.metainfo.xml

check_executable "$bindir/entente"
check_file "$desktop"
check_file "$metainfo"
check_file "$datadir/glib-2.0/schemas/$app_id.gschema.xml"
check_file "$datadir/icons/hicolor/scalable/apps/$app_id.svg"
check_file "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
# Every language of po/LINGUAS is compiled and installed.
linguas=${LINGUAS_FILE:-}
if [ -n "$linguas" ] && [ -f "$linguas" ]; then
  for lang in $(grep -v '^#' "$linguas"); do
    check_file "$localedir/$lang/LC_MESSAGES/$gettext_package.mo"
  done
else
  check_file "$localedir/de/LC_MESSAGES/$gettext_package.mo"
fi

# The icons are valid SVG with the size and shape a desktop expects.
for icon in "$datadir/icons/hicolor/scalable/apps/$app_id.svg" \
            "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"; do
  if [ -f "$root$icon" ] && grep -q '<svg' "$root$icon" && grep -q 'viewBox' "$root$icon"; then
    echo "ok - $icon is an SVG with a viewBox"
  else
    fail "$icon is not an SVG with a viewBox"
  fi
  if command -v rsvg-convert >/dev/null; then
    if rsvg-convert -w 64 -h 64 "$root$icon" -o "$destdir/icon.png" && [ -s "$destdir/icon.png" ]; then
      echo "ok - $icon renders"
    else
      fail "$icon does not render"
    fi
  fi
done

if [ -f "$root$desktop" ]; then
  if command -v desktop-file-validate >/dev/null; then
    if desktop-file-validate "$root$desktop"; then
      echo "ok - desktop-file-validate $desktop"
    else
      fail "desktop-file-validate rejects $desktop"
    fi
  else
    echo "# desktop-file-validate is not installed; not validating $desktop"
  fi
  if grep -q '^Comment\[de\]=' "$root$desktop"; then
    echo "ok - $desktop carries the German translation"
  else
    fail "$desktop has no Comment[de]: the translations were not merged"
  fi
fi

if [ -f "$root$metainfo" ]; then
  if command -v appstreamcli >/dev/null; then
    # validate-tree validates the metainfo file and also checks that its launchable
    # desktop file is installed beside it.
    if appstreamcli validate-tree --no-net "$root${datadir%/*}"; then
      echo "ok - appstreamcli validate-tree ${datadir%/*}"
    else
      fail "appstreamcli validate-tree rejects the metainfo installed under ${datadir%/*}"
    fi
  else
    echo "# appstreamcli is not installed; not validating $metainfo"
  fi
  if grep -q 'xml:lang="de"' "$root$metainfo"; then
    echo "ok - $metainfo carries the German translation"
  else
    fail "$metainfo has no xml:lang=\"de\" text: the translations were not merged"
  fi
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) of the installed tree failed"
  exit 1
fi
echo "the installed tree under $prefix is complete"
