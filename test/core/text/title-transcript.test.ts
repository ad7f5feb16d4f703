import { afterEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../electron/core/context';
import { call } from '../../../electron/core/dispatch';
import { defaultTitle } from '../../../shared/text/title';
import { createTestContext } from '../../helpers/workspace';

const TURNS = [
  'MODERATOR: Thank you all for coming. The minister will speak first.',
  '',
  'MINISTER: We delivered 157 drones to the front last month.',
  '',
  'Q: How many were lost?',
  '',
  'MINISTER: Twelve.',
].join('\n');

let ctx: CoreContext;
afterEach(() => ctx?.workspace.close());

describe('the title of a pasted transcript', () => {
  it('is the heading line above the speaker turns, dated or not', () => {
    expect(defaultTitle(`PRESS BRIEFING, 27 December 2019\n\n${TURNS}`)).toBe('PRESS BRIEFING, 27 December 2019');
    expect(defaultTitle(`PRESS BRIEFING, 27 December 2019\n${TURNS}`, 'briefing.txt')).toBe('PRESS BRIEFING, 27 December 2019');
    expect(defaultTitle(`Press conference of the defence minister\n\n${TURNS}`)).toBe('Press conference of the defence minister');
    expect(defaultTitle('БРИФИНГ, 27 декабря 2019\n\nВЕДУЩИЙ: Спасибо, что пришли.\n\nМИНИСТР: Мы поставили 157 дронов.')).toBe(
      'БРИФИНГ, 27 декабря 2019',
    );
  });

  it('is never a speaker turn: with no heading, the file name or "Untitled document"', () => {
    expect(defaultTitle(TURNS)).toBe('Untitled document');
    expect(defaultTitle(TURNS, 'briefing-2019-12-27.txt')).toBe('briefing-2019-12-27');
    expect(defaultTitle('MODERATOR: Thank you all for coming\nMINISTER: We delivered 157 drones.')).toBe('Untitled document');
    expect(defaultTitle('Q: What happened?\nA: We delivered 157 drones.')).toBe('Untitled document');
    const debate = 'Kamala Harris: We will win.\nDonald Trump: No.\nKamala Harris: We will.\nDonald Trump: Never.';
    expect(defaultTitle(debate, 'debate.txt')).toBe('debate');
  });

  it('keeps a headline that opens with a label of its own and goes on in prose', () => {
    expect(defaultTitle('EXCLUSIVE: Putin says troops would be targets\n\nMOSCOW (Reuters) - Putin said so on Thursday.')).toBe(
      'EXCLUSIVE: Putin says troops would be targets',
    );
    expect(defaultTitle('Putin: Russia will respond\n\nThe Kremlin said on Thursday it would respond.')).toBe(
      'Putin: Russia will respond',
    );
  });

  it('is what a pasted transcript is stored under', async () => {
    ctx = createTestContext();
    const headed = await call(ctx, 'documents.createFromText', { text: `PRESS BRIEFING, 27 December 2019\n\n${TURNS}` });
    expect(headed.document.title).toBe('PRESS BRIEFING, 27 December 2019');
    const bare = await call(ctx, 'documents.createFromText', { text: TURNS });
    expect(bare.document.title).toBe('Untitled document');
  });
});
