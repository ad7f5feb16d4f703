/**
 * schema.org ClaimReview in every shape publishers ship it: one object, an array, an `@graph`, a DataFeed
 * (`dataFeedElement[].item[]`), JSON-LD embedded in HTML pages, and Claimbench's own exports. Each review
 * found is mapped to a library item or reported, with where it was, as skipped.
 */
import { reviewItemSchema, type ReviewItem, type SkippedItem } from '../review';
import { verdictFromRatingText, verdictFromScale } from '../verdict';

/** Deeper than any real feed; a hostile file cannot make the walk recurse without end. */
const MAX_DEPTH = 32;

export interface ExtractedReviews {
  items: { item: ReviewItem; position: string }[];
  skipped: SkippedItem[];
}

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function types(v: Record<string, Json>): string[] {
  const t = v['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#:]/, ''));
}

function text(v: Json): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return text(v[0]);
  if (isObject(v)) {
    if ('@value' in v) return text(v['@value']);
    if ('name' in v) return text(v.name);
  }
  return '';
}

function numberOf(v: Json): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : NaN;
  return Number.isFinite(n) ? n : NaN;
}

function first(v: Json): Json {
  return Array.isArray(v) ? v[0] : v;
}

function urlOf(v: Json): string {
  if (typeof v === 'string') return v;
  if (isObject(v)) return text(v.url ?? v['@id']);
  if (Array.isArray(v)) return urlOf(v[0]);
  return '';
}

function languageOf(v: Json): string {
  const t = isObject(first(v))
    ? text((first(v) as Record<string, Json>).alternateName ?? (first(v) as Record<string, Json>).name)
    : text(v);
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(t) ? t : '';
}

/** Map one ClaimReview object to a library item, or say why it cannot be one. */
export function reviewFromClaimReview(node: Record<string, Json>): { item: ReviewItem } | { error: string } {
  const rating = first(node.reviewRating);
  const ratingObj = isObject(rating) ? rating : {};
  const ratingText = text(ratingObj.alternateName) || text(ratingObj.name) || (typeof rating === 'string' ? rating : '');
  let verdict = verdictFromRatingText(ratingText);
  if (verdict === 'unrated') {
    verdict = verdictFromScale(
      numberOf(ratingObj.ratingValue),
      numberOf(ratingObj.worstRating ?? 1),
      numberOf(ratingObj.bestRating ?? 5),
    );
  }
  const itemReviewed = first(node.itemReviewed);
  const claimant = isObject(itemReviewed) ? text(first(itemReviewed.author)) : '';
  const date = text(node.datePublished) || (isObject(itemReviewed) ? '' : '');
  const candidate = {
    url: urlOf(node.url) || (typeof node['@id'] === 'string' ? node['@id'] : ''),
    claimReviewed: text(node.claimReviewed) || (isObject(itemReviewed) ? text(itemReviewed.name) : ''),
    headline: text(node.headline) || text(node.name),
    ratingText,
    verdict,
    publisher: text(first(node.author)) || text(first(node.publisher)),
    datePublished: /^\d{4}(-\d{2}(-\d{2})?)?/.test(date) ? date : null,
    language: languageOf(node.inLanguage),
    claimant,
  };
  const parsed = reviewItemSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? 'item');
    return { error: issue.message.includes(field) ? issue.message : `${field}: ${issue.message}` };
  }
  return { item: parsed.data };
}

/** Walk any JSON-LD value, collecting ClaimReview objects with a path-like position ("dataFeedElement[3].item[0]"). */
export function collectClaimReviews(root: Json, file: string, out: ExtractedReviews, base = ''): void {
  const walk = (v: Json, position: string, depth: number): void => {
    if (depth > MAX_DEPTH) {
      out.skipped.push({ file, position: position || '(top)', reason: `nested deeper than ${MAX_DEPTH} levels` });
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${position}[${i}]`, depth + 1));
      return;
    }
    if (!isObject(v)) return;
    if (types(v).includes('ClaimReview')) {
      const r = reviewFromClaimReview(v);
      if ('item' in r) out.items.push({ item: r.item, position: position || '(top)' });
      else out.skipped.push({ file, position: position || '(top)', reason: r.error });
      return;
    }
    const dot = position ? `${position}.` : '';
    let container = false;
    for (const key of ['@graph', 'dataFeedElement', 'item', 'itemListElement', 'mainEntity', 'hasPart', 'review']) {
      if (key in v) {
        container = true;
        walk(v[key], `${dot}${key}`, depth + 1);
      }
    }
    if (!container && depth <= 1 && Object.keys(v).length > 0 && !('@type' in v)) {
      out.skipped.push({ file, position: position || '(top)', reason: 'not a ClaimReview (no @type)' });
    }
  };
  walk(root, base, 0);
}

const LD_JSON_SCRIPT = /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;

function decodeHtmlComment(s: string): string {
  return s
    .replace(/^\s*<!--/, '')
    .replace(/-->\s*$/, '')
    .replace(/^\s*\/\/\s*<!\[CDATA\[/, '')
    .replace(/\/\/\s*\]\]>\s*$/, '');
}

/** Reviews in a JSON or JSON-LD text, or in the ld+json script blocks of an HTML page. */
export function extractClaimReviews(content: string, file: string): ExtractedReviews {
  const out: ExtractedReviews = { items: [], skipped: [] };
  const trimmed = content.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('<')) {
    let n = 0;
    for (const m of trimmed.matchAll(LD_JSON_SCRIPT)) {
      const position = `script[${n++}]`;
      try {
        collectClaimReviews(JSON.parse(decodeHtmlComment(m[1]!)), file, out, position);
      } catch (e) {
        out.skipped.push({ file, position, reason: `not valid JSON (${e instanceof Error ? e.message : String(e)})` });
      }
    }
    if (n === 0)
      out.skipped.push({ file, position: '(page)', reason: 'no <script type="application/ld+json"> in this HTML page' });
    return out;
  }
  let root: Json;
  try {
    root = JSON.parse(trimmed);
  } catch (e) {
    // JSON Lines: one ClaimReview per line.
    const lines = trimmed.split(/\r?\n/);
    if (lines.length > 1 && lines[0]!.trim().startsWith('{')) {
      lines.forEach((line, i) => {
        if (!line.trim()) return;
        try {
          collectClaimReviews(JSON.parse(line), file, out, `line ${i + 1}`);
        } catch (err) {
          out.skipped.push({
            file,
            position: `line ${i + 1}`,
            reason: `not valid JSON (${err instanceof Error ? err.message : String(err)})`,
          });
        }
      });
      return out;
    }
    out.skipped.push({ file, position: '(file)', reason: `not valid JSON (${e instanceof Error ? e.message : String(e)})` });
    return out;
  }
  collectClaimReviews(root, file, out);
  return out;
}
