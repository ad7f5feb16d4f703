import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../shared/text/candidates';
import { datelineEnd, isDatelineOnly } from '../../../shared/text/dateline';
import { nonProseKind } from '../../../shared/text/news-structure';

/** The analysed sentence that starts with `start`. */
function sentenceAt(text: string, start: string) {
  const s = analyzeText(text).find((x) => x.text.startsWith(start));
  if (!s) throw new Error(`no sentence starts with ${JSON.stringify(start)}`);
  return { text: s.text, checkWorthy: s.checkWorthy, kind: s.reasons[0]!.kind };
}

const STORY = [
  'Регулятор снизил ставку до 14% впервые за год',
  'date 2026-11-20 / source Интерфакс',
  '',
  'Глава регулятора Анна Белова на брифинге. (Фото: Павел Орлов/РИА Новости)',
  '',
  'МОСКВА, 20 ноя — РИА Новости. Банк снизил ключевую ставку на 200 базисных пунктов, до 14% годовых, заявила Анна Белова.',
  'Материал дополняется.',
].join('\n');

describe('Russian news furniture is never a claim', () => {
  it('keeps a metadata line under the headline out of the headline and out of the claims', () => {
    const headline = sentenceAt(STORY, 'Регулятор снизил');
    expect(headline.text).toBe('Регулятор снизил ставку до 14% впервые за год');
    // The metadata line is left out of the prose, or read as metadata: never a claim.
    const metadata = analyzeText(STORY).filter((x) => x.text.includes('2026-11-20'));
    expect(metadata.every((x) => !x.checkWorthy && x.reasons[0]!.kind === 'metadata')).toBe(true);
    // Prose that merely starts with such a word is prose.
    expect(nonProseKind('Date palms grew 2026-11-20 in the oasis, the ministry said.')).toBeNull();
    expect(nonProseKind('Updated figures show 2026-11-20 was the hottest day. Officials said so.')).toBeNull();
  });

  it('reads "(Фото: Name/Agency)" as a credit and the caption before it on its line as a caption', () => {
    expect(nonProseKind('(Фото: Павел Орлов/РИА Новости)')).toBe('caption');
    expect(sentenceAt(STORY, 'Глава регулятора Анна Белова на брифинге.')).toMatchObject({ checkWorthy: false, kind: 'caption' });
  });

  it('reads a dateline with a short month name', () => {
    expect(isDatelineOnly('МОСКВА, 20 ноя — РИА Новости.')).toBe(true);
    expect(isDatelineOnly('КИЇВ, 3 груд. — Укрінформ.')).toBe(true);
    const lead = sentenceAt(STORY, 'Банк снизил');
    expect(lead.checkWorthy).toBe(true);
    // A month's short form is a date only as a word of its own: "мартовский" is not "мар".
    expect(isDatelineOnly('МОСКВА, 20 мартовских — РИА Новости.')).toBe(false);
  });

  it("reads a place in capitals and a dash as a dateline, never an organisation's initials", () => {
    const story = 'Паводок на заході\n\nУЖГОРОД — Через дощі підтоплено 300 будинків, повідомила ДСНС.';
    const lead = sentenceAt(story, 'Через дощі');
    expect(lead.text).toBe('Через дощі підтоплено 300 будинків, повідомила ДСНС.');
    expect(datelineEnd('KYIV — Russia launched 90 drones overnight.')).toBe(7);
    expect(datelineEnd('NATO — the alliance of 32 states — said so.')).toBe(0);
    expect(datelineEnd('ЮНЕСКО — Организация объединенных наций по вопросам образования.')).toBe(0);
    expect(datelineEnd('МОСКВА — столица России.')).toBe(0);
  });

  it('drops "Материал дополняется" as a note about the story, not about the world', () => {
    expect(sentenceAt(STORY, 'Материал дополняется.')).toMatchObject({ checkWorthy: false, kind: 'site_furniture' });
    expect(sentenceAt('Новина доповнюється', 'Новина')).toMatchObject({ checkWorthy: false, kind: 'site_furniture' });
  });
});
