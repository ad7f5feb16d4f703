/**
 * "В российском министерстве финансов утверждают", "В Кремле заявили", "У міністерстві оборони
 * повідомили": a body named in the locative before a plural verb speaks. Its name is put back in
 * the nominative ("Министерство финансов России", "Кремль") so the claimant reads as a name.
 */
import { shortNameFromLocative } from './short-names';
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
  'пресс-службе': 'пресс-служба',
  'прес-службі': 'прес-служба',
  службі: 'служба',
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
/**
 * A Russian (or Ukrainian feminine) adjective in the locative singular in the nominative, agreeing with its head noun's gender
 * ("Следственном" + "комитет" → "Следственный", "Государственной" + "дума" → "Государственная"); null for any other form.
 */
function nominativeAdjective(word: string, head: string): string | null {
  if (COUNTRY_OF.some(([re]) => re.test(word.toLowerCase()))) return null;
  // (Ukrainian feminine: "Державній службі" → "Державна служба".)
  const uk = /^(\p{Lu}\p{Ll}{2,}?)ій$/u.exec(word);
  if (uk && /[ая]$/.test(head)) return `${uk[1]}а`;
  const m = /^(\p{Lu}\p{Ll}{2,}?)(ом|ем|ой|ей)$/u.exec(word);
  if (!m) return null;
  const [, stem, ending] = m as unknown as [string, string, string];
  const soft = /[кгхжшчщ]$/.test(stem);
  if (/[ая]$/.test(head)) return ending === 'ой' ? `${stem}ая` : ending === 'ей' ? `${stem}яя` : null;
  if (/о$/.test(head)) return ending === 'ом' ? `${stem}ое` : ending === 'ем' ? `${stem}ее` : null;
  if (ending === 'ом') return `${stem}${soft ? 'ий' : 'ый'}`;
  return ending === 'ем' ? `${stem}ий` : null;
}

const PRESS_OFFICE = /^(?:пресс-службе|прес-службі)$/;

/** Adverbs that may open a clause before "в"/"у". */
const CLAUSE_ADVERBS = new Set([...ADVERBS, 'тогда', 'тоді', 'затем', 'потом', 'потім', 'однако', 'проте']);
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
  // "В ходе …", "в понедельник": only a phrase opening the clause ("Ранее в Минобороны РФ заявили", "Тогда в …").
  let open = start - 1;
  while (open >= 0 && CLAUSE_ADVERBS.has(t[open]!.lower)) open--;
  if (open >= 0 && !t[open]!.punct) return null;
  return locativeBodyAfter(t.slice(start + 1, end + 1));
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
  // "ДСНС Закарпаття", "МВД Татарстана": initials and the region they serve, in the genitive.
  if (words.length === 2 && /^[\p{Lu}\d-]{2,}$/u.test(words[0]!.text) && /^\p{Lu}\p{Ll}+(?:я|ї|и|ы|а)$/u.test(words[1]!.text))
    return words.map((w) => w.text).join(' ');
  // "сообщили в Росстате", "у Мінфіні": a short name in the locative.
  if (words.length === 1) {
    const short = shortNameFromLocative(words[0]!.text);
    if (short) return short;
  }
  // "в пресс-службе Минфина", "в пресс-службе администрации Курской области": a press office named by whose it is.
  if (words.length > 1 && PRESS_OFFICE.test(words[0]!.lower)) return pressOffice(words[0]!, words.slice(1));
  return locativeName(words);
}

/**
 * A press office named by whose it is, the owner left in the genitive as written ("Пресс-служба Кремля",
 * "Пресс-служба администрации Курской области"); an owner that is only a description ("ведомства") names no one.
 */
function pressOffice(head: Token, owner: Token[]): string | null {
  if (owner.length === 1 && !owner[0]!.cap) return null;
  return [capitalise(HEAD_NOMINATIVE[head.lower]!), ...owner.map((w) => w.text)].join(' ');
}

/**
 * A body's name from its words in the locative ("российском министерстве финансов" → "Министерство финансов России");
 * a bare head noun ("ведомстве") comes back in lower case: it describes a body, it does not name one.
 */
function locativeName(words: Token[]): string | null {
  const headAt = words.findIndex((w) => HEAD_NOMINATIVE[w.lower] !== undefined);
  if (headAt < 0) return null;
  let adjectives = words.slice(0, headAt);
  // "в Следственном комитете России": a capitalised adjective opening the name, put back in the nominative.
  const head = HEAD_NOMINATIVE[words[headAt]!.lower]!;
  const opening = adjectives.length === 1 && adjectives[0]!.cap ? nominativeAdjective(adjectives[0]!.text, head) : null;
  if (opening) adjectives = [];
  let country = '';
  for (const a of adjectives) {
    const found = COUNTRY_OF.find(([re]) => re.test(a.lower));
    if (!found) return null;
    country = found[1];
  }
  const rest = words.slice(headAt + 1).map((w) => w.text);
  // "в ведомстве", "в компании": a description of a body named before, left in lower case to be resolved, never printed.
  if (!rest.length && !country && !opening) return HEAD_NOMINATIVE[words[headAt]!.lower]!;
  // (A press office is named only by whose it is, right after it: see pressOffice.)
  if (PRESS_OFFICE.test(words[headAt]!.lower)) return null;
  const name = opening ? [opening, head, ...rest] : [capitalise(head), ...rest];
  if (country && !rest.some((w) => w === country)) name.push(country);
  return name.join(' ');
}
