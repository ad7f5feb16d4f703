/**
 * Fact-checks from a CSV file with a header row. A column mapping names the column for each field; without
 * one, common header names are recognised (claim / claimReviewed, url / link, rating / verdict, …).
 */
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { reviewItemSchema, type SkippedItem } from '../review';
import { verdictFromRatingText } from '../verdict';
import type { ExtractedReviews } from './claimreview';

export const CSV_FIELDS = ['claim', 'url', 'headline', 'rating', 'publisher', 'date', 'language', 'claimant'] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
export const csvMappingSchema = z.partialRecord(z.enum(CSV_FIELDS), z.string().min(1));
export type CsvMapping = z.infer<typeof csvMappingSchema>;

const GUESSES: Record<CsvField, string[]> = {
  claim: ['claim', 'claimreviewed', 'claim_reviewed', 'claim reviewed', 'vclaim', 'statement'],
  url: ['url', 'link', 'review_url', 'review url', 'fact_check_url', 'source'],
  headline: ['headline', 'title', 'name'],
  rating: ['rating', 'verdict', 'rating_text', 'textualrating', 'alternatename'],
  publisher: ['publisher', 'author', 'organisation', 'organization', 'site'],
  date: ['date', 'datepublished', 'date_published', 'published'],
  language: ['language', 'lang', 'inlanguage'],
  claimant: ['claimant', 'speaker', 'said_by', 'source_person'],
};

/** "claim=Statement,url=Link" (the CLI's --map) to a mapping. */
export function parseCsvMapping(spec: string): CsvMapping {
  const entries = spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const eq = p.indexOf('=');
      if (eq <= 0) throw new Error(`"${p}" is not FIELD=COLUMN`);
      return [p.slice(0, eq).trim(), p.slice(eq + 1).trim()] as const;
    });
  const parsed = csvMappingSchema.safeParse(Object.fromEntries(entries));
  if (!parsed.success) throw new Error(`unknown field in the column mapping; fields are ${CSV_FIELDS.join(', ')}`);
  return parsed.data;
}

function resolveColumns(header: string[], mapping: CsvMapping): Partial<Record<CsvField, number>> {
  const lower = header.map((h) => h.trim().toLowerCase());
  const out: Partial<Record<CsvField, number>> = {};
  for (const field of CSV_FIELDS) {
    const named = mapping[field];
    if (named !== undefined) {
      const i = header.findIndex((h) => h.trim() === named.trim());
      const j = i >= 0 ? i : lower.indexOf(named.trim().toLowerCase());
      if (j < 0)
        throw new Error(
          `the mapping names column "${named}" for ${field}, but the header has ${header.map((h) => `"${h}"`).join(', ')}`,
        );
      out[field] = j;
      continue;
    }
    const g = lower.findIndex((h) => GUESSES[field].includes(h));
    if (g >= 0) out[field] = g;
  }
  if (out.claim === undefined || out.url === undefined) {
    throw new Error(
      `no ${out.claim === undefined ? 'claim' : 'url'} column; name it with a column mapping (claim=COLUMN,url=COLUMN)`,
    );
  }
  return out;
}

export function extractCsvReviews(content: string, file: string, mapping: CsvMapping = {}, delimiter = ','): ExtractedReviews {
  const out: ExtractedReviews = { items: [], skipped: [] };
  let rows: string[][];
  try {
    rows = parse(content.replace(/^\uFEFF/, ''), {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: 1_000_000,
    }) as string[][];
  } catch (e) {
    out.skipped.push({
      file,
      position: '(file)',
      reason: `not a readable CSV file (${e instanceof Error ? e.message : String(e)})`,
    });
    return out;
  }
  if (rows.length === 0) return out;
  let columns: Partial<Record<CsvField, number>>;
  try {
    columns = resolveColumns(rows[0]!, mapping);
  } catch (e) {
    out.skipped.push({ file, position: 'header', reason: e instanceof Error ? e.message : String(e) });
    return out;
  }
  const cell = (row: string[], field: CsvField) => (columns[field] === undefined ? '' : (row[columns[field]!] ?? ''));
  rows.slice(1).forEach((row, i) => {
    const position = `row ${i + 2}`;
    const rating = cell(row, 'rating');
    const date = cell(row, 'date').trim();
    const parsed = reviewItemSchema.safeParse({
      url: cell(row, 'url'),
      claimReviewed: cell(row, 'claim'),
      headline: cell(row, 'headline'),
      ratingText: rating,
      verdict: verdictFromRatingText(rating),
      publisher: cell(row, 'publisher'),
      datePublished: /^\d{4}(-\d{2}(-\d{2})?)?/.test(date) ? date : null,
      language: cell(row, 'language').trim(),
      claimant: cell(row, 'claimant'),
    });
    if (parsed.success) out.items.push({ item: parsed.data, position });
    else {
      const issue = parsed.error.issues[0]!;
      const skipped: SkippedItem = { file, position, reason: `${String(issue.path[0] ?? 'row')}: ${issue.message}` };
      out.skipped.push(skipped);
    }
  });
  return out;
}
