import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { oneSentence } from '../../../shared/text/segment';
import { CORPUS_DIR, gumArticles, withoutShared } from '../../helpers/corpus';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);

/** The segments Intl.Segmenter makes of a line that hold more than white space. */
function icuSegments(line: string, locale: string): string[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  return [...segmenter.segment(line)].map((s) => s.segment).filter((s) => s.trim() !== '');
}

const readsAsOne = (line: string) => oneSentence(line, 0, line.length);

describe('lines segmentSentences reads as one sentence without Intl.Segmenter', () => {
  it('takes headings, blank lines and one-sentence lines, as Intl.Segmenter reads them', () => {
    const lines = [
      'A heading without a full stop\n',
      '   \n',
      'One sentence, ending here.\n',
      'He said: “We will win.”\n',
      'Is it over?!) \r\n',
      'Жорес Алферов в 2012 году — «Физик»\n',
      'Café owners—about 40%—agree; prices rose 3°\n',
    ];
    for (const line of lines) {
      expect(readsAsOne(line), line).toBe(true);
      expect(icuSegments(line, 'en').length, line).toBeLessThanOrEqual(1);
    }
  });

  it('leaves every line a terminator could split to Intl.Segmenter', () => {
    const lines = [
      'U.S. officials said so.\n',
      'First. Second\n',
      'Why?). Then\n',
      'It ended. )\n',
      'Wait… what\n',
      'One\u2029two\n',
      'One\u0085two\n',
      'One\rtwo\n',
      '一。二\n',
      '¿Qué? Sí\n',
      'A 3.5% rise\n',
    ];
    for (const line of lines) expect(readsAsOne(line), line).toBe(false);
    // Most of them Intl.Segmenter does split: the check is needed, not merely cautious.
    expect(lines.filter((l) => icuSegments(l, 'en').length > 1).length).toBeGreaterThanOrEqual(7);
  });

  it.skipIf(noShared)('agrees with Intl.Segmenter on every line of the English and Russian news corpus', () => {
    const texts = gumArticles().map((a) => ({ text: a.text, locale: 'en' }));
    for (const [dir, locale] of [
      ['news_en/us_gov_fomc', 'en'],
      ['news_ru/ru_opencorpora_factrueval', 'ru'],
      ['news_ru/ru_wikinews_nerel', 'ru'],
    ] as const)
      for (const f of fs.readdirSync(path.join(CORPUS_DIR, dir)))
        texts.push({ text: fs.readFileSync(path.join(CORPUS_DIR, dir, f), 'utf8'), locale });
    let taken = 0;
    let lines = 0;
    for (const { text, locale } of texts)
      for (const line of text.split(/(?<=\n)/)) {
        lines++;
        if (!readsAsOne(line)) continue;
        taken++;
        expect(icuSegments(line, locale).length, line).toBeLessThanOrEqual(1);
      }
    expect(taken).toBeGreaterThan(lines / 3);
  });
});
