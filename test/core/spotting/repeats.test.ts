/**
 * A sentence a document says again and again (a calendar's "День воинской славы России." on every entry) is
 * listed once at most: a short verbless label repeated is not a claim, and a repeated claim is listed where it
 * first appears.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../electron/core/ingest/extract';
import { analyzeText } from '../../../shared/text/candidates';
import { buildDocx } from '../../helpers/built-docs';
import { CORPUS_DIR, withoutShared } from '../../helpers/corpus';

const LABEL = 'День воинской славы России.';
const CALENDAR = [
  'Календарь памятных дат на 2017 год',
  'Январь',
  '27',
  `${LABEL} Снятие блокады города Ленинграда (1944)`,
  'Февраль',
  '2',
  `${LABEL} Разгром советскими войсками немецко-фашистских войск в Сталинградской битве (1943)`,
  'Апрель',
  '18',
  `${LABEL} Победа русских воинов князя Александра Невского над немецкими рыцарями на Чудском озере (1242)`,
  'Август',
  '23',
  `${LABEL} Разгром советскими войсками немецко-фашистских войск в Курской битве (1943)`,
];

describe('sentences a document repeats', () => {
  it('keeps a label repeated on every calendar entry out of the claims, and the entries in', async () => {
    const doc = await extractDocument('calendar.docx', await buildDocx(CALENDAR));
    const scored = analyzeText(doc.text);
    const labels = scored.filter((s) => s.text === LABEL);
    expect(labels).toHaveLength(4);
    for (const label of labels) {
      expect(label.checkWorthy).toBe(false);
      expect(label.reasons[0]).toMatchObject({ kind: 'repeated_label', label: expect.stringContaining('4 times') });
    }
    const claims = scored.filter((s) => s.checkWorthy).map((s) => s.text);
    expect(claims.some((c) => c.startsWith('Разгром советскими войсками немецко-фашистских войск в Курской'))).toBe(true);
  });

  it('lists a claim said twice once, where it is first said', () => {
    const claim = 'Unemployment fell to 4.1 percent last year, the lowest rate in two decades.';
    const text = [
      `${claim} We created 300,000 jobs in this state.`,
      'Thank you. Senator Jones?',
      'The jobs went to other states.',
      `Let me say it again. ${claim}`,
    ].join('\n\n');
    const sayings = analyzeText(text).filter((s) => s.text === claim);
    expect(sayings).toHaveLength(2);
    expect(sayings[0]!.checkWorthy).toBe(true);
    expect(sayings[1]!.checkWorthy).toBe(false);
    expect(sayings[1]!.reasons[0]).toMatchObject({ kind: 'repeat' });
  });

  it('leaves a short line said only twice alone', () => {
    const text = 'Prices rose by 7 percent in March.\n\nSummary\n\nWages rose by 2 percent.\n\nSummary';
    const summaries = analyzeText(text).filter((s) => s.text === 'Summary');
    expect(summaries[0]!.reasons.some((r) => r.kind === 'repeated_label' || r.kind === 'repeat')).toBe(false);
  });
});

describe.skipIf(withoutShared(import.meta.url))('the library calendar in the corpus (docx)', () => {
  it('lists "День воинской славы России." as no claim at all', async () => {
    const file = path.join(CORPUS_DIR, 'fixtures/docx/apache-poi/bib-chernigovka.netdo.ru_download_docs_17459.docx');
    const doc = await extractDocument(path.basename(file), new Uint8Array(fs.readFileSync(file)));
    const scored = analyzeText(doc.text);
    expect(scored.filter((s) => s.text === LABEL).length).toBeGreaterThanOrEqual(5);
    expect(scored.filter((s) => s.checkWorthy && s.text === LABEL)).toEqual([]);
    const claims = scored.filter((s) => s.checkWorthy).map((s) => s.text);
    expect(new Set(claims).size).toBe(claims.length);
  });
});
