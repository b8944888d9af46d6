#!/usr/bin/python3
# test-a11y.py: Entente as an assistive technology sees it, over AT-SPI.
#
# Starts Entente (with a fresh home) in the current D-Bus session and walks its
# accessible tree: every button, toggle, check box, list row and the map must have a
# name and a role. Then it switches pages and completes a review session, a practice
# exam with a map question and a map quiz using accessible actions alone, as a screen
# reader user would: actions on buttons and list rows, text set through EditableText.
#
# Needs a display (Xvfb), a private D-Bus session (dbus-run-session) and pyatspi
# (Debian: python3-pyatspi). Prints TAP.
#
# Copyright 2026 The Entente developers
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

try:
    import pyatspi
except ImportError:
    print('1..0 # SKIP pyatspi is not installed (Debian: python3-pyatspi)')
    sys.exit(77)

INTERACTIVE = {
    pyatspi.ROLE_PUSH_BUTTON,
    pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_LIST_ITEM,
    pyatspi.ROLE_MENU_ITEM,
    pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_TEXT,
    pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_PAGE_TAB,
    pyatspi.ROLE_COMBO_BOX,
}

results = []


def tap(ok, name, detail=''):
    results.append(ok)
    print(('ok' if ok else 'not ok') + ' %d - %s' % (len(results), name))
    if detail:
        for line in detail.splitlines():
            print('# ' + line)
    sys.stdout.flush()


def children(node):
    try:
        for i in range(node.childCount):
            child = node.getChildAtIndex(i)
            if child is not None:
                yield child
    except Exception:
        return


def showing(node):
    # GTK 4.8 reports "visible" for every widget whose visible property is set, also on
    # the hidden pages of a stack, and "showing" only for windows: so everything is
    # walked, and every control must have a name, shown or not.
    try:
        return node.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def real_name(name):
    # Without a name, GTK 4.8 gives a widget its type's name ("GtkImage", "AdwGizmo").
    name = (name or '').strip()
    if re.match(r'^(Gtk|Adw|Entente)[A-Z][A-Za-z]*$', name):
        return ''
    return name


def walk(node, depth=0):
    if depth > 60:
        return
    yield node
    for child in children(node):
        if showing(child) or child.getRole() in (pyatspi.ROLE_FRAME, pyatspi.ROLE_WINDOW):
            yield from walk(child, depth + 1)


def name_of(node):
    name = real_name(node.name)
    if name:
        return name
    # A name may come from a label that labels it.
    try:
        for relation in node.getRelationSet():
            if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
                for i in range(relation.getNTargets()):
                    target = relation.getTarget(i)
                    if target is not None and real_name(target.name):
                        return real_name(target.name)
    except Exception:
        pass
    # A button whose content is a label: the label's text is its name for a reader.
    texts = []
    for child in walk(node):
        if child is not node and child.getRole() == pyatspi.ROLE_LABEL and real_name(child.name):
            texts.append(real_name(child.name))
    return ' '.join(texts)


def find_app(process, timeout=90):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            # It ended before it showed a window (it said why on stderr): no use waiting.
            return None
        desktop = pyatspi.Registry.getDesktop(0)
        for app in children(desktop):
            if app is not None and (app.name or '') in ('entente', 'Entente'):
                for window in children(app):
                    if showing(window):
                        return app
        time.sleep(0.3)
    return None


def unnamed_controls(app):
    missing = []
    for node in walk(app):
        try:
            role = node.getRole()
        except Exception:
            continue
        if role in INTERACTIVE and showing(node) and not name_of(node).strip():
            if role == pyatspi.ROLE_TEXT and node.parent is not None and node.parent.getRole() in (pyatspi.ROLE_ENTRY, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_COMBO_BOX):
                continue
            path = []
            up = node.parent
            while up is not None and len(path) < 6:
                if real_name(up.name):
                    path.append('%s %r' % (up.getRoleName(), real_name(up.name)))
                up = up.parent
            missing.append('%s %r (description %r) in %s' % (node.getRoleName(), node.name, node.description,
                                                           ' < '.join(path[:3])))
    return missing


