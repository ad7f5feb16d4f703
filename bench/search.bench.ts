/**
 * Search and claim-list benchmarks at 1,000,000 claims: FTS query latency (p50, p95) and the
 * filtered first page of the claim list, each against the bare SQLite query in the same run.
 * The workspace is generated once by bulk SQL in one transaction (the triggers build the search
 * indexes as rows go in) and cached in the temp folder, keyed by the generator's version.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { call } from '../electron/core/dispatch';
import { exactCount, planClaimList } from '../electron/core/search/claim-list';
import { toFtsQuery } from '../electron/core/search/fts-query';
import { FixedIdentityStore } from '../electron/core/identity/identity';
import { SCHEMA_VERSION } from '../electron/core/store/migrations/index';
import { Workspace } from '../electron/core/store/workspace';
import type { CoreContext } from '../electron/core/context';
import { now, percentile, report, round } from './lib';
import { seededRandom } from '../shared/seeded-random';

const CLAIMS = Number(process.env.BENCH_SEARCH_CLAIMS ?? 1_000_000);
const CLAIMS_PER_DOCUMENT = 500;
const GENERATOR_VERSION = 3;
const file = path.join(os.tmpdir(), `claimbench-bench-search-v${GENERATOR_VERSION}-s${SCHEMA_VERSION}-${CLAIMS}.claimbench`);

const PEOPLE = [
  'Governor Maria Alvarez',
  'Senator James Okafor',
  'Mayor Lena Fischer',
  'the finance minister',
  'Dr. Priya Raman',
  'the central bank',
  'President Tomás Ribeiro',
  'the health ministry',
  'Chancellor Ingrid Holm',
  'the police chief',
  'spokesperson Ahmed Karimi',
  'the World Bank',
  'Professor Kenji Sato',
  'the opposition leader',
  'Minister Chloé Dubois',
  'the statistics office',
  'CEO Daniel Brooks',
  'the electoral commission',
  'Judge Amara Nwosu',
  'the army',
];
const PLACES = [
  'Ohio',
  'São Paulo',
  'Kraków',
  'Lagos',
  'Bavaria',
  'Quebec',
  'Mumbai',
  'Zürich',
  'Nairobi',
  'Texas',
  'Córdoba',
  'Manchester',
  'Osaka',
  'Bogotá',
  'Gdańsk',
  'Marseille',
  'Ontario',
  'Kyiv',
  'Istanbul',
  'Perth',
  'Seville',
  'Accra',
];
const METRICS = [
  'unemployment',
  'inflation',
  'crime',
  'housing starts',
  'hospital admissions',
  'wheat exports',
  'tax revenue',
  'school enrolment',
  'carbon emissions',
  'tourism',
  'public debt',
  'average wages',
  'rental prices',
  'voter turnout',
  'electricity prices',
  'vaccination rates',
  'road deaths',
  'factory output',
  'migration',
  'broadband coverage',
];
const MOVES = ['rose', 'fell', 'doubled', 'dropped', 'climbed', 'declined', 'jumped', 'slipped', 'stayed flat', 'surged'];
const TEMPLATES = [
  (p: string, pl: string, m: string, mv: string, n: number, y: number) =>
    `${p} said ${m} in ${pl} ${mv} by ${n} percent in ${y}.`,
  (p: string, pl: string, m: string, mv: string, n: number, y: number) =>
    `According to ${p}, ${pl} spent ${n} million on ${m} last year, up from ${y}.`,
  (p: string, pl: string, m: string, mv: string, n: number) =>
    `${p} claimed that ${n},000 people in ${pl} were affected as ${m} ${mv}.`,
  (p: string, pl: string, m: string, mv: string, n: number, y: number) =>
    `"${m} has ${mv} ${n} times since ${y}," ${p} told reporters in ${pl}.`,
  (p: string, pl: string, m: string, _mv: string, n: number) => `${pl} now ranks ${n}th in the country for ${m}, ${p} said.`,
  (p: string, pl: string, m: string, mv: string, n: number, y: number) =>
    `Figures released by ${p} show ${m} ${mv} to ${n}.${y % 10} percent in ${pl}.`,
];
const CYRILLIC = [
  (n: number) => `Зеленский заявил, что поставки выросли на ${n} процентов.`,
  (n: number) => `По словам Зеленского, в Киеве построено ${n} новых домов.`,
  (n: number) => `Министр финансов сообщил, что инфляция в Москве составила ${n} процента.`,
  (n: number) => `Губернатор области заявил о снижении безработицы на ${n} процентов.`,
];
const TAGS = ['economy', 'health', 'election', 'crime', 'climate', 'housing'];
const ASSIGNEES = ['Ann', 'Bob', 'Chiara', 'Dmitri', 'Esi'];
const VERDICT_POOL = ['unverified', 'unverified', 'unverified', 'sourced', 'disputed'] as const;

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function generateText(r: () => number): string {
  const n = 1 + Math.floor(r() * 97);
  if (r() < 0.05) return pick(r, CYRILLIC)(n);
  return pick(r, TEMPLATES)(pick(r, PEOPLE), pick(r, PLACES), pick(r, METRICS), pick(r, MOVES), n, 1990 + Math.floor(r() * 35));
}

function identityFor(name: string) {
  const store = new FixedIdentityStore(name);
  return { store, who: () => ({ actorId: store.get().actorId, author: name }) };
}

function build(): void {
  const tmp = `${file}.building-${process.pid}`;
  fs.rmSync(tmp, { force: true });
  const { who } = identityFor('Bench');
  const ws = Workspace.open(tmp, who, { create: true });
  const db = ws.db;
  // A throwaway file being built: no journal, no fsync, a big cache (the build is one transaction).
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  const r = seededRandom(42);
  const t0 = now();
  const insertDoc = db.prepare(
    `INSERT INTO documents (id, title, origin, text, content_hash, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, 'Bench', ?, 'Bench')`,
  );
  const insertClaim = db.prepare(
    `INSERT INTO claims (id, document_id, ordinal, text, claimant, score, verdict, assignee, tags, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Bench', ?, 'Bench')`,
  );
  const insertSource = db.prepare(
    `INSERT INTO sources (id, claim_id, url, title, excerpt, stance, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'Bench', ?, 'Bench')`,
  );
  const base = Date.parse('2025-01-01T00:00:00Z');
  db.transaction(() => {
    const documents = Math.ceil(CLAIMS / CLAIMS_PER_DOCUMENT);
    let c = 0;
    for (let d = 0; d < documents; d++) {
      const docId = `doc-${String(d).padStart(6, '0')}`;
      const at = new Date(base + d * 60_000).toISOString();
      const texts: string[] = [];
      let offset = 0;
      for (let k = 0; k < CLAIMS_PER_DOCUMENT && c < CLAIMS; k++, c++) {
        const text = generateText(r);
        texts.push(text);
        const id = `claim-${String(c).padStart(8, '0')}`;
        const claimAt = new Date(base + c * 1000).toISOString();
        insertClaim.run(
          id,
          docId,
          offset,
          text,
          r() < 0.6 ? pick(r, PEOPLE) : null,
          Math.round(r() * 1000) / 1000,
          pick(r, VERDICT_POOL),
          r() < 0.3 ? pick(r, ASSIGNEES) : null,
          r() < 0.2 ? JSON.stringify([pick(r, TAGS)]) : '[]',
          claimAt,
          claimAt,
        );
        offset += text.length + 1;
        if (r() < 0.1) {
          insertSource.run(
            `src-${c}`,
            id,
            `https://news.example.org/${c}`,
            `Report on ${pick(r, METRICS)} in ${pick(r, PLACES)}`,
            generateText(r),
            pick(r, ['supports', 'contradicts', 'context']),
            claimAt,
            claimAt,
          );
        }
      }
      insertDoc.run(
        docId,
        `Bulletin ${d}: ${pick(r, METRICS)} in ${pick(r, PLACES)}`,
        `bulletin-${d}.txt`,
        texts.join(' '),
        `h${d}`,
        at,
        at,
      );
    }
  })();
  db.exec('ANALYZE');
  ws.close();
  fs.renameSync(tmp, file);
  process.stdout.write(`built ${CLAIMS} claims in ${round((now() - t0) / 1000, 1)} s -> ${file}\n`);
}

if (!fs.existsSync(file)) build();
else process.stdout.write(`using cached ${file}\n`);

const { store, who } = identityFor('Bench');
const workspace = Workspace.open(file, who);
const ctx: CoreContext = { workspace, identity: store };
const db = workspace.db;

function sample(runs: number, fn: () => unknown): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    fn();
    out.push(now() - t);
  }
  return out;
}

async function sampleAsync(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    await fn();
    out.push(now() - t);
  }
  return out;
}

// Queries a checker would type: names, places, topics, Cyrillic, a mix of rare and very common words.
const QUERIES = [
  'alvarez',
  'São Paulo unemployment',
  'sao paulo',
  'зеленск',
  'Зеленского',
  'inflation Kraków',
  'wheat exports',
  'okafor housing',
  'bogota tourism',
  'public debt 2019',
  'vaccination rates Nairobi',
  'police chief crime',
  'broadband',
  'Gdańsk',
  'told reporters',
  'million',
  'percent',
  'said',
  'road deaths Texas',
  'ranks 12th',
];

async function main(): Promise<void> {
  // Warm the page cache once so every variant below sees the same, warm file.
  for (const q of QUERIES) await call(ctx, 'search', { query: q, limit: 50 });

  const bareSearch = db.prepare('SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? LIMIT 50');
  const ours: number[] = [];
  const bare: number[] = [];
  for (let round_ = 0; round_ < 3; round_++) {
    for (const q of QUERIES) {
      const fts = toFtsQuery(q)!;
      bare.push(...sample(1, () => bareSearch.all(fts)));
      ours.push(...(await sampleAsync(1, () => call(ctx, 'search', { query: q, limit: 50 }))));
    }
  }
  const p50 = percentile(ours, 50);
  const p95 = percentile(ours, 95);
  report({
    name: 'search p50 (claims+sources+notes+documents, 50 hits)',
    value: round(p50),
    unit: 'ms',
    baseline: round(percentile(bare, 50), 3),
  });
  report({
    name: 'search p95 (claims+sources+notes+documents, 50 hits)',
    value: round(p95),
    unit: 'ms',
    baseline: round(percentile(bare, 95), 3),
    target: '<= 50 ms',
    pass: p95 <= 50,
    note: `${QUERIES.length} queries x 3 at ${CLAIMS} claims; baseline: bare FTS MATCH of the same terms, unranked`,
  });

  // Stemming's cost: each query as typed against the same words each in quotes (a quoted single
  // word is searched as written, without its stems), interleaved in this run.
  const asWritten = (q: string) =>
    q
      .split(/\s+/)
      .map((w) => `"${w}"`)
      .join(' ');
  const stemmed: number[] = [];
  const unstemmed: number[] = [];
  for (let round_ = 0; round_ < 3; round_++) {
    for (const q of QUERIES) {
      stemmed.push(...(await sampleAsync(1, () => call(ctx, 'search', { query: q, limit: 50 }))));
      unstemmed.push(...(await sampleAsync(1, () => call(ctx, 'search', { query: asWritten(q), limit: 50 }))));
    }
  }
  report({
    name: 'search p95 with stemming (English, Russian, Ukrainian)',
    value: round(percentile(stemmed, 95)),
    unit: 'ms',
    baseline: round(percentile(unstemmed, 95), 3),
    target: '<= 1.25x the same words unstemmed',
    pass: percentile(stemmed, 95) <= 1.25 * percentile(unstemmed, 95),
    note: 'baseline: the same queries with every word quoted (searched as written), same run',
  });

  const filters: { name: string; input: Record<string, unknown> }[] = [
    { name: 'all, document order', input: {} },
    { name: 'verdict=disputed', input: { verdict: 'disputed' } },
    { name: 'assignee=Chiara, by score', input: { assignee: 'Chiara', sort: 'score' } },
    { name: 'tag=climate, by date', input: { tag: 'climate', sort: 'date' } },
    { name: 'no source yet, verdict=sourced', input: { noSource: true, verdict: 'sourced' } },
    { name: 'claimant, document', input: { claimant: 'the army', documentId: 'doc-000500' } },
    { name: 'query "inflation" + verdict', input: { query: 'inflation', verdict: 'unverified' } },
  ];
  const setVerdict = db.prepare('UPDATE claims SET verdict = ? WHERE id = ?');
  for (const f of filters) {
    const { sql } = planClaimList(db, f.input);
    const { page, params } = sql;
    const bareStmt = db.prepare(page);
    bareStmt.all(...params, 100, 0);
    const bareTimes = sample(15, () => bareStmt.all(...params, 100, 0));
    const pageTimes = await sampleAsync(15, () => call(ctx, 'claims.list', { ...f.input, limit: 100 }).then(() => undefined));
    const countTimes = sample(3, () => exactCount(db, f.input));
    // Triage: a verdict change, then the list reloads. The write is rolled back so the cached
    // file stays as generated; the counters, the cache and the plan still see a write.
    const afterWrite: number[] = [];
    for (let i = 0; i < 5; i++) {
      db.exec('BEGIN');
      try {
        setVerdict.run(i % 2 ? 'disputed' : 'sourced', `claim-${String(i * 7919).padStart(8, '0')}`);
        const t = now();
        await call(ctx, 'claims.list', { ...f.input, limit: 100 });
        afterWrite.push(now() - t);
      } finally {
        db.exec('ROLLBACK');
      }
    }
    // claims.list also counts the matches ("N of M"); report the page alone and the count alone.
    const firstPage = percentile(bareTimes, 50);
    report({
      name: `claims.list first page (100) + exact count: ${f.name}`,
      value: round(percentile(pageTimes, 50)),
      unit: 'ms',
      baseline: round(firstPage, 3),
      note: `uncached exact count alone ${round(percentile(countTimes, 50))} ms`,
    });
    report({
      name: `claims.list right after a verdict change: ${f.name}`,
      value: round(percentile(afterWrite, 50)),
      unit: 'ms',
      baseline: round(firstPage, 3),
    });
    report({
      name: `first page query (100): ${f.name}`,
      value: round(firstPage, 3),
      unit: 'ms',
      target: '<= 20 ms',
      pass: firstPage <= 20,
    });
  }
  workspace.close();
}

await main();
