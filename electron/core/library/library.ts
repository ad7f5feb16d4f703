/** A fact-check library file opened for reading, matching and importing. */
import defaultModelJson from '../../../shared/matching/matching-model.json';
import { matchingModelSchema, type MatchingModel } from '../../../shared/matching/model';
import { openLibraryDatabase, type LibraryDB, type OpenLibraryOptions } from './file';
import { LibraryMatcher, type LibraryMatch } from './match';
import { reviewWriter, type UpsertOutcome } from './write';
import type { ReviewItem } from './review';

let shippedModel: MatchingModel | undefined;
export function defaultMatchingModel(): MatchingModel {
  shippedModel ??= matchingModelSchema.parse(defaultModelJson);
  return shippedModel;
}

export interface LibrarySummary {
  path: string;
  libraryId: string;
  reviews: number;
  publishers: { name: string; reviews: number }[];
}

export class FactCheckLibrary {
  private matcherInstance: LibraryMatcher | undefined;

  private constructor(
    readonly db: LibraryDB,
    readonly path: string,
    private readonly model: MatchingModel,
  ) {}

  static open(file: string, options: OpenLibraryOptions & { model?: MatchingModel } = {}): FactCheckLibrary {
    const { db, path } = openLibraryDatabase(file, options);
    return new FactCheckLibrary(db, path, options.model ?? defaultMatchingModel());
  }

  get matcher(): LibraryMatcher {
    this.matcherInstance ??= new LibraryMatcher(this.db, this.model);
    return this.matcherInstance;
  }

  match(text: string, top = 5): LibraryMatch[] {
    return this.matcher.match(text, top);
  }

  count(): number {
    return this.db.prepare('SELECT count(*) FROM reviews').pluck().get() as number;
  }

  summary(): LibrarySummary {
    const libraryId = this.db.prepare("SELECT value FROM meta WHERE key = 'library_id'").pluck().get() as string;
    const publishers = this.db
      .prepare(
        'SELECT publisher AS name, count(*) AS reviews FROM reviews GROUP BY publisher ORDER BY reviews DESC, publisher LIMIT 20',
      )
      .all() as { name: string; reviews: number }[];
    return { path: this.path, libraryId, reviews: this.count(), publishers };
  }

  /** Write items in one transaction (the caller batches); statistics the matcher cached are dropped. */
  writeBatch(items: ReviewItem[], importedAt: string): Record<UpsertOutcome, number> {
    const write = reviewWriter(this.db);
    const counts: Record<UpsertOutcome, number> = { added: 0, updated: 0, unchanged: 0 };
    this.db.transaction(() => {
      for (const item of items) counts[write(item, importedAt)]++;
    })();
    this.matcherInstance?.invalidate();
    return counts;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
