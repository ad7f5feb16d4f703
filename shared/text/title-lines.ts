/**
 * Lines of an article that name something rather than state it: a bare title ("PDF.js", "МБУ «МЦБ»") and the
 * picture caption under a headline ("Жорес Алферов в 2012 году"). Neither has a verb, so neither is a claim.
 */

/** Fewer words than this, and no verb: a name or a label, not a headline that says something. */
export const MIN_CLAIM_TITLE_WORDS = 3;
/** A caption under the headline names who or what the picture shows, in a few words. */
const MAX_CAPTION_WORDS = 12;

const ENGLISH_VERB =
  /\b(?:is|are|was|were|be|been|has|have|had|do|does|did|will|would|can|could|may|might|must|should|says?|said|wins?|won|gets?|got|makes?|made|dies|died|rises?|rose|falls?|fell)\b|\b\p{L}{2,}(?:ed|ing)\b/iu;
/**
 * Russian and Ukrainian verb endings: past ("поддержал", "вирішили"), present and future ("растёт", "ідуть"),
 * infinitive, reflexive, and past forms without "-л" ("вырос", "умер", "погиб"). Some nouns end the same way ("бюджет", "депутат"); reading one as a verb only keeps
 * a line in play, never drops a claim.
 */
const CYRILLIC_VERB =
  /\p{L}(?:л|ла|ло|ли|ет|ёт|ут|ют|ит|ат|ят|ть|ться|тся|ся|сь|ешь|ишь|уть|ють)(?=$|[^\p{L}])|(?:^|[^\p{L}])(?:вы|у|при|за|под|пере|раз|на)?(?:рос|мер|гиб|нёс|вёз|сп[её]с|шёл)(?=$|[^\p{L}])/iu;

/** Words: runs holding a letter or a digit ("PDF.js", "2012", "«МЦБ»"). */
export function titleWords(line: string): number {
  let n = 0;
  for (const w of line.split(/\s+/)) if (/[\p{L}\d]/u.test(w)) n++;
  return n;
}

export function hasVerb(line: string): boolean {
  return ENGLISH_VERB.test(line) || CYRILLIC_VERB.test(line);
}

/** A title or heading of one or two words with no verb: "PDF.js", "МБУ «МЦБ»", "Weather". */
export function isBareTitle(line: string): boolean {
  return titleWords(line) < MIN_CLAIM_TITLE_WORDS && !hasVerb(line);
}

/** A short verbless line standing under the headline: the caption of the article's picture. */
export function isCaptionLine(line: string): boolean {
  return titleWords(line) <= MAX_CAPTION_WORDS && !hasVerb(line);
}
