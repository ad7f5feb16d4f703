import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEWS_LABELS, readNewsLabels, scoreNewsLabels } from '../../../electron/cli/checkworthy-news';
import { defaultThreshold } from '../../../shared/spotting/index';
import { binaryMetrics } from '../../../shared/spotting/metrics';
import { CORPUS_DIR, readGumArticle, withoutShared } from '../../helpers/corpus';

const labels = readNewsLabels(fs.readFileSync(NEWS_LABELS, 'utf8'));

describe('the labelled news set (eval/checkworthy-news.tsv)', () => {
  it('is read and validated: paths stay under the corpus, labels are yes or no, spans are ordered', () => {
    expect(labels.length).toBeGreaterThanOrEqual(400);
    expect(new Set(labels.map((l) => l.split))).toEqual(new Set(['tune', 'test']));
    const row = 'news_en/gum_wikinews_conllu/GUM_news_afghan.conllu\t0\t10\tyes\ttune';
    expect(readNewsLabels(row)).toHaveLength(1);
    expect(() => readNewsLabels(row.replace('news_en/', 'news_en/../../'))).toThrow(/line 1/);
    expect(() => readNewsLabels(row.replace('yes', 'maybe'))).toThrow(/line 1/);
    expect(() => readNewsLabels(row.replace('\t0\t10', '\t10\t5'))).toThrow(/end before start/);
    expect(() => readNewsLabels(row.replace('tune', 'train'))).toThrow(/line 1/);
  });

  it.skipIf(withoutShared(import.meta.url))('points at whole gold sentences of the articles', () => {
    const byFile = new Map<string, ReturnType<typeof readGumArticle>>();
    for (const l of labels) {
      const article = byFile.get(l.file) ?? readGumArticle(path.join(CORPUS_DIR, l.file));
      byFile.set(l.file, article);
      expect(article.sentences).toContain(article.text.slice(l.start, l.end));
    }
    expect(labels.length).toBe([...byFile.values()].reduce((n, a) => n + a.sentences.length, 0));
  });

  it.skipIf(withoutShared(import.meta.url))('the default article threshold keeps recall >= 0.9 at precision >= 0.8, on tune and test articles', () => {
    const scored = scoreNewsLabels(labels);
    const threshold = defaultThreshold();
    for (const split of ['tune', 'test'] as const) {
      const rows = scored.filter((r) => r.split === split);
      const m = binaryMetrics(
        rows.map((r) => r.score),
        rows.map((r) => r.label),
        threshold,
      );
      expect(m.recall, split).toBeGreaterThanOrEqual(0.9);
      expect(m.precision, split).toBeGreaterThanOrEqual(0.8);
    }
  });
});
