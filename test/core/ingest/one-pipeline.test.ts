import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../electron/core/context';
import { call } from '../../../electron/core/dispatch';
import type { HostServices } from '../../../electron/core/host';
import { waitForBatch } from '../../../electron/core/ingest/batch';
import { stopParseWorker } from '../../../electron/core/ingest/worker-pool';
import { BUILT_RUSSIAN } from '../../helpers/built-articles';
import { runClaimbench } from '../../helpers/cli';
import { createTestContext, tempDir } from '../../helpers/workspace';

/**
 * The same bytes through every way text comes in (paste, drop, the import dialog, Open Text File,
 * Replace Text, the CLI) give the same document text, content hash and sentences, whatever the
 * file's encoding. Every path runs the real parse worker on a real workspace file.
 */

/** Written with Windows line ends and trailing spaces, which every path must normalise alike. */
const ARTICLE = [
  'Инфляция в марте',
  '',
  BUILT_RUSSIAN,
  'Министр финансов сообщил, что бюджет получил 300 миллиардов рублей дополнительных доходов. ',
  'Он добавил, что безработица снизилась до 3 процентов, самого низкого уровня за всю историю наблюдений.',
].join('\r\n');

const ENCODINGS = ['utf-8', 'koi8-r', 'windows-1251'] as const;
const encode = (encoding: string) => new Uint8Array(iconv.encode(ARTICLE, encoding));
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

interface Read {
  text: string;
  contentHash: string;
  sentences: unknown[];
  stored: number;
}

const open: CoreContext[] = [];
afterAll(() => {
  for (const c of open) c.workspace.close();
  stopParseWorker();
});

function fresh(): CoreContext & { dir: string } {
  const ctx = createTestContext();
  open.push(ctx);
  return ctx;
}

/** What the document view and a duplicate check see of a document. */
async function read(ctx: CoreContext, documentId: string): Promise<Read> {
  const doc = await call(ctx, 'documents.get', { id: documentId });
  const stored = ctx.workspace.db
    .prepare('SELECT count(*) FROM document_sentences WHERE document_id = ?')
    .pluck()
    .get(documentId) as number;
  const { sentences } = await call(ctx, 'ingest.sentences', { documentId });
  return { text: doc.text, contentHash: doc.contentHash, sentences: sentences.map(({ claimId: _, ...s }) => s), stored };
}

class OpenDialogStandIn implements HostServices {
  constructor(private readonly paths: string[]) {}
  chooseOpen(): Promise<string[] | null> {
    return Promise.resolve(this.paths);
  }
  chooseSave(): Promise<string | null> {
    return Promise.resolve(null);
  }
}

async function viaDrop(bytes: Uint8Array): Promise<Read> {
  const ctx = fresh();
  const started = await call(ctx, 'ingest.startBatch', { files: [{ name: 'article.txt', dataBase64: b64(bytes) }] });
  const done = await waitForBatch(ctx.workspace, started.jobId);
  expect(done.outcomes[0]!.status, done.outcomes[0]!.error?.message).toBe('imported');
  return read(ctx, done.outcomes[0]!.document!.id);
}

async function viaDialog(bytes: Uint8Array): Promise<Read> {
  const file = path.join(tempDir('claimbench-pipeline-'), 'article.txt');
  fs.writeFileSync(file, bytes);
  const ctx = fresh();
  const chosen = await call({ ...ctx, host: new OpenDialogStandIn([file]) }, 'ingest.importChosen', {});
  const done = await waitForBatch(ctx.workspace, chosen.status!.jobId);
  expect(done.outcomes[0]!.status, done.outcomes[0]!.error?.message).toBe('imported');
  return read(ctx, done.outcomes[0]!.document!.id);
}

/** New document › Open Text File: the core shows the text it read, and the document is made from the same bytes. */
async function viaOpenTextFile(bytes: Uint8Array): Promise<Read & { shown: string; encoding: string | null }> {
  const ctx = fresh();
  const file = { name: 'article.txt', dataBase64: b64(bytes) };
  const shown = await call(ctx, 'ingest.readText', file);
  const r = await call(ctx, 'documents.createFromText', { file, title: 'Инфляция' });
  expect(r.skipped).toBe(false);
  return { ...(await read(ctx, r.document.id)), shown: shown.text, encoding: shown.encoding };
}

