// Is a script's syntax within what the supported browsers can parse? Parses it
// with acorn at the newest ECMAScript edition every target has in full, then
// looks for the features that arrived in browsers piecemeal (a lookbehind in
// a regular expression, a class static block), which an edition's number
// does not settle. Targets are esbuild's ("safari16", "ios16.4", "firefox115").
import { Parser, type Node } from 'acorn';

type Engine = 'chrome' | 'edge' | 'firefox' | 'safari' | 'ios';
type Since = Record<Engine, number>;

/** The editions' new syntax, and the first version of each engine to parse all of it (static blocks aside, below). */
const EDITIONS: { year: 2020 | 2021 | 2022 | 2023 | 2024; since: Since }[] = [
  { year: 2020, since: { chrome: 80, edge: 80, firefox: 74, safari: 13.1, ios: 13.4 } }, // ?. ??
  { year: 2021, since: { chrome: 85, edge: 85, firefox: 79, safari: 14, ios: 14 } }, // ||= &&= ??=, 1_000
  { year: 2022, since: { chrome: 91, edge: 91, firefox: 90, safari: 15, ios: 15 } }, // class fields, #private, top-level await, /d
  { year: 2023, since: { chrome: 91, edge: 91, firefox: 90, safari: 15, ios: 15 } }, // #! hashbang (older everywhere)
  { year: 2024, since: { chrome: 112, edge: 112, firefox: 116, safari: 17, ios: 17 } }, // regular expression /v
];

interface Feature {
  name: string;
  since: Since;
  found(node: Node & Record<string, unknown>): boolean;
}

/** Lookbehind and named groups' neighbours: `(?<=` and `(?<!`, not `(?<name>`. */
const LOOKBEHIND = /\(\?<[=!]/;
const regexSource = (node: Record<string, unknown>): string | undefined => {
  if (node.type === 'Literal' && node.regex) return (node.regex as { pattern: string }).pattern;
  // esbuild turns a regular expression a target cannot parse into RegExp(`...`): it then fails when run.
  const callee = node.callee as Record<string, unknown> | undefined;
  const first = (node.arguments as Record<string, unknown>[] | undefined)?.[0];
  if (
    (node.type !== 'NewExpression' && node.type !== 'CallExpression') ||
    callee?.type !== 'Identifier' ||
    callee.name !== 'RegExp'
  )
    return undefined;
  if (first?.type === 'Literal' && typeof first.value === 'string') return first.value;
  // RegExp(`(?<=...)s$`, ``), as esbuild writes it.
  const quasis = first?.type === 'TemplateLiteral' ? (first.quasis as { value: { cooked: string } }[]) : [];
  return quasis.map((q) => q.value.cooked).join('');
};

const FEATURES: Feature[] = [
  {
    name: 'a regular expression lookbehind, (?<= or (?<!',
    since: { chrome: 62, edge: 79, firefox: 78, safari: 16.4, ios: 16.4 },
    found: (n) => LOOKBEHIND.test(regexSource(n) ?? ''),
  },
  {
    name: 'a class static block, static { }',
    since: { chrome: 94, edge: 94, firefox: 93, safari: 16.4, ios: 16.4 },
    found: (n) => n.type === 'StaticBlock',
  },
];

export function parseTargets(targets: readonly string[]): { engine: Engine; version: number; target: string }[] {
  return targets.map((target) => {
    const m = /^(chrome|edge|firefox|safari|ios)(\d+(?:\.\d+)?)$/.exec(target);
    if (!m)
      throw new Error(
        `"${target}" is not a browser target this check knows: use chrome, edge, firefox, safari or ios and a version, e.g. safari16.4`,
      );
    return { engine: m[1] as Engine, version: Number(m[2]), target };
  });
}

/** The first target in `targets` that lacks something supported from `since`, if any. */
const lacking = (targets: ReturnType<typeof parseTargets>, since: Since) =>
  targets.find((t) => t.version < since[t.engine]);

/** The newest edition all targets parse in full. */
export function editionFor(targets: readonly string[]): number {
  const parsed = parseTargets(targets);
  return EDITIONS.filter((e) => !lacking(parsed, e.since)).at(-1)?.year ?? 2019;
}

/** What in `code` one of `targets` cannot parse or run, each with where it is; empty when nothing. */
export function syntaxProblems(code: string, targets: readonly string[]): string[] {
  const parsed = parseTargets(targets);
  const ecmaVersion = editionFor(targets);
  let ast: Node;
  try {
    ast = Parser.parse(code, {
      ecmaVersion: ecmaVersion as 2022,
      sourceType: 'module',
      locations: true,
      allowHashBang: true,
    });
  } catch (e) {
    return [`syntax newer than ECMAScript ${ecmaVersion}, the newest every target parses: ${(e as Error).message}`];
  }
  const problems: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const n = node as Node & Record<string, unknown>;
    if (typeof n.type === 'string') {
      for (const f of FEATURES) {
        const lacks = f.found(n) && lacking(parsed, f.since);
        if (lacks)
          problems.push(
            `${f.name} at line ${n.loc!.start.line}, column ${n.loc!.start.column}: ${lacks.target} lacks it`,
          );
      }
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'loc' && typeof value === 'object') visit(value);
  };
  visit(ast);
  return problems;
}
