// Adds package-lock entries for the platform builds (macOS, Windows, ...) of optional
// native packages when the registry in use lacks that exact version, so `npm ci` finds the
// lock in sync. Run after `npm install` changes the lock: node scripts/lock-platforms.mjs package-lock.json
import fs from 'node:fs';
import { execSync } from 'node:child_process';
const file = process.argv[2];
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const pk = lock.packages;
let added = 0;
for (const entry of Object.values(pk)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const target = `node_modules/${name}`;
    if (pk[target]) continue;
    const meta = JSON.parse(execSync(`npm view ${name} os cpu libc license --json 2>/dev/null`).toString() || '{}');
    const e = { version, dev: entry.dev || undefined, optional: true, license: meta.license };
    for (const k of ['cpu', 'libc', 'os']) if (meta[k]) e[k] = [].concat(meta[k]);
    pk[target] = Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined));
    console.log('added', target, JSON.stringify(pk[target]));
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(pk).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(added, 'entries added');
