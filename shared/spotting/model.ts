import type { ScoreReason } from '../domain';
import { denseFeatures, extractFeatures, tokenize, type FeatureConfig } from './features';
import { sortByStrength } from './reasons';
import { tokenClasses } from './token-classes';
import { NEGATIVE_KINDS, RULES } from './rules';

/** The shipped model: a logistic regression over n-gram and rule features. */
export interface SpotterModel {
  version: 1;
  config: FeatureConfig;
  /** Decision threshold chosen on a held-out part of the training data (best F1 on the Yes class). */
  threshold: number;
  weights: Record<string, number>;
  /**
   * Platt scaling fitted on held-out debates: score = sigmoid(scale * logit + offset), so that a score reads
   * as the chance that a sentence of a debate the model never saw is check-worthy. Absent: no scaling.
   */
  platt?: { scale: number; offset: number };
  /** How it was trained and what it scored; documentation only. */
  meta: Record<string, unknown>;
}

export interface SparseVector {
  names: string[];
  values: number[];
}

/** Features with their values: n-gram features are L2-normalised as a group; rules, length and bias count 1. */
export function vectorize(sentence: string, config: FeatureConfig): SparseVector {
  const names = extractFeatures(sentence, config);
  let ngrams = 0;
  for (const n of names) if (isNgram(n)) ngrams++;
  const scale = ngrams > 0 ? (config.ngramScale ?? 1) / Math.sqrt(ngrams) : 0;
  return { names, values: names.map((n) => (isNgram(n) ? scale : 1)) };
}

