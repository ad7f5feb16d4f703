/** A value in use (a claimant, a tag) and how many claims carry it. */
export interface ValueCount {
  value: string;
  count: number;
}

const WORD_BREAK = /[\s\-‐–'’.(_/#]/u;

function startsAWord(name: string, typed: string): boolean {
  for (let at = name.indexOf(typed); at >= 0; at = name.indexOf(typed, at + 1)) {
    if (at === 0 || WORD_BREAK.test(name[at - 1]!)) return true;
  }
  return false;
}

/**
 * The values a part typed into a filter can mean: the one it names exactly (in any case), else every value
 * with a word that starts with it ("Rathbun" or "rath" → "Mark Rathbun"; "second" → "needs-second-source"),
 * most claims first.
 */
export function valuesMatching(typed: string, known: readonly ValueCount[]): ValueCount[] {
  const t = typed.trim().toLocaleLowerCase();
  if (!t) return [];
  const exact = known.filter((c) => c.value.toLocaleLowerCase() === t);
  if (exact.length > 0) return exact;
  return known
    .filter((c) => startsAWord(c.value.toLocaleLowerCase(), t))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
