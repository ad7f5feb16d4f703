import { describe, expect, it } from 'vitest';
import { reportsOnlySilence } from '../../../shared/spotting/context';
import { FIGURE } from '../../../shared/spotting/figure';
import { defaultSpotter } from '../../../shared/spotting/index';
import { activeRules } from '../../../shared/spotting/rules';
import { analyzeText } from '../../../shared/text/candidates';

const kinds = (s: string) => activeRules(s).map((r) => r.kind);

/** A short Russian article: a headline, then the sentence under test as its body. */
function scoredInArticle(sentence: string): number {
  const text = `Доклад о задержанных журналистах\n\n${sentence}\n`;
  const scored = analyzeText(text).find((s) => s.text === sentence);
  if (!scored) throw new Error(`not segmented as one sentence: ${sentence}`);
  return scored.score;
}

describe('Russian news: the sentence model reads what its English word lists read', () => {
  it('counts written in words, in their case forms, are quantities', () => {
    expect(kinds('Полиция задержала пятерых участников и двух организаторов пикета.')).toContain('quantity');
    expect(kinds('Суд оштрафовал компанию за нарушение, совершённое восемь лет подряд.')).toContain('quantity');
    expect(kinds('В колонне прошли около сорока тракторов.')).toContain('quantity');
    expect(kinds('Проект оценили вдвое дороже прошлогоднего.')).toContain('quantity');
    // "семью" is "family" except after "с" ("с семью участниками").
    expect(kinds('Он перевёз семью в Казань.')).not.toContain('quantity');
    expect(kinds('Команда вернулась с семью медалями.')).toContain('quantity');
  });

  it('dates by month name or relative to now are dates', () => {
    expect(kinds('Стройка началась 14 апреля и продлится до осени.')).toContain('date');
    expect(kinds('Завод остановили в мае из-за нехватки сырья.')).toContain('date');
    expect(kinds('Цены на жильё в регионе выросли на прошлой неделе.')).toContain('date');
    expect(kinds('Мост закрыли на ремонт три месяца назад.')).toContain('date');
    expect(kinds('Мэр открыл новый парк у реки.')).not.toContain('date');
  });

  it('reported speech and source phrases beyond "сказал" and "по данным" are attributions; the idiom "как говорится" is not', () => {
    expect(kinds('Местные издания сообщают о закрытии двух школ.')).toContain('attribution');
    expect(kinds('Губернатор подтвердил гибель рабочих на шахте.')).toContain('attribution');
    expect(kinds('По информации агентства, сделка сорвалась.')).toContain('attribution');
    expect(kinds('В заявлении ведомства говорится, что поставки возобновлены.')).toContain('attribution');
    expect(kinds('Но, как говорится, поживём — увидим.')).not.toContain('attribution');
  });

  it('laws and votes, and causes said with "в результате", are read as in English', () => {
    expect(kinds('Депутаты приняли законопроект о платных парковках.')).toContain('law');
    expect(kinds('Совет проголосовал против переноса рынка.')).toContain('law');
    // "договорились" is agreeing, not a treaty.
    expect(kinds('Мэры двух городов договорились о встрече.')).not.toContain('law');
    expect(kinds('В результате аварии без света остались посёлки на севере области.')).toContain('causal');
  });

  it('tens and halves written in words are figures in an article', () => {
    expect(FIGURE.test('Сорок семей получили новые квартиры.')).toBe(true);
    expect(FIGURE.test('Половина опрошенных не знала о льготе.')).toBe(true);
    // The G20 in Russian is a name, not a figure.
    expect(FIGURE.test('Лидеры встретятся на саммите «Большой двадцатки».')).toBe(false);
  });

  it('changes no score of an English sentence', () => {
    const spotter = defaultSpotter();
    const en = 'The council voted on 14 April to close two schools, local papers reported.';
    const ruAdded = `${en} Совет проголосовал 14 апреля.`;
    expect(spotter.score(en).reasons.map((r) => r.kind)).toEqual(
      expect.arrayContaining(['law', 'date', 'attribution', 'quantity']),
    );
    // A Russian sentence appended adds Russian words only; the English part reads as before.
    expect(kinds(ruAdded)).toEqual(kinds(en));
  });
});

describe('Russian news: what is said before a silence', () => {
  it('a reported statement run on with a comma before "не смогли подтвердить" is a statement, not only a silence', () => {
    expect(
      reportsOnlySilence(
        'В пресс-службе завода утверждают, что выбросов в реку не было, в областном министерстве не смогли подтвердить эти данные.',
      ),
    ).toBe(false);
    expect(reportsOnlySilence('Представитель завода сказал, что не может подтвердить эти данные.')).toBe(true);
    expect(reportsOnlySilence('В министерстве не смогли подтвердить эту информацию.')).toBe(true);
  });
});

describe('Russian news: sentences a checker needs flagged at the default threshold', () => {
  const threshold = defaultSpotter().threshold;
  it.each([
    'На третьем месте — Киргизия, которая держит шесть журналистов под арестом.',
    'Последние пять лет наибольшее число жалоб поступает из Самары.',
    'Заместитель мэра Анна Петрова подтвердила закрытие трёх поликлиник.',
    'В пресс-службе завода утверждают, что выбросов в реку не было, в областном министерстве не смогли подтвердить эти данные.',
  ])('%s', (sentence) => {
    expect(scoredInArticle(sentence)).toBeGreaterThanOrEqual(threshold);
  });
});
