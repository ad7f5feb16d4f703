import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parse as parseCsv } from 'csv-parse/sync';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, invoke } from '../../../electron/core/dispatch';
import type { CoreContext } from '../../../electron/core/context';
import type { HostServices } from '../../../electron/core/host';
import { REPORT_FORMAT_INFO, REPORT_FORMATS, type ReportFormat } from '../../../shared/report';
import { tempDir } from '../../helpers/workspace';
import { buildReportFixture, HOSTILE, type ReportFixture } from './fixture';

let f: ReportFixture;
let claimCount: number;
const OPTIONS = {
  title: 'Export test <b>report</b>',
  organisation: 'Example Fact Desk',
  author: 'Ann Analyst',
  baseUrl: 'https://factdesk.example/reports/export',
};

beforeAll(async () => {
  f = await buildReportFixture({ articles: 1 });
  claimCount = f.ctx.workspace.db.prepare('SELECT count(*) FROM claims WHERE deleted = 0').pluck().get() as number;
}, 60_000);
afterAll(() => f.ctx.workspace.close());

/** Every name in `dir`, so a test can see that nothing (not even a temporary file) was left. */
const listing = (dir: string) => fs.readdirSync(dir).sort();

async function exportTo(ctx: CoreContext, format: ReportFormat, target: string, jobId?: string) {
  return invoke(ctx, 'report.export', { format, path: target, options: OPTIONS, ...(jobId ? { jobId } : {}) });
}

