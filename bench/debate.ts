/**
 * A three-hour debate for the capture benchmarks: ~25,000 words of real debate sentences from the
 * CT24 check-worthiness data, in paragraphs of 60-120 words under alternating speaker labels,
 * the same every run (seeded).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseCheckworthyTsv } from '../shared/spotting/dataset';
import { seededRandom } from '../shared/seeded-random';

const SPEAKERS = ['MODERATOR', 'HARRIS', 'TRUMP'];
const TSV = path.resolve(import.meta.dirname, '../../shared/data/checkworthy/CT24_checkworthy_english_train.tsv');

export interface Paragraph {
  speaker: string;
  text: string;
  words: number;
}

export function debateParagraphs(targetWords = 25_000): Paragraph[] {
  const sentences = parseCheckworthyTsv(fs.readFileSync(TSV, 'utf8'))
    .map((d) => d.text.replace(/\s+/g, ' ').trim())
    .filter((t) => t.length > 0);
  const random = seededRandom(25_000);
  const paragraphs: Paragraph[] = [];
  let total = 0;
  let next = 0;
  let turn = 0;
  while (total < targetWords && next < sentences.length) {
    const goal = 60 + Math.floor(random() * 61);
    const parts: string[] = [];
    let words = 0;
    while (words < goal && next < sentences.length) {
      const s = sentences[next++]!;
      parts.push(s);
      words += s.split(' ').length;
    }
    // The candidates alternate; the moderator comes in now and then.
    const speaker = random() < 0.15 ? SPEAKERS[0]! : SPEAKERS[1 + (turn++ % 2)]!;
    paragraphs.push({ speaker, text: parts.join(' '), words });
    total += words;
  }
  return paragraphs;
}

