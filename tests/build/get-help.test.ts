// The get-help note on every cause, treatment and question, read from dist/ against the entry's own
// frontmatter: exactly its `redFlags`, each in its tier's care card and linking to the check with that sign
// ticked, and the emergency line unless the topic already lists that sign (src/components/GetHelpNote.astro).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomUtils } from 'htmlparser2';
import { readPages, type Element } from '../../scripts/lib/built-site.ts';
import { readContentPages, readRedFlags } from '../../scripts/lib/content-data.ts';
import { checklistPath } from '../../src/lib/urls.ts';

const EMERGENCY_SIGN = 'breathless-or-chest-pain';
const byUrl = new Map(readPages().map((p) => [p.url, p]));
const flags = new Map(readRedFlags().map((f) => [f.id, f]));
const entries = readContentPages();
const text = (el: Element) => DomUtils.textContent(el).replace(/\s+/g, ' ').trim();
const hasClass = (el: Element, cls: string) => (el.attribs.class ?? '').split(/\s+/).includes(cls);
const within = (el: Element, keep: (e: Element) => boolean) => DomUtils.findAll(keep, el.children);

test('every entry in content/ has a built page with one get-help note', () => {
  assert.ok(entries.length >= 50, `only ${entries.length} entries read from content/`);
  const missing = entries
    .map((e) => `/${e.collection}/${e.id}/`)
    .filter((url) => byUrl.get(url)?.elements.filter((el) => hasClass(el, 'help-note')).length !== 1);
  assert.deepEqual(missing, []);
});

for (const entry of entries) {
  const url = `/${entry.collection}/${entry.id}/`;
  test(`${url}: its get-help note lists exactly its redFlags, each linking to its check, and the emergency line`, () => {
    const note = byUrl.get(url)!.elements.find((el) => hasClass(el, 'help-note'))!;
    const wanted = entry.data.redFlags as string[];
    assert.ok(Array.isArray(wanted) && wanted.length > 0, `${entry.file}: redFlags in the frontmatter`);
    const links = within(note, (el) => el.name === 'a' && (el.attribs.href ?? '').startsWith('/red-flags/#'));
    assert.deepEqual(
      links.map((a) => a.attribs.href).sort(),
      wanted.map((id) => checklistPath([id])).sort(),
      'one link per listed sign, and no other sign',
    );
    for (const a of links) {
      const flag = flags.get(a.attribs.href!.slice('/red-flags/#check='.length))!;
      assert.equal(text(a), flag.sign.replace(/\s+/g, ' ').trim(), `${flag.id}: the link reads as the sign`);
      const card = DomUtils.findOne(
        (el) => hasClass(el, 'care-card') && within(el, (x) => x === a).length > 0,
        note.children,
      );
      assert.equal(card?.attribs['data-tier'], flag.tier, `${flag.id} sits in its tier's card`);
    }
    const emergency = within(note, (el) => hasClass(el, 'emergency-line'));
    if (wanted.includes(EMERGENCY_SIGN))
      assert.equal(emergency.length, 0, 'the sign is listed: no second emergency line');
    else {
      assert.equal(emergency.length, 1, 'the emergency line');
      assert.match(text(emergency[0]!), /chest pain or breathlessness: call 999, 112 or 911 now/);
      assert.deepEqual(
        within(emergency[0]!, (el) => el.name === 'a').map((a) => a.attribs.href),
        ['tel:999', 'tel:112', 'tel:911'],
      );
    }
    assert.ok(
      within(note, (el) => el.name === 'a' && el.attribs.href === '/red-flags/').length === 1,
      'a link to the full check',
    );
  });
}
