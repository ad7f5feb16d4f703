/** The claim-retrieval data (CLEF CheckThat! 2020 task 2 layout): fact-checks, queries and TREC qrels. */
export interface VerifiedClaim {
  id: string;
  claim: string;
  title: string;
}
export interface RetrievalQuery {
  id: string;
  text: string;
}

function tsvRows(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.split('\t'));
}

export function parseVerifiedClaims(text: string): VerifiedClaim[] {
  return tsvRows(text).map(([id, claim, title]) => ({ id: id!.trim(), claim: claim ?? '', title: title ?? '' }));
}

export function parseQueries(text: string): RetrievalQuery[] {
  return tsvRows(text).map(([id, ...rest]) => ({ id: id!.trim(), text: rest.join(' ') }));
}

/** query id -> relevant document ids. */
export function parseQrels(text: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const line of text.split(/\r?\n/)) {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 4 || parts[3] === '0') continue;
    const [q, , d] = parts as [string, string, string];
    if (!out.has(q)) out.set(q, new Set());
    out.get(q)!.add(d);
  }
  return out;
}

/** The fact-check URL used when the data set is loaded into a library (it has no URLs of its own). */
export const verifiedClaimUrl = (id: string): string => `https://claim-retrieval.example/vclaim/${encodeURIComponent(id)}`;
export const verifiedClaimIdFromUrl = (url: string): string => decodeURIComponent(url.slice(url.lastIndexOf('/') + 1));
