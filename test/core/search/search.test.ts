import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, invoke } from '../../../electron/core/dispatch';
import { claimListSql, listClaims } from '../../../electron/core/search/claim-list';
import { rebuildSearchIndexes } from '../../../electron/core/search/rebuild';
import { writeCopy } from '../../../electron/core/store/backup';
import { applyPragmas, migrate } from '../../../electron/core/store/open';
import type { SearchHit } from '../../../shared/evidence';
import { CORPUS_DIR, withoutShared } from '../../helpers/corpus';
import { queryPlan } from '../../helpers/query-plan';
import { createTestContext } from '../../helpers/workspace';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);

let ctx: ReturnType<typeof createTestContext>;
beforeEach(() => {
  ctx = createTestContext('Ann');
});
afterEach(() => ctx.workspace.close());

const add = async (text: string, claimant?: string) => (await call(ctx, 'claims.add', { text, claimant })).id;
const highlighted = (h: SearchHit) => h.snippet.ranges.map(([s, e]) => h.snippet.text.slice(s, e));
const searchClaims = async (query: string) => (await call(ctx, 'search', { query, kinds: ['claim'] })).hits.map((h) => h.claimId);

describe('full-text search', () => {
  it('ignores accents and case, and marks the matched words as ranges', async () => {
    const sao = await add('Flooding in São Paulo displaced 12,000 people.');
    await add('Rainfall in Lisbon was below average.');
    const { hits } = await call(ctx, 'search', { query: 'sao PAULO' });
    expect(hits.map((h) => h.claimId)).toEqual([sao]);
    expect(highlighted(hits[0]!)).toEqual(['São', 'Paulo']);
    expect(await searchClaims('FLOODING')).toEqual([sao]);
  });

  it('finds Cyrillic words by prefix, whatever their case or ending', async () => {
    const nominative = await add('Зеленский заявил о новых поставках.');
    const genitive = await add('Слова Зеленского подтвердили в министерстве.');
    const other = await add('Погода в Киеве остаётся тёплой.');
    expect((await searchClaims('зеленск')).sort()).toEqual([nominative, genitive].sort());
    // Stemmed: another case of the same name finds both.
    expect((await searchClaims('ЗЕЛЕНСКИЙ')).sort()).toEqual([nominative, genitive].sort());
    expect((await searchClaims('зеленского')).sort()).toEqual([nominative, genitive].sort());
    expect(await searchClaims('остается')).toEqual([other]);
  });

  it.skipIf(noShared)('searches documents, sources and notes too, each hit tied to its claim', async () => {
    const text = fs.readFileSync(path.join(CORPUS_DIR, 'news_ru/ru_wikinews_nerel/140635_text.txt'), 'utf8');
    const { document } = await call(ctx, 'documents.createFromText', { text, origin: '140635_text.txt' });
    const claim = await add('The ministry said exports grew 4 percent.');
    const source = await call(ctx, 'sources.add', {
      claimId: claim,
      url: 'https://stats.example.org/exports',
      title: 'Quarterly trade bulletin',
      excerpt: 'Exports of machinery rose by 4.1 percent year on year.',
      stance: 'supports',
    });
    const note = await call(ctx, 'notes.add', { claimId: claim, text: 'Ask the bulletin desk about the machinery figure.' });

    const docHits = (await call(ctx, 'search', { query: 'мессенджерах', kinds: ['document'] })).hits;
    expect(docHits.map((h) => [h.kind, h.documentId])).toEqual([['document', document.id]]);

    const { hits } = await call(ctx, 'search', { query: 'machinery' });
    expect(hits.map((h) => [h.kind, h.entityId, h.claimId]).sort()).toEqual(
      [
        ['note', note.id, claim],
        ['source', source.id, claim],
      ].sort(),
    );
    const sourceHit = hits.find((h) => h.kind === 'source')!;
    expect(sourceHit.field).toBe('excerpt');
    expect(sourceHit.claimText).toBe('The ministry said exports grew 4 percent.');
    expect(highlighted(sourceHit)).toEqual(['machinery']);
  });

  it('stems English words: "drones" finds "drone", "drone" finds "drones"', async () => {
    const singular = await add('A drone crossed the border at night.');
    const plural = await add('Two drones were shot down near the airport.');
    const prefixOnly = await add('The dronet family denied everything.');
    await add('The pilot landed safely.');
    const found = await searchClaims('drones');
    // Whole words and their stems first; a word the stem only begins ranks after them.
    expect(found.slice(0, 2).sort()).toEqual([singular, plural].sort());
    expect(found[2]).toBe(prefixOnly);
    expect(found).toHaveLength(3);
    expect((await searchClaims('drone')).sort()).toContain(plural);
    const { hits } = await call(ctx, 'search', { query: 'drones', kinds: ['claim'] });
    expect(
      hits
        .flatMap(highlighted)
        .map((w) => w.toLowerCase())
        .sort(),
    ).toEqual(['drone', 'drones', 'dronet']);
  });

  it('stems Russian and Ukrainian words: "беспилотника" finds "беспилотник"', async () => {
    const nominative = await add('Беспилотник упал возле села.');
    const genitive = await add('Обломки беспилотника нашли в поле.');
    const ukrainian = await add('Уламки безпілотника знайшли біля школи.');
    const ukrainianPlural = await add('Безпілотники атакували місто вночі.');
    expect((await searchClaims('беспилотника')).sort()).toEqual([nominative, genitive].sort());
    expect((await searchClaims('беспилотник')).sort()).toEqual([nominative, genitive].sort());
    expect((await searchClaims('безпілотників')).sort()).toEqual([ukrainian, ukrainianPlural].sort());
  });

  it('matches a "quoted phrase" exactly: no stems, no prefixes, words in order', async () => {
    const exact = await add('Officials confirmed the drone strike on Monday.');
    const inflected = await add('Officials denied any drones striking the depot.');
    const reordered = await add('The strike by a drone was not confirmed.');
    expect(await searchClaims('"drone strike"')).toEqual([exact]);
    expect(await searchClaims('“drone strike”')).toEqual([exact]);
    expect((await searchClaims('drone strike')).sort()).toEqual([exact, reordered].sort());
    expect(await searchClaims('"drones"')).toEqual([inflected]);
    expect(await searchClaims('"drone strike" officials')).toEqual([exact]);
  });

  it('highlights a quoted phrase where it stands whole, never its short words elsewhere', async () => {
    await add('After a year and a half, access was restored in 2 and a half cities.');
    const [hit] = (await call(ctx, 'search', { query: '"and a half"', kinds: ['claim'] })).hits;
    expect(highlighted(hit!)).toEqual(['and', 'a', 'half', 'and', 'a', 'half']);
    const [both] = (await call(ctx, 'search', { query: '"and a half" restor', kinds: ['claim'] })).hits;
    expect(highlighted(both!)).toEqual(['and', 'a', 'half', 'restored', 'and', 'a', 'half']);
  });

  it('treats FTS syntax in a query as plain words and never fails on it', async () => {
    const id = await add('Officials said "NOT" was the answer (in part).');
    for (const q of ['"', 'NOT', 'text:officials', '(', '*', 'AND OR', 'officials)', '^answer', 'NEAR(a b)']) {
      const r = await invoke(ctx, 'search', { query: q });
      expect(r.ok, q).toBe(true);
    }
    expect(await searchClaims('not answer')).toEqual([id]);
    expect((await call(ctx, 'search', { query: '   ' })).hits).toEqual([]);
  });

  it('returns stored HTML as data: the snippet is text with ranges, never markup', async () => {
    const id = await add('<img src=x onerror=alert(1)> <script>alert("x")</script> officials said');
    const hit = (await call(ctx, 'search', { query: 'officials' })).hits[0]!;
    expect(hit.claimId).toBe(id);
    expect(hit.snippet.text).toContain('<script>alert("x")</script>');
    expect(highlighted(hit)).toEqual(['officials']);
  });

  it('drops deleted claims from search and brings them back on undo', async () => {
    const id = await add('The bridge cost 40 million euros.');
    await call(ctx, 'claims.delete', { ids: [id] });
    expect(await searchClaims('bridge')).toEqual([]);
    await call(ctx, 'edit.undo', {});
    expect(await searchClaims('bridge')).toEqual([id]);
    await call(ctx, 'claims.update', { id, patch: { text: 'The tunnel cost 40 million euros.' } });
    expect(await searchClaims('bridge')).toEqual([]);
    expect(await searchClaims('tunnel')).toEqual([id]);
  });

  it('keeps working in a copy made with VACUUM INTO, and after a rebuild', async () => {
    const keep = await add('Unemployment fell to 5.1 percent in March.');
    const gone = await add('Unemployment rose in the north.');
    await call(ctx, 'claims.delete', { ids: [gone] });
    const copy = path.join(ctx.dir, 'copy.claimbench');
    writeCopy(ctx.workspace.db, copy);
    const other = createTestContext('Bob', copy);
    try {
      expect((await call(other, 'search', { query: 'unemployment' })).hits.map((h) => h.claimId)).toEqual([keep]);
    } finally {
      other.workspace.close();
    }
    rebuildSearchIndexes(ctx.workspace.db);
    expect(await searchClaims('unemployment')).toEqual([keep]);
    await call(ctx, 'edit.undo', {});
    expect((await searchClaims('unemployment')).sort()).toEqual([keep, gone].sort());
  });

  it('indexes the claims of a version-1 workspace when it is migrated', async () => {
    const file = path.join(ctx.dir, 'old.claimbench');
    const db = new Database(file);
    applyPragmas(db);
    migrate(db, 0, 1);
    db.prepare(
      "INSERT INTO claims (id, text, created_at, created_by, updated_at, updated_by) VALUES ('c1', 'Inflation hit 9 percent', 'x', 'x', 'x', 'x')",
    ).run();
    db.close();
    const old = createTestContext('Ann', file);
    try {
      expect((await call(old, 'search', { query: 'inflation' })).hits.map((h) => h.claimId)).toEqual(['c1']);
    } finally {
      old.workspace.close();
    }
  });

  it('ranks whole-word matches first, then words the query only begins', async () => {
    const prefixOnly = await add('The reporters were told nothing.');
    const whole = await add('The report was published in May.');
    const inRationale = (await call(ctx, 'claims.add', { text: 'Exports fell in June.' })).id;
    await call(ctx, 'claims.update', { id: inRationale, patch: { rationale: 'Checked against the report.' } });
    expect(await searchClaims('report')).toEqual([whole, inRationale, prefixOnly]);
    expect(await searchClaims('repo')).toHaveLength(3);
  });

  it('applies the claim filters to search hits', async () => {
    const a = await add('Exports grew in May.');
    const b = await add('Exports fell in June.');
    await call(ctx, 'claims.setVerdict', { ids: [b], verdict: 'disputed' });
    expect((await call(ctx, 'search', { query: 'exports', verdict: 'disputed' })).hits.map((h) => h.claimId)).toEqual([b]);
    expect((await call(ctx, 'search', { query: 'exports', verdict: 'unreviewed' })).hits.map((h) => h.claimId)).toEqual([a]);
    expect((await call(ctx, 'search', { query: 'exports', verdict: 'unverified' })).hits).toEqual([]);
    const page1 = await call(ctx, 'search', { query: 'exports', limit: 1 });
    const page2 = await call(ctx, 'search', { query: 'exports', limit: 1, offset: 1 });
    expect(page1.hasMore).toBe(true);
    expect(page2.hasMore).toBe(false);
    expect([page1.hits[0]!.claimId, page2.hits[0]!.claimId].sort()).toEqual([a, b].sort());
  });
});

