/**
 * Shapes of news sentence that read like statements but hold nothing a checker could look up: a vague share
 * with no figure and no name ("Not everything got cheaper.", "Some streets barely noticed the storm.", "Многие
 * покупатели уже привыкли к таким изменениям."), how unnamed people described what they lived through
 * ("Residents described a long night."), and a quotation that gives advice or tells people what they
 * should do ('"You don't need to run a marathon," said lead author …', «Покупайте сезонные овощи», — посоветовал …).
 */
import { EN_VERBS, RU_VERBS } from './attribution/lexicon';
import { FIGURE } from './figure';

/** Longer than this, a sentence opening with "some" or "many" goes on to say something particular. */
const VAGUE_MAX_WORDS = 8;
const VAGUE_OPENING =
  /^\W*(?:not (?:every|everything|everyone|everybody|all|each)|some|many|few|a few|several|others?)\b|^[^а-яёА-ЯЁ]*(?:не (?:все|всё|каждый|каждая|каждое|везде)|многие|некоторые|немногие|кое-кто|кое-что|иные|другие)(?![а-яё])/i;
/** A small count in words ("three explosions"), which FIGURE leaves out: something to check, though no digit. */
const SMALL_COUNT_IN_WORDS = /\b(?:one|two|three|four|five|six|seven|eight|nine|eleven|twelve)\b/i;
/** A capitalised word after the first: a name, a place or a body, something to look up. */
const NAME_AFTER_FIRST = /\s[«"“]?\p{Lu}/u;

/** A vague share or number of things, with no figure and no name: "Not everything got cheaper." */
export function vagueQuantity(s: string): boolean {
  return (
    VAGUE_OPENING.test(s) &&
    !FIGURE.test(s) &&
    !NAME_AFTER_FIRST.test(s) &&
    s.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)).length <= VAGUE_MAX_WORDS
  );
}

/**
 * A sentence that is a quotation and then who said it: the quotation, closed, then a short tail with a verb of
 * saying ('"…," said lead author Sarah Kim of the University of Leeds.', «…», — посоветовал экономист …).
 */
const QUOTE_THEN_SPEAKER = /^\s*["“«„]([^"“”«»„]{3,})["”»“]\s*[,.!?…]?\s*[-—–]?\s*([^"“”«»„]*)$/;
/** Verbs of giving advice that are not among attribution's verbs of saying. */
const ADVISING = new Set(['advised', 'advises']);

/** Whether a short tail after a quotation has a verb of saying (attribution's lexicon) or of advising. */
function hasSaying(tail: string): boolean {
  return tail
    .toLowerCase()
    .split(/[^\p{L}'’-]+/u)
    .some((w) => EN_VERBS.has(w) || RU_VERBS.has(w) || ADVISING.has(w));
}
/**
 * Words that address the listener or tell people what to do: "you", an imperative opening the quotation ("Just get
 * up …", "Don't …"), "we should", "people need to"; in Russian an imperative opening it ("Покупайте", "Не забывайте")
 * or "вы", "вам", "вас".
 */
const ADVICE_EN =
  /\byou(?:'re|'ll|'ve|r|rself)?\b|^\W*(?:just|don't|do not|never|always|try|make sure|remember|avoid|stop|keep|let's|please|be careful)\b|\b(?:we|people|everyone|everybody|one) (?:should|must|need to|ought to|shouldn't|mustn't|have to)\b/i;
const ADVICE_RU =
  /^[^а-яёА-ЯЁ]*(?:не\s+)?[а-яё]+(?:йте|ите)(?![а-яё])|(?:^|[^а-яё])(?:вы|вам|вас|ваш[а-яё]*|нужно|надо|следует|стоит)(?![а-яё])/i;

/** A quotation of advice or of what people should do, then only who said it; nothing in it is a figure. */
export function quotedAdvice(s: string): boolean {
  const m = QUOTE_THEN_SPEAKER.exec(s);
  if (!m || !hasSaying(m[2]!)) return false;
  const quote = m[1]!;
  return !FIGURE.test(quote) && (ADVICE_EN.test(quote) || ADVICE_RU.test(quote));
}

/** Longer than this, an account by unnamed people goes on to tell something particular. */
const ACCOUNT_MAX_WORDS = 10;
/**
 * Unnamed people who lived through an event, then a verb telling how they described it ("Residents described a
 * long night.", "Witnesses spoke of chaos.", "Locals recounted the fear."): who they are is no one to look up.
 */
const DESCRIBING_VERB = '(?:described|recounted|spoke of|talked of|told of)';
/** The verbs of describing, to blank them before looking for a past event told besides them. */
export const DESCRIBING = new RegExp(`\\b${DESCRIBING_VERB}\\b`, 'gi');
const UNNAMED_ACCOUNT = new RegExp(
  `^\\W*(?:(?:some|many|several|other|local|frightened|shaken)\\s+)?(?:residents|witnesses|locals|villagers|neighbou?rs|survivors|onlookers|passengers|people|families|parents)\\s+${DESCRIBING_VERB}\\b`,
  'i',
);

/**
 * How unnamed people described what they lived through, with no figure and no name after the first word
 * ("Residents described a long night."); whether it also tells a checkable event is for the caller to ask.
 */
export function unnamedAccount(s: string): boolean {
  return (
    UNNAMED_ACCOUNT.test(s) &&
    !FIGURE.test(s) &&
    !SMALL_COUNT_IN_WORDS.test(s) &&
    !NAME_AFTER_FIRST.test(s) &&
    s.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)).length <= ACCOUNT_MAX_WORDS
  );
}
