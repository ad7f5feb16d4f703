/** The hand-checked attribution labels (eval/attribution-labels.tsv): references into ../shared/corpus, read and validated. */
import { z } from 'zod';

const Row = z.object({
  file: z
    .string()
    .regex(/^(?:news_(?:en|ru)|fixtures\/html)\/[\w./-]+$/, 'a path under ../shared/corpus')
    .refine((f) => !f.split('/').includes('..'), 'a path under ../shared/corpus'),
  start: z.coerce.number().int().nonnegative(),
  end: z.coerce.number().int().positive(),
  claimant: z.string().min(1),
  split: z.enum(['dev', 'heldout', 'unseen']),
});
export type LabelRow = z.infer<typeof Row>;

export function readLabels(content: string): LabelRow[] {
  return content
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((line, i) => {
      const [file, start, end, claimant, split] = line.split('\t');
      const r = Row.safeParse({ file, start, end, claimant, split });
      if (!r.success) throw new Error(`eval/attribution-labels.tsv line ${i + 2}: ${r.error.issues[0]?.message}`);
      if (r.data.end <= r.data.start) throw new Error(`eval/attribution-labels.tsv line ${i + 2}: end before start`);
      return r.data;
    });
}

