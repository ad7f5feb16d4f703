import { describe, expect, it } from 'vitest';
import { articleCalibration } from '../../../shared/spotting/index';
import { scoreInArticle } from '../../../shared/spotting/context';
import { mergeSameSignal } from '../../../shared/spotting/reasons';
import { analyzeText } from '../../../shared/text/candidates';

describe('reasons shown for a score', () => {
  it('shows the sentence model and the article context on the same fact as one reason with the summed weight', () => {
    const merged = mergeSameSignal([
      { kind: 'quantity', label: 'states a number or amount', weight: 0.49 },
      { kind: 'figure', label: 'states a figure', weight: -0.28 },
      { kind: 'past_event', label: 'narrates a past event', weight: 0.95 },
      { kind: 'stated_figure', label: 'a figure', weight: 0.5 },
    ]);
    expect(merged).toEqual([
      { kind: 'past_event', label: 'narrates a past event', weight: 0.95 },
      { kind: 'figure', label: 'states a number or amount', weight: 0.71 },
    ]);
  });

  it('names what the money signal fires on, so a sentence about spending is not said to mention money alone', () => {
    const [s] = analyzeText('Household spending has been growing strongly but business fixed investment has remained soft.');
    const money = s!.reasons.find((r) => r.kind === 'money');
    expect(money?.label).toBe('mentions money, spending, tax or debt');
  });

  it('never lists two reasons about the figures of one article sentence', () => {
    const text =
      'Ministry says 157 drones were launched\n\nThe ministry said 157 drones and seven missiles were launched on Tuesday, up from 90 a week earlier.';
    for (const s of analyzeText(text)) {
      const aboutFigures = s.reasons.filter((r) => ['quantity', 'stated_figure', 'figure'].includes(r.kind));
      expect(aboutFigures.length, s.text).toBeLessThanOrEqual(1);
    }
  });

  it('say in plain words which way a reason moved the score and why', () => {
    const lowered = scoreInArticle(
      { score: 0.6, reasons: [] },
      [],
      { ...articleCalibration(), languageShift: { ru: -0.6 } },
      'ru',
    );
    expect(lowered.reasons.find((r) => r.kind === 'language')?.label).toBe(
      'Russian text: lowered, because the model learned from English rates Russian sentences too high',
    );
    const chat = analyzeText('Well, you know, I just love it, honestly, it was so much fun for all of us.')[0]!;
    const wording = chat.reasons.find((r) => r.kind === 'wording');
    expect(wording?.weight).toBeLessThan(0);
    expect(wording?.label).toBe('worded like opinion, chat or scene-setting');
  });
});
