#!/bin/sh
# check-translations-current.sh: every translation is complete against the sources as
# they are now, not only against the template it was last merged with. Extracts the
# messages from po/POTFILES.in as `meson compile entente-pot` does, merges each language
# of po/LINGUAS with them in a temporary folder (po/ is not touched), and fails naming
# every message that is new, changed (fuzzy) or untranslated.
#
#   check-translations-current.sh SOURCE_ROOT
#
# Copyright 2026 The Entente developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
src=${1:?usage: check-translations-current.sh SOURCE_ROOT}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/entente-po.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

grep -v '^#' "$src/po/POTFILES.in" | grep . >"$tmp/files"
xgettext --package-name=entente -f "$tmp/files" -D "$src" -o "$tmp/entente.pot" \
  --from-code=UTF-8 --add-comments -k_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 || exit 1

status=0
for lang in $(grep -v '^#' "$src/po/LINGUAS"); do
  msgmerge --quiet -o "$tmp/$lang.po" "$src/po/$lang.po" "$tmp/entente.pot" || { status=1; continue; }
  stats=$(msgfmt --statistics -o /dev/null "$tmp/$lang.po" 2>&1)
  case "$stats" in
    *fuzzy*|*untranslated*)
      echo "not ok - $lang: $stats against the current sources:"
      msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po" | grep -E '^#: |^msgid ' | sed 's/^/#   /'
      msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep -E '^#: |^msgid ' | sed 's/^/#   /'
      status=1 ;;
    *)
      echo "ok - $lang: $stats" ;;
  esac
done
exit $status