function isNgram(name: string): boolean {
  const c = name.charCodeAt(0);
  // w: b: c:
  return (c === 119 || c === 98 || c === 99) && name.charCodeAt(1) === 58;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export interface SpotterScore {
  score: number;
  reasons: ScoreReason[];
}

const RULE_LABELS = new Map(RULES.map((r) => [r.kind, r.label]));

/**
 * Fixed, hand-set adjustments for news prose, which the debate-trained weights under-rate: a figure
 * with a unit stated plainly (no hedge, question or opinion) is worth checking in an article even when
 * its wording ("the town lies about 125 miles…") is unlike debate claims. Not learned; kept small.
 */
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/** A line that is only a date ("Thursday, February 23, 2006", "21 July 2017", "2017-07-21"): a dateline, not a claim. */
const BARE_DATE = new RegExp(
  `^\\W*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\s+${MONTH},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})\\W*$`,
  'i',
);

const hasKind = (reasons: readonly ScoreReason[], kind: string) => reasons.some((r) => r.kind === kind);

const NEWS_PRIORS: {
  kind: string;
  label: string;
  weight: number;
  applies: (rules: ScoreReason[], sentence: string) => boolean;
}[] = [
  {
    kind: 'stated_figure',
    label: 'states a figure as fact',
    weight: 0.5,
    applies: (rules) =>
      hasKind(rules, 'measure') && !hasKind(rules, 'hedge') && !hasKind(rules, 'question') && !hasKind(rules, 'opinion'),
  },
  {
    kind: 'dateline',
    label: 'only a date: states nothing',
    weight: -3,
    applies: (_rules, sentence) => BARE_DATE.test(sentence),
  },
];

/** A word of the model's vocabulary (or one it met outside it), its unigram weight and its tokenClasses. */
interface VocabWord {
  id: number;
  unigram: number;
  classes: number;
}

/**
 * Bigram weights by the pair of vocabulary ids, in one open-addressed table of typed arrays: a probe costs a
 * multiply and an array read or two, where a Map per first word cost a hashed lookup per pair of every sentence.
 */
class PairWeights {
  /**
   * Per slot, its key (first * stride + second; doubles, so that a vocabulary past 46,340 words still gets exact
   * keys) and then its weight, side by side: a probe reads one cache line, not one in each of two arrays.
   */
  private readonly slots: Float64Array;
  private readonly mask: number;

  constructor(
    pairs: readonly (readonly [number, number, number])[],
    private readonly stride: number,
  ) {
    let size = 16;
    while (size < pairs.length * 2) size *= 2;
    this.slots = new Float64Array(size * 2);
    for (let slot = 0; slot < size; slot++) this.slots[slot * 2] = -1;
    this.mask = size - 1;
    for (const [first, second, w] of pairs) {
      const key = first * stride + second;
      let slot = this.slotOf(key);
      while (this.slots[slot * 2] !== -1 && this.slots[slot * 2] !== key) slot = (slot + 1) & this.mask;
      this.slots[slot * 2] = key;
      this.slots[slot * 2 + 1] = w;
    }
  }

  private slotOf(key: number): number {
    return Math.imul(key, 0x9e3779b1) & this.mask;
  }

  /** The weight of (first, second), both vocabulary ids; undefined when the model has none. */
  get(first: number, second: number): number | undefined {
    const key = first * this.stride + second;
    for (let slot = this.slotOf(key); ; slot = (slot + 1) & this.mask) {
      const k = this.slots[slot * 2]!;
      if (k === key) return this.slots[slot * 2 + 1];
      if (k === -1) return undefined;
    }
  }
}

/** Unknown words remembered before the table is cleared: ids (and the per-id scratch arrays) stay bounded. */
const MAX_UNKNOWN_IDS = 50_000;

export class Spotter {
  private readonly weights: Map<string, number>;
  /**
   * Every word the word and bigram weights name ("said", and "^"/"$" for the sentence's edges), with an id:
   * a sentence's n-grams are then found with one lookup per token and compared as numbers.
   */
  private readonly vocab = new Map<string, VocabWord>();
  /** Per vocabulary id: the sentence (by a counter) and position where the word first occurred. */
  private seenIn = new Uint32Array(0);
  private firstPos = new Int32Array(0);
  private sentenceStamp = 0;
  /** Scratch per sentence, reused: the tokens' ids and vocabulary words (only the first `tokens.length` are read). */
  private ids = new Int32Array(256);
  private classes = new Int32Array(256);
  private readonly known: (VocabWord | undefined)[] = [];
  /**
   * Ids past the vocabulary for words the model does not know, kept from sentence to sentence (a Map made and
   * grown per sentence was a steady share of the allocations); only distinctness within a sentence matters, so
   * it is simply cleared when large, between sentences.
   */
  private readonly unknownIds = new Map<string, VocabWord>();
  /** Dense feature names to their rule kind (r:…), built once rather than sliced per sentence. */
  private readonly ruleKind = new Map<string, string>();
  private readonly pairs: PairWeights;

  constructor(readonly model: SpotterModel) {
    this.weights = new Map(Object.entries(model.weights));
    const word = (w: string) => {
      let v = this.vocab.get(w);
      if (!v) this.vocab.set(w, (v = { id: this.vocab.size, unigram: 0, classes: tokenClasses(w) }));
      return v;
    };
    word('^');
    word('$');
    const pairs: [number, number, number][] = [];
    for (const [name, w] of this.weights) {
      if (name.startsWith('w:')) word(name.slice(2)).unigram = w;
      else if (name.startsWith('b:')) {
        const cut = name.indexOf('_', 2);
        const first = word(name.slice(2, cut));
        const second = word(name.slice(cut + 1));
        pairs.push([first.id, second.id, w]);
      } else if (name.charCodeAt(0) === 114 && name.charCodeAt(1) === 58) this.ruleKind.set(name, name.slice(2));
    }
    this.pairs = new PairWeights(pairs, this.vocab.size);
  }

  get threshold(): number {
    return this.model.threshold;
  }

  /** Probability-like score in [0, 1] and the interpretable reasons behind it, strongest first. */
  score(sentence: string): SpotterScore {
    if (this.model.config.charMax > 0) return this.scoreByNames(sentence);
    const config = this.model.config;
    const tokens = tokenize(sentence);
    const n = tokens.length;
    // Ids per token: the vocabulary's, or one past it for words the model does not know (distinct per word).
    if (this.ids.length < n) {
      this.ids = new Int32Array(n * 2);
      this.classes = new Int32Array(n * 2);
    }
    const ids = this.ids;
    const classes = this.classes;
    const known = this.known;
    const size = this.vocab.size;
    const unknown = this.unknownIds;
    if (unknown.size > MAX_UNKNOWN_IDS) unknown.clear();
    for (let i = 0; i < n; i++) {
      const v = this.vocab.get(tokens[i]!);
      known[i] = v;
      let word = v;
      if (!word) {
        word = unknown.get(tokens[i]!);
        if (word === undefined)
          unknown.set(tokens[i]!, (word = { id: size + unknown.size, unigram: 0, classes: tokenClasses(tokens[i]!) }));
      }
      ids[i] = word.id;
      classes[i] = word.classes;
    }
    const stamp = this.nextStamp(size + unknown.size);
    const seenIn = this.seenIn;
    const firstPos = this.firstPos;
    // The same distinct n-grams extractFeatures names, counted for the group's L2 normalisation.
    let distinct = 0;
    for (let i = 0; i < n; i++) {
      const id = ids[i]!;
      if (seenIn[id] !== stamp) {
        seenIn[id] = stamp;
        firstPos[id] = i;
        distinct++;
      }
    }
    let pairCount = 0;
    let pairWeight = 0;
    if (config.wordBigrams && n > 0) {
      const startId = this.vocab.get('^')!.id;
      const endId = this.vocab.get('$')!.id;
      const pairs = this.pairs;
      for (let i = 0; i <= n; i++) {
        const first = i === 0 ? startId : ids[i - 1]!;
        const second = i === n ? endId : ids[i]!;
        // A pair can only repeat when its first word occurred before (rare): only then look back.
        if (i > 0 && firstPos[first]! < i - 1 && repeatsPair(ids, i, first, second)) continue;
        pairCount++;
        // Only pairs of two known words have weights.
        if (first < size && second < size) {
          const w = pairs.get(first, second);
          if (w !== undefined) pairWeight += w;
        }
      }
    }
    const ngrams = distinct + pairCount;
    const scale = ngrams > 0 ? (config.ngramScale ?? 1) / Math.sqrt(ngrams) : 0;
    let wording = pairWeight;
    for (let i = 0; i < n; i++) {
      const v = known[i];
      if (v && firstPos[v.id] === i && v.unigram !== 0) wording += v.unigram;
    }
    wording *= scale;
    let logit = wording;
    const reasons: ScoreReason[] = [];
    for (const name of denseFeatures(sentence, tokens, config, classes)) {
      const w = this.weights.get(name);
      if (w === undefined) continue;
      logit += w;
      const kind = this.ruleKind.get(name);
      if (kind !== undefined) reasons.push({ kind, label: RULE_LABELS.get(kind) ?? kind, weight: round(w) });
    }
    return this.finish(sentence, logit, wording, reasons);
  }

  /** A fresh stamp for the per-word scratch arrays, grown to hold `ids` ids. */
  private nextStamp(ids: number): number {
    if (this.seenIn.length < ids) {
      const capacity = Math.max(ids, this.seenIn.length * 2, 1024);
      this.seenIn = new Uint32Array(capacity);
      this.firstPos = new Int32Array(capacity);
      this.sentenceStamp = 0;
    }
    if (this.sentenceStamp === 0xffffffff) {
      this.seenIn.fill(0);
      this.sentenceStamp = 0;
    }
    return ++this.sentenceStamp;
  }

  /** The general path, for models with character n-grams. */
  private scoreByNames(sentence: string): SpotterScore {
    const names = extractFeatures(sentence, this.model.config);
    let ngrams = 0;
    for (const n of names) if (isNgram(n)) ngrams++;
    const scale = ngrams > 0 ? (this.model.config.ngramScale ?? 1) / Math.sqrt(ngrams) : 0;
    let logit = 0;
    let wording = 0;
    const reasons: ScoreReason[] = [];
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const w = this.weights.get(name);
      if (w === undefined) continue;
      const ngram = isNgram(name);
      const contribution = ngram ? w * scale : w;
      logit += contribution;
      if (ngram) wording += contribution;
      else if (name.charCodeAt(0) === 114 && name.charCodeAt(1) === 58) {
        const kind = name.slice(2);
        reasons.push({ kind, label: RULE_LABELS.get(kind) ?? kind, weight: round(contribution) });
      }
    }
    return this.finish(sentence, logit, wording, reasons);
  }

  private finish(sentence: string, logit: number, wording: number, reasons: ScoreReason[]): SpotterScore {
    for (const prior of NEWS_PRIORS) {
      if (prior.applies(reasons, sentence)) {
        logit += prior.weight;
        reasons.push({ kind: prior.kind, label: prior.label, weight: prior.weight });
      }
    }
    if (Math.abs(wording) >= 0.25) {
      reasons.push({
        kind: 'wording',
        label: wording > 0 ? 'worded like a checkable statement of fact' : 'worded like opinion, chat or scene-setting',
        weight: round(wording),
      });
    }
    sortByStrength(reasons);
    const platt = this.model.platt;
    const z = platt ? platt.scale * logit + platt.offset : logit;
    return { score: round(sigmoid(z), 4), reasons: reasons.filter((r) => r.weight !== 0) };
  }
}

/**
 * Whether the pair (first, second) ending at position i (i = length for the end marker) occurred earlier.
 * Ids, not strings: the end marker "$" and a "$" token share an id, as their pair names are the same.
 */
function repeatsPair(ids: Int32Array, i: number, first: number, second: number): boolean {
  for (let j = 1; j < i; j++) if (ids[j - 1] === first && ids[j] === second) return true;
  return false;
}

/** Whether a reason argues against check-worthiness (for display). */
export function isNegativeReason(r: ScoreReason): boolean {
  return r.weight < 0 || NEGATIVE_KINDS.has(r.kind);
}

function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
