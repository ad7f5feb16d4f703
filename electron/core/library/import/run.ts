/**
 * Import files into a library: every format recognised, items written in batches inside ONE transaction so a
 * cancelled or failed import leaves the library exactly as it was; bad items are skipped and reported with
 * their file and position, never stopping the import.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ClaimbenchError } from '../../../../shared/result';
import type { FactCheckLibrary } from '../library';
import type { ReviewItem, SkippedItem } from '../review';
import { extractClaimReviews, type ExtractedReviews } from './claimreview';
import { extractCsvReviews, type CsvMapping } from './csv';

/** Larger files are refused before they are read: a library feed this size is a mistake or an attack. */
export const MAX_IMPORT_FILE_BYTES = 1024 * 1024 * 1024;
const BATCH = 5_000;

export interface LibraryImportProgress {
  file: string;
  filesDone: number;
  filesTotal: number;
  itemsDone: number;
  itemsTotal: number;
}

export interface LibraryImportResult {
  files: number;
  found: number;
  added: number;
  updated: number;
  unchanged: number;
  skipped: SkippedItem[];
}

export interface LibraryImportOptions {
  csvMapping?: CsvMapping;
  onProgress?: (p: LibraryImportProgress) => void;
  signal?: AbortSignal;
}

export function extractFile(file: string, content: string, csvMapping: CsvMapping = {}): ExtractedReviews {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') return extractCsvReviews(content, path.basename(file), csvMapping);
  if (ext === '.tsv') return extractCsvReviews(content, path.basename(file), csvMapping, '\t');
  return extractClaimReviews(content, path.basename(file));
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function importIntoLibrary(
  library: FactCheckLibrary,
  files: string[],
  options: LibraryImportOptions = {},
): Promise<LibraryImportResult> {
  const result: LibraryImportResult = { files: files.length, found: 0, added: 0, updated: 0, unchanged: 0, skipped: [] };
  for (const file of files) {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) throw new ClaimbenchError('NOT_FOUND', `${file} does not exist.`);
    if (stat.size > MAX_IMPORT_FILE_BYTES)
      throw new ClaimbenchError('VALIDATION', `${path.basename(file)} is larger than 1 GiB; split it first.`);
  }
  const importedAt = new Date().toISOString();
  const db = library.db;
  db.exec('BEGIN IMMEDIATE');
  try {
    for (const [fileIndex, file] of files.entries()) {
      const extracted = extractFile(file, fs.readFileSync(file, 'utf8'), options.csvMapping);
      result.skipped.push(...extracted.skipped);
      result.found += extracted.items.length;
      const items: ReviewItem[] = extracted.items.map((i) => i.item);
      for (let start = 0; start < items.length || start === 0; start += BATCH) {
        if (options.signal?.aborted) throw new ClaimbenchError('CANCELLED', 'Import cancelled; the library is unchanged.');
        const counts = library.writeBatch(items.slice(start, start + BATCH), importedAt);
        result.added += counts.added;
        result.updated += counts.updated;
        result.unchanged += counts.unchanged;
        options.onProgress?.({
          file: path.basename(file),
          filesDone: fileIndex + (start + BATCH >= items.length ? 1 : 0),
          filesTotal: files.length,
          itemsDone: Math.min(start + BATCH, items.length),
          itemsTotal: items.length,
        });
        await tick();
        if (items.length === 0) break;
      }
    }
    if (options.signal?.aborted) throw new ClaimbenchError('CANCELLED', 'Import cancelled; the library is unchanged.');
    db.exec('COMMIT');
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    library.matcher.invalidate();
    throw e;
  }
  return result;
}