async function viaReplaceText(bytes: Uint8Array): Promise<Read> {
  const ctx = fresh();
  const first = await call(ctx, 'documents.createFromText', { text: 'Цены выросли на 5 процентов в январе, сообщил Росстат.' });
  await call(ctx, 'documents.replaceText', { id: first.document.id, file: { name: 'edited.txt', dataBase64: b64(bytes) } });
  return read(ctx, first.document.id);
}

describe('one ingest pipeline', () => {
  it(
    'gives the same text, content hash and stored sentences by paste, drop, dialog, Open Text File and Replace Text, in UTF-8, KOI8-R and Windows-1251',
    { timeout: 240_000 },
    async () => {
      const ctx = fresh();
      const pasted = await call(ctx, 'documents.createFromText', { text: ARTICLE });
      const expected = await read(ctx, pasted.document.id);
      expect(expected.text).not.toMatch(/\r| \n/);
      expect(expected.text).toContain('Правительство заявило');
      expect(expected.sentences.length).toBeGreaterThan(5);
      expect(expected.stored).toBe(expected.sentences.length);

      for (const encoding of ENCODINGS) {
        const bytes = encode(encoding);
        if (encoding !== 'utf-8') expect(Buffer.from(bytes).toString('utf8')).not.toContain('Правительство');
        const opened = await viaOpenTextFile(bytes);
        expect(opened.encoding, encoding).toBe(encoding);
        expect(opened.shown, encoding).toBe(expected.text);
        for (const [path, got] of [
          ['drop', await viaDrop(bytes)],
          ['dialog', await viaDialog(bytes)],
          ['Open Text File', opened],
          ['Replace Text', await viaReplaceText(bytes)],
        ] as const) {
          const label = `${path}, ${encoding}`;
          expect(got.text, label).toBe(expected.text);
          expect(got.contentHash, label).toBe(expected.contentHash);
          expect(got.sentences, label).toEqual(expected.sentences);
          expect(got.stored, label).toBe(expected.sentences.length);
        }
      }
    },
  );

  it(
    'the CLI imports UTF-8, KOI8-R and Windows-1251 files decoded, with the same hash and sentences as a paste',
    { timeout: 120_000 },
    async () => {
      const dir = tempDir('claimbench-pipeline-cli-');
      const files = ENCODINGS.map((encoding) => {
        const p = path.join(dir, `${encoding}.txt`);
        fs.writeFileSync(p, encode(encoding));
        return p;
      });
      const workspace = path.join(dir, 'cli.claimbench');
      expect(runClaimbench(['init', workspace]).code).toBe(0);
      const r = runClaimbench(['import', workspace, ...files, '--allow-duplicate']);
      expect(r.code, r.stderr).toBe(0);
      const ids = r.stdout
        .trim()
        .split('\n')
        .map((line) => line.split(/\s+/)[0]!);
      expect(ids).toHaveLength(3);

      const pasteCtx = fresh();
      const pasted = await call(pasteCtx, 'documents.createFromText', { text: ARTICLE });
      const expected = await read(pasteCtx, pasted.document.id);
      const cli = createTestContext('Test Checker', workspace);
      open.push(cli);
      for (const [i, id] of ids.entries()) {
        const got = await read(cli, id);
        expect(got.text, ENCODINGS[i]).toBe(expected.text);
        expect(got.contentHash, ENCODINGS[i]).toBe(expected.contentHash);
        expect(got.sentences, ENCODINGS[i]).toEqual(expected.sentences);
        expect(got.stored, ENCODINGS[i]).toBe(expected.sentences.length);
      }
    },
  );

  it('refuses both text and a file, or neither, before reading anything', async () => {
    const ctx = fresh();
    const file = { name: 'a.txt', dataBase64: b64(encode('utf-8')) };
    await expect(call(ctx, 'documents.createFromText', { text: ARTICLE, file })).rejects.toThrow(/either text or a file/);
    await expect(call(ctx, 'documents.createFromText', {})).rejects.toThrow(/either text or a file/);
    expect(ctx.workspace.db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(0);
  });
});
