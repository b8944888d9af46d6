#!/usr/bin/env bash
# Regenerates data/map/countries-50m.json and data/map/LICENSE-world-atlas from the npm
# package world-atlas (Natural Earth 1:50m admin-0 countries as TopoJSON):
#   tools/update-map-data.sh [VERSION]     (default 2.0.2, the version data/map/README.md names)
# Needs npm and the npm registry; the app itself never touches the network.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
version=${1:-2.0.2}
dest="$top/data/map"

command -v npm >/dev/null 2>&1 || { echo "npm is missing (apt-get install npm)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "world-atlas@$version" >/dev/null)
tar -xzf "$work/world-atlas-$version.tgz" -C "$work"

mkdir -p "$dest"
cp "$work/package/countries-50m.json" "$dest/countries-50m.json"
cp "$work/package/LICENSE" "$dest/LICENSE-world-atlas"
echo "world-atlas $version: data/map/countries-50m.json, $(wc -c < "$dest/countries-50m.json") bytes," \
  "SHA-256 $(sha256sum "$dest/countries-50m.json" | cut -d' ' -f1)" >&2
if [ "$version" != 2.0.2 ]; then
  echo "update the version and the checksum in data/map/README.md" >&2
fi
