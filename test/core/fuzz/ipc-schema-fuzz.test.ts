import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, OPERATION_NAMES, type OperationName } from '../../../shared/api';
import { call, invoke } from '../../../electron/core/dispatch';
import type { HostServices } from '../../../electron/core/host';
import { waitForBatch } from '../../../electron/core/ingest/batch';
import { parseInline } from '../../../electron/core/ingest/worker-pool';
import { BUILT_ARTICLES, BUILT_RUSSIAN } from '../../helpers/built-articles';
import { buildDocx, encodeText, newsPageHtml, printablePage, printPdfs } from '../../helpers/built-docs';
import { createTestContext, tempDir } from '../../helpers/workspace';
import { HOSTILE_TEXTS, KNOWN_CODES, hostileValue, storeDigest } from './fuzz-helpers';
import { schemaInputs, type Hints, type JsonSchema } from './schema-arbitrary';
import { mergePreviewed } from '../../helpers/merge';

/**
 * Every operation called with inputs derived from its own schema: mostly valid, real ids of existing
 * items mixed in, hostile values in single fields. Calls get past validation into the handlers, and
 * still each must answer with a typed envelope, never INTERNAL, and a refused call changes no stored
 * byte. Operations that touch files run in a sandbox folder (the working directory, the host
 * stand-in's answers and every path field), and nothing may appear outside temporary folders.
 */
const RUNS = Number(process.env.FUZZ_IPC_RUNS ?? 25);
/** One file of each importable kind, built in beforeAll (base64), for fields that take file bytes. */
const fileSamples: string[] = [];
const PATH_KEYS = new Set(['path', 'target', 'folder', 'otherWorkspaces']);
const ID_KEYS = new Set(['id', 'ids', 'claimId', 'documentId', 'documentIds', 'selectedIds', 'focusedId', 'attachmentId']);

let ctx: ReturnType<typeof createTestContext>;
let sandbox = '';
/** Real ids of existing items, by the table they live in. */
const ids: Record<string, string[]> = {};
const jobIds: string[] = [];
const sandboxPaths: string[] = [];
const hostCalls: string[] = [];

const host: HostServices = {
  chooseOpen: (purpose) => {
    hostCalls.push(`open:${purpose}`);
    return Promise.resolve(hostCalls.length % 3 === 0 ? null : sandboxPaths.slice(0, 1 + (hostCalls.length % 4)));
  },
  chooseSave: (purpose, name) => {
    hostCalls.push(`save:${purpose}`);
    return Promise.resolve(path.join(sandbox, 'saved', path.basename(name)));
  },
  openPath: (file) => {
    hostCalls.push(`view:${file}`);
    return Promise.resolve();
  },
  printToPdf: () => Promise.resolve(new TextEncoder().encode('%PDF-1.4\n%%EOF\n')),
};

/**
 * Where writes could escape to if a path were not confined: the root and home folders entirely, the
 * checkout (which other people change meanwhile) for the names this fuzzer writes.
 */
const WATCHED = [os.homedir(), '/', process.cwd(), path.dirname(process.cwd())];
const FUZZ_NAME = /^(report\.|relative-report|again\.html|out\.claimbench|confined|saved|a.b\.html)/;
const listing = () =>
  WATCHED.map((d, i) => (i < 2 ? fs.readdirSync(d) : fs.readdirSync(d).filter((n) => FUZZ_NAME.test(n))).sort().join('|')).join(
    '\n',
  );
let watchedBefore = '';

function inside(dir: string, p: string): boolean {
  const rel = path.relative(dir, path.resolve(dir, p));
  return !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Every path the fuzzer sends stays in the sandbox: the core is not the place that polices dialogs. */
function confine(p: unknown): unknown {
  if (typeof p !== 'string' || p.includes('\u0000')) return p;
  return inside(sandbox, p) ? p : path.join(sandbox, 'confined', p.replace(/[/\\]/g, '_').slice(0, 100) || 'empty');
}

function confinePaths(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const out: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const k of Object.keys(out)) {
    if (!PATH_KEYS.has(k)) continue;
    out[k] = Array.isArray(out[k]) ? (out[k] as unknown[]).map(confine) : confine(out[k]);
  }
  return out;
}

