/** A publisher's rating, in its own words or on its own numeric scale, mapped to one normalised verdict. */
export type LibraryVerdict = 'false' | 'misleading' | 'mixed' | 'true' | 'unproven' | 'unrated';

/**
 * In order, first match wins: "Mostly true" falls through to true (accurate, with a clarification); "Half true"
 * is mixed (the publisher found it half right), not misleading.
 */
const RULES: [RegExp, LibraryVerdict][] = [
  [
    /\b(mostly|partly|partially)[\s-]*false\b|misleading|out of context|exaggerat|distort|missing context|cherry|spin|lacks context|needs context|miscaptioned|mislead/i,
    'misleading',
  ],
  [/\bmix(ed|ture)\b|\bhalf\b|\b(partly|partially)[\s-]*true\b|contested/i, 'mixed'],
  [
    /unproven|unverified|unsupported|no evidence|research in progress|undetermined|unclear|not proven|не доказано|не підтверджено/i,
    'unproven',
  ],
  [
    /\b(false|fake|hoax|incorrect|wrong|fabricated|pants on fire|four pinocchios|scam|debunked|untrue|not true|inaccurate|bogus|satire|legend|no)\b|неправда|фейк|ложь|брехня|маніпуляція|манипуляция|disputed/i,
    'false',
  ],
  [/\b(true|correct|accurate|correct attribution|confirmed|yes|legit|sourced)\b|правда/i, 'true'],
];

export function verdictFromRatingText(text: string): LibraryVerdict {
  const t = text.trim();
  if (!t) return 'unrated';
  for (const [pattern, verdict] of RULES) if (pattern.test(t)) return verdict;
  return 'unrated';
}

/** ratingValue on [worst, best]: the bottom quarter is false, the top quarter true, the rest mixed. */
export function verdictFromScale(value: number, worst: number, best: number): LibraryVerdict {
  if (!Number.isFinite(value) || !Number.isFinite(worst) || !Number.isFinite(best) || best === worst) return 'unrated';
  const x = (value - worst) / (best - worst);
  if (x < 0 || x > 1) return 'unrated';
  if (x <= 0.25) return 'false';
  if (x >= 0.75) return 'true';
  return 'mixed';
}
