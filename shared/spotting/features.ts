import { RULES } from './rules';

/** Settings of the feature extractor; stored with the weights so training and scoring agree. */
export interface FeatureConfig {
  wordBigrams: boolean;
  charMin: number;
  charMax: number;
}

export const DEFAULT_FEATURES: FeatureConfig = { wordBigrams: true, charMin: 3, charMax: 5 };

const TOKEN = /[\p{L}\p{M}]+(?:['’][\p{L}]+)?|\d+(?:[.,]\d+)*|[$%€£?!]/gu;

/** Lower-cased word tokens; every number becomes `0` so the model learns "a number" not "1985". */
export function tokenize(sentence: string): string[] {
  // String.match with a global pattern returns plain strings: no match object per token.
  const out = sentence.toLowerCase().replace(/’/g, "'").match(TOKEN) ?? [];
  for (let i = 0; i < out.length; i++) {
    const c = out[i]!.charCodeAt(0);
    if (c >= 48 && c <= 57) out[i] = '0';
  }
  return out;
}

/**
 * Sparse binary features: word unigrams (w:), bigrams (b:), character n-grams inside word
 * boundaries (c:) and the interpretable rules (r:). Returned de-duplicated.
 */
export function extractFeatures(sentence: string, config: FeatureConfig = DEFAULT_FEATURES): string[] {
  const tokens = tokenize(sentence);
  const set = new Set<string>();
  set.add('bias');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    set.add(`w:${t}`);
    if (config.wordBigrams) set.add(`b:${i === 0 ? '^' : tokens[i - 1]}_${t}`);
    if (config.charMax > 0 && t.length > 1) {
      const padded = ` ${t} `;
      for (let n = config.charMin; n <= config.charMax; n++) {
        for (let k = 0; k + n <= padded.length; k++) set.add(`c:${padded.slice(k, k + n)}`);
      }
    }
  }
  if (config.wordBigrams && tokens.length > 0) set.add(`b:${tokens[tokens.length - 1]}_$`);
  for (const rule of RULES) if (rule.test(sentence)) set.add(`r:${rule.kind}`);
  const words = tokens.length;
  set.add(words < 6 ? 'len:short' : words < 15 ? 'len:mid' : words < 30 ? 'len:long' : 'len:vlong');
  return [...set];
}
