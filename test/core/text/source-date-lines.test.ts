import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../shared/text/candidates';
import { documentDate } from '../../../shared/text/news-structure';
import { isSourceDateLine } from '../../../shared/text/source-date-line';
import { defaultTitle } from '../../../shared/text/title';

const HEADLINE = 'Storm cuts power to 40,000 homes, utility says';
const BODY = 'OSLO, Jan 9 - A storm cut power to 40,000 homes in western Norway on Friday, utility Vestnett said.';
const LINES = [
  '2027-01-09 / source: example-wire.com',
  'Nordic Wire — 9 January 2027, 08:15 GMT',
  'date 2027-01-09 / source Nordic Wire / words 410',
  '[2027-01-09] Nordic Wire',
  'Нордик Пресс | 09.01.2027',
];

describe('a line of where and when a story appeared', () => {
  it('is read as such in its usual shapes, and prose with a date and a slash is not', () => {
    for (const line of LINES) expect(isSourceDateLine(line), line).toBe(true);
    expect(isSourceDateLine('Exports rose 4% / year in the decade to 2026')).toBe(false);
    expect(isSourceDateLine('Storm Hits Coast | Nordic Wire')).toBe(false);
  });

  it('above the headline or under it, never starts the title or a claim, and gives the document its date', () => {
    for (const line of LINES) {
      for (const text of [`${line}\n${HEADLINE}\n\n${BODY}`, `${HEADLINE}\n${line}\n\n${BODY}`]) {
        expect(defaultTitle(text, 'story.txt'), text).toBe(HEADLINE);
        const claims = analyzeText(text).filter((s) => s.checkWorthy);
        expect(claims.map((s) => s.text)).toEqual([HEADLINE, BODY.replace(/^OSLO, Jan 9 - /, '')]);
        expect(documentDate(text), text).toBe('2027-01-09');
      }
    }
  });

  it('a time stamp right under the headline ("… Updated 2 hours ago") does not run on into it', () => {
    const text = `${HEADLINE}\nJanuary 9, 2027 10:22 AM GMT+1 Updated 2 hours ago\n\n${BODY}`;
    expect(analyzeText(text)[0]!.text).toBe(HEADLINE);
  });
});
