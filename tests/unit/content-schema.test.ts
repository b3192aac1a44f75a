// The editor's mistakes, one row each: applied to a copy of the real content
// and checked in-process with the same functions the content loaders run
// (src/content-loaders.ts), so each row takes milliseconds. Every mistake must
// be reported with its file, its line where it has one, and a plain message.
// One real `astro sync` (tests/unit/content-sync.test.ts) checks the wiring.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'astro/zod';
import { checkContent, checkEntryText } from '../../src/content-loaders.ts';
import { checkDataFile, checkFolder, formatProblems, type Problem } from '../../src/lib/content-checks.ts';
import { DATA_FILES, date, id, idProblem, isRealDate, redFlagSchema } from '../../src/lib/content-schema.ts';
import { pageRedirects } from '../../src/redirects.mjs';

const root = process.cwd();
let copy = '';
let context: ReturnType<typeof checkContent>['context'];

before(() => {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'calf-content-'));
  fs.cpSync(path.join(root, 'content'), path.join(copy, 'content'), { recursive: true });
  const state = checkContent(copy, root);
  assert.deepEqual(state.problems, [], formatProblems(state.problems));
  context = state.context;
});
after(() => fs.rmSync(copy, { recursive: true, force: true }));

const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const mdx = (folder: string) =>
  fs
    .readdirSync(path.join(root, 'content', folder))
    .filter((f) => f.endsWith('.mdx'))
    .sort();
const CAUSE = `content/causes/${mdx('causes')[0]}`;
const TREATMENT = `content/treatments/${mdx('treatments')[0]}`;
const FAQ = `content/faq/${mdx('faq')[0]}`;
const OTHER_TREATMENT_PAGE = `/treatments/${mdx('treatments')[1].replace(/\.mdx$/, '')}/`;
/** A treatment the first cause links to in its body. */
const LINKED_TREATMENT = mdx('treatments').find((f) =>
  read(CAUSE).includes(`](/treatments/${f.replace(/\.mdx$/, '')}/`),
)!;
const RED_FLAGS = 'content/red-flags.yaml';
const TIERS_FILE = 'content/red-flag-tiers.yaml';
const SOURCES = 'content/sources.yaml';

const field = (name: string, value: string) => (t: string) =>
  t.replace(new RegExp(`^${name}:.*$`, 'm'), `${name}: ${value}`);
const append = (text: string) => (t: string) => `${t.trimEnd()}\n\n${text}\n`;
/** The ids of a data file in order. */
const ids = (file: string) => [...read(file).matchAll(/^- id: (.+)$/gm)].map((m) => m[1]);

type Via = 'entry' | 'data' | 'folder' | 'content';
interface Mistake {
  kind: string;
  /** The file the editor changed (or added). */
  file: string;
  edit?: (text: string) => string;
  /** For a new file: its content. */
  create?: string;
  /** The file is deleted. */
  remove?: boolean;
  /** Where the problem is reported, when not the edited file. */
  reportedIn?: string;
  message: RegExp;
  /** Text on the line the problem must point at (in the reported file, after the edit). */
  lineWith?: string;
  via?: Via;
  /** The site still builds, but the editor is told (everything else must stop the build). */
  warning?: boolean;
}

/** A FAQ page that does not mention a clot in one leg (so swelling added there needs the warning). */
const FAQ_WITHOUT_CLOT = mdx('faq').find(
  (f) => !/\bclot\b/i.test(read(`content/faq/${f}`)) && !/swell|swollen/i.test(read(`content/faq/${f}`)),
)!;

