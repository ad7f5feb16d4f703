import { isWhiteSpaceCode } from '../text/whitespace';
import { withoutNameNumbers } from './figure';
import { wordGated } from './word-gate';

/**
 * Interpretable signals of check-worthiness. Each rule is a feature of the trained model (so its
 * weight is learned) and also the source of the human-readable reasons shown to the checker.
 */
export interface RuleDef {
  kind: string;
  label: string;
  test: (s: string) => boolean;
}

const MONTHS =
  /\b(?:Jan(?:uary)?|Feb(?:ruary)?|March|April|June|July|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b/;
const NUMBER_WORDS =
  /\b(?:hundreds?|thousands?|millions?|billions?|trillions?|dozens?|percent|per cent|half|third|quarter|twice|double[ds]?|tripled?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b/i;
/**
 * The Russian counterparts of the English word lists below, in their case forms ("пяти", "двумя", "семи"). The
 * sentence model was trained on English debates only, so these lists add what its rules say about a Russian
 * sentence without changing an English score. ("семью" is a count only after "с": elsewhere it is "family".)
 */
const RU_WORD_START = '(?:^|[^а-яё])';
const RU_WORD_END = '(?![а-яё])';
const ruWords = (alternatives: string) => new RegExp(`${RU_WORD_START}(?:${alternatives})${RU_WORD_END}`, 'i');
const NUMBER_WORDS_RU = ruWords(
  'один|одна|одного|одной|одному|одним|одну|два|две|двух|двум|двумя|три|трёх|трех|трём|трем|тремя|четыре|четырёх|четырех|четырём|четырем|четырьмя|' +
    'пять|пяти|пятью|шесть|шести|шестью|семь|семи|с семью|восемь|восьми|восемью|девять|девяти|девятью|десять|десяти|десятью|' +
    '(?:одиннадцат|двенадцат|тринадцат|четырнадцат|пятнадцат|шестнадцат|семнадцат|восемнадцат|девятнадцат|двадцат|тридцат)(?:ь|и|ью)|' +
    'сорок|сорока|пятьдесят|пятидесяти|шестьдесят|шестидесяти|семьдесят|семидесяти|восемьдесят|восьмидесяти|девяносто|девяноста|' +
    'сто|ста|двести|двухсот|триста|трёхсот|трехсот|четыреста|пятьсот|пятисот|сотн[яиеюй]|сотнями|сотен|' +
    'тысяч[аиеуй]?|тысячами|миллион(?:а|ов|ы|ам|ами)?|миллиард(?:а|ов|ы|ам|ами)?|триллион(?:а|ов|ы)?|процент(?:а|ов|ы)?|' +
    'половин[аеуы]|трет[ьи]|четверт[ьи]|дважды|трижды|вдвое|втрое|десятк(?:и|а|ов|ами)|' +
    'двое|трое|четверо|пятеро|шестеро|семеро|десятеро',
);
const MONTHS_RU = ruWords('(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)[ьяе]|март[ае]?|ма[йяе]|август[ае]?');
const RELATIVE_DATE_RU =
  /(?:^|[^а-яё])(?:(?:в|на) (?:прошлом|этом|текущем|следующем|минувшем|будущем) (?:году|месяце)|на (?:прошлой|этой|текущей|следующей|минувшей|будущей) неделе|(?:год|года|лет|месяц|месяца|месяцев|недел[юиь]|дн[яей]|день) назад)(?![а-яё])/i;

const ATTRIBUTION =
  /\b(?:said|says|told|stated|announced|reported|according to|claimed|claims|wrote|tweeted|added|confirmed|denied|insisted|estimated|alleged|testified|declared)\b|(?:сказал|заявил|сообщил|по данным|по словам|отметил|написал)/i;
/** Russian verbs of saying and source phrases beyond those ATTRIBUTION lists (reported, confirmed, according to …). */
const ATTRIBUTION_RU = ruWords(
  'сообща(?:ет|ют|ется|лось)|говорится,? (?:в|во|что)|говорит|говорят|заявля(?:ет|ют)|подтверди(?:л|ла|ло|ли)|подтвержда(?:ет|ют)|' +
    'объяви(?:л|ла|ло|ли)|объявля(?:ет|ют)|утвержда(?:ет|ют|л|ла|ли)|добави(?:л|ла|ли)|уточни(?:л|ла|ли)|пишет|пишут|переда[её]т|' +
    'опроверг(?:ла|ли)?|отрица(?:ет|ют|л|ла|ли)|признал[аи]?|оцени(?:л|ла|ли)|согласно|по (?:сообщению|сообщениям|информации|оценке|оценкам|подсчётам|подсчетам)|со ссылкой на',
);

const numberWords = wordGated(NUMBER_WORDS);
const attribution = wordGated(ATTRIBUTION);
const attributionRu = wordGated(ATTRIBUTION_RU);
const numberWordsRu = wordGated(NUMBER_WORDS_RU);
const monthsRu = wordGated(MONTHS_RU);
const relativeDateRu = wordGated(RELATIVE_DATE_RU);
const law = wordGated(/\b(?:voted?|law|bill|legislation|passed|signed|vetoed|sanctions?|treaty|policy|program)\b/i);
const lawRu = wordGated(
  /(?:^|[^а-яё])(?:(?:закон|договор)(?:а|у|ом|е|ы|ов|ам|ами|ах)?(?![а-яё])|законопроект|законодательств|(?:про)?голосова|санкци|подписа[лн]|вето(?![а-яё]))/i,
);
const months = wordGated(MONTHS);
const year = wordGated(/\b(?:1[89]\d\d|20\d\d)\b/);
const relativeDate = wordGated(/\b(?:last|this|next) (?:year|month|week|decade)\b|\byears? ago\b/i);
const comparisonWords = wordGated(
  /\b(?:more|less|fewer|than|most|least|largest|biggest|highest|lowest|increased?|decreased?|rose|risen|fell|fallen|dropped|grew|grown|doubled|tripled|cut|record|since|compared|higher|lower|worse|better|first|only)\b/i,
);

/** A capitalised word or an acronym after a space (global: searched from a given index). */
const NAME_AFTER_SPACE = /\s(?:[A-Z][a-z]+|[A-Z]{2,}|[А-ЯЁІЇЄҐ][а-яёіїєґ]+)\b/g;

const isAsciiWordCode = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** Where what /^\W*\w+/ matches ends (the first run of ASCII word characters), or 0 when it matches nothing. */
function afterFirstWord(s: string): number {
  let i = 0;
  while (i < s.length && !isAsciiWordCode(s.charCodeAt(i))) i++;
  if (i === s.length) return 0;
  while (i < s.length && isAsciiWordCode(s.charCodeAt(i))) i++;
  return i;
}

export const RULES: readonly RuleDef[] = [
  {
    kind: 'quantity',
    label: 'states a number or amount',
    test: (s) => /\d/.test(withoutNameNumbers(s)) || numberWords(s) || numberWordsRu(s),
  },
  {
    kind: 'measure',
    label: 'gives a figure with a unit (miles, people, tonnes…)',
    test: wordGated(
      /\d[\d,.]*\s*(?:%|percent|per cent|miles?|km|kilomet(?:er|re)s?|met(?:er|re)s?|feet|tons?|tonnes?|people|persons?|deaths?|dead|casualties|troops|soldiers|civilians|drones?|missiles?|jobs|votes|years?|days?|hours?|times|members|countries|states|cases|units|barrels|points|basis points|[mb]illion|thousand|hundred|\s?bn|\s?m\b)|(?:млн|млрд|тыс|человек|процент|км|рубл|гривен)/i,
    ),
  },
  {
    kind: 'percent',
    label: 'states a percentage or rate',
    test: wordGated(/%|\bper ?cent\b|\bpercentage\b|\brate\b|процент/i),
  },
  {
    kind: 'money',
    label: 'mentions money, spending, tax or debt',
    test: wordGated(
      /[$€£₴₽]|\b(?:dollars?|budget|tax(?:es)?|deficit|debt|spending|cost|billion|trillion)\b|(?:рубл|гривн|долл)/i,
    ),
  },
  { kind: 'attribution', label: 'attributed to a source', test: (s) => attribution(s) || attributionRu(s) },
  {
    kind: 'comparison',
    label: 'makes a comparison or trend',
    // The word list is gated by its words (shared/spotting/word-gate.ts); the suffix "-est" is tested apart.
    test: (s) => comparisonWords(s) || /\Best\b/i.test(s),
  },
  {
    kind: 'date',
    label: 'mentions a date or period',
    test: (s) => year(s) || months(s) || relativeDate(s) || monthsRu(s) || relativeDateRu(s),
  },
  {
    kind: 'entity',
    label: 'names a person or organisation',
    test: (s) => {
      // Searched from past the first word, rather than in a copy of the sentence without it.
      NAME_AFTER_SPACE.lastIndex = afterFirstWord(s);
      const found = NAME_AFTER_SPACE.test(s);
      NAME_AFTER_SPACE.lastIndex = 0;
      return found;
    },
  },
  {
    kind: 'causal',
    label: 'claims a cause or effect',
    test: wordGated(
      /\b(?:because|caused?|led to|leads to|result(?:ed)? in|as a result|due to|thanks to|responsible for|blamed?)\b|(?:из-за|привел|привёл|вызвал|в результате|вследствие|по причине)/i,
    ),
  },
  {
    kind: 'law',
    label: 'about a law, vote or policy',
    test: (s) => law(s) || lawRu(s),
  },
  {
    kind: 'hedge',
    label: 'hedged (I think, maybe, might)',
    test: wordGated(
      /\b(?:I think|I believe|I feel|maybe|perhaps|probably|might|may be|could be|seems?|I guess|I hope|possibly)\b/i,
    ),
  },
  // Tested on the tail only: a pattern anchored at the end is otherwise tried from every position.
  { kind: 'question', label: 'a question', test: (s) => /\?\s*["'”’)]*\s*$/.test(s.slice(-12)) },
  {
    kind: 'opinion',
    label: 'opinion, promise or call to action',
    test: wordGated(
      /\b(?:I want|we want|we must|we should|we need|we've got to|we have got to|let's|let me|I will|we will|I'm going to|we're going to|I'd like|should|ought to|wonderful|great|terrible|horrible|disgrace|believe in)\b/i,
    ),
  },
  { kind: 'first_person', label: 'speaks about oneself', test: (s) => /^\W*(?:I|I'm|I've|I'd|My)\b/.test(s) },
  { kind: 'short', label: 'too short to state a fact', test: (s) => fewerWordsThan(s, 6) },
];

/** Kinds that make a sentence less check-worthy: shown as reasons against. */
export const NEGATIVE_KINDS = new Set(['hedge', 'question', 'opinion', 'short', 'first_person']);

export function activeRules(sentence: string): RuleDef[] {
  return RULES.filter((r) => r.test(sentence));
}

/** Whether `s.trim().split(/\s+/)` has fewer than `limit` parts, counted without building them. */
function fewerWordsThan(s: string, limit: number): boolean {
  let start = 0;
  let end = s.length;
  while (start < end && isWhiteSpaceCode(s.charCodeAt(start))) start++;
  while (end > start && isWhiteSpaceCode(s.charCodeAt(end - 1))) end--;
  let parts = 1;
  for (let i = start; i < end; i++) {
    if (!isWhiteSpaceCode(s.charCodeAt(i))) continue;
    while (i + 1 < end && isWhiteSpaceCode(s.charCodeAt(i + 1))) i++;
    if (++parts >= limit) return false;
  }
  return parts < limit;
}
