#!/usr/bin/env python3
# Fails when a translation gives two controls that are shown together the same mnemonic
# (the letter after "_" that Alt+letter activates):
#   tools/check-mnemonics.py [SOURCE_ROOT]
#
# Views come from the .ui files: mnemonics in different pages of one GtkStack or
# AdwViewStack are never shown together, every other pair in a file is. In the C
# sources, the mnemonics of one function are a view (a dialog's responses, a page's
# buttons), except for the two sides of one "?:", of which only one is shown.
# Clashes in the English strings themselves are listed as warnings (changing them changes
# msgids, which is for the owners of those files and the translators); clashes that a
# translation makes fail. Python standard library only.

import os
import re
import sys
import xml.etree.ElementTree as ET

# Pairs in one view that are never shown at the same time, and why.
NEVER_TOGETHER = {
    # One button per phase of a card (entente-review-page.c: set_phase()).
    ("ui/entente-review-page.ui", "_Show Answer", "_Continue"),
}

STACKS = {"GtkStack", "AdwViewStack"}
PAGES = {"GtkStackPage", "AdwViewStackPage"}
TEXT_PROPERTIES = {"label", "title", "subtitle", "text", "tooltip-text"}


def mnemonic(text):
    """The lower-cased letter after the first single underscore, or None."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "_":
            if text[i + 1] == "_":
                i += 2
                continue
            return text[i + 1].lower()
        i += 1
    return None


def ui_mnemonics(path):
    """(msgctxt, msgid, stack path) of every mnemonic in a .ui file, where the stack
    path is a tuple of (id of the stack, index of the page) from the root."""
    found = []
    counter = [0]

    def walk(element, stack_path):
        if element.tag == "object":
            props = {p.get("name"): p for p in element.findall("property")}
            underline = props.get("use-underline")
            if underline is not None and underline.text.strip().lower() in ("true", "1", "yes"):
                for name in TEXT_PROPERTIES:
                    prop = props.get(name)
                    if prop is not None and prop.get("translatable") == "yes" and prop.text \
                            and mnemonic(prop.text):
                        found.append((prop.get("context"), prop.text, stack_path))
            if element.get("class") in STACKS:
                counter[0] += 1
                stack_id = element.get("id") or "stack%d" % counter[0]
                page = 0
                for child in element.findall("child"):
                    for sub in child:
                        walk(sub, stack_path + ((stack_id, page),))
                    page += 1
                return
            if element.get("class") in PAGES:
                # A page object inside a stack's <child>: its child property is the page.
                for child in element:
                    walk(child, stack_path)
                return
        for child in element:
            walk(child, stack_path)

    walk(ET.parse(path).getroot(), ())
    return found


def shown_together(a, b):
    for (stack_a, page_a), (stack_b, page_b) in zip(a, b):
        if stack_a != stack_b:
            return True
        if page_a != page_b:
            return False
    return True


C_STRING = r'"(?:[^"\\]|\\.)*"'
C_MNEMONIC = re.compile(r'\b(?:_|N_)\s*\(\s*(' + C_STRING + r')\s*\)|'
                        r'\bC_\s*\(\s*(' + C_STRING + r')\s*,\s*(' + C_STRING + r')\s*\)')
C_FUNCTION = re.compile(r'^[a-z_][a-z0-9_]*\s*\([^;]*?\)\s*\n\{\n(.*?)^\}', re.S | re.M)


def c_unquote(literal):
    return bytes(literal[1:-1], "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def c_views(path):
    """Lists of (msgctxt, msgid, alternative group) per function of a C file."""
    with open(path, encoding="utf-8") as f:
        source = f.read()
    views = []
    for function in C_FUNCTION.finditer(source):
        body = function.group(1)
        view = []
        for statement_no, statement in enumerate(body.split(";")):
            matches = []
            for m in C_MNEMONIC.finditer(statement):
                if m.group(1):
                    context, msgid = None, c_unquote(m.group(1))
                else:
                    context, msgid = c_unquote(m.group(2)), c_unquote(m.group(3))
                if mnemonic(msgid):
                    matches.append((context, msgid))
            # The two sides of a conditional are alternatives: one is shown.
            alternative = statement_no if "?" in statement and len(matches) == 2 else None
            view += [(c, m, alternative) for c, m in matches]
        if len(view) > 1:
            views.append(view)
    return views


def read_po(path):
    """{(msgctxt, msgid): msgstr} of the translated, not fuzzy messages of a .po file."""
    messages = {}
    entry = {}
    field = None
    fuzzy = False

    def flush():
        nonlocal entry, fuzzy
        if "msgid" in entry and entry.get("msgstr") and not fuzzy:
            messages[(entry.get("msgctxt"), entry["msgid"])] = entry["msgstr"]
        entry = {}
        fuzzy = False

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("#~"):
                continue
            starts_entry = line.startswith("#") or line.startswith("msgctxt ") or \
                line.startswith("msgid ")
            if starts_entry and "msgstr" in entry:
                flush()
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            if not line or line.startswith("#"):
                continue
            m = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\])\s+(".*")$', line)
            if m:
                field = "msgstr" if m.group(1) == "msgstr[0]" else m.group(1)
                entry[field] = entry.get(field, "") + c_unquote(m.group(2))
            elif line.startswith('"') and field:
                entry[field] = entry.get(field, "") + c_unquote(line)
    flush()
    return messages


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    views = []   # (name, [(msgctxt, msgid)]) of mnemonics shown together

    ui_dir = os.path.join(root, "ui")
    for name in sorted(os.listdir(ui_dir)):
        if not name.endswith(".ui"):
            continue
        found = ui_mnemonics(os.path.join(ui_dir, name))
        for i, (ctx_a, id_a, path_a) in enumerate(found):
            for ctx_b, id_b, path_b in found[i + 1:]:
                if shown_together(path_a, path_b) and \
                        ("ui/" + name, id_a, id_b) not in NEVER_TOGETHER and \
                        ("ui/" + name, id_b, id_a) not in NEVER_TOGETHER:
                    views.append(("ui/" + name, [(ctx_a, id_a), (ctx_b, id_b)]))

    for directory, _, files in sorted(os.walk(os.path.join(root, "src", "ui"))):
        for name in sorted(files):
            if not name.endswith(".c"):
                continue
            path = os.path.join(directory, name)
            for view in c_views(path):
                for i, (ctx_a, id_a, alt_a) in enumerate(view):
                    for ctx_b, id_b, alt_b in view[i + 1:]:
                        if (ctx_a, id_a) == (ctx_b, id_b):
                            continue
                        if alt_a is not None and alt_a == alt_b:
                            continue
                        views.append((os.path.relpath(path, root),
                                      [(ctx_a, id_a), (ctx_b, id_b)]))

    with open(os.path.join(root, "po", "LINGUAS"), encoding="utf-8") as f:
        languages = [l.strip() for l in f if l.strip() and not l.startswith("#")]

    problems = 0
    warnings = 0
    for lang in [None] + languages:
        messages = read_po(os.path.join(root, "po", lang + ".po")) if lang else {}
        seen = set()
        for where, pair in views:
            texts = [messages.get(key, key[1]) for key in pair]
            letters = [mnemonic(t) for t in texts]
            if letters[0] is None or letters[0] != letters[1]:
                continue
            report = (lang, where, tuple(sorted(texts)))
            if report in seen:
                continue
            seen.add(report)
            if lang:
                problems += 1
            else:
                warnings += 1
            print("%s%s: %s: \"%s\" and \"%s\" (\"%s\", \"%s\") share the mnemonic %s"
                  % ("" if lang else "warning: ", lang or "en", where, texts[0], texts[1], pair[0][1], pair[1][1],
                     letters[0]))

    pairs = len(views)
    if problems:
        print("%d mnemonic clashes in the translations" % problems)
        return 1
    print("no mnemonic clashes in %s (%d pairs of mnemonics shown together; %d clashes "
          "in the English strings)" % (", ".join(languages), pairs, warnings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
