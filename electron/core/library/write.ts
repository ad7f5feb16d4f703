/** Writing reviews into a library: analysed once on the way in, deduplicated by URL. */
import { analyse, detectLanguage, type MatchLanguage } from '../../../shared/matching/analyse';
import type { LibraryDB } from './file';
import type { ReviewItem } from './review';

export type UpsertOutcome = 'added' | 'updated' | 'unchanged';

function matchLanguage(tag: string, text: string): MatchLanguage {
  const t = tag.toLowerCase();
  if (t.startsWith('ru')) return 'ru';
  if (t.startsWith('uk')) return 'uk';
  if (t.startsWith('en')) return 'en';
  return detectLanguage(text);
}

export function reviewWriter(db: LibraryDB): (item: ReviewItem, importedAt: string) => UpsertOutcome {
  const find = db.prepare(
    'SELECT id, claim_reviewed, headline, rating_text, verdict, publisher, date_published, language, claimant FROM reviews WHERE url = ?',
  );
  const insert = db.prepare(
    `INSERT INTO reviews (url, claim_reviewed, headline, rating_text, verdict, publisher, date_published, language, claimant, claim_terms, headline_terms, imported_at)
     VALUES (@url, @claimReviewed, @headline, @ratingText, @verdict, @publisher, @datePublished, @language, @claimant, @claimTerms, @headlineTerms, @importedAt)`,
  );
  const update = db.prepare(
    `UPDATE reviews SET claim_reviewed = @claimReviewed, headline = @headline, rating_text = @ratingText, verdict = @verdict,
       publisher = @publisher, date_published = @datePublished, language = @language, claimant = @claimant,
       claim_terms = @claimTerms, headline_terms = @headlineTerms, imported_at = @importedAt WHERE id = @id`,
  );
  return (item, importedAt) => {
    const existing = find.get(item.url) as
      | {
          id: number;
          claim_reviewed: string;
          headline: string;
          rating_text: string;
          verdict: string;
          publisher: string;
          date_published: string | null;
          language: string;
          claimant: string;
        }
      | undefined;
    if (
      existing &&
      existing.claim_reviewed === item.claimReviewed &&
      existing.headline === item.headline &&
      existing.rating_text === item.ratingText &&
      existing.verdict === item.verdict &&
      existing.publisher === item.publisher &&
      existing.date_published === item.datePublished &&
      existing.language === item.language &&
      existing.claimant === item.claimant
    ) {
      return 'unchanged';
    }
    const language = matchLanguage(item.language, item.claimReviewed);
    const row = {
      ...item,
      claimTerms: analyse(item.claimReviewed, { language }).join(' '),
      headlineTerms: analyse(item.headline, { language }).join(' '),
      importedAt,
    };
    if (existing) {
      update.run({ ...row, id: existing.id });
      return 'updated';
    }
    insert.run(row);
    return 'added';
  };
}
