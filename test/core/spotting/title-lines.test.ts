import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText, spotDocument } from '../../../shared/text/candidates';
import { hasVerb, isBareTitle } from '../../../shared/text/title-lines';
import { CORPUS_DIR, withoutShared } from '../../helpers/corpus';

const noShared = withoutShared(import.meta.url);

const BODY =
  'Нобелевский лауреат, депутат Государственной думы Жорес Алфёров проголосовал за пенсионную реформу во втором ' +
  'чтении законопроекта, который поддержали 326 депутатов. В КПРФ объяснили такое голосование технической ошибкой.';

describe('headline, caption and bare titles', () => {
  it('keeps a headline on its own line apart from the caption under it, and the caption is not a claim', () => {
    const text = [
      'Нобелевский лауреат «случайно» поддержал повышение пенсионного возраста в России',
      'Жорес Алферов в 2012 году',
      BODY,
    ].join('\n');
    const [headline, caption, first] = analyzeText(text);
    expect(headline!.text).toBe('Нобелевский лауреат «случайно» поддержал повышение пенсионного возраста в России');
    expect(headline!.checkWorthy).toBe(true);
    expect(caption!.text).toBe('Жорес Алферов в 2012 году');
    expect(caption!.score).toBeLessThanOrEqual(0.01);
    expect(caption!.reasons[0]!.kind).toBe('caption');
    expect(first!.text.startsWith('Нобелевский лауреат, депутат')).toBe(true);
  });

  it('leaves a dateline or a line with a verb under the headline alone', () => {
    const dated = analyzeText(['Council approves new budget', 'Tuesday, March 4, 2025', 'The council voted 7 to 2.'].join('\n'));
    expect(dated[1]!.reasons.map((r) => r.kind)).not.toContain('caption');
    const deck = analyzeText(['Council approves budget', 'Transport spending rose by 12 percent', 'It passed.'].join('\n'));
    expect(deck[1]!.reasons.map((r) => r.kind)).not.toContain('caption');
  });

  it('a headline of fewer than three words without a verb is a title, not a claim', () => {
    for (const title of ['PDF.js', 'МБУ «МЦБ»']) {
      const [first] = analyzeText(`${title}\n\nPDF.js was released in 2011 and is used by 40 million people.`);
      expect(first!.text).toBe(title);
      expect(first!.score, title).toBeLessThanOrEqual(0.01);
      expect(first!.reasons[0]!.kind).toBe('title');
    }
    // Two words with a verb say something.
    const [said] = analyzeText('Инфляция выросла\n\nИнфляция в России выросла до 9 процентов в 2024 году.');
    expect(said!.reasons.map((r) => r.kind)).not.toContain('title');
    expect(said!.score).toBeGreaterThan(0.01);
  });

  it('a long line that lost its full stop is body text, not a heading', () => {
    const statement =
      'На основании статьи закона Роскомнадзором в пятницу подано исковое заявление в Таганский районный суд ' +
      'с требованием об ограничении доступа на территории России к информационным ресурсам мессенджера';
    const doc = spotDocument(
      `Роскомнадзор попросил суд заблокировать Telegram\n\nСообщение ведомства\n\n${statement}\n\n${BODY}`,
    );
    expect(doc.sentences[1]!.context).toContain('heading');
    expect(doc.sentences[2]!.sentence.text).toBe(statement);
    expect(doc.sentences[2]!.context).not.toContain('heading');
  });

  it('reads verbs in English, Russian and Ukrainian', () => {
    expect(['Turnout rose', 'Prices falling', 'Курс вырос', 'Ціни ростуть'].map(hasVerb)).toEqual([true, true, true, true]);
    expect(['PDF.js', 'МБУ «МЦБ»', 'Жорес Алферов в 2012 году'].map(hasVerb)).toEqual([false, false, false]);
    expect(isBareTitle('Weather')).toBe(true);
    expect(isBareTitle('Путин подписал указ')).toBe(false);
  });

  it.skipIf(noShared)('splits the Wikinews article into headline, caption and body', () => {
    const text = fs.readFileSync(path.join(CORPUS_DIR, 'news_ru/ru_wikinews_nerel/185911_text.txt'), 'utf8');
    const [headline, caption, first] = analyzeText(text);
    expect(headline!.text).toBe('Нобелевский лауреат «случайно» поддержал повышение пенсионного возраста в России');
    expect(caption!.text).toBe('Жорес Алферов в 2012 году');
    expect(caption!.checkWorthy).toBe(false);
    expect(first!.text).toMatch(/^Нобелевский лауреат, беспартийный депутат .* во втором чтении\.$/);
  });
});
