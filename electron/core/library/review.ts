/** One published fact-check as the library stores it, whatever format it came from. */
import { z } from 'zod';
import type { LibraryVerdict } from './verdict';

const LIMITS = { claim: 4_000, headline: 1_000, short: 300, url: 2_048 } as const;

function clip(max: number) {
  return z
    .string()
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .transform((s) => (s.length > max ? `${s.slice(0, max - 1)}…` : s));
}

export const reviewItemSchema = z.object({
  url: z
    .string()
    .trim()
    .max(LIMITS.url, 'url is too long')
    .refine((u) => {
      try {
        const p = new URL(u).protocol;
        return p === 'http:' || p === 'https:';
      } catch {
        return false;
      }
    }, 'url must be an absolute http(s) URL'),
  claimReviewed: clip(LIMITS.claim).pipe(z.string().min(1, 'claimReviewed is empty')),
  headline: clip(LIMITS.headline),
  ratingText: clip(LIMITS.short),
  verdict: z.enum(['false', 'misleading', 'mixed', 'true', 'unproven', 'unrated']),
  publisher: clip(LIMITS.short),
  datePublished: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?/)
    .transform((d) => d.slice(0, 10))
    .nullable(),
  language: z
    .string()
    .trim()
    .max(35)
    .regex(/^[A-Za-z-]*$/, 'language must be a language tag'),
  claimant: clip(LIMITS.short),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;
export type ReviewItemInput = z.input<typeof reviewItemSchema> & { verdict: LibraryVerdict };

/** A reason an item was skipped, with where it sits in its file. */
export interface SkippedItem {
  file: string;
  position: string;
  reason: string;
}
