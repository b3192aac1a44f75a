// Makes every platform package in package-lock.json verifiable: each optional
// dependency (the Node binaries in package.json, and native builds such as
// @pagefind/darwin-arm64 that other packages name) gets a lock entry with its
// tarball address and integrity hash from the registry, plus its os/cpu/libc,
// so `npm ci` on any platform installs exactly the bytes reviewed here, or fails.
// npm leaves these out when the machine that wrote the lock could not fetch
// that platform's build. Run after `npm install` changes the lock:
//   node scripts/lock-platforms.mjs package-lock.json
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';

const file = process.argv[2] ?? 'package-lock.json';
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const pk = lock.packages;
let changed = 0;
for (const [where, entry] of Object.entries(pk)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const target = `node_modules/${name}`;
    const current = pk[target] ?? {};
    if (current.integrity) continue; // npm wrote it from the registry: already verifiable
    const version = current.version ?? spec;
    if (!/^\d+\.\d+\.\d+(?:-[\w.]+)?$/.test(version))
      throw new Error(
        `${where || 'package.json'}: ${name}@${spec} is not an exact version: pin it, so every platform gets the same release.`,
      );
    const view = execFileSync(
      'npm',
      ['view', `${name}@${version}`, 'os', 'cpu', 'libc', 'license', 'bin', 'dist.integrity', 'dist.tarball', '--json'],
      { encoding: 'utf8' },
    );
    const meta = JSON.parse(view || '{}');
    if (!meta['dist.integrity'] || !meta['dist.tarball'])
      throw new Error(`${name}@${version} has no integrity on the registry: it cannot be locked.`);
    const next = {
      version,
      resolved: meta['dist.tarball'],
      integrity: meta['dist.integrity'],
      ...(where === '' ? {} : { dev: entry.dev || current.dev || undefined }),
      optional: true,
      license: meta.license ?? current.license,
      bin: meta.bin ?? current.bin,
      cpu: meta.cpu ? [].concat(meta.cpu) : current.cpu,
      libc: meta.libc ? [].concat(meta.libc) : current.libc,
      os: meta.os ? [].concat(meta.os) : current.os,
    };
    const { version: _v, resolved: _r, integrity: _i, ...others } = current;
    pk[target] = Object.fromEntries(
      Object.entries({ version, resolved: next.resolved, integrity: next.integrity, ...others, ...next }).filter(
        ([, v]) => v !== undefined,
      ),
    );
    console.log(`${current.version ? 'completed' : 'added'} ${target}@${version}`);
    changed++;
  }
}
// A pinned allowScripts entry ("esbuild@0.28.2": true) only matches a package whose lock entry names its
// tarball (npm cannot otherwise verify the version): give those their registry address.
for (const [where, entry] of Object.entries(pk)) {
  if (!entry.hasInstallScript || entry.resolved || !where.startsWith('node_modules/')) continue;
  const name = where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);
  const { version, ...rest } = entry;
  pk[where] = {
    version,
    resolved: `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${version}.tgz`,
    ...rest,
  };
  console.log(`resolved ${where}@${entry.version}`);
  changed++;
}
const missing = Object.entries(pk)
  .filter(([k, v]) => k && !v.link && !v.integrity)
  .map(([k]) => k);
lock.packages = Object.fromEntries(
  Object.entries(pk).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(
  `${changed} entries added or completed; ${missing.length ? `still without integrity: ${missing.join(', ')}` : 'every package has an integrity hash'}.`,
);
