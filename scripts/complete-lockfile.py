#!/usr/bin/env python3
"""Completes package-lock.json with the platform-specific optional packages the registry here does not
serve (unrs-resolver's non-Linux bindings). npm leaves them out of the lock, and then `npm ci` refuses
the lock as out of sync. The entries only name version, os and cpu: npm skips them on this platform."""
import json, re, sys

path = sys.argv[1] if len(sys.argv) > 1 else 'package-lock.json'
lock = json.load(open(path))
packages = lock['packages']
OS = {'android': 'android', 'darwin': 'darwin', 'freebsd': 'freebsd', 'linux': 'linux', 'openharmony': 'openharmony', 'win32': 'win32'}
CPU = {'arm-eabi': 'arm', 'arm-gnueabihf': 'arm', 'arm-musleabihf': 'arm', 'arm64': 'arm64', 'x64': 'x64', 'ia32': 'ia32',
       'loong64': 'loong64', 'ppc64': 'ppc64', 'riscv64': 'riscv64', 's390x': 's390x'}
added = []
for owner, meta in list(packages.items()):
    for dep, version in (meta.get('optionalDependencies') or {}).items():
        key = f'node_modules/{dep}'
        if key in packages:
            continue
        m = re.match(r'^@unrs/resolver-binding-([a-z0-9]+)-(.+?)(?:-(gnu|musl|msvc))?$', dep)
        if not m or m.group(1) not in OS:
            sys.exit(f'do not know the platform of {dep}; add it by hand')
        cpu = next((c for suffix, c in CPU.items() if m.group(2) == suffix or m.group(2).startswith(suffix)), None)
        entry = {'version': version, 'dev': meta.get('dev', False), 'optional': True, 'os': [OS[m.group(1)]], 'cpu': [cpu]}
        if m.group(3) in ('gnu', 'musl'):
            entry['libc'] = ['glibc' if m.group(3) == 'gnu' else 'musl']
        packages[key] = entry
        added.append(dep)
lock['packages'] = dict(sorted(packages.items(), key=lambda kv: (kv[0] != '', kv[0])))
json.dump(lock, open(path, 'w'), indent=2)
open(path, 'a').write('\n')
print(f'added {len(added)} entries')
