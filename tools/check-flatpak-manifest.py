#!/usr/bin/env python3
# check-flatpak-manifest.py: what can be checked of the Flatpak manifest without the
# GNOME runtime (which comes from Flathub): that flatpak-builder reads it, that it builds
# this repository with meson, runs `entente`, and asks for no permission beyond the four
# the app needs (no network, no files: packs and progress files come through the file
# chooser portal).
#
#   check-flatpak-manifest.py MANIFEST APP_ID PROJECT_ROOT
#
# Prints TAP.
#
# Copyright 2026 The Entente developers
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import subprocess
import sys

ALLOWED = ['--share=ipc', '--socket=wayland', '--socket=fallback-x11', '--device=dri']
OLDEST_RUNTIME = 50

results = []


def tap(ok, name, detail=''):
    results.append(ok)
    print(('ok' if ok else 'not ok') + ' %d - %s' % (len(results), name))
    if not ok:
        for line in detail.splitlines():
            print('# ' + line)


def main():
    manifest_path, app_id, project_root = sys.argv[1:4]
    with open(manifest_path, encoding='utf-8') as f:
        manifest = json.load(f)

    tap(manifest.get('id') == app_id, 'the id is ' + app_id, 'found: %r' % manifest.get('id'))
    tap(manifest.get('command') == 'entente', 'it runs entente')
    tap(manifest.get('runtime') == 'org.gnome.Platform' and manifest.get('sdk') == 'org.gnome.Sdk',
        'the GNOME runtime and SDK')
    version = str(manifest.get('runtime-version', ''))
    tap(version.isdigit() and int(version) >= OLDEST_RUNTIME,
        'runtime version %s is %d or newer' % (version, OLDEST_RUNTIME))

    args = manifest.get('finish-args', [])
    extra = [a for a in args if a not in ALLOWED]
    missing = [a for a in ALLOWED if a not in args]
    tap(not extra, 'no permission beyond ' + ' '.join(ALLOWED), 'extra: ' + ' '.join(extra))
    tap(not missing, 'every permission the app needs', 'missing: ' + ' '.join(missing))
    tap(not any(a.startswith(('--filesystem', '--share=network', '--device=all', '--socket=x11',
                              '--talk-name', '--system-talk-name')) for a in args),
        'no network, no files, no bus names')

    modules = manifest.get('modules', [])
    app = modules[-1] if modules else {}
    tap(app.get('buildsystem') == 'meson', 'the app is built with meson')
    sources = app.get('sources', [])
    dirs = [s for s in sources if s.get('type') == 'dir']
    root = None
    if dirs:
        root = os.path.realpath(os.path.join(os.path.dirname(manifest_path), dirs[0].get('path', '')))
    tap(root == os.path.realpath(project_root) and os.path.isfile(os.path.join(root, 'meson.build')),
        'from this repository', 'source dir: %s' % root)
    skipped = set(dirs[0].get('skip', [])) if dirs else set()
    tap({'_build', '.flatpak-builder', 'tools/node_modules'} <= skipped,
        'build trees and node_modules are not copied into the build')

    builder = shutil.which('flatpak-builder')
    if builder is None:
        print('ok %d - flatpak-builder reads the manifest # SKIP flatpak-builder is not installed'
              % (len(results) + 1))
        results.append(True)
    else:
        run = subprocess.run([builder, '--show-manifest', manifest_path],
                             capture_output=True, text=True)
        shown = {}
        if run.returncode == 0:
            try:
                shown = json.loads(run.stdout)
            except ValueError:
                pass
        tap(run.returncode == 0 and shown.get('id') == app_id,
            'flatpak-builder reads the manifest', run.stderr)

    print('1..%d' % len(results))
    return 0 if all(results) else 1


if __name__ == '__main__':
    sys.exit(main())
