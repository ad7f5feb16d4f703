import fs from 'node:fs';
import path from 'node:path';
import { call } from '../../../electron/core/dispatch';
import { parseFile } from '../../../electron/core/ingest/parse';
import type { Workspace } from '../../../electron/core/store/workspace';
import { defaultThreshold } from '../../../shared/spotting/index';
import { BUILT_ARTICLES } from '../../helpers/built-articles';
import { buildDocx, newsPageHtml } from '../../helpers/built-docs';
import { createTestContext } from '../../helpers/workspace';
import { mergeScenario } from './merge-scenario';
import { SEED_FILE, type CrashScenario, type RunInfo } from './scenario-types';

const SENTENCES = 12;
/** Files built here through the real importer (small ones, so the kill often lands in the commit). */
async function writeImportedFiles(fixtures: string): Promise<{ name: string; source: string }[]> {
  const [harbour, school, rail] = BUILT_ARTICLES;
  const html = path.join(fixtures, 'news-page.html');
  const paragraphs = [harbour!, school!].flatMap((a) => a.text.split('\n\n'));
  fs.writeFileSync(html, newsPageHtml({ title: harbour!.title, paragraphs }, { charset: 'utf-8' }));
  const docx = path.join(fixtures, 'statement.docx');
  fs.writeFileSync(docx, await buildDocx([school!, rail!].flatMap((a) => a.text.split('\n\n'))));
  return [
    { name: 'news-page.html', source: html },
    { name: 'statement.docx', source: docx },
  ];
}
const IMPORT_MANIFEST = 'import-files.json';

function article(i: number): string {
  return Array.from({ length: SENTENCES }, (_, k) => `Report ${i} says figure ${k} rose by ${i * 7 + k}% in May.`).join(' ');
}

interface ImportedFile {
  name: string;
  source: string;
  /** Claims the importer makes of it, measured once in the test process. */
  claims: number;
}

const importManifests = new Map<string, ImportedFile[]>();
function importedFiles(fixtures: string): ImportedFile[] {
  let files = importManifests.get(fixtures);
  if (!files) {
    files = JSON.parse(fs.readFileSync(path.join(fixtures, IMPORT_MANIFEST), 'utf8')) as ImportedFile[];
    importManifests.set(fixtures, files);
  }
  return files;
}

/** jsdom takes far longer to load than mammoth, so only every third run imports the .html file. */
function filesForRun({ fixtures, run }: RunInfo): ImportedFile[] {
  return importedFiles(fixtures).filter((f) => run % 3 === 0 || !f.name.endsWith('.html'));
}

function claimCounts(ws: Workspace): { id: string; title: string; origin: string | null; n: number }[] {
  return ws.db
    .prepare('SELECT d.id, d.title, d.origin, (SELECT count(*) FROM claims c WHERE c.document_id = d.id) AS n FROM documents d')
    .all() as { id: string; title: string; origin: string | null; n: number }[];
}

export const crashScenarios = {
  /** Each import creates a document and all its claims, or nothing: pasted text and .html/.docx files. */
  import: {
    // Fewer kills: every start loads jsdom and mammoth, which costs more than the other scenarios' runs.
    weight: 2,
    async prepare(fixtures) {
      const files: ImportedFile[] = [];
      for (const f of await writeImportedFiles(fixtures)) {
        const parsed = await parseFile(f.name, new Uint8Array(fs.readFileSync(f.source)));
        const claims = parsed.sentences.filter((s) => s.score >= defaultThreshold()).length;
        if (claims < 5) throw new Error(`${f.name} yields only ${claims} claims; pick a richer fixture`);
        files.push({ ...f, claims });
      }
      fs.writeFileSync(path.join(fixtures, IMPORT_MANIFEST), JSON.stringify(files));
    },
    async warmUp(info) {
      // Load the parsers now: otherwise most kills would land in module loading.
      for (const f of filesForRun(info)) await parseFile(f.name, new Uint8Array(fs.readFileSync(f.source)));
    },
    async step(ctx, i, info) {
      const files = filesForRun(info);
      const file = files[i % (files.length + 1)];
      if (!file) {
        await call(ctx, 'documents.createFromText', { text: article(i), title: `doc-${i}` });
        return;
      }
      const outcome = await call(ctx, 'ingest.importFile', {
        name: file.name,
        dataBase64: fs.readFileSync(file.source).toString('base64'),
      });
      if (outcome.error) throw new Error(`${file.name} failed to import: ${outcome.error.message}`);
    },
    verify(ws, fixtures) {
      const expected = new Map(importedFiles(fixtures).map((f) => [f.name, f.claims]));
      for (const r of claimCounts(ws)) {
        const want = (r.origin && expected.get(r.origin)) ?? SENTENCES;
        if (r.n !== want) throw new Error(`${r.origin ?? r.title} has ${r.n} of ${want} claims`);
      }
      const orphans = ws.db
        .prepare('SELECT count(*) FROM claims WHERE document_id NOT IN (SELECT id FROM documents)')
        .pluck()
        .get();
      if (orphans !== 0) throw new Error(`${String(orphans)} claims without their document`);
    },
  },
  /** Each bulk verdict sets every claim of the workspace at once, so all claims always agree. */
  bulk: {
    weight: 3,
    async prepare(fixtures) {
      const seed = createTestContext('Seeder', path.join(fixtures, SEED_FILE));
      await call(seed, 'documents.createFromText', { text: article(0).repeat(20), title: 'bulk' });
      seed.workspace.close();
    },
    async step(ctx, i) {
      const ids = (await call(ctx, 'claims.list', { limit: 5000 })).items.map((c) => c.id);
      const verdict = (['sourced', 'disputed', 'unverified'] as const)[i % 3];
      await call(ctx, 'claims.setVerdict', { ids, verdict, rationale: `round ${i}` });
    },
    verify(ws) {
      const combos = ws.db.prepare('SELECT DISTINCT verdict, rationale FROM claims WHERE deleted = 0').all();
      if (combos.length > 1) throw new Error(`bulk verdict applied in part: ${JSON.stringify(combos)}`);
    },
  },
  /** Each merge of a teammate's share file brings all of its changes or none. */
  merge: { ...mergeScenario, weight: 3 },
} satisfies Record<string, CrashScenario>;

export type CrashMode = keyof typeof crashScenarios;
