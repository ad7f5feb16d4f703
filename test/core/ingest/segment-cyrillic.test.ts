import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../electron/core/ingest/extract';
import {
  CYRILLIC_BEFORE_LOWER,
  CYRILLIC_CONTINUES,
  CYRILLIC_MAY_END,
  CYRILLIC_NAME_INITIALS,
} from '../../../shared/text/abbreviations-cyrillic';
import { segmentSentences } from '../../../shared/text/segment';
import { CORPUS_DIR, withoutShared } from '../../helpers/corpus';

const noShared = withoutShared(import.meta.url);

const texts = (t: string) => segmentSentences(t, 'ru').map((s) => s.text);

/** "т.е" is written "т. е." in the text, as in print. */
const written = (abbr: string) => abbr.split('.').join('. ') + '.';

describe('Russian and Ukrainian abbreviations', () => {
  it('every listed abbreviation continues into a lower-case word or a number', () => {
    for (const abbr of [...CYRILLIC_CONTINUES, ...CYRILLIC_BEFORE_LOWER, ...CYRILLIC_MAY_END]) {
      for (const rest of ['далее идёт текст.', '25 человек пришли.']) {
        const sentence = `Это было ${written(abbr)} ${rest}`;
        expect(texts(`${sentence} Потом всё кончилось.`), abbr).toEqual([sentence, 'Потом всё кончилось.']);
      }
    }
  });

  it('a title, place or reference abbreviation continues into a capitalised name', () => {
    // One letter ("с.", "д.") is too often a word's end or a unit to join before a capital.
    for (const abbr of CYRILLIC_CONTINUES.filter((a) => a.replace(/\./g, '').length > 1)) {
      const sentence = `Это было ${written(abbr)} Поклен Иванович.`;
      expect(texts(`${sentence} Потом всё кончилось.`), abbr).toEqual([sentence, 'Потом всё кончилось.']);
    }
  });

  it('keeps a real name, initials and a shortened first name with the surname that follows', () => {
    expect(texts('Драматург Жан Батист Мольер [наст. Поклен] (1622-1673) родился в Париже.')).toHaveLength(1);
    expect(texts('Льюис Кэрролл[наст. Чарльз Лютвидж Доджсон] (1832-1898).')).toHaveLength(1);
    expect(texts('Лауреат премии им. Х.К. Андерсена. Премия им. Х. К. Андерсена вручается с 1956 года.')).toEqual([
      'Лауреат премии им. Х.К. Андерсена.',
      'Премия им. Х. К. Андерсена вручается с 1956 года.',
    ]);
    expect(texts('Писательница Ал. Алтаева и Вл. Соловьёв. А.С. Пушкин родился в 1799 году.')).toEqual([
      'Писательница Ал. Алтаева и Вл. Соловьёв.',
      'А.С. Пушкин родился в 1799 году.',
    ]);
    expect(texts('Проф. Иванов, акад. Сахаров и ген. Петров приехали.')).toHaveLength(1);
    expect(texts('Вона живе на вул. Хрещатик у м. Київ. Премія ім. Т. Г. Шевченка.')).toEqual([
      'Вона живе на вул. Хрещатик у м. Київ.',
      'Премія ім. Т. Г. Шевченка.',
    ]);
  });

  it('still ends a sentence at a unit, a closing "и т. д." or a short word before a new sentence', () => {
    expect(texts('Это произошло в 2010 г. Президент заявил об этом.')).toHaveLength(2);
    expect(texts('В 2010 г. Президент России подписал закон. В XIX в. Россия росла.')).toEqual([
      'В 2010 г. Президент России подписал закон.',
      'В XIX в. Россия росла.',
    ]);
    // A time word before the date is still only the date phrase; a sentence with a verb before it ends there.
    expect(texts('Осенью 1895 г. Альберт Эйнштейн прибыл в Швейцарию. Уже в 2010 г. Президент подписал указ.')).toEqual([
      'Осенью 1895 г. Альберт Эйнштейн прибыл в Швейцарию.',
      'Уже в 2010 г. Президент подписал указ.',
    ]);
    expect(texts('Він народився в 1895 р. Восени 1896 р. Родина переїхала до Мілана.')).toEqual([
      'Він народився в 1895 р.',
      'Восени 1896 р. Родина переїхала до Мілана.',
    ]);
    expect(texts('Штраф составит 5 млн. руб. Закон подписан.')).toHaveLength(2);
    expect(texts('Пришли родные, друзья и др. Праздник начался.')).toHaveLength(2);
    expect(texts('Живёт на ул. Ленина, им. Пушкина и т. д. Далее.')).toHaveLength(2);
    expect(texts('Звали его Ян. Он был врачом.')).toHaveLength(2);
    expect(texts('У него острый ум. Он всё понимает.')).toHaveLength(2);
    expect(texts('Об этом сообщил ТАСС. В ведомстве промолчали.')).toHaveLength(2);
  });

  it('lists first-name initials in lower case, none of them a name on its own', () => {
    for (const a of CYRILLIC_NAME_INITIALS) expect(a).toBe(a.toLowerCase());
    expect(CYRILLIC_NAME_INITIALS).not.toContain('ян');
  });

  it.skipIf(noShared)('reads the library calendar .docx without cutting at "[наст.", "Ал." or "им. Х.К."', async () => {
    const file = path.join(CORPUS_DIR, 'fixtures/docx/apache-poi/bib-chernigovka.netdo.ru_download_docs_17459.docx');
    const { text } = await extractDocument(path.basename(file), new Uint8Array(fs.readFileSync(file)));
    const sentences = texts(text);
    expect(sentences.filter((s) => /(?:наст|\sАл|\sим|Х\.К)\.$/u.test(s))).toEqual([]);
    expect(sentences.some((s) => s.includes('МОЛЬЕРА [наст. Поклен] (1622-1673)'))).toBe(true);
    expect(sentences.some((s) => s.includes('им. Х.К. Андерсена'))).toBe(true);
    expect(sentences.some((s) => s.includes('Ал. Алтаева[наст. Маргарита Владимировна Ямщикова]'))).toBe(true);
  });
});
