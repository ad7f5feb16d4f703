/**
 * A metadata line standing below the headline rather than above it ("date 2026-12-05 / source ТАСС",
 * "url https://…"): only the forms no prose sentence takes, a date key with an ISO date or a link key with an address.
 */
export const METADATA_SENTENCE =
  /^(?:(?:date|published|updated|modified)\s*[:=]?\s+\d{4}-\d{2}-\d{2}\b(?:[^.!?]|\.(?=\S))*\.?|(?:url|link|canonical)\s*[:=]?\s+https?:\/\/\S+)$/i;
