import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeAnchor } from '../../../shared/text/anchor';
import { reanchor } from '../../../shared/text/reanchor';
import { BUILT_ARTICLES } from '../../helpers/built-articles';

describe('reanchor', () => {
  const text = BUILT_ARTICLES.map((a) => a.text).join('\n\n');
  const start = text.indexOf('.') + 2;
  const end = text.indexOf('.', start) + 1;
  const anchor = makeAnchor(text, start, end);

  it('finds the exact quote after text is inserted before it', () => {
    const edited = `BREAKING: an update.\n\n${text}`;
    const r = reanchor(edited, anchor)!;
    expect(r.method).toBe('exact');
    expect(r.anchor.start).toBe(start + 22);
    expect(edited.slice(r.anchor.start, r.anchor.end)).toBe(anchor.exact);
  });

  it('picks the occurrence whose context matches when the quote repeats', () => {
    const t = 'Intro. It rose 5%. Middle part here. It rose 5%. The end of it.';
    const second = t.lastIndexOf('It rose 5%.');
    const a = makeAnchor(t, second, second + 'It rose 5%.'.length);
    const edited = `New lead. ${t}`;
    expect(reanchor(edited, a)!.anchor.start).toBe(second + 10);
  });

  it('places a lightly edited quote by fuzzy matching and refuses a deleted one', () => {
    const changed = anchor.exact.replace(/\b(\w{4,})\b/, '$1s');
    const edited = text.slice(0, start) + changed + text.slice(end);
    const r = reanchor(edited, anchor)!;
    expect(r.method).toBe('fuzzy');
    expect(r.anchor.exact).toBe(changed);
    expect(reanchor(text.slice(0, start) + text.slice(end), anchor)).toBeNull();
    expect(reanchor('Something else entirely.', anchor)).toBeNull();
  });

  it('always returns a range whose text equals its quote', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.nat(text.length), (insert, at) => {
        const edited = text.slice(0, at) + insert + text.slice(at);
        const r = reanchor(edited, anchor);
        if (r) expect(edited.slice(r.anchor.start, r.anchor.end)).toBe(r.anchor.exact);
      }),
      { numRuns: 200 },
    );
  });
});
