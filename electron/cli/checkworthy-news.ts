/**
 * The hand-labelled news check-worthiness sets: references into ../shared/corpus with a yes/no label, read
 * and validated, and scored through the app's own analysis of each whole article, so that a sentence's
 * context (its attribution, its quotation, captions around it) counts as it does in the app.
 * - eval/checkworthy-news.tsv: English GUM Wikinews articles rebuilt from their gold sentences (UTF-16
 *   offsets into that text);
 * - eval/checkworthy-news-ru.tsv: Russian Wikinews and OpenCorpora news texts as stored (offsets into the file's text).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { analyzeText, type ScoredSentence } from '../../shared/text/candidates';
import { CORPUS_DIR, readGumArticle } from '../../test/helpers/corpus';

export const NEWS_LABELS = path.resolve(import.meta.dirname, '../../eval/checkworthy-news.tsv');
export const NEWS_LABELS_RU = path.resolve(import.meta.dirname, '../../eval/checkworthy-news-ru.tsv');

const Row = z.object({
  file: z
    .string()
    .regex(
      /^(?:news_en\/gum_wikinews_conllu\/[\w.-]+\.conllu|news_ru\/(?:ru_wikinews_nerel|ru_opencorpora_factrueval)\/[\w.-]+\.txt)$/,
      'a GUM article under ../shared/corpus/news_en or a Russian Wikinews or OpenCorpora text under ../shared/corpus/news_ru',
    )
    .refine((f) => !f.split('/').includes('..'), 'a path under ../shared/corpus'),
  start: z.coerce.number().int().nonnegative(),
  end: z.coerce.number().int().positive(),
  label: z.enum(['yes', 'no']).transform((l) => l === 'yes'),
  split: z.enum(['tune', 'test']),
});
export type NewsLabel = z.infer<typeof Row>;

export function readNewsLabels(content: string, name = 'eval/checkworthy-news.tsv'): NewsLabel[] {
  return content
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => line.trim() && !line.startsWith('#'))
    .map(({ line, n }) => {
      const [file, start, end, label, split] = line.split('\t');
      const r = Row.safeParse({ file, start, end, label, split });
      if (!r.success) throw new Error(`${name} line ${n}: ${r.error.issues[0]?.message}`);
      if (r.data.end <= r.data.start) throw new Error(`${name} line ${n}: end before start`);
      return r.data;
    });
}

export interface ScoredLabel extends NewsLabel {
  /** Score of the analysed sentence that overlaps the labelled span most. */
  score: number;
  text: string;
}

/** Labels grouped by article, with the article's text. */
export function labelledArticles(labels: readonly NewsLabel[]): { file: string; text: string; rows: NewsLabel[] }[] {
  const byFile = new Map<string, NewsLabel[]>();
  for (const l of labels) byFile.set(l.file, [...(byFile.get(l.file) ?? []), l]);
  return [...byFile].map(([file, rows]) => {
    const full = path.join(CORPUS_DIR, file);
    const text = file.endsWith('.conllu') ? readGumArticle(full).text : fs.readFileSync(full, 'utf8');
    for (const r of rows)
      if (r.end > text.length) throw new Error(`${file}: label ${r.start}-${r.end} lies past the end of the article`);
    return { file, text, rows };
  });
}

/** The index of the span that overlaps [start, end) most, or -1. */
export function bestOverlap(spans: readonly { start: number; end: number }[], start: number, end: number): number {
  let best = -1;
  let most = 0;
  spans.forEach((s, i) => {
    const overlap = Math.min(end, s.end) - Math.max(start, s.start);
    if (overlap > most) {
      best = i;
      most = overlap;
    }
  });
  return best;
}

/** Every labelled sentence with the score the app gives it inside its article. */
export function scoreNewsLabels(
  labels: readonly NewsLabel[],
  analyze: (text: string) => ScoredSentence[] = analyzeText,
): ScoredLabel[] {
  const out: ScoredLabel[] = [];
  for (const { text, rows } of labelledArticles(labels)) {
    const sentences = analyze(text);
    const spans = sentences.map((s) => s.anchor);
    for (const r of rows) {
      const i = bestOverlap(spans, r.start, r.end);
      out.push({ ...r, score: i >= 0 ? sentences[i]!.score : 0, text: text.slice(r.start, r.end) });
    }
  }
  return out;
}

export function hasNewsCorpus(language: 'en' | 'ru' = 'en'): boolean {
  return fs.existsSync(path.join(CORPUS_DIR, language === 'en' ? 'news_en/gum_wikinews_conllu' : 'news_ru/ru_wikinews_nerel'));
}
