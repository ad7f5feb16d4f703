import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../shared/text/candidates';

const listed = (text: string) => analyzeText(text).filter((s) => s.checkWorthy);
const find = (text: string, sentence: string) => analyzeText(text).find((s) => s.text === sentence)!;

/** What a research paper's PDF gives: figure labels, run-in headings, a references list. */
const PAPER = [
  'Trace trees make dynamic languages faster',
  '',
  'Our compiler records 42 traces per second on the SunSpider benchmarks and runs them 3.1 times faster than the interpreter.',
  '',
  'Figure 1. Aborts. The recorder stops when a trace leaves the loop 12 times in a row.',
  '',
  'It rained. The benchmark machine ran Linux 2.6 with 2 GB of memory in 2008.',
  '',
  'References',
  '',
  '[5] Surfin’ Safari - Blog Archive - Announcing SquirrelFish Extreme - http://webkit.org/blog/214/.',
  '[14] B. McCloskey. Fast tracing for 40 dynamic languages, 2004.',
].join('\n');

describe('what cannot be a claim to check', () => {
  it('one or two words: a figure label, a run-in heading, "It rained."; claims around them stay listed', () => {
    const texts = listed(PAPER).map((s) => s.text);
    for (const fragment of ['Figure 1.', 'Aborts.', 'It rained.']) {
      expect(texts).not.toContain(fragment);
      expect(find(PAPER, fragment).reasons.map((r) => r.kind)).toContain('fragment');
    }
    expect(texts).toContain('The recorder stops when a trace leaves the loop 12 times in a row.');
    expect(texts).toContain('The benchmark machine ran Linux 2.6 with 2 GB of memory in 2008.');
  });

  it('two words can state a fact in Russian, which drops "to be"', () => {
    const text = 'Белгород подвергся атаке беспилотников\n\nПострадавших нет. Повреждены три жилых дома, сообщил губернатор.\n';
    expect(find(text, 'Пострадавших нет.').reasons.map((r) => r.kind)).not.toContain('fragment');
  });

  it('a numbered reference is a note, not a claim, and names no speaker', () => {
    const entry = find(
      PAPER,
      '[5] Surfin’ Safari - Blog Archive - Announcing SquirrelFish Extreme - http://webkit.org/blog/214/.',
    );
    expect(entry).toMatchObject({ checkWorthy: false, claimant: null });
  });
});

describe('verbs that are often not about saying', () => {
  it('"continued to run" is not a cue; "explained to reporters" is', () => {
    const text = [
      "Inflation has continued to run below the Committee's 2 percent longer-run objective, partly reflecting declines in energy prices.",
      '',
      'Mayor Ana Lopez explained to reporters that the city spent 40 million dollars on the bridge in 2025.',
    ].join('\n');
    const [inflation, bridge] = analyzeText(text);
    expect(inflation!.claimant).toBeNull();
    expect(bridge!.claimant).toBe('Ana Lopez');
  });
});
