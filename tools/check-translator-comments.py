#!/usr/bin/env python3
# Fails when a translatable message with a printf placeholder (%s, %u, %d, %lld, %.1f,
# %1$s, ...) has no translator comment saying what the placeholder stands for:
#   tools/check-translator-comments.py [SOURCE_ROOT]
#
# Runs xgettext over po/POTFILES.in with the keywords and flags of meson's "glib" preset
# (po/meson.build), except that only comments starting with "Translators:" are taken
# (--add-comments=Translators:), so a stray code comment above a call does not count.
# In .ui files the comment is an XML comment, <!-- Translators: ... -->, right above the
# property: GTK 4.8's GtkBuilder refuses a comments="..." attribute on <property>.
# Also fails when a "Translators:" comment in a listed .c or .ui file reaches no message
# (xgettext drops a comment that is a code or blank line away from its string, silently).
# Prints TAP: one test per message with a placeholder, "not ok" naming every file:line
# of the message and its msgid, and one for the stray comments. Exits 1 on a failure,
# unless given --tap (as meson does), where the "not ok" lines alone report it. Python
# standard library and xgettext only.

import os
import re
import shutil
import subprocess
import sys
import tempfile

# The arguments of meson's i18n "glib" preset, with the comment tag made explicit.
XGETTEXT_ARGS = [
    "--from-code=UTF-8",
    "--add-comments=Translators:",
    "--keyword=_",
    "--keyword=N_",
    "--keyword=C_:1c,2",
    "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2",
    "--keyword=g_dngettext:2,3",
    "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format",
    "--flag=C_:2:pass-c-format",
    "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format",
    "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format",
    "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format",
    "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format",
    "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format",
    "--flag=g_printerr:1:c-format",
    "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format",
    "--flag=g_sprintf:2:c-format",
    "--flag=g_snprintf:3:c-format",
]

# A printf conversion: optional argument number, flags, width, precision, length, type.
# "%%" is a literal percent sign, not a placeholder. xgettext writes the <inttypes.h>
# macros of "%" PRId64 as "%<PRId64>".
PLACEHOLDER = re.compile(
    r"%(?:\d+\$)?[-+ #0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?"
    r"(?:<PRI\w+>|(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcsp])")


def placeholders(text):
    return PLACEHOLDER.findall(text.replace("%%", ""))


def unquote(line):
    """The text of one quoted line of a .po file."""
    body = line[line.index('"') + 1:line.rindex('"')]
    return re.sub(r'\\(.)',
                  lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)


def parse_pot(text):
    """The entries of a .pot file: dicts with comments, references, flags, msgctxt,
    msgid and msgid_plural."""
    entries = []
    for block in re.split(r"\n\s*\n", text):
        entry = {"comments": [], "references": [], "flags": [],
                 "msgctxt": None, "msgid": None, "msgid_plural": None}
        field = None
        for line in block.splitlines():
            if line.startswith("#."):
                entry["comments"].append(line[2:].strip())
            elif line.startswith("#:"):
                entry["references"].extend(line[2:].split())
            elif line.startswith("#,"):
                entry["flags"].extend(f.strip() for f in line[2:].split(","))
            elif line.startswith("#"):
                continue
            elif line.startswith('"') and field:
                entry[field] += unquote(line)
            else:
                keyword = line.split(" ", 1)[0]
                if keyword in ("msgctxt", "msgid", "msgid_plural"):
                    field = keyword
                    entry[field] = unquote(line)
                else:
                    field = None
        if entry["msgid"]:
            entries.append(entry)
    return entries


def normalize(text):
    """A comment's words, without the "*" that starts the lines of some C comments."""
    return " ".join(re.sub(r"^\s*\*(?!/)", "", text, flags=re.M).split())


def stray_comments(root, entries):
    """(file:line, text) of every "Translators:" comment in the files of POTFILES.in that
    xgettext did not attach to a message: one a blank or code line away from its string."""
    extracted = [normalize("\n".join(e["comments"])) for e in entries if e["comments"]]
    patterns = {
        ".c": re.compile(r"/\*\s*(Translators:.*?)\*/", re.S),
        ".h": re.compile(r"/\*\s*(Translators:.*?)\*/", re.S),
        ".ui": re.compile(r"<!--\s*(Translators:.*?)-->", re.S),
    }
    stray = []
    with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
        files = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    for name in files:
        pattern = patterns.get(os.path.splitext(name)[1])
        if pattern is None:
            continue
        with open(os.path.join(root, name), encoding="utf-8") as f:
            text = f.read()
        for match in pattern.finditer(text):
            comment = normalize(match.group(1))
            if not any(comment in e for e in extracted):
                stray.append(("%s:%d" % (name, text.count("\n", 0, match.start()) + 1),
                              comment))
    return stray


def main():
    args = [a for a in sys.argv[1:] if a != "--tap"]
    tap_only = "--tap" in sys.argv[1:]
    root = os.path.abspath(args[0] if args else os.path.join(os.path.dirname(__file__), ".."))
    xgettext = shutil.which("xgettext")
    if xgettext is None:
        print("1..0 # SKIP xgettext is not installed")
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "check.pot")
        result = subprocess.run(
            [xgettext, *XGETTEXT_ARGS, "--directory=" + root,
             "--files-from=" + os.path.join(root, "po", "POTFILES.in"),
             "--output=" + pot],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if result.returncode != 0:
            print("1..1")
            print("not ok 1 - xgettext failed")
            for line in result.stdout.splitlines():
                print("# " + line)
            return 1
        with open(pot, encoding="utf-8") as f:
            entries = parse_pot(f.read())

    checked = [e for e in entries
               if placeholders(e["msgid"]) or placeholders(e["msgid_plural"] or "")]
    stray = stray_comments(root, entries)
    print("1..%d" % (len(checked) + 1))
    missing = 0
    for number, entry in enumerate(checked, 1):
        where = " ".join(entry["references"]) or "(unknown location)"
        msgid = entry["msgid"].replace("\n", "\\n")
        if entry["msgctxt"]:
            msgid = "%s|%s" % (entry["msgctxt"], msgid)
        if entry["comments"]:
            print('ok %d - %s "%s"' % (number, where, msgid))
        else:
            missing += 1
            print('not ok %d - %s "%s": no "Translators:" comment says what %s stands for'
                  % (number, where, msgid,
                     " and ".join(sorted(set(placeholders(entry["msgid"])
                                             + placeholders(entry["msgid_plural"] or ""))))))
    if stray:
        print("not ok %d - \"Translators:\" comments that reach no message: %d (xgettext takes "
              "a comment only when it ends on the line right above the string, or on its line)"
              % (len(checked) + 1, len(stray)))
        for where, text in stray:
            print("#   %s: %s" % (where, text[:100]))
    else:
        print('ok %d - every "Translators:" comment reaches its message' % (len(checked) + 1))
    if missing or stray:
        print("# messages with a placeholder and no translator comment: %d of %d; "
              "comments that reach no message: %d" % (missing, len(checked), len(stray)))
        return 0 if tap_only else 1
    print("# all %d messages with a placeholder have a translator comment" % len(checked))
    return 0


if __name__ == "__main__":
    sys.exit(main())