def find(app, role, name=None, startswith=None):
    for node in walk(app):
        try:
            if node.getRole() != role or not showing(node):
                continue
        except Exception:
            continue
        label = name_of(node).replace('_', '')
        if name is not None and (label == name or label.startswith(name + ' ') or label.endswith(' ' + name)):
            return node
        if startswith is not None and label.startswith(startswith):
            return node
        if name is None and startswith is None:
            return node
    return None


def wait_for(app, role, name=None, startswith=None, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        node = find(app, role, name, startswith)
        if node is not None:
            return node
        time.sleep(0.2)
    return None


def find_raw(app, raw_name):
    # An unnamed widget carries its type's name: a page can be found by its type.
    for node in walk(app):
        if (node.name or '') == raw_name:
            return node
    return None


def state_rows(root):
    # The rows of the list of states beside a map question, by name.
    rows = {}
    for node in walk(root):
        try:
            if node.getRole() not in (pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_BOX) or \
               not name_of(node).startswith('Or choose it from the list'):
                continue
        except Exception:
            continue
        for row in children(node):
            if row.getRole() == pyatspi.ROLE_LIST_ITEM:
                rows[name_of(row)] = row
    return rows


def set_text(node, text):
    # A typed answer, through EditableText; the entry's inner text if the entry has none.
    for target in [node] + [c for c in walk(node) if c is not node]:
        try:
            editable = target.queryEditableText()
        except NotImplementedError:
            continue
        if editable.setTextContents(text):
            return True
    return False


def press(node):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ('click', 'press', 'activate', 'toggle'):
            return action.doAction(i)
    return action.doAction(0)


COUNTRY_NAMES = {'FR': 'France', 'DE': 'Germany', 'PL': 'Poland'}


def fixture_answers(pack):
    # What each question of the fixture pack asks, as an exam shows it, and its answer.
    with open(pack, encoding='utf-8') as f:
        cards = json.load(f)['cards']
    answers = {}
    for card in cards:
        if card['kind'] == 'basic':
            answers[card['front']] = ('text', card['back'])
        elif card['kind'] == 'choice':
            answers[card['question']] = ('choice', card['choices'][card['answer']])
        elif card['kind'] == 'cloze':
            gap = re.search(r'\{\{(.*?)\}\}', card['text'])
            answers[re.sub(r'\{\{.*?\}\}', '_____', card['text'])] = ('text', gap.group(1))
        elif card['kind'] == 'map':
            answers[card['prompt']] = ('state', COUNTRY_NAMES[card['answer']])
    return answers


def practice_page(app):
    switch = find(app, pyatspi.ROLE_PAGE_TAB, name='Practice') or find(app, pyatspi.ROLE_TOGGLE_BUTTON, name='Practice')
    if switch is None:
        return None
    press(switch)
    time.sleep(1.0)
    return find_raw(app, 'EntenteExamPage')


def next_button(page):
    return find(page, pyatspi.ROLE_PUSH_BUTTON, name='Next') or find(page, pyatspi.ROLE_PUSH_BUTTON, name='Finish')


def sit_exam(app, pack):
    # Every question answered right, the map question from the list of states: all right.
    answers = fixture_answers(pack)
    page = practice_page(app)
    start = page and wait_for(page, pyatspi.ROLE_PUSH_BUTTON, name='Start Exam')
    tap(start is not None, 'the Practice page offers an exam')
    if start is None:
        return
    press(start)
    asked = []
    problems = []
    # The exam asks every card of the pack once (20 questions are asked for, it has 5).
    for _ in range(len(answers)):
        time.sleep(0.8)
        prompt = None
        for _ in range(10):
            # Exactly, as a cloze's blank is "_____" (find() drops the mnemonics' underscores).
            shown = {real_name(n.name) for n in walk(page) if n.getRole() == pyatspi.ROLE_LABEL}
            prompt = next((p for p in answers if p in shown), None)
            if prompt is not None:
                break
            time.sleep(0.3)
        if prompt is None:
            view = find_raw(page, 'EntenteQuestionView')
            problems.append('a question the test does not know: %s' %
                            ' / '.join(repr(n.name) for n in walk(view or page) if n.getRole() == pyatspi.ROLE_LABEL))
            break
        kind, answer = answers[prompt]
        asked.append(kind)
        if kind == 'choice':
            button = find(page, pyatspi.ROLE_PUSH_BUTTON, name=answer)
            if button is None:
                problems.append('no choice %r' % answer)
                break
            press(button)
        elif kind == 'state':
            rows = state_rows(page)
            if answer not in rows:
                problems.append('no row %r in the list of states (%s)' % (answer, ', '.join(rows)))
                break
            press(rows[answer])
        else:
            entry = find(page, pyatspi.ROLE_ENTRY, name='Your answer') or find(page, pyatspi.ROLE_TEXT, name='Your answer')
            if entry is None or not set_text(entry, answer):
                problems.append('the answer %r could not be typed' % answer)
                break
        time.sleep(0.4)
        button = next_button(page)
        if button is None:
            problems.append('no Next button')
            break
        press(button)
    score = wait_for(page, pyatspi.ROLE_LABEL, startswith='%d of %d right' % (len(answers), len(answers)), timeout=5)
    tap(score is not None and len(asked) == len(answers) and 'state' in asked and not problems,
        'an exam with a map question is completed through accessible actions alone, all answers right',
        'asked %s; %s; score %r' % (', '.join(asked), '; '.join(problems) or 'no problems',
                                   None if score is None else score.name))


def sit_map_quiz(app):
    # "Find the state" for each member, picked from the list of states: all right.
    page = find_raw(app, 'EntenteExamPage')
    back = page and find(page, pyatspi.ROLE_PUSH_BUTTON, name='New Exam')
    if back is not None:
        press(back)
        time.sleep(0.8)
    start = page and wait_for(page, pyatspi.ROLE_PUSH_BUTTON, name='Start Map Quiz')
    tap(start is not None, 'the Practice page offers a map quiz')
    if start is None:
        return
    press(start)
    found = []
    problems = []
    n = len(COUNTRY_NAMES)
    for _ in range(n):
        time.sleep(0.8)
        name = next((n for n in COUNTRY_NAMES.values()
                     if find(page, pyatspi.ROLE_LABEL, name='Find ' + n) is not None), None)
        if name is None:
            break
        rows = state_rows(page)
        if name not in rows:
            problems.append('no row %r in the list of states' % name)
            break
        press(rows[name])
        if wait_for(page, pyatspi.ROLE_LABEL, name='Right', timeout=3) is None:
            problems.append('%s was not taken as right' % name)
            break
        found.append(name)
        button = next_button(page)
        if button is None:
            problems.append('no Next button')
            break
        press(button)
    score = wait_for(page, pyatspi.ROLE_LABEL, startswith='%d of %d right' % (n, n), timeout=5)
    tap(score is not None and len(found) == n and not problems,
        'a map quiz is completed from the list of states through accessible actions alone',
        'found %s; %s' % (', '.join(found), '; '.join(problems) or 'no problems'))


def main():
    build_dir = os.environ.get('ENTENTE_BUILD_DIR', '_build')
    home = tempfile.mkdtemp(prefix='entente-a11y-')
    env = dict(os.environ)
    env.pop('GTK_A11Y', None)
    env.pop('NO_AT_BRIDGE', None)
    env.update({
        'HOME': home,
        'XDG_DATA_HOME': os.path.join(home, 'data'),
        'XDG_CONFIG_HOME': os.path.join(home, 'config'),
        'XDG_CACHE_HOME': os.path.join(home, 'cache'),
        'XDG_STATE_HOME': os.path.join(home, 'state'),
        'GSETTINGS_BACKEND': 'memory',
        'GSK_RENDERER': 'cairo',
    })
    pack = os.path.join(os.environ.get('G_TEST_SRCDIR', 'tests'), 'data', 'valid', 'review-fixture.json')
    process = subprocess.Popen([os.path.join(build_dir, 'src', 'entente'), pack], env=env)
    try:
        app = find_app(process)
        tap(app is not None, 'Entente appears on the accessibility bus',
            '' if process.poll() is None else 'it exited with status %d' % process.returncode)
        if app is None:
            return

        # Wait for the pack to be open: its pages' switcher buttons appear.
        review_switch = wait_for(app, pyatspi.ROLE_TOGGLE_BUTTON, name='Review', timeout=20) or wait_for(app, pyatspi.ROLE_PAGE_TAB, name='Review', timeout=5)
        tap(review_switch is not None, 'the Review page has a named switcher button')

        missing = unnamed_controls(app)
        tap(not missing, 'every control of the Outline page has a name', '\n'.join(missing))

        for page in ('Members', 'Review', 'Practice', 'Statistics'):
            switch = find(app, pyatspi.ROLE_PAGE_TAB, name=page) or find(app, pyatspi.ROLE_TOGGLE_BUTTON, name=page)
            if switch is None:
                tap(False, 'switch to the %s page' % page)
                continue
            press(switch)
            time.sleep(1.5)
            missing = unnamed_controls(app)
            tap(not missing, 'every control of the %s page has a name' % page, '\n'.join(missing))

        members = find(app, pyatspi.ROLE_PAGE_TAB, name='Members') or find(app, pyatspi.ROLE_TOGGLE_BUTTON, name='Members')
        press(members)
        time.sleep(1.0)
        map_image = wait_for(app, pyatspi.ROLE_IMAGE, startswith='Map')
        tap(map_image is not None and bool(map_image.description),
            'the map is an image with a name and a description',
            '' if map_image is None else 'name %r, description %r' % (map_image.name, map_image.description))

        # A review session, with accessible actions only.
        press(review_switch)
        start = wait_for(app, pyatspi.ROLE_PUSH_BUTTON, name='Start Review')
        tap(start is not None, 'the review can be started')
        if start is None:
            return
        press(start)
        graded = 0
        for _ in range(12):
            time.sleep(0.6)
            show = find(app, pyatspi.ROLE_PUSH_BUTTON, name='Show Answer')
            if show is not None:
                press(show)
                time.sleep(0.4)
                good = wait_for(app, pyatspi.ROLE_PUSH_BUTTON, startswith='Good', timeout=5)
                if good is None:
                    break
                press(good)
                graded += 1
                continue
            choice = find(app, pyatspi.ROLE_PUSH_BUTTON, startswith='1.')
            if choice is not None:
                press(choice)
                time.sleep(0.4)
                go_on = wait_for(app, pyatspi.ROLE_PUSH_BUTTON, name='Continue', timeout=5)
                if go_on is None:
                    break
                press(go_on)
                graded += 1
                continue
            rows = state_rows(app)
            if rows:
                # A map card, answered from the list of states beside the map.
                press(rows.get('Poland') or list(rows.values())[0])
                time.sleep(0.4)
                go_on = wait_for(app, pyatspi.ROLE_PUSH_BUTTON, name='Continue', timeout=5)
                if go_on is None:
                    break
                press(go_on)
                graded += 1
                continue
            break
        # Each grade is counted once it is saved: the page says how many.
        counted = wait_for(app, pyatspi.ROLE_LABEL, name='%d reviewed' % graded, timeout=5)
        tap(graded >= 5 and counted is not None,
            'a review session is completed through accessible actions alone',
            'graded %d cards' % graded)

        sit_exam(app, pack)
        sit_map_quiz(app)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(home, ignore_errors=True)
        print('1..%d' % len(results))


if __name__ == '__main__':
    main()
    sys.exit(0 if results and all(results) else 1)
