/**
 * "В российском министерстве финансов утверждают", "В Кремле заявили", "У міністерстві оборони
 * повідомили": a body named in the locative before a plural verb speaks. Its name is put back in
 * the nominative ("Министерство финансов России", "Кремль") so the claimant reads as a name.
 */
import type { Token } from './tokens';

/** Locative forms of the nouns that head a body's name, and their nominative. */
const HEAD_NOMINATIVE: Record<string, string> = {
  министерстве: 'министерство',
  ведомстве: 'ведомство',
  правительстве: 'правительство',
  администрации: 'администрация',
  комитете: 'комитет',
  совете: 'совет',
  службе: 'служба',
  штабе: 'штаб',
  кремле: 'Кремль',
  госдуме: 'Госдума',
  думе: 'дума',
  офисе: 'офис',
  суде: 'суд',
  прокуратуре: 'прокуратура',
  полиции: 'полиция',
  партии: 'партия',
  компании: 'компания',
  банке: 'банк',
  посольстве: 'посольство',
  мэрии: 'мэрия',
  міністерстві: 'міністерство',
  відомстві: 'відомство',
  уряді: 'уряд',
  офісі: 'офіс',
  штабі: 'штаб',
  посольстві: 'посольство',
  пентагоне: 'Пентагон',
  генштабе: 'Генштаб',
  генштабі: 'Генштаб',
};

/** Country adjectives in the locative, and the country's name in the genitive that follows a body's name. */
const COUNTRY_OF: [RegExp, string][] = [
  [/^российск/, 'России'],
  [/^украинск/, 'Украины'],
  [/^українськ/, 'України'],
  [/^американск/, 'США'],
  [/^американськ/, 'США'],
  [/^белорусск/, 'Белоруссии'],
  [/^китайск/, 'Китая'],
  [/^турецк/, 'Турции'],
  [/^британск/, 'Великобритании'],
  [/^французск/, 'Франции'],
  [/^немецк/, 'Германии'],
  [/^грузинск/, 'Грузии'],
];

const PREPOSITION = /^(?:в|во|у)$/;
const ADVERBS = new Set([
  'также',
  'тоже',
  'ранее',
  'позже',
  'уже',
  'вчера',
  'сегодня',
  'накануне',
  'же',
  'також',
  'теж',
  'вже',
  'раніше',
  'вчора',
  'сьогодні',
]);
const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('ru') + s.slice(1);

/**
 * The body named between "в"/"у" and the verb at index `verb` (a plural form), in the nominative,
 * or null when the words there are not a body's name in the locative.
 */
export function locativeBody(t: Token[], verb: number): string | null {
  let end = verb - 1;
  while (end >= 0 && ADVERBS.has(t[end]!.lower)) end--;
  let start = end;
  while (start >= 0 && !t[start]!.punct && !PREPOSITION.test(t[start]!.lower) && end - start < 6) start--;
  if (start < 0 || !PREPOSITION.test(t[start]!.lower) || start === end) return null;
  // "В ходе …", "в понедельник": only a phrase opening the clause.
  if (start > 0 && !t[start - 1]!.punct) return null;
  return locativeName(t.slice(start + 1, end + 1));
}

/**
 * The body named by the words after "в"/"у" when a plural verb of saying comes first ("сообщили журналистам в
 * Минобороны России", "заявили в Кремле"): a locative head, or undeclined initials and short names.
 */
export function locativeBodyAfter(words: Token[]): string | null {
  if (!words.length) return null;
  const undeclined = (w: Token) => /^[\p{Lu}\d-]{2,}$/u.test(w.text) || /^Мин\p{Ll}*(?:обороны|развития)$/u.test(w.text);
  if (undeclined(words[0]!) && words.slice(1).every((w) => undeclined(w) || /^(?:России|Украины|України|РФ)$/.test(w.text)))
    return words.map((w) => w.text).join(' ');
  return locativeName(words);
}

/** A body's name from its words in the locative ("российском министерстве финансов" → "Министерство финансов России"). */
function locativeName(words: Token[]): string | null {
  const headAt = words.findIndex((w) => HEAD_NOMINATIVE[w.lower] !== undefined);
  if (headAt < 0) return null;
  const adjectives = words.slice(0, headAt);
  let country = '';
  for (const a of adjectives) {
    const found = COUNTRY_OF.find(([re]) => re.test(a.lower));
    if (!found) return null;
    country = found[1];
  }
  const rest = words.slice(headAt + 1).map((w) => w.text);
  const name = [capitalise(HEAD_NOMINATIVE[words[headAt]!.lower]!), ...rest];
  if (country && !rest.some((w) => w === country)) name.push(country);
  return name.join(' ');
}