describe('report.export writes every format to the chosen path', () => {
  const dir = tempDir('claimbench-export-');

  it.each(REPORT_FORMATS.filter((fmt) => fmt !== 'pdf'))('%s', async (format) => {
    const target = path.join(dir, `report.${REPORT_FORMAT_INFO[format].extension}`);
    const r = await call(f.ctx, 'report.export', { format, path: target, options: OPTIONS });
    expect(r.path).toBe(target);
    // A ClaimReview file holds only the decided claims, and says how many it holds.
    if (format !== 'claimreview') expect(r.claimCount).toBe(claimCount);
    const bytes = fs.readFileSync(target);
    expect(r.bytes).toBe(bytes.length);
    const text = bytes.toString('utf8');
    // The same content report.render gives, apart from the generation time.
    const rendered = await call(f.ctx, 'report.render', { format, options: OPTIONS });
    const timeless = (s: string) =>
      s.replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, 'T').replace(/\d{1,2} \w+ \d{4}, \d\d:\d\d UTC/g, 'T');
    expect(timeless(text)).toBe(timeless(rendered.content));
    expect(r.warnings).toEqual(rendered.warnings);

    switch (format) {
      case 'html': {
        const doc = new JSDOM(text).window.document;
        expect(doc.title).toContain('Export test <b>report</b>');
        expect(doc.querySelectorAll('script, img[onerror]').length).toBe(0);
        expect(doc.body.textContent).toContain(HOSTILE.img);
        break;
      }
      case 'md':
        expect(text).toContain('Export test');
        break;
      case 'csv':
        expect((parseCsv(text.replace(/^\uFEFF/, ''), { columns: true }) as unknown[]).length).toBe(claimCount);
        break;
      case 'json':
        expect((JSON.parse(text) as { summary: { total: number } }).summary.total).toBe(claimCount);
        break;
      case 'claimreview':
        expect(text).toContain('"@type": "ClaimReview"');
        expect(r.claimCount).toBe((JSON.parse(text) as unknown[]).length);
        expect(r.claimCount).toBeLessThan(claimCount);
        // The fixture's very long claim is over the 75 characters search engines show.
        expect(r.warnings.join('\n')).toMatch(/75/);
        break;
    }
    expect(listing(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('pdf through headless Chromium when the host cannot print', async () => {
    const target = path.join(dir, 'report.pdf');
    const r = await call(f.ctx, 'report.export', { format: 'pdf', path: target, options: OPTIONS });
    expect(fs.readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
    expect(r.bytes).toBe(fs.statSync(target).size);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', target, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Export test <b>report</b>');
    expect(text.toUpperCase()).toContain('EXAMPLE FACT DESK');
  }, 60_000);

  it('pdf through the host’s printer when it has one', async () => {
    const printed: string[] = [];
    const host: HostServices = {
      chooseOpen: () => Promise.resolve(null),
      chooseSave: () => Promise.resolve(null),
      printToPdf: (html) => {
        printed.push(html);
        return Promise.resolve(new TextEncoder().encode('%PDF-1.7 printed by the host'));
      },
    };
    const target = path.join(dir, 'host.pdf');
    const r = await call({ ...f.ctx, host }, 'report.export', { format: 'pdf', path: target, options: OPTIONS });
    expect(fs.readFileSync(target, 'utf8')).toBe('%PDF-1.7 printed by the host');
    expect(r.bytes).toBe(28);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^<!doctype html>/i);
    expect(printed[0]).toContain('Export test &lt;b&gt;report&lt;/b&gt;');
  });
});

describe('what an export says it wrote', () => {
  it('names the JSON schema version the written file holds', async () => {
    const target = path.join(tempDir('claimbench-export-'), 'report.json');
    await call(f.ctx, 'report.export', { format: 'json', path: target, options: OPTIONS });
    const { schemaVersion } = JSON.parse(fs.readFileSync(target, 'utf8')) as { schemaVersion: number };
    expect(REPORT_FORMAT_INFO.json.label).toBe(`JSON (schema version ${schemaVersion})`);
  });
});

describe('report.export refuses what it cannot write, with a clear message', () => {
  const dir = tempDir('claimbench-export-bad-');

  it.each([
    ['a missing folder', () => path.join(dir, 'missing', 'r.html'), 'IO', /Cannot write .*r\.html: the folder does not exist/],
    ['a file as folder', () => (fs.writeFileSync(path.join(dir, 'f'), 'x'), path.join(dir, 'f', 'r.html')), 'IO', /not a folder/],
    ['a folder as target', () => (fs.mkdirSync(path.join(dir, 'd.html')), path.join(dir, 'd.html')), 'IO', /it is a folder/],
    // sysfs accepts no new files from anyone, root included.
    ['a read-only place', () => '/sys/claimbench-export-test.html', 'IO', /permission denied/],
    ['a relative path', () => 'r.html', 'VALIDATION', /must be absolute/],
    ['the wrong extension', () => path.join(dir, 'profile.sh'), 'VALIDATION', /saved as \.html or \.htm, not \.sh/],
  ])('%s', async (_what, target, code, message) => {
    const before = listing(dir);
    const r = await exportTo(f.ctx, 'html', target());
    expect(r).toMatchObject({ ok: false, error: { code } });
    expect(!r.ok && r.error.message).toMatch(message);
    expect(listing(dir).filter((n) => !before.includes(n) && !['f', 'd.html'].includes(n))).toEqual([]);
  });

  it('refuses a ClaimReview export without the publisher before writing anything', async () => {
    const target = path.join(dir, 'no-org.jsonld');
    const r = await invoke(f.ctx, 'report.export', { format: 'claimreview', path: target, options: { organisation: '' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(fs.existsSync(target)).toBe(false);
  });
});

describe('a cancelled export leaves no file behind', () => {
  let big: ReportFixture;
  const dir = tempDir('claimbench-export-cancel-');

  beforeAll(async () => {
    big = await buildReportFixture({ articles: 1 });
    // Enough claims that rendering takes many slices: written through the recorder like any import.
    big.ctx.workspace.recorder.action('Seed many claims', (w) => {
      for (let i = 0; i < 4_000; i++) {
        w.create('claim', randomUUID(), {
          documentId: big.documentIds[0],
          ordinal: 1_000 + i,
          text: `Seeded claim number ${i}: the council said turnout rose ${i % 97}% on the year before.`,
          verdict: i % 3 === 0 ? 'sourced' : 'unverified',
          rationale: 'Checked against the published minutes.',
        });
      }
    });
  }, 60_000);
  afterAll(() => big.ctx.workspace.close());

  async function untilRendering(jobId: string) {
    for (;;) {
      const p = await call(big.ctx, 'report.progress', { jobId });
      if (p.state !== 'running') throw new Error(`export ended before it could be cancelled (${p.state})`);
      if (p.done > 0) return p;
      await nextTurn();
    }
  }

  it('cancelled right after the start', async () => {
    const target = path.join(dir, 'early.html');
    const pending = exportTo(big.ctx, 'html', target, 'cancel-early');
    expect(await call(big.ctx, 'report.cancel', { jobId: 'cancel-early' })).toEqual({ cancelled: true });
    expect(await pending).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect((await call(big.ctx, 'report.progress', { jobId: 'cancel-early' })).state).toBe('cancelled');
    expect(listing(dir)).toEqual([]);
  });

  it('cancelled halfway through rendering, over an existing file that stays as it was', async () => {
    const target = path.join(dir, 'existing.csv');
    fs.writeFileSync(target, 'the previous export\n');
    const pending = exportTo(big.ctx, 'csv', target, 'cancel-midway');
    const progress = await untilRendering('cancel-midway');
    expect(progress.total).toBeGreaterThan(4_000);
    expect(progress.done).toBeLessThan(progress.total);
    await call(big.ctx, 'report.cancel', { jobId: 'cancel-midway' });
    expect(await pending).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: /cancelled/ } });
    expect(fs.readFileSync(target, 'utf8')).toBe('the previous export\n');
    expect(listing(dir)).toEqual(['existing.csv']);
  });

  it('cancelled while Chromium prints the PDF', async () => {
    const target = path.join(dir, 'printing.pdf');
    const pending = exportTo(big.ctx, 'pdf', target, 'cancel-pdf');
    // Wait until the HTML is complete and the print has begun.
    for (;;) {
      const p = await call(big.ctx, 'report.progress', { jobId: 'cancel-pdf' });
      expect(p.state).toBe('running');
      if (p.done === p.total) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    await new Promise((r) => setTimeout(r, 400));
    await call(big.ctx, 'report.cancel', { jobId: 'cancel-pdf' });
    expect(await pending).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(listing(dir).filter((n) => n.includes('printing'))).toEqual([]);
  }, 60_000);

  it('a finished job can no longer be cancelled and its file stays', async () => {
    const target = path.join(dir, 'done.json');
    const r = await exportTo(big.ctx, 'json', target, 'finished');
    expect(r.ok).toBe(true);
    expect(await call(big.ctx, 'report.cancel', { jobId: 'finished' })).toEqual({ cancelled: false });
    expect((await call(big.ctx, 'report.progress', { jobId: 'finished' })).state).toBe('done');
    expect((JSON.parse(fs.readFileSync(target, 'utf8')) as { summary: { total: number } }).summary.total).toBeGreaterThan(4_000);
  });
});
