export interface ClaimantCount {
  claimant: string;
  count: number;
}

const WORD_BREAK = /[\s\-‐–'’.(]/u;

function startsAWord(name: string, typed: string): boolean {
  for (let at = name.indexOf(typed); at >= 0; at = name.indexOf(typed, at + 1)) {
    if (at === 0 || WORD_BREAK.test(name[at - 1]!)) return true;
  }
  return false;
}

/**
 * The claimants a name typed into the filter can mean: the one it names exactly (in any case), else every
 * claimant with a word that starts with it ("Rathbun" or "rath" → "Mark Rathbun"), most claims first.
 */
export function claimantsMatching(typed: string, known: readonly ClaimantCount[]): ClaimantCount[] {
  const t = typed.trim().toLocaleLowerCase();
  if (!t) return [];
  const exact = known.filter((c) => c.claimant.toLocaleLowerCase() === t);
  if (exact.length > 0) return exact;
  return known
    .filter((c) => startsAWord(c.claimant.toLocaleLowerCase(), t))
    .sort((a, b) => b.count - a.count || a.claimant.localeCompare(b.claimant));
}
