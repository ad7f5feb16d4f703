/**
 * Lower-case ASCII words with the ids of the gates they open (shared/spotting/word-gate.ts), found from a run of
 * ASCII letters inside a sentence by its character codes: no string is cut out, lower-cased and hashed per run,
 * which was most of the cost of reading a sentence's words.
 */
export class GateWords {
  private words: string[] = [];
  private ids: number[][] = [];
  /** Open addressing: per slot, 1 + the index of its word in `words`, or 0 when empty. */
  private slots = new Int32Array(1024);
  private mask = 1023;

  /** Notes that `word` (lower-case ASCII letters) opens the gate `id`. */
  add(word: string, id: number): void {
    const found = this.indexOf(word, 0, word.length, hashWord(word, 0, word.length));
    if (found >= 0) {
      this.ids[found]!.push(id);
      return;
    }
    this.words.push(word);
    this.ids.push([id]);
    if (this.words.length * 2 > this.slots.length) this.grow();
    else this.place(this.words.length - 1);
  }

  /**
   * The gate ids of the word that `text` spells from `from` to `to`, in any case; `hash` is hashWord of that
   * stretch (the caller works it out while it reads the run's letters).
   */
  find(text: string, from: number, to: number, hash: number): readonly number[] | undefined {
    const k = this.indexOf(text, from, to, hash);
    return k < 0 ? undefined : this.ids[k];
  }

  private indexOf(text: string, from: number, to: number, hash: number): number {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const k = this.slots[slot]! - 1;
      if (k < 0) return -1;
      if (sameLetters(this.words[k]!, text, from, to)) return k;
    }
  }

  private place(k: number): void {
    const word = this.words[k]!;
    let slot = hashWord(word, 0, word.length) & this.mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = k + 1;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let k = 0; k < this.words.length; k++) this.place(k);
  }
}

/** One step of hashWord: the hash so far with the next letter (its code, lower-cased by `| 32`). */
export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ (code | 32), 0x01000193);
}

/** What hashWord starts from, before the first letter. */
export const WORD_HASH_START = 0x811c9dc5 | 0;

/** The hash of the ASCII letters of text from `from` to `to`, whatever their case. */
function hashWord(text: string, from: number, to: number): number {
  let hash = WORD_HASH_START;
  for (let i = from; i < to; i++) hash = hashStep(hash, text.charCodeAt(i));
  return hash;
}

/** Whether the ASCII letters of text from `from` to `to`, lower-cased, spell `word`. */
function sameLetters(word: string, text: string, from: number, to: number): boolean {
  if (word.length !== to - from) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== (text.charCodeAt(from + i) | 32)) return false;
  return true;
}
