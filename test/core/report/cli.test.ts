import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runClaimbench } from '../../helpers/cli';
import { buildReportFixture, type ReportFixture } from './fixture';

let f: ReportFixture;
let file: string;
beforeAll(async () => {
  f = await buildReportFixture({ articles: 1 });
  file = f.ctx.file;
  f.ctx.workspace.close();
}, 60_000);
afterAll(() => fs.rmSync(f.ctx.dir, { recursive: true, force: true }));

const out = (name: string) => path.join(f.ctx.dir, name);
const base = ['--organisation', 'Example Fact Desk', '--base-url', 'https://factdesk.example/r'];

describe('claimbench report', () => {
  it.each(['html', 'md', 'csv', 'json', 'claimreview'])('writes %s', (format) => {
    const target = out(`all.${format}`);
    const r = runClaimbench(['report', file, '--format', format, '-o', target, ...base]);
    expect(r.stderr.split('\n').filter((l) => l && !l.startsWith('warning:'))).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Wrote .*all\\.${format} \\(${format}, \\d+ claims\\)`));
    expect(fs.statSync(target).size).toBeGreaterThan(500);
  });

  it('counts in its "Wrote" line the reviews the ClaimReview file holds, and names claims in warnings by id', () => {
    const target = out('count.jsonld');
    const r = runClaimbench(['report', file, '--format', 'claimreview', '-o', target, ...base]);
    expect(r.code, r.stderr).toBe(0);
    const items = JSON.parse(fs.readFileSync(target, 'utf8')) as { url: string }[];
    expect(items.length).toBeGreaterThan(1);
    expect(r.stdout.trim()).toBe(`Wrote ${target} (claimreview, ${items.length} claims)`);
    const inFile = new Set(items.map((i) => /#claim-(.{8})/.exec(i.url)![1]));
    const named = [...r.stderr.matchAll(/\b([0-9a-f]{8})(?=[:,;)]| \()/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(0);
    for (const id of named) expect(inFile).toContain(id);
    expect(r.stderr).not.toMatch(/\bN characters/);
  });

  it('writes a PDF through Chromium', () => {
    const target = out('all.pdf');
    const r = runClaimbench(['report', file, '--format', 'pdf', '-o', target]);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('limits the report with --document and --verdict', () => {
    const onlyDisputed = out('disputed.json');
    expect(runClaimbench(['report', file, '--format', 'json', '-o', onlyDisputed, '--verdict', 'disputed']).code).toBe(0);
    const disputed = JSON.parse(fs.readFileSync(onlyDisputed, 'utf8')) as { summary: { total: number; disputed: number } };
    expect(disputed.summary.total).toBe(disputed.summary.disputed);
    expect(disputed.summary.total).toBeGreaterThan(0);

    const oneDoc = out('doc.json');
    const r = runClaimbench(['report', file, '--format', 'json', '-o', oneDoc, '--document', f.hostileDocumentId]);
    expect(r.code, r.stderr).toBe(0);
    const parsed = JSON.parse(fs.readFileSync(oneDoc, 'utf8')) as { documents: { id: string }[] };
    expect(parsed.documents.map((d) => d.id)).toEqual([f.hostileDocumentId]);
  });

  it.each([
    [['--format', 'xml'], /Unknown format "xml"/],
    [['--format', 'md', '--verdict', 'maybe'], /verdict must be sourced, disputed, unverified or unreviewed, not "maybe"/],
    [['--format', 'md', '--document', 'missing-doc'], /No document with id missing-doc/],
    [['--format', 'claimreview'], /organisation/],
    [['--format', 'md', '--base-url', 'javascript:alert(1)'], /Base URL must be an http\(s\) address/],
  ])('fails with one line for %j', (args, message) => {
    const r = runClaimbench(['report', file, '-o', out('x.out'), ...args]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(fs.existsSync(out('x.out'))).toBe(false);
  });

  it('fails with one line when the output cannot be written', () => {
    for (const target of [path.join(f.ctx.dir, 'no-such-dir', 'r.md'), f.ctx.dir]) {
      const r = runClaimbench(['report', file, '--format', 'md', '-o', target]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^claimbench: Cannot write /);
    }
  });
});
