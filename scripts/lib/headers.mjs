// Reads a `_headers` file (Netlify/Cloudflare format): a path pattern line,
// then indented `Name: value` lines. Shared by the static server and the gates,
// so the tests judge the headers exactly as they are served.
import { existsSync, readFileSync } from 'node:fs';

/** @typedef {{ pattern: string, test: RegExp, headers: [string, string][] }} HeaderRule */

/** @param {string} file @returns {HeaderRule[]} */
export function readHeaderRules(file) {
  if (!existsSync(file)) return [];
  /** @type {{ pattern: string, headers: [string, string][] }[]} */
  const rules = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const [name, value = ''] = line.trim().split(/:\s*(.*)/s);
      rules.at(-1)?.headers.push([name, value]);
    }
  }
  return rules.map((r) => ({ ...r, test: new RegExp(`^${r.pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`) }));
}

/** The headers a path gets: every matching rule applies, later rules win. @param {HeaderRule[]} rules @param {string} path */
export function headersFor(rules, path) {
  /** @type {Map<string, string>} */
  const out = new Map();
  for (const rule of rules) if (rule.test.test(path)) for (const [k, v] of rule.headers) out.set(k.toLowerCase(), v);
  return out;
}