function hints(op: OperationName): Omit<Hints, 'hostility'> {
  const of = (...tables: string[]) => fc.constantFrom(...tables.flatMap((t) => ids[t] ?? []));
  const any = of('claims', 'documents', 'sources', 'notes', 'attachments');
  const ownTable = { sources: 'sources', notes: 'notes', attachments: 'attachments', documents: 'documents' }[op.split('.')[0]!];
  const idsFor: Record<string, fc.Arbitrary<string>> = {
    id: of(ownTable ?? 'claims'),
    ids: of('claims'),
    claimId: of('claims'),
    documentId: of('documents'),
    documentIds: of('documents'),
    attachmentId: of('attachments'),
    selectedIds: of('claims'),
    focusedId: of('claims'),
  };
  const paths = fc.constantFrom(...sandboxPaths);
  const files = fc.constantFrom(...fileSamples);
  return {
    hostile: hostileValue,
    texts: HOSTILE_TEXTS,
    forKey(key, schema: JsonSchema) {
      if (key === 'path' && op === 'report.export')
        return fc
          .constantFrom('html', 'pdf', 'md', 'csv', 'json', 'jsonld', 'exe')
          .map((ext) => path.join(sandbox, `report.${ext}`));
      if (PATH_KEYS.has(key) && schema.type === 'string') return fc.oneof(paths, fc.string({ minLength: 1, maxLength: 30 }));
      if ((key === 'baseUrl' || key === 'url') && schema.type === 'string')
        return fc.constantFrom(
          '',
          'https://example.org/checks',
          'http://x',
          'javascript:alert(1)',
          'file:///etc/passwd',
          'data:,x',
        );
      if ((key === 'start' || key === 'end' || key === 'offset') && schema.type === 'integer')
        return fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 120 }) }, fc.integer({ min: -5, max: 2 ** 31 }));
      if (ID_KEYS.has(key) && schema.type === 'string')
        return fc.oneof({ weight: 3, arbitrary: idsFor[key] ?? any }, any, fc.string({ maxLength: 64 }));
      if (key === 'jobId' && schema.type === 'string')
        return fc.oneof(fc.constantFrom(...jobIds), fc.stringMatching(/^[\w-]{1,64}$/));
      if ((key === 'dataBase64' || key === 'base64') && schema.type === 'string')
        return fc.oneof(
          { weight: 3, arbitrary: files },
          fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('base64')),
        );
      if (key === 'name' && schema.maxLength === 500)
        return fc.constantFrom('a.txt', 'b.html', 'c.docx', 'd.pdf', 'e.md', 'f.rtf', '../../x.txt', 'noext');
      return null;
    },
  };
}

async function refreshIds(): Promise<void> {
  const db = ctx.workspace.db;
  const live = db.prepare('SELECT count(*) FROM claims WHERE deleted = 0').pluck().get() as number;
  if (live < 10) {
    await call(ctx, 'documents.createFromText', {
      text: `Refill ${Date.now()}: the ministry said 157 drones were launched. Prices rose 1.5% in May. Officials said 40,000 people were evacuated.`,
    });
  }
  for (const t of ['claims', 'documents', 'sources', 'notes', 'attachments']) {
    ids[t] = db.prepare(`SELECT id FROM ${t} ORDER BY deleted, rowid DESC LIMIT 20`).pluck().all() as string[];
  }
}

