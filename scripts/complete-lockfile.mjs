// The npm registry reachable from our machines carries only the Linux builds of packages that ship one
// package per platform (@swc/core, unrs-resolver, msgpackr-extract). `npm install` then leaves the other
// platforms' optional packages out of package-lock.json, and `npm ci` refuses the lock as out of sync.
// This adds those entries back, with the os/cpu/libc their names state, so that `npm ci` accepts the lock
// and skips them here, while a machine of that platform installs them as usual.
// Run after every `npm install` that changes package-lock.json: `node scripts/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const OS = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openharmony', 'netbsd', 'openbsd', 'sunos', 'aix'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32', 'mips64el'];

function platformOf(name) {
  const tokens = name.split('/').pop().split('-');
  const os = tokens.find((token) => OS.includes(token));
  const cpu =
    tokens.find((token) => CPU.includes(token)) ??
    (tokens.includes('gnueabihf') || tokens.includes('musleabihf') ? 'arm' : undefined);
  const libc = tokens.some((token) => token.startsWith('musl'))
    ? 'musl'
    : tokens.some((token) => token.startsWith('gnu'))
      ? 'glibc'
      : undefined;
  if (cpu === 'wasm32') return { cpu: ['wasm32'] };
  if (os === undefined || cpu === undefined) return undefined;
  return { os: [os], cpu: [cpu], ...(os === 'linux' && libc !== undefined ? { libc: [libc] } : {}) };
}

const file = 'package-lock.json';
const lock = JSON.parse(readFileSync(file, 'utf8'));
let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const candidates = [`${path}/node_modules/${name}`, `node_modules/${name}`];
    if (candidates.some((candidate) => lock.packages[candidate] !== undefined)) continue;
    const platform = platformOf(name);
    if (platform === undefined || !/^\d+\.\d+\.\d+/.test(version)) continue;
    lock.packages[`node_modules/${name}`] = {
      version,
      ...platform,
      ...(entry.dev ? { dev: true } : {}),
      ...(entry.devOptional || entry.dev ? { devOptional: true } : {}),
      optional: true,
    };
    added += 1;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${added} other-platform optional package(s)`);
