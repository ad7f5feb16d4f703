import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLabels } from '../../../electron/cli/attribution-labels';

const LABELS = path.resolve(import.meta.dirname, '../../../eval/attribution-labels.tsv');

describe('the attribution labels', () => {
  it('are references (file, offsets, claimant, split), not copied text', () => {
    const rows = readLabels(fs.readFileSync(LABELS, 'utf8'));
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(rows.filter((r) => r.claimant !== '-').length).toBeGreaterThanOrEqual(150);
    expect(new Set(rows.map((r) => r.split))).toEqual(new Set(['dev', 'heldout', 'unseen']));
    expect(rows.some((r) => r.file.startsWith('news_ru/'))).toBe(true);
    for (const r of rows) expect(r.end - r.start).toBeLessThan(2_000);
  });

  it('refuse a malformed row with its line number', () => {
    expect(() => readLabels('# header\nnews_en/x.txt\t10\t5\tX\tdev\n')).toThrow(/line 2: end before start/);
    expect(() => readLabels('# header\n/etc/passwd\t0\t5\tX\tdev\n')).toThrow(/line 2/);
    expect(() => readLabels('# header\nnews_en/../../secret.txt\t0\t5\tX\tdev\n')).toThrow(/under \.\.\/shared\/corpus/);
    expect(() => readLabels('# header\nnews_en/x.txt\t0\t5\tX\ttrain\n')).toThrow(/line 2/);
  });
});
