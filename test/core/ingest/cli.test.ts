import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSpotter } from '../../../shared/spotting/index';
import { segmentSentences } from '../../../shared/text/segment';
import { runClaimbench } from '../../helpers/cli';
import { CORPUS_DIR, withoutShared } from '../../helpers/corpus';
import { tempDir } from '../../helpers/workspace';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);

describe('claimbench score, segment and import', () => {
  it('scores sentences from stdin with the app spotter: score<TAB>label per line', () => {
    const lines = ['Unemployment fell to 4.1 percent in 2019.', 'What do you think?', 'Thank you very much.', ''];
    const r = runClaimbench(['score'], { input: lines.join('\n') + '\n' });
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout.trimEnd().split('\n');
    expect(out).toHaveLength(lines.length);
    const spotter = defaultSpotter();
    out.forEach((line, i) => {
      const [score, label] = line.split('\t');
      expect(Number(score)).toBeCloseTo(spotter.score(lines[i]!).score, 4);
      expect(label).toBe(Number(score) >= spotter.threshold ? '1' : '0');
    });
    expect(out[0]!.endsWith('\t1')).toBe(true);
    expect(out[1]!.endsWith('\t0')).toBe(true);
  });

  it.skipIf(noShared)('prints the importer’s sentences one per line, joining hard-wrapped lines', () => {
    const file = path.join(CORPUS_DIR, 'news_en/us_gov_fomc/20151216.txt');
    const r = runClaimbench(['segment', file]);
    expect(r.code, r.stderr).toBe(0);
    const text = fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').trim();
    expect(r.stdout.trimEnd().split('\n')).toEqual(segmentSentences(text).map((s) => s.text.replace(/\s*\n\s*/g, ' ')));
    const stdin = runClaimbench(['segment', '-'], { input: 'Dr. Smith arrived. "It is false." He left.' });
    expect(stdin.stdout.trimEnd().split('\n')).toEqual(['Dr. Smith arrived.', '"It is false."', 'He left.']);
  });

  it.skipIf(noShared)('imports several formats, reports duplicates, and names each file it could not import', () => {
    const ws = path.join(tempDir(), 'imp.claimbench');
    expect(runClaimbench(['init', ws]).code).toBe(0);
    const html = path.join(CORPUS_DIR, 'news_en/html_raw/wikimediafoundation.org.turkey.html');
    const docx = path.join(CORPUS_DIR, 'fixtures/docx/apache-poi/truncated62886.docx');
    const r = runClaimbench(['import', ws, html, html, docx]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/claims of \d+ sentences\s+Access to Wikipedia restored in Turkey/);
    expect(r.stderr).toMatch(/turkey\.html: skipped, the same content is already in the workspace as document/);
    expect(r.stderr).toMatch(/truncated62886\.docx: This Word file is damaged or incomplete/);
    expect(r.stderr).toMatch(/1 of 3 files could not be imported/);
  });
});
