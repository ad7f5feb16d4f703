import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gumArticles, withoutShared } from '../../helpers/corpus';
import { runClaimbench } from '../../helpers/cli';
import { tempDir } from '../../helpers/workspace';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);

interface JsonClaim {
  id: string;
  text: string;
  verdict: string;
  claimant: string | null;
  score: number | null;
  documentId: string | null;
}

describe('claimbench CLI', () => {
  it.skipIf(noShared)('runs the whole workflow on a real article', () => {
    const dir = tempDir();
    const ws = path.join(dir, 'desk.claimbench');
    const article = gumArticles().find((a) => a.name === 'GUM_news_afghan')!;
    const articlePath = path.join(dir, 'afghan.txt');
    fs.writeFileSync(articlePath, article.text);

    expect(runClaimbench(['init', ws]).code).toBe(0);
    const imported = runClaimbench(['import', ws, articlePath]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/\d+ claims/);

    const listed = runClaimbench(['claims', ws, '--json']);
    expect(listed.code).toBe(0);
    const claims = JSON.parse(listed.stdout) as JsonClaim[];
    expect(claims.length).toBeGreaterThan(5);
    for (const c of claims)
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['id', 'text', 'verdict', 'claimant', 'score', 'documentId']));
    const target = claims.find((c) => /silver medal/.test(c.text))!;
    expect(target).toBeDefined();

    const marked = runClaimbench(['mark', ws, target.id, 'sourced', '--rationale', 'Organisers’ results page'], {
      env: { CLAIMBENCH_AUTHOR: 'Ann' },
    });
    expect(marked.code, marked.stderr).toBe(0);
    runClaimbench(['--author', 'Bob', 'mark', ws, target.id, 'disputed']);

    const sourced = JSON.parse(runClaimbench(['claims', ws, '--verdict', 'disputed', '--json']).stdout) as JsonClaim[];
    expect(sourced.map((c) => c.id)).toEqual([target.id]);

    const history = runClaimbench(['history', ws, target.id]);
    expect(history.code).toBe(0);
    const lines = history.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/CLI Tester (found it in a new document|added the claim)/);
    // One command, one line: the verdict and the rationale Ann gave together.
    expect(history.stdout).toMatch(/Ann marked Sourced and wrote a rationale — “Organisers’ results page”/);
    expect(history.stdout).toMatch(/Bob marked Disputed — was Sourced/);

    // The claim's timeline has its evidence too.
    runClaimbench(['source', 'add', ws, target.id, '--url', 'https://example.org/results', '--title', 'Results page']);
    runClaimbench(['note', ws, target.id, 'Called the organisers']);
    const timeline = runClaimbench(['history', ws, target.id]).stdout;
    expect(timeline).toMatch(/CLI Tester added the source “Results page” \(context\) — https:\/\/example\.org\/results/);
    expect(timeline).toMatch(/CLI Tester added a note — “Called the organisers”/);

    const added = runClaimbench(['add', ws, 'The team won a silver medal.', '--document', target.documentId!]);
    expect(added.code).toBe(0);
    expect(added.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('imports from standard input with -', () => {
    const ws = path.join(tempDir(), 'stdin.claimbench');
    runClaimbench(['init', ws]);
    const r = runClaimbench(['import', ws, '-'], {
      input: 'Prices rose 1.5% in May, the statistics office said. Unemployment fell to 4.2% in June.',
    });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(runClaimbench(['claims', ws, '--json']).stdout) as JsonClaim[]).length).toBe(2);
  });

  it('exits 1 with a one-line message for user errors', () => {
    const dir = tempDir();
    const ws = path.join(dir, 'e.claimbench');
    runClaimbench(['init', ws]);
    const cases: string[][] = [
      ['init', ws],
      ['mark', ws, 'no-such-claim', 'sourced'],
      ['mark', ws, 'x', 'true'],
      ['claims', path.join(dir, 'missing.claimbench')],
      ['claims', ws, '--verdict', 'maybe'],
      ['import', ws, path.join(dir, 'missing.txt')],
      ['frobnicate'],
    ];
    for (const args of cases) {
      const r = runClaimbench(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr.trim().split('\n').length, args.join(' ')).toBeLessThanOrEqual(2);
      expect(r.stderr).toMatch(/\S/);
    }
  });

  it('refuses a file that is not a workspace and leaves it untouched', () => {
    const file = path.join(tempDir(), 'report.claimbench');
    fs.writeFileSync(file, 'just some text, not a database');
    const r = runClaimbench(['claims', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not a Claimbench workspace/);
    expect(fs.readFileSync(file, 'utf8')).toBe('just some text, not a database');
  });
});