beforeAll(async () => {
  sandbox = tempDir('claimbench-fuzz-sandbox-');
  ctx = Object.assign(createTestContext('Schema Fuzzer', path.join(sandbox, 'ws', 'fuzz.claimbench')), { host });
  process.chdir(sandbox);
  parseInline(true);
  watchedBefore = listing();
  await call(ctx, 'documents.createFromText', {
    text: 'The ministry said 157 drones were launched. Prices rose 1.5% in May. The mayor said unemployment fell to 4%.',
  });
  const claimId = (await call(ctx, 'claims.list', {})).items[0]!.id;
  // A teammate who started from this workspace and decided the first claim differently: a conflict.
  ctx.workspace.db.pragma('wal_checkpoint(TRUNCATE)');
  fs.mkdirSync(path.join(sandbox, 'mate'));
  fs.copyFileSync(ctx.file, path.join(sandbox, 'mate', 'mate.claimbench'));
  const mate = createTestContext('Mate', path.join(sandbox, 'mate', 'mate.claimbench'));
  await call(mate, 'claims.setVerdict', { ids: [claimId], verdict: 'disputed', rationale: 'The ministry retracted it.' });
  await call(ctx, 'claims.setVerdict', { ids: [claimId], verdict: 'sourced', rationale: 'Confirmed by the ministry.' });
  await call(mate, 'documents.createFromText', { text: 'Officials said 12 bridges were closed in 2024.' });
  const share = path.join(sandbox, 'mate.claimbench-share');
  await call(mate, 'team.share', { target: share });
  mate.workspace.close();
  await mergePreviewed(ctx, share);
  await call(ctx, 'sources.add', { claimId, pasted: 'https://example.org/report' });
  await call(ctx, 'notes.add', { claimId, text: 'Checked with the ministry.' });
  await call(ctx, 'attachments.add', { claimId, name: 'scan.txt', base64: Buffer.from('plain text').toString('base64') });
  await call(ctx, 'attachments.add', { claimId, name: 'run.exe', base64: Buffer.from('MZ\u0090\u0000').toString('base64') });
  const damaged = path.join(sandbox, 'damaged.claimbench-share');
  const bytes = fs.readFileSync(share);
  bytes.writeUInt8(bytes.readUInt8(bytes.length - 100) ^ 0xff, bytes.length - 100);
  fs.writeFileSync(damaged, bytes);
  const article = BUILT_ARTICLES[0]!;
  const docx = await buildDocx(article.text.split('\n\n'));
  fs.writeFileSync(path.join(sandbox, 'list.docx'), docx);
  const [pdf] = await printPdfs([printablePage(article.title, article.text.split('\n\n'))]);
  fileSamples.push(
    ...[
      encodeText(BUILT_RUSSIAN, 'koi8-r'),
      encodeText(newsPageHtml({ title: article.title, paragraphs: article.text.split('\n\n') }), 'utf-8'),
      docx,
      pdf!,
    ].map((b) => Buffer.from(b).toString('base64')),
  );
  fs.mkdirSync(path.join(sandbox, 'sync'));
  fs.writeFileSync(path.join(sandbox, 'note.txt'), 'Officials said 12 bridges were closed in 2024.');
  sandboxPaths.push(
    path.join(sandbox, 'note.txt'),
    share,
    damaged,
    path.join(sandbox, 'sync'),
    path.join(sandbox, 'out.claimbench-share'),
    path.join(sandbox, 'report.html'),
    path.join(sandbox, 'report.csv'),
    path.join(sandbox, 'report.pdf'),
    path.join(sandbox, 'report.json'),
    path.join(sandbox, 'no', 'such', 'dir', 'x.md'),
    ctx.file,
    `${ctx.file}-wal`,
    path.join(sandbox, 'ws'),
    'relative-report.md',
    `../${path.basename(sandbox)}/again.html`,
    path.join(sandbox, 'a\u0000b.html'),
    path.join(sandbox, 'list.docx'),
  );
  await refreshIds();
}, 60_000);

afterAll(() => ctx.workspace.close());

describe('IPC fuzzing with schema-derived inputs', () => {
  it.each(OPERATION_NAMES.map((n) => [n]))(
    '%s: near-valid and hostile inputs get a typed envelope, refusals change nothing',
    async (name: OperationName) => {
      await refreshIds();
      if (name === 'team.sync.now') await call(ctx, 'team.sync.link', { folder: path.join(sandbox, 'sync') });
      const schema = z.toJSONSchema(api[name].input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
      const internal: string[] = [];
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(schemaInputs(schema, hints(name)), async (raw) => {
          const input = confinePaths(raw);
          const before = storeDigest(ctx.workspace.db);
          const r = await invoke(ctx, name, input, (m, e) => internal.push(`${m}: ${e instanceof Error ? e.stack : String(e)}`));
          expect(typeof r.ok).toBe('boolean');
          if (r.ok) {
            accepted++;
            const status = (r.value as { status?: { jobId?: string } | null; jobId?: string } | null) ?? {};
            const jobId = status.jobId ?? status.status?.jobId;
            if (jobId && name.startsWith('ingest.')) {
              jobIds.push(jobId);
              await waitForBatch(ctx.workspace, jobId);
            }
            return;
          }
          expect(internal, `${name} threw an unexpected error for ${JSON.stringify(input)?.slice(0, 300)}`).toEqual([]);
          expect(KNOWN_CODES, `${name} → ${r.error.code}: ${r.error.message}`).toContain(r.error.code);
          expect(r.error.message.trim().length).toBeGreaterThan(0);
          expect(
            storeDigest(ctx.workspace.db),
            `${name} refused ${JSON.stringify(input)?.slice(0, 300)} but changed the store`,
          ).toBe(before);
        }),
        { numRuns: RUNS, seed: 20261128, endOnFailure: true },
      );
      expect(internal).toEqual([]);
      // Not an assertion on a count: record how deep the fuzzing got, for the run's log.
      if (accepted === 0) console.info(`${name}: no input was accepted`);
    },
    120_000,
  );

  it('wrote nothing outside temporary folders', () => {
    expect(listing()).toBe(watchedBefore);
  });
});