/** A published section of a FAQ page, with the heading that gives it. */
const PUBLISHED_SECTION = (() => {
  const urls: string[] = JSON.parse(read('tests/published-urls.json')).urls;
  for (const url of urls) {
    const m = /^\/faq\/([a-z0-9-]+)\/#([a-z0-9-]+)$/.exec(url);
    if (!m || !fs.existsSync(path.join(root, `content/faq/${m[1]}.mdx`))) continue;
    const heading = read(`content/faq/${m[1]}.mdx`)
      .split('\n')
      .find(
        (l) =>
          /^##+ /.test(l) &&
          l
            .replace(/^#+ /, '')
            .toLowerCase()
            .replace(/[^a-z0-9 -]/g, '')
            .replace(/ /g, '-') === m[2],
      );
    if (heading) return { page: m[1]!, anchor: m[2]!, heading };
  }
  throw new Error('no published FAQ section found');
})();

const firstBodyLine = (t: string) => t.split('\n').findIndex((l, i) => i > 0 && l === '---') + 2;

// Each row: what an editor might do, and what the check must say.
const MISTAKES: Mistake[] = [
  // Frontmatter of an MDX entry
  {
    kind: 'required field missing',
    file: CAUSE,
    edit: (t) => t.replace(/^summary:.*\n/m, ''),
    message: /summary is missing/,
  },
  {
    kind: 'field name misspelt',
    file: TREATMENT,
    edit: (t) => t.replace(/^title:/m, 'titel:'),
    message: /unknown field "titel"/,
    lineWith: 'titel:',
  },
  { kind: 'empty title', file: CAUSE, edit: field('title', '""'), message: /title is empty/, lineWith: 'title:' },
  {
    kind: 'source id that does not exist',
    file: FAQ,
    edit: (t) => t.replace(/^sources: \[/m, 'sources: [no-such-source, '),
    message: /sources, item 1: "no-such-source" is not an id in content\/sources\.yaml/,
    lineWith: 'sources:',
  },
  {
    kind: 'treatment that does not exist',
    file: CAUSE,
    edit: (t) => t.replace(/^treatments: \[/m, 'treatments: [ice-baths-forever, '),
    message: /"ice-baths-forever" is not a file in content\/treatments\//,
    lineWith: 'treatments:',
  },
  {
    kind: 'cause that does not exist',
    file: TREATMENT,
    edit: (t) => t.replace(/^causes: \[/m, 'causes: [bad-luck, '),
    message: /"bad-luck" is not a file in content\/causes\//,
    lineWith: 'causes:',
  },
  {
    kind: 'warning sign that does not exist',
    file: FAQ,
    edit: (t) => t.replace(/^redFlags: \[/m, 'redFlags: [pain-at-rest-x, '),
    message: /"pain-at-rest-x" is not an id in content\/red-flags\.yaml/,
    lineWith: 'redFlags:',
  },
  {
    kind: 'one warning sign only',
    file: CAUSE,
    edit: (t) => t.replace(/^redFlags: \[([^,\]]+)[^\]]*\]/m, 'redFlags: [$1]'),
    message: /redFlags must list at least 2 warning-sign ids/,
    lineWith: 'redFlags:',
  },
  {
    kind: 'five warning signs',
    file: CAUSE,
    edit: field('redFlags', `[${ids(RED_FLAGS).slice(0, 5).join(', ')}]`),
    message: /at most 4 warning-sign ids/,
    lineWith: 'redFlags:',
  },
  {
    kind: 'order as words',
    file: FAQ,
    edit: field('order', 'three'),
    message: /order must be a whole number/,
    lineWith: 'order:',
  },
  {
    kind: 'order with a fraction',
    file: FAQ,
    edit: field('order', '3.5'),
    message: /order must be a whole number/,
    lineWith: 'order:',
  },
  {
    kind: 'severity not in the list',
    file: CAUSE,
    edit: field('severity', '[terrible]'),
    message: /severity must be one of: mild, moderate, severe \(got "terrible"\)/,
    lineWith: 'severity:',
  },
  {
    kind: 'phase not in the list',
    file: TREATMENT,
    edit: field('phase', '[later]'),
    message: /phase must be one of: now, recovery, prevention/,
    lineWith: 'phase:',
  },
  {
    kind: 'impossible date',
    file: FAQ,
    edit: field('lastReviewed', '2026-13-45'),
    message: /lastReviewed must be a real date written as YYYY-MM-DD.*"2026-13-45"/,
    lineWith: 'lastReviewed:',
  },
  {
    kind: 'date in another format',
    file: CAUSE,
    edit: field('nextReview', '21/05/2027'),
    message: /nextReview must be a real date written as YYYY-MM-DD/,
    lineWith: 'nextReview:',
  },
  {
    kind: 'review dates in the wrong order',
    file: TREATMENT,
    edit: field('nextReview', '2000-01-01'),
    message: /nextReview must be after lastReviewed/,
    lineWith: 'nextReview:',
  },
  {
    kind: 'review date missing',
    file: FAQ,
    edit: (t) => t.replace(/^lastReviewed:.*\n/m, ''),
    message: /lastReviewed is missing/,
  },
  {
    kind: 'YAML syntax error in frontmatter',
    file: CAUSE,
    edit: field('keywords', '[unclosed, list'),
    message: /the YAML cannot be read/,
  },
  {
    kind: 'bad indentation in frontmatter',
    file: FAQ,
    edit: (t) => t.replace(/^order:/m, '   order:'),
    message: /the YAML cannot be read/,
  },
  {
    kind: 'a field written twice',
    file: TREATMENT,
    edit: (t) => t.replace(/^(order:.*)$/m, '$1\n$1'),
    message: /a field appears twice/,
  },
  {
    kind: 'frontmatter missing',
    file: FAQ,
    edit: (t) => t.slice(t.indexOf('\n---', 3) + 4),
    message: /the frontmatter is missing/,
    lineWith: '',
  },
  // The MDX body
  {
    kind: 'empty body',
    file: CAUSE,
    edit: (t) => t.slice(0, t.indexOf('\n---', 3) + 5),
    message: /the page has no text/,
  },
  {
    kind: 'a # heading (second h1)',
    file: TREATMENT,
    edit: append('# Another title'),
    message: /"# Another title" makes a second main title.*Use "## Another title"/,
    lineWith: '# Another title',
  },
  {
    kind: 'duplicate heading',
    file: FAQ,
    edit: append('## What to do\n\nText.\n\n## What to do\n\nMore.'),
    message: /the heading "What to do" gives the same link \(#what-to-do\) as the heading at line \d+/,
    lineWith: '## What to do\n\nMore.',
  },
  {
    kind: 'a ## Sources heading',
    file: CAUSE,
    edit: append('## Sources\n\n- A book'),
    message: /remove the heading "Sources".*from the frontmatter field sources/,
    lineWith: '## Sources',
  },
  {
    kind: 'a heading the layout prints',
    file: TREATMENT,
    edit: append('## Get help now'),
    message: /remove the heading "Get help now": the page already prints its own "When to get help" section/,
    lineWith: '## Get help now',
  },
  {
    kind: 'unclosed tag',
    file: FAQ,
    edit: append('Some <strong>bold text.'),
    message: /cannot be read as MDX: Expected a closing tag for "<strong>"/,
    lineWith: 'Some <strong>',
  },
  {
    kind: 'stray {',
    file: CAUSE,
    edit: append('Rest for {a day.'),
    message: /cannot be read as MDX.*closing brace/,
    lineWith: 'Rest for {a day.',
  },
  {
    kind: 'stray <',
    file: TREATMENT,
    edit: append('I <3 running.'),
    message: /cannot be read as MDX: Unexpected character after "<"/,
    lineWith: 'I <3 running.',
  },
  {
    kind: 'Figure left open',
    file: FAQ,
    edit: append('<Figure name="heel-drop">'),
    message: /Expected a closing tag for "<Figure>"/,
    lineWith: '<Figure name="heel-drop">',
  },
  {
    kind: 'illustration name that does not exist',
    file: CAUSE,
    edit: append('<Figure name="calf-stretch" />'),
    message: /<Figure name="calf-stretch" \/> names no illustration\. Use one of: calf-anatomy/,
    lineWith: '<Figure name="calf-stretch"',
  },
  {
    kind: 'a component the guide does not have',
    file: FAQ,
    edit: append('<Callout>Be careful.</Callout>'),
    message: /<Callout> is not something the guide can show/,
    lineWith: '<Callout>',
  },
  {
    kind: 'link to a page that does not exist',
    file: CAUSE,
    edit: append('See [ice](/treatments/ice-baths/).'),
    message: /the link "\/treatments\/ice-baths\/" goes to a page that does not exist/,
    lineWith: 'See [ice]',
  },
  {
    kind: 'link to a section that does not exist',
    file: FAQ,
    edit: append(`See [this](${OTHER_TREATMENT_PAGE}#no-such-section).`),
    message: /goes to a section "#no-such-section" that is not on/,
    lineWith: 'See [this]',
  },
  {
    kind: 'link to a section of its own page that does not exist',
    file: TREATMENT,
    edit: append('See [below](#nowhere).'),
    message: /section "#nowhere" that is not on/,
    lineWith: 'See [below]',
  },
  {
    kind: 'link without its trailing slash',
    file: CAUSE,
    edit: append('See [the signs](/red-flags).'),
    message: /needs a slash at the end of the address: \/red-flags\//,
    lineWith: 'See [the signs]',
  },
  {
    kind: 'relative link',
    file: FAQ,
    edit: append('See [ice](treatments/ice/).'),
    message: /must start from the site's root/,
    lineWith: 'See [ice]',
  },
  {
    kind: 'HTML link to a missing page',
    file: TREATMENT,
    edit: append('<a href="/faq/nothing-here/">more</a>'),
    message: /"\/faq\/nothing-here\/" goes to a page that does not exist/,
    lineWith: '<a href',
  },
  // Files in a content folder
  {
    kind: '.md file',
    file: 'content/faq/a-new-question.md',
    create: '---\nquestion: Q?\n---\n\nText.\n',
    message: /only \.mdx files belong in content\/faq\/.*Rename it to a-new-question\.mdx/,
    via: 'folder',
  },
  {
    kind: 'other file in a content folder',
    file: 'content/causes/notes.txt',
    create: 'notes',
    message: /only \.mdx files belong in content\/causes\//,
    via: 'folder',
  },
  {
    kind: 'file name with spaces and capitals',
    file: 'content/faq/Can I Run Today.mdx',
    create: read(FAQ),
    message: /"Can I Run Today" is not a valid id: use lowercase words joined by hyphens, e\.g\. "can-i-run-today"/,
    via: 'folder',
  },
  {
    kind: 'file name with an underscore',
    file: 'content/treatments/ice_packs.mdx',
    create: read(TREATMENT),
    message: /"ice_packs" is not a valid id.*"ice-packs"/,
    via: 'folder',
  },
  // Data files
  {
    kind: 'duplicate red-flag id (drops a sign)',
    file: RED_FLAGS,
    edit: (t) => t.replace(`- id: ${ids(RED_FLAGS)[1]}\n`, `- id: ${ids(RED_FLAGS)[0]}\n`),
    message: new RegExp(`the id "${ids(RED_FLAGS)[0]}" is used twice \\(first at line \\d+\\)`),
    lineWith: `- id: ${ids(RED_FLAGS)[0]}\n  sign: ${/^ {2}sign: (.*)$/m.exec(read(RED_FLAGS).split(`- id: ${ids(RED_FLAGS)[1]}\n`)[1])?.[1]}`,
  },
  {
    kind: 'red-flag id with spaces',
    file: RED_FLAGS,
    edit: (t) => t.replace(`- id: ${ids(RED_FLAGS)[2]}\n`, '- id: Pain At Rest\n'),
    message: /"Pain At Rest" is not a valid id.*"pain-at-rest"/,
    lineWith: '- id: Pain At Rest',
  },
  {
    kind: 'red-flag tier not in the list',
    file: RED_FLAGS,
    edit: (t) => t.replace(/^ {2}tier: .*$/m, '  tier: critical'),
    message: /tier must be one of: emergency, a-and-e, urgent, soon, self-care \(got "critical"\)/,
    lineWith: '  tier: critical',
  },
  {
    kind: 'red-flag order as words',
    file: RED_FLAGS,
    edit: (t) => t.replace(/^ {2}order: .*$/m, '  order: first'),
    message: /order \(where the sign sits in the checklist\) must be a whole number/,
    lineWith: '  order: first',
  },
  {
    kind: 'red-flag impossible date',
    file: RED_FLAGS,
    edit: (t) => t.replace(/^ {2}lastReviewed: .*$/m, '  lastReviewed: 2026-02-30'),
    message: /lastReviewed must be a real date.*"2026-02-30"/,
    lineWith: '  lastReviewed: 2026-02-30',
  },
  {
    kind: 'red-flag cites an unknown source',
    file: RED_FLAGS,
    edit: (t) => t.replace(/^ {2}sources: \[/m, '  sources: [made-up, '),
    message: /"made-up" is not an id in content\/sources\.yaml/,
    lineWith: '  sources: [made-up',
  },
  { kind: 'empty red-flags.yaml', file: RED_FLAGS, edit: () => '# nothing yet\n', message: /the file has no entries/ },
  {
    kind: 'YAML syntax error in red-flags.yaml',
    file: RED_FLAGS,
    edit: (t) => t.replace(/^ {2}sources: \[([^\]]*)\]/m, '  sources: [$1'),
    message: /the YAML cannot be read/,
  },
  {
    kind: 'bad indentation in red-flags.yaml',
    file: RED_FLAGS,
    edit: (t) => t.replace(/^ {2}why: /m, '    why: '),
    message: /the YAML cannot be read/,
  },
  {
    kind: 'a field a sign does not have',
    file: RED_FLAGS,
    edit: (t) => t.replace(/^ {2}why: /m, '  whyy: '),
    message: /unknown field "whyy"/,
    lineWith: '  whyy:',
  },
  {
    kind: 'tier missing from red-flag-tiers.yaml',
    file: TIERS_FILE,
    edit: (t) => t.replace(/^- id: soon\n(?: {2}.*\n)*/m, ''),
    message: /the entry with id "soon" is missing/,
  },
  {
    kind: 'YAML syntax error in red-flag-tiers.yaml',
    file: TIERS_FILE,
    edit: (t) => t.replace(/^ {2}heading: (.*)$/m, '  heading: "$1'),
    message: /the YAML cannot be read/,
  },
  {
    kind: 'duplicate tier',
    file: TIERS_FILE,
    edit: (t) => t.replace('- id: soon\n', '- id: urgent\n'),
    message: /the id "urgent" is used twice/,
    lineWith: '- id: urgent\n  prefix: "Non-urgent',
  },
  {
    kind: 'duplicate source id',
    file: SOURCES,
    edit: (t) => t.replace(`- id: ${ids(SOURCES)[1]}\n`, `- id: ${ids(SOURCES)[0]}\n`),
    message: new RegExp(`the id "${ids(SOURCES)[0]}" is used twice`),
  },
  {
    kind: 'source url without https',
    file: SOURCES,
    edit: (t) => t.replace(/^ {2}url: .*$/m, '  url: www.nhs.uk'),
    message: /url must be a full web address starting with https:\/\//,
    lineWith: '  url: www.nhs.uk',
  },
  // Issue 21: code, script and other sites in a body (MDX is a document, not a program)
  {
    kind: 'export reading the environment',
    file: CAUSE,
    edit: append('export const who = process.env.HOME;\n\nBuilt by {who}.'),
    message: /a line starting "export " is code.*Delete the line/,
    lineWith: 'export const who',
  },
  {
    kind: 'import of node:fs',
    file: FAQ,
    edit: append("import fs from 'node:fs';"),
    message: /a line starting "import " is code/,
    lineWith: 'import fs',
  },
  {
    kind: 'an {expression} in the text',
    file: TREATMENT,
    edit: append('Home is {process.env.HOME}.'),
    message: /"\{process\.env\.HOME\}" is code.*write \\\{ for a brace/,
    lineWith: 'Home is',
  },
  {
    kind: 'a {expression} on a line of its own',
    file: CAUSE,
    edit: append('{new Date().getFullYear()}'),
    message: /"\{new Date\(\)\.getFullYear\(\)\}" is code/,
    lineWith: '{new Date()',
  },
  {
    kind: 'raw <script>',
    file: FAQ,
    edit: append('<script>alert(1)</script>'),
    message: /<script> is HTML, which page text cannot contain/,
    lineWith: '<script>',
  },
  {
    kind: 'an <iframe>',
    file: CAUSE,
    edit: append('<iframe src="https://video.example/embed/1"></iframe>'),
    message: /<iframe> is HTML/,
    lineWith: '<iframe',
  },
  {
    kind: 'an external <img> with onerror',
    file: TREATMENT,
    edit: append('<img src="https://tracker.example/x.png" onerror="alert(1)" />'),
    message: /"onerror", an event handler that runs script/,
    lineWith: '<img',
  },
  {
    kind: 'an event handler on <Figure>',
    file: FAQ,
    edit: append('<Figure name="heel-drop" onClick="alert(1)" />'),
    message: /<Figure> has "onClick", an event handler/,
    lineWith: '<Figure name="heel-drop" onClick',
  },
  {
    kind: 'a spread {...} on <Figure>',
    file: CAUSE,
    edit: append('<Figure {...props} />'),
    message: /<Figure> has "\{\.\.\.props\}", which is code/,
    lineWith: '<Figure {...props}',
  },
  {
    kind: 'a Figure name written as code',
    file: TREATMENT,
    edit: append('<Figure name={"heel-drop"} />'),
    message: /<Figure name=\{\.\.\.\}> is code/,
    lineWith: '<Figure name={',
  },
  {
    kind: '<Figure Name="..."> (capital N)',
    file: FAQ,
    edit: append('<Figure Name="heel-drop" />'),
    message:
      /<Figure> has "Name", which it does not take: write "name" in lowercase, e.g\. <Figure name="heel-drop" \/>/,
    lineWith: '<Figure Name',
  },
  {
    kind: 'javascript: link in Markdown',
    file: CAUSE,
    edit: append('See [the signs](javascript:alert(1)).'),
    message: /the link "javascript:alert\(1\)" uses "javascript:", which the guide does not allow/,
    lineWith: 'See [the signs]',
  },
  {
    kind: 'javascript: link in capitals',
    file: TREATMENT,
    edit: append('See [the signs](JavaScript:alert(1)).'),
    message: /uses "javascript:"/,
    lineWith: 'See [the signs]',
  },
  {
    kind: 'javascript: in a link reference',
    file: FAQ,
    edit: append('See [the signs][s].\n\n[s]: javascript:alert(1)'),
    message: /uses "javascript:"/,
    lineWith: '[s]: javascript',
  },
  {
    kind: 'javascript: link in an <a>',
    file: CAUSE,
    edit: append('<a href="javascript:alert(1)">signs</a>'),
    message: /uses "javascript:"/,
    lineWith: '<a href',
  },
  {
    kind: 'data: link',
    file: TREATMENT,
    edit: append('See [this](data:text/html;base64,PHNjcmlwdD4=).'),
    message: /uses "data:"/,
    lineWith: 'See [this]',
  },
  {
    kind: 'link with no scheme (//host)',
    file: FAQ,
    edit: append('See [NHS](//www.nhs.uk/).'),
    message: /has no scheme: write the full address starting with https:\/\//,
    lineWith: 'See [NHS]',
  },
  {
    kind: 'image from another site',
    file: CAUSE,
    edit: append('![A calf](https://images.example/calf.png)'),
    message: /the image "https:\/\/images\.example\/calf\.png" would load a file from another site/,
    lineWith: '![A calf]',
  },
  {
    kind: 'image from another site without a scheme',
    file: TREATMENT,
    edit: append('![A calf](//images.example/calf.png)'),
    message: /would load a file from another site/,
    lineWith: '![A calf]',
  },
  {
    kind: 'http: link (warned)',
    file: FAQ,
    edit: append('See [an old page](http://www.example.org/calf).'),
    message: /uses http:\/\/, which is not private: use https:\/\//,
    lineWith: 'See [an old page]',
    warning: true,
  },
  // Issue 21: every YAML text field is plain text
  {
    kind: 'Markdown link in red-flag-tiers.yaml',
    file: TIERS_FILE,
    edit: (t) =>
      t.replace(/^ {2}action: Get an urgent appointment.*$/m, '  action: Call [NHS 111](https://111.nhs.uk) now.'),
    message: /"urgent": action holds a Markdown link, but this field is plain text/,
    lineWith: '  action: Call [NHS 111]',
  },
  {
    kind: 'HTML in a red-flags.yaml sign',
    file: RED_FLAGS,
    edit: (t) => t.replace(/^ {2}sign: (.*)$/m, '  sign: <b>$1</b>'),
    message: /sign holds an HTML tag, but this field is plain text/,
    lineWith: '  sign: <b>',
  },
  {
    kind: 'Markdown bold in red-flag-groups.yaml',
    file: 'content/red-flag-groups.yaml',
    edit: (t) => t.replace(/^ {2}heading: (.*)$/m, '  heading: "**$1**"'),
    message: /heading holds Markdown bold/,
    lineWith: '  heading: "**',
  },
  {
    kind: 'Markdown link in a source note',
    file: SOURCES,
    edit: (t) => t.replace(/^ {2}note: (.*)$/m, '  note: See [the page](https://www.nhs.uk/).'),
    message: /note holds a Markdown link/,
    lineWith: '  note: See [',
  },
  {
    kind: 'javascript: url in sources.yaml',
    file: SOURCES,
    edit: (t) => t.replace(/^ {2}url: .*$/m, '  url: javascript:alert(1)'),
    message: /url: the link "javascript:alert\(1\)" uses "javascript:"/,
    lineWith: '  url: javascript',
  },
  {
    kind: 'Markdown link in a frontmatter summary',
    file: CAUSE,
    edit: (t) => t.replace(/^summary: (.*)$/m, 'summary: "See [the NHS](https://www.nhs.uk/)."'),
    message: /summary holds a Markdown link/,
    lineWith: 'summary:',
  },
  {
    kind: 'HTML in a frontmatter list item',
    file: CAUSE,
    edit: (t) => t.replace(/^signs:\n {2}- /m, 'signs:\n  - <em>Sudden</em> '),
    message: /signs item 1 holds an HTML tag/,
    lineWith: '  - <em>',
  },
  {
    kind: 'search-terms.yaml names a sign that does not exist',
    file: 'content/search-terms.yaml',
    edit: (t) => t.replace(/^signs:\n {2}([a-z0-9-]+):/m, 'signs:\n  $1-typo:'),
    message: /signs\.[a-z0-9-]+-typo: "[a-z0-9-]+-typo" is not a red-flag id/,
    lineWith: '-typo:',
    via: 'content',
  },
  {
    kind: 'search-terms.yaml synonyms not a list',
    file: 'content/search-terms.yaml',
    edit: (t) => t.replace(/^ {2}physio: \[.*\]$/m, '  physio: pt'),
    message: /synonyms\.physio: give a list/,
    lineWith: '  physio: pt',
    via: 'content',
  },
  // Issue 21: review dates
  {
    kind: 'next review date has passed (warned)',
    file: FAQ,
    edit: (t) => field('nextReview', '2021-01-01')(field('lastReviewed', '2020-01-01')(t)),
    message: /the page was due for review on 2021-01-01, and readers are told it is overdue/,
    lineWith: 'nextReview:',
    warning: true,
  },
  {
    kind: 'last reviewed in the future',
    file: CAUSE,
    edit: (t) => field('nextReview', '2099-06-01')(field('lastReviewed', '2099-01-01')(t)),
    message: /lastReviewed 2099-01-01 is after today/,
    lineWith: 'lastReviewed:',
  },
  {
    kind: 'red-flag sign past its review date (warned)',
    file: RED_FLAGS,
    edit: (t) =>
      t.replace(/^ {2}lastReviewed: .*\n {2}nextReview: .*$/m, '  lastReviewed: 2020-01-01\n  nextReview: 2021-01-01'),
    message: /was due for review on 2021-01-01/,
    lineWith: '  nextReview: 2021-01-01',
    warning: true,
  },
  // Issue 21: messages an editor can act on
  {
    kind: 'byte order mark before the frontmatter',
    file: TREATMENT,
    edit: (t) => `\ufeff${t}`,
    message: /invisible byte order mark \(BOM\).*Save the file as "UTF-8" without BOM/,
    lineWith: '',
  },
  {
    kind: 'frontmatter not closed',
    file: CAUSE,
    edit: (t) => t.replace(/\n---\n/, '\n\n'),
    message: /the frontmatter is not closed: add a line "---" after the last field/,
    lineWith: '',
  },
  {
    kind: 'empty line before the frontmatter',
    file: FAQ,
    edit: (t) => `\n${t}`,
    message: /the frontmatter must start on the first line: delete the 1 empty line above/,
    lineWith: '',
  },
  {
    kind: 'curly quotes around a title with a colon',
    file: TREATMENT,
    edit: field('title', '“Ice: does it help?”'),
    message: /curly quotes \(“ ” ‘ ’\), which YAML does not treat as quotes.*Use straight quotes/,
    lineWith: 'title:',
  },
  {
    kind: 'curly quotes in red-flags.yaml',
    file: RED_FLAGS,
    edit: (t) => t.replace(/^ {2}why: (.*)$/m, '  why: ‘Note: $1’'),
    message: /curly quotes/,
    lineWith: '  why: ‘Note',
  },
  {
    kind: 'tab indenting a field in red-flags.yaml',
    file: RED_FLAGS,
    edit: (t) => t.replace(/^ {2}why: /m, '\twhy: '),
    message: /indented with a tab\. YAML needs spaces/,
    lineWith: '\twhy: ',
  },
  {
    kind: 'tab indenting a list in frontmatter',
    file: CAUSE,
    edit: (t) => t.replace(/^signs:\n {2}- /m, 'signs:\n\t- '),
    message: /indented with a tab/,
    lineWith: '\t- ',
  },
  {
    kind: 'non-breaking space in the body',
    file: FAQ,
    edit: append('Rest for 2\u00a0days.'),
    message: /column 11 holds a non-breaking space \(U\+00A0\).*"Rest for 2⟦here⟧days\."/,
    lineWith: 'Rest for 2',
  },
  {
    kind: 'zero-width space in a red-flag id',
    file: RED_FLAGS,
    edit: (t) => t.replace(`- id: ${ids(RED_FLAGS)[3]}\n`, `- id: ${ids(RED_FLAGS)[3]}\u200b\n`),
    message: /holds a zero-width space \(U\+200B\)/,
    lineWith: `- id: ${ids(RED_FLAGS)[3]}\u200b`,
  },
  {
    kind: 'non-breaking space after a field name',
    file: TREATMENT,
    edit: (t) => t.replace(/^title: /m, 'title:\u00a0'),
    message: /column 7 holds a non-breaking space/,
    lineWith: 'title:\u00a0',
  },
  // Issue 21: from a list of editor mistakes written by someone who had not read the loaders (/work/mistakes)
  {
    kind: 'date-like text in a text field (Astro reads a date)',
    file: TREATMENT,
    edit: field('title', '2026-11-21'),
    message: /title: "2026-11-21" reads as a date, not text: put it in double quotes/,
    lineWith: 'title:',
  },
  {
    kind: 'link ticking a warning sign that does not exist',
    file: CAUSE,
    edit: append('See [the clot sign](/red-flags/#check=dvt).'),
    message: /ticks "dvt", which is not a warning sign id in content\/red-flags\.yaml/,
    lineWith: 'See [the clot sign]',
  },
  {
    kind: 'a --- line under a paragraph (makes a heading)',
    file: FAQ,
    edit: append('Some closing words.\n---'),
    message: /a line of "---" or "===" straight under text makes that text a heading/,
    lineWith: '---\n',
  },
  {
    kind: 'a heading with no words',
    file: TREATMENT,
    edit: append('## \n\nText.'),
    message: /this heading has no words/,
    lineWith: '## \n',
  },
  {
    kind: 'a heading that skips a level',
    file: CAUSE,
    edit: append('## Part\n\nText.\n\n#### Detail\n\nMore.'),
    message: /"#### Detail" skips a level: it comes straight under a ## heading\. Use ###/,
    lineWith: '#### Detail',
  },
  {
    kind: 'an empty section',
    file: FAQ,
    edit: append('## More tips'),
    message: /the section "More tips" is empty/,
    lineWith: '## More tips',
  },
  {
    kind: 'a link with no text',
    file: TREATMENT,
    edit: append('See [](/red-flags/).'),
    message: /the link to \/red-flags\/ has no text/,
    lineWith: 'See [](',
  },
  {
    kind: '"click here" link text (warned)',
    file: CAUSE,
    edit: append('For the signs [click here](/red-flags/).'),
    message: /the link text "click here" does not say where it goes/,
    lineWith: 'For the signs',
    warning: true,
  },
  {
    kind: 'a Markdown image from this site',
    file: FAQ,
    edit: append('![The calf](/calf.png)'),
    message: /Markdown images are not used: an illustration is <Figure name="\.\.\." \/>/,
    lineWith: '![The calf]',
  },
  {
    kind: 'a fenced code block',
    file: TREATMENT,
    edit: append('```\nrest 2 days\n```'),
    message: /would show as computer code/,
    lineWith: '```\nrest',
  },
  {
    kind: 'a footnote',
    file: CAUSE,
    edit: append('Rest helps.[^1]\n\n[^1]: A study.'),
    message: /footnotes are not used/,
    lineWith: 'Rest helps.',
  },
  {
    kind: 'curly quotes around a whole value',
    file: SOURCES,
    edit: (t) => t.replace(/^ {2}note: (.*)$/m, '  note: “$1”'),
    message: /note is wrapped in curly quotes \(“ ”\), which YAML keeps as part of the text/,
    lineWith: '  note: “',
  },
  {
    kind: 'a " #" that turns the rest of a value into a comment',
    file: CAUSE,
    edit: (t) => t.replace(/^summary: (.*)$/m, 'summary: The #1 cause of sore calves.'),
    message: /everything after " #" is a YAML comment and is dropped/,
    lineWith: 'summary: The #1',
  },
  {
    kind: 'the opening --- typed twice',
    file: FAQ,
    edit: (t) => `---\n${t}`,
    message: /this is a second "---"/,
    lineWith: '---\nquestion:',
  },
  {
    kind: 'a warning sign listed twice',
    file: CAUSE,
    edit: (t) => t.replace(/^redFlags: \[([^,\]]+)/m, 'redFlags: [$1, $1'),
    message: /redFlags lists "[a-z0-9-]+" twice: remove the copy/,
    lineWith: 'redFlags:',
  },
  {
    kind: 'two warning signs with one order',
    file: RED_FLAGS,
    edit: (t) => t.replace(/^ {2}order: (\d+)$/m, '  order: 2'),
    message: /order 2 is also the order of/,
    via: 'content',
  },
  {
    kind: 'a page copied and its title not changed',
    file: `content/causes/running-on-grass.mdx`,
    create: read(CAUSE),
    message: /the title ".*" is also used by content\/causes\//,
    via: 'content',
  },
  {
    kind: 'a capital letter in a search synonym',
    file: 'content/search-terms.yaml',
    edit: (t) => t.replace('physio: [pt,', 'physio: [PT,'),
    message: /"PT" must be written "pt": search words are lowercase, without apostrophes/,
    lineWith: '  physio: [PT',
    via: 'content',
  },
  {
    kind: 'a search synonym for a word no page holds',
    file: 'content/search-terms.yaml',
    edit: (t) => t.replace('physio: [pt,', 'physiox: [pt,'),
    message: /synonyms\.physiox \("pt"\): no page holds "physiox", so the synonym would find nothing/,
    lineWith: '  physiox: [pt',
    via: 'content',
  },
  {
    kind: 'a pinned search page that does not exist',
    file: 'content/search-terms.yaml',
    edit: (t) => t.replace(/^( {2}- page: \/[a-z-]+\/)([a-z-]+)\//m, '$1$2-gone/'),
    message: /pinned page \/[a-z-]+\/[a-z-]+-gone\/ is not a page of the built site/,
    lineWith: '-gone/',
    via: 'content',
  },
  {
    kind: 'an apostrophe in a search phrase',
    file: 'content/search-terms.yaml',
    edit: (t) => t.replace('cant, cannot', 'can’t, cannot'),
    message: /"can’t" must be written "cant"/,
    via: 'content',
  },
  {
    kind: 'a published section heading reworded',
    file: `content/faq/${PUBLISHED_SECTION.page}.mdx`,
    edit: (t) => t.replace(PUBLISHED_SECTION.heading, `${PUBLISHED_SECTION.heading} today`),
    message: new RegExp(
      `the published section link /faq/${PUBLISHED_SECTION.page}/#${PUBLISHED_SECTION.anchor} no longer exists`,
    ),
    via: 'content',
  },
  // The content brief's rules (src/lib/content-rules.ts), now in the check too, not only in test:unit
  {
    kind: 'second-hand voice ("one article says")',
    file: FAQ,
    edit: append('One article says to rest completely.'),
    message: /say it in the guide's own voice/,
    lineWith: 'One article says',
    via: 'content',
  },
  {
    kind: 'a number that differs from the brief',
    file: TREATMENT,
    edit: append('Add distance little by little, about 25% a week.'),
    message: /use the brief's numbers: weekly increase "25%"/,
    lineWith: 'Add distance little',
    via: 'content',
  },
  {
    kind: 'the full clot warning pasted outside its home',
    file: `content/faq/${FAQ_WITHOUT_CLOT}`,
    edit: append('Swelling in one leg, or a calf that is warm, red or darker, may be a blood clot. Do not ice it.'),
    message: /give the one-line pointer instead of the full clot warning/,
    via: 'content',
  },
  {
    kind: 'swelling without the one-leg clot warning',
    file: `content/faq/${FAQ_WITHOUT_CLOT}`,
    edit: append('Some swelling after a long run is common.'),
    message: /add one line: "Swelling in one leg only\? That can be a clot/,
    via: 'content',
  },
  // Across files: the loader checks them together
  {
    kind: 'a sign renamed while pages still cite it',
    file: RED_FLAGS,
    edit: (t) => t.replace(`- id: ${ids(RED_FLAGS)[0]}\n`, '- id: renamed-sign\n'),
    reportedIn: 'content/',
    message: new RegExp(`"${ids(RED_FLAGS)[0]}" is not an id in content/red-flags\\.yaml`),
    via: 'content',
  },
  {
    kind: 'a published sign id renamed without a mapping',
    file: RED_FLAGS,
    edit: (t) => t.replace(`- id: ${ids(RED_FLAGS)[0]}\n`, '- id: renamed-sign\n'),
    reportedIn: RED_FLAGS,
    message: new RegExp(
      `the warning sign "${ids(RED_FLAGS)[0]}" has been published .*add "${ids(RED_FLAGS)[0]}": "<new id>" to SIGN_RENAMES`,
    ),
    via: 'content',
  },
  {
    kind: 'a published sign deleted',
    file: RED_FLAGS,
    edit: (t) => t.replace(/^- id: (\S+)\n(?: {2}.*\n)*/m, ''),
    reportedIn: RED_FLAGS,
    message: new RegExp(`the warning sign "${ids(RED_FLAGS)[0]}" has been published`),
    via: 'content',
  },
  {
    kind: 'a page deleted while others link to it',
    file: `content/treatments/${LINKED_TREATMENT}`,
    remove: true,
    reportedIn: CAUSE,
    message: new RegExp(
      `the link "/treatments/${LINKED_TREATMENT.replace(/\.mdx$/, '')}/" goes to a page that does not exist`,
    ),
    via: 'content',
  },
];

function lineOf(text: string, needle: string): number {
  const at = needle === '' ? 0 : text.lastIndexOf(needle);
  assert.ok(at >= 0, `"${needle}" is not in the edited text`);
  return text.slice(0, at).split('\n').length;
}

function run(m: Mistake): { problems: Problem[]; text: string } {
  const text = m.remove ? '' : (m.create ?? m.edit!(read(m.file)));
  if (m.edit) assert.notEqual(text, read(m.file), `${m.kind}: the edit changed nothing in ${m.file}`);
  const via: Via = m.via ?? (m.file.endsWith('.yaml') ? 'data' : 'entry');
  if (via === 'entry') return { problems: checkEntryText(context, m.file, text), text };
  if (via === 'data') {
    const spec = Object.values(DATA_FILES).find((d) => m.file === `content/${d.file}`)!;
    return {
      problems: checkDataFile(m.file, text, spec.schema(context.ref), spec.required, context.today).problems,
      text,
    };
  }
  if (via === 'folder') {
    const folder = path.dirname(m.file);
    const names = [...fs.readdirSync(path.join(root, folder)), path.basename(m.file)];
    return { problems: checkFolder(folder, names), text };
  }
  // A whole copy, for mistakes that show in other files.
  const target = path.join(copy, m.file);
  const original = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
  try {
    if (m.remove) fs.rmSync(target);
    else fs.writeFileSync(target, text);
    return { problems: checkContent(copy, root).problems, text };
  } finally {
    if (original === undefined) fs.rmSync(target);
    else fs.writeFileSync(target, original);
  }
}

for (const m of MISTAKES) {
  test(`mistake: ${m.kind}`, () => {
    const { problems, text } = run(m);
    const reportedIn = m.reportedIn ?? m.file;
    const hit = problems.find((p) => p.file.startsWith(reportedIn) && m.message.test(p.message));
    assert.ok(hit, `${m.kind}: no problem in ${reportedIn} matching ${m.message}; got:\n${formatProblems(problems)}`);
    // Nothing in the table builds silently: an error stops content sync (check, build, dev); a warning is printed.
    assert.equal(
      hit.warning ?? false,
      m.warning ?? false,
      `${m.kind}: ${m.warning ? 'should only warn' : 'must stop the build, not only warn'}`,
    );
    if (m.lineWith !== undefined)
      assert.equal(hit.line, lineOf(text, m.lineWith), `${m.kind}: wrong line\n${formatProblems([hit])}`);
    for (const p of problems) {
      assert.doesNotMatch(p.message, /\*\*|:0:0|\[object |undefined/, `${m.kind}: message not clean: ${p.message}`);
    }
  });
}

test('the matrix covers every kind of mistake the issue lists', () => {
  assert.ok(MISTAKES.length >= 110, `only ${MISTAKES.length} mistakes`);
  assert.equal(new Set(MISTAKES.map((m) => m.kind)).size, MISTAKES.length, 'each row is a different mistake');
});

test('a body line number counts the frontmatter', () => {
  const text = append('## Fresh heading\n\nText <b>open.')(read(FAQ));
  const [problem] = checkEntryText(context, FAQ, text);
  assert.equal(problem.line, lineOf(text, 'Text <b>open.'));
  assert.ok(problem.line! > firstBodyLine(text));
});

// The schema module on its own: field builders take plain values.
test('ids: lowercase words joined by hyphens', () => {
  for (const good of ['pain-at-rest', 'nhs-dvt', 'a1']) assert.equal(id().safeParse(good).success, true, good);
  for (const bad of ['Pain At Rest', 'pain_at_rest', 'pain--at', '-pain', 'pain-', '', 'café'])
    assert.equal(id().safeParse(bad).success, false, bad);
  assert.match(idProblem('Can I Run Today')!, /e\.g\. "can-i-run-today"/);
  assert.equal(idProblem('fine-id'), undefined);
});

test('dates: only real calendar dates written YYYY-MM-DD', () => {
  for (const good of ['2026-11-21', '2028-02-29']) assert.equal(isRealDate(good), true, good);
  for (const bad of ['2026-13-45', '2026-02-30', '2027-02-29', '21/11/2026', '2026-1-5', '2026-11-21T00:00'])
    assert.equal(isRealDate(bad), false, bad);
  const parsed = date('lastReviewed').safeParse('2026-11-21');
  assert.ok(parsed.success && parsed.data.toISOString().startsWith('2026-11-21'));
  const wrong = date('lastReviewed').safeParse('2026-13-45');
  assert.ok(!wrong.success);
  assert.match(wrong.error.issues[0].message, /lastReviewed must be a real date written as YYYY-MM-DD/);
});

test('the reference check is a parameter: the schema uses whatever it is given', () => {
  const only = (allowed: string[]) => () => z.string().refine((v) => allowed.includes(v), { error: 'unknown' });
  const sign = {
    id: 'x-sign',
    sign: 'S',
    tier: 'urgent',
    order: 1,
    why: 'W',
    sources: ['nhs'],
    lastReviewed: '2026-01-01',
    nextReview: '2026-06-01',
  };
  assert.equal(redFlagSchema(only(['nhs'])).safeParse(sign).success, true);
  const result = redFlagSchema(only([])).safeParse(sign);
  assert.ok(!result.success);
  assert.deepEqual(
    result.error.issues.map((i) => i.path.join('.')),
    ['sources.0'],
  );
});

test('a broken data file is reported once, not again on every page that cites it', () => {
  const target = path.join(copy, RED_FLAGS);
  const original = fs.readFileSync(target, 'utf8');
  fs.writeFileSync(target, '');
  try {
    const { problems } = checkContent(copy, root);
    assert.deepEqual(
      problems.map((p) => p.file),
      [RED_FLAGS],
      formatProblems(problems),
    );
  } finally {
    fs.writeFileSync(target, original);
  }
});

test('a redirect from a live page (which the build would silently replace) fails the check', () => {
  const live = `/faq/${mdx('faq')[0].replace(/\.mdx$/, '')}/`;
  const { problems } = checkContent(copy, root, new Date(), { ...pageRedirects, [live]: '/faq/' });
  const hit = problems.find((p) => p.file === 'src/redirects.mjs');
  assert.match(
    hit?.message ?? formatProblems(problems),
    new RegExp(`"${live}" is redirected to "/faq/", but it is a live page \\(${FAQ}\\)`),
  );
});
