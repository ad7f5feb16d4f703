/** A sentence and where it sits in the source text (UTF-16 offsets). */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** Split text into sentences, trimming surrounding whitespace from each. */
export function segmentSentences(text: string, locale = 'en'): Sentence[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  const out: Sentence[] = [];
  for (const seg of segmenter.segment(text)) {
    const raw = seg.segment;
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (!trimmed) continue;
    const start = seg.index + lead;
    out.push({ start, end: start + trimmed.length, text: trimmed });
  }
  return out;
}