describe('claims.list filters and sorts', () => {
  async function seed() {
    const { document } = await call(ctx, 'documents.createFromText', {
      text: 'The mayor said 4,000 homes were built in 2023. Critics claimed that only 1,200 were finished.',
    });
    const docClaims = (await call(ctx, 'claims.list', { documentId: document.id })).items;
    const manual = await add('A manual claim about homes', 'Jane Roe');
    return { document, docClaims, manual };
  }

  it('filters by verdict, document, claimant, assignee, tag and missing source', async () => {
    const { document, docClaims, manual } = await seed();
    expect(docClaims.length).toBeGreaterThan(0);
    const first = docClaims[0]!.id;
    await call(ctx, 'claims.setVerdict', { ids: [first], verdict: 'sourced' });
    await call(ctx, 'claims.assign', { ids: [first, manual], assignee: 'Bob' });
    await call(ctx, 'claims.tag', { ids: [manual], add: ['housing', 'mayor'] });
    await call(ctx, 'sources.add', { claimId: first, url: 'https://example.org/report' });

    const ids = async (input: object) => (await call(ctx, 'claims.list', input)).items.map((c) => c.id).sort();
    const total = async (input: object) => (await call(ctx, 'claims.list', input)).total;
    const all = [...docClaims.map((c) => c.id), manual];
    expect(await ids({ verdict: 'sourced' })).toEqual([first]);
    expect(await ids({ documentId: document.id })).toEqual(docClaims.map((c) => c.id).sort());
    expect(await ids({ claimant: 'jane roe' })).toEqual([manual]);
    expect(await ids({ assignee: 'Bob' })).toEqual([first, manual].sort());
    expect(await ids({ assignee: null })).toEqual(all.filter((id) => id !== first && id !== manual).sort());
    expect(await ids({ tag: 'housing' })).toEqual([manual]);
    expect(await ids({ noSource: true })).toEqual(all.filter((id) => id !== first).sort());
    expect(await ids({ query: 'HOMES' })).toEqual(
      all.filter((id) => /homes/i.test(docText(docClaims, id) ?? 'A manual claim about homes')).sort(),
    );
    expect(await total({ assignee: 'Bob', noSource: true })).toBe(1);

    await call(ctx, 'claims.tag', { ids: [manual], remove: ['housing'] });
    expect(await ids({ tag: 'housing' })).toEqual([]);
    expect(await ids({ tag: 'mayor' })).toEqual([manual]);
  });

  it('lists the documents of "All claims" in document order as they were imported, as the sidebar does', async () => {
    const imported: string[] = [];
    for (let i = 0; i < 12; i++) {
      const { document } = await call(ctx, 'documents.createFromText', {
        text: `Report ${i}: the council said ${1_000 + i} homes were built in 2023.`,
        title: `Report ${i}`,
      });
      imported.push(document.id);
    }
    const sidebar = (await call(ctx, 'documents.list', {})).map((d) => d.id);
    expect(sidebar).toEqual(imported);
    const listed = (await call(ctx, 'claims.list', { sort: 'document' })).items.map((c) => c.documentId);
    expect(listed.filter((id, i) => id !== listed[i - 1])).toEqual(imported);
  });

  it('sorts by document order, check-worthiness and date', async () => {
    const { docClaims, manual } = await seed();
    const order = async (sort: 'document' | 'score' | 'date') =>
      (await call(ctx, 'claims.list', { sort })).items.map((c) => c.id);
    const byDoc = await order('document');
    expect(byDoc[byDoc.length - 1]).toBe(manual); // claims typed in by hand come after every document's
    expect(byDoc.slice(0, docClaims.length)).toEqual(docClaims.map((c) => c.id));

    const listed = (await call(ctx, 'claims.list', { sort: 'score' })).items;
    const scores = listed.map((c) => c.score).filter((s): s is number => s !== null);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(listed[listed.length - 1]!.score).toBeNull();

    const byDate = await order('date');
    expect(byDate[0]).toBe(manual);
  });

  it('gives the same page and total whichever plan it picks', async () => {
    const { document, docClaims, manual } = await seed();
    const ids = docClaims.map((c) => c.id);
    await call(ctx, 'claims.setVerdict', { ids: ids.slice(0, 2), verdict: 'disputed' });
    await call(ctx, 'claims.assign', { ids: [ids[0]!, manual], assignee: 'Bob' });
    await call(ctx, 'claims.tag', { ids: [ids[1]!, manual], add: ['housing'] });
    await call(ctx, 'sources.add', { claimId: ids[0]!, url: 'https://example.org/r' });
    const filters = [
      {},
      { verdict: 'disputed' as const },
      { documentId: document.id },
      { assignee: 'Bob' },
      { assignee: null },
      { tag: 'housing' },
      { noSource: true },
      { claimant: 'jane roe' },
      { query: 'homes' },
      { verdict: 'unreviewed' as const, noSource: true, query: 'homes' },
    ];
    for (const f of filters) {
      for (const sort of ['document', 'score', 'date'] as const) {
        for (const page of [
          { offset: 0, limit: 2 },
          { offset: 1, limit: 50 },
        ]) {
          const input = { ...f, sort, ...page };
          const viaIndexes = listClaims(ctx.workspace.db, input);
          const viaOrder = listClaims(ctx.workspace.db, input, 0);
          expect(viaOrder, JSON.stringify(input)).toEqual(viaIndexes);
        }
      }
    }
  });

  it('reads a first page in index order instead of sorting every claim', () => {
    const db = ctx.workspace.db;
    db.exec('ANALYZE');
    const cases = [
      {},
      { sort: 'score' as const },
      { sort: 'date' as const },
      { verdict: 'unreviewed' as const },
      { assignee: 'Bob' },
      { claimant: 'Jane' },
    ];
    for (const input of cases) {
      const { page, params } = claimListSql(input);
      const plan = queryPlan(db, page, [...params, 50, 0]).join('\n');
      expect(plan, JSON.stringify(input)).not.toMatch(/TEMP B-TREE/);
      expect(plan, JSON.stringify(input)).toMatch(/USING (COVERING )?INDEX claims_/);
    }
    // When the filters match many claims, the list walks the sort's index and tests each row.
    for (const input of [
      { verdict: 'unreviewed' as const, sort: 'score' as const },
      { assignee: 'Bob', sort: 'date' as const },
      { tag: 'housing', sort: 'score' as const },
      { claimant: 'Jane', verdict: 'sourced' as const },
    ]) {
      const { page, params } = claimListSql(input, true);
      const plan = queryPlan(db, page, [...params, 50, 0]).join('\n');
      expect(plan, JSON.stringify(input)).not.toMatch(/TEMP B-TREE/);
    }
    const tagged = claimListSql({ tag: 'housing' });
    expect(queryPlan(db, tagged.page, [...tagged.params, 50, 0]).join('\n')).toMatch(/claim_tags/);
  });
});

function docText(claims: { id: string; text: string }[], id: string): string | undefined {
  return claims.find((c) => c.id === id)?.text;
}

describe('the saved view', () => {
  it('survives closing and reopening the workspace, and ignores a corrupted value', async () => {
    expect((await call(ctx, 'view.get', {})).view).toBeNull();
    const view = {
      query: 'exports',
      verdict: 'disputed' as const,
      tag: 'economy',
      sort: 'score' as const,
      selectedIds: ['a', 'b'],
    };
    await call(ctx, 'view.set', view);
    expect((await call(ctx, 'edit.state', {})).canUndo).toBe(false);
    ctx.workspace.close();
    ctx = createTestContext('Ann', ctx.file);
    expect((await call(ctx, 'view.get', {})).view).toEqual(view);
    expect((await invoke(ctx, 'view.set', { sort: 'sideways' })).ok).toBe(false);
    ctx.workspace.db.prepare("UPDATE view_state SET value = '{not json'").run();
    expect((await call(ctx, 'view.get', {})).view).toBeNull();
  });
});
