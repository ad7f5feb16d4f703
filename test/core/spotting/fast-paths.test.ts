/**
 * The hand-written scanners and prefilters of the spotting hot paths against the plain definitions they
 * replace (kept here as references): the same output on built inputs, on random strings and on the corpus.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../shared/spotting/features';
import { proseSentences } from '../../../shared/text/candidates';
import { DATA_DIR, gumArticles, withoutShared } from '../../helpers/corpus';

const TOKEN = /[\p{L}\p{M}]+(?:['’][\p{L}]+)?|\d+(?:[.,]\d+)*|[$%€£?!]/gu;
function referenceTokenize(sentence: string): string[] {
  const out = sentence.toLowerCase().replace(/’/g, "'").match(TOKEN) ?? [];
  return out.map((t) => (/^\d/.test(t) ? '0' : t));
}

/** Strings built from the pieces the scanners branch on: letters of several scripts, marks, astral letters, digits, joiners. */
const PIECES = ['a', 'Z', 'é', 'e\u0301', '\u0301', 'Ж', 'ё', 'İ', 'ß', '𝐀', '😀', '\ud800', '\udc00', '1', '2', '.', ',', "'", '’', ' ', '-', '$', '%', '€', '£', '?', '!', '¥', '_', 'K', 'ǅ', '\u00a0', '\n'];
const built = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((xs) => xs.join(''));

describe('feature tokenizer', () => {
  it('splits words, joined apostrophes, numbers and signs as the token pattern does', () => {
    expect(tokenize("Don’t pay $1,200.50 for U.S. rock'n'roll, naïve café — 12% of Ёлки!")).toEqual(referenceTokenize("Don’t pay $1,200.50 for U.S. rock'n'roll, naïve café — 12% of Ёлки!"));
    expect(tokenize('1.2.3, 4,5 and 6.')).toEqual(['0', '0', 'and', '0']);
    expect(tokenize("it's 𝐀𝐁'𝐂 e\u0301t\u0301")).toEqual(["it's", "𝐀𝐁'𝐂", 'e\u0301t\u0301']);
  });

  it('agrees with the token pattern on random strings', () => {
    fc.assert(fc.property(built, (s) => {
        expect(tokenize(s)).toEqual(referenceTokenize(s));
      }), { numRuns: 3000 });
  });

  it.skipIf(withoutShared(import.meta.url))('agrees with the token pattern on the news corpus and the debate sentences', () => {
    const sentences = gumArticles().flatMap((a) => proseSentences(a.text).map((s) => s.text));
    const debates = fs
      .readFileSync(path.join(DATA_DIR, 'checkworthy', 'CT24_checkworthy_english_dev.tsv'), 'utf8')
      .split('\n')
      .map((l) => l.split('\t')[1] ?? '');
    for (const s of [...sentences, ...debates]) expect(tokenize(s)).toEqual(referenceTokenize(s));
  });
});
