/**
 * A body's full name in the genitive put back in the nominative ("говорится в заявлении Министерства внутренних дел
 * Афганистана" → "Министерство внутренних дел Афганистана"). Only the head noun, first and capitalised, declines;
 * the words after it are its complements in the genitive and stay as written. A name whose head is not one of
 * these nouns (an adjective first, "Государственной думы") is left alone: null.
 */

/** Genitive singular of a body's head noun → its nominative (Russian and Ukrainian). */
const HEAD_NOMINATIVE: Record<string, string> = {
  Министерства: 'Министерство',
  Міністерства: 'Міністерство',
  Агентства: 'Агентство',
  Управления: 'Управление',
  Управління: 'Управління',
  Комитета: 'Комитет',
  Комітету: 'Комітет',
  Департамента: 'Департамент',
  Департаменту: 'Департамент',
  Совета: 'Совет',
  Фонда: 'Фонд',
  Фонду: 'Фонд',
  Службы: 'Служба',
  Служби: 'Служба',
  Комиссии: 'Комиссия',
  Комісії: 'Комісія',
  Администрации: 'Администрация',
  Адміністрації: 'Адміністрація',
  Прокуратуры: 'Прокуратура',
  Прокуратури: 'Прокуратура',
  Организации: 'Организация',
  Організації: 'Організація',
  Центра: 'Центр',
  Центру: 'Центр',
  Института: 'Институт',
  Інституту: 'Інститут',
  Банка: 'Банк',
  Банку: 'Банк',
  Штаба: 'Штаб',
  Штабу: 'Штаб',
  Генштаба: 'Генштаб',
  Генштабу: 'Генштаб',
};

/** An adjective in the genitive: a name ending in one was cut short ("Комитета Государственной" of "… думы"). */
const GENITIVE_ADJECTIVE_END = /(?:ой|ей|ого|его|ых|их|ої)$/u;

type Gender = 'masculine' | 'feminine' | 'neuter';

/** The gender of a head noun, read from its nominative ending. */
function genderOf(nominative: string): Gender {
  if (/[оеі]$/u.test(nominative)) return 'neuter';
  return /[ая]$/u.test(nominative) ? 'feminine' : 'masculine';
}

/**
 * An adjective in the genitive singular in the nominative of the head noun's gender ("Главного управления" →
 * "Главное управление", "Федеральной службы" → "Федеральная служба", "Державного комітету" → "Державний комітет"),
 * or null when its ending does not fit that gender. `ukrainian`: the head is a Ukrainian word.
 */
function adjectiveNominative(adjective: string, gender: Gender, ukrainian: boolean): string | null {
  const stem = (n: number) => adjective.slice(0, -n);
  if (ukrainian) {
    if (/ої$/u.test(adjective)) return gender === 'feminine' ? stem(2) + 'а' : null;
    if (/ього$/u.test(adjective)) return gender === 'masculine' ? stem(3) + 'ій' : gender === 'neuter' ? stem(3) + 'є' : null;
    if (/ого$/u.test(adjective)) return gender === 'masculine' ? stem(3) + 'ий' : gender === 'neuter' ? stem(3) + 'е' : null;
    return null;
  }
  if (/ого$/u.test(adjective)) {
    if (gender === 'neuter') return stem(3) + 'ое';
    if (gender === 'masculine') return stem(3) + (/[кгх]ого$/u.test(adjective) ? 'ий' : 'ый');
    return null;
  }
  if (/его$/u.test(adjective)) return gender === 'neuter' ? stem(3) + 'ее' : gender === 'masculine' ? stem(3) + 'ий' : null;
  if (/ой$/u.test(adjective)) return gender === 'feminine' ? stem(2) + 'ая' : null;
  if (/ей$/u.test(adjective)) return gender === 'feminine' ? stem(2) + (/[жшчщ]ей$/u.test(adjective) ? 'ая' : 'яя') : null;
  return null;
}

const capitalised = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** Whether a word (any case) is a body's head noun in the genitive ("управления", "Службы"). */
export const isGenitiveBodyHead = (w: string): boolean => Object.hasOwn(HEAD_NOMINATIVE, capitalised(w));
/** A Ukrainian head noun: its letters or its genitive in "-у" ("Комітету", "Фонду", "Служби"). */
const UKRAINIAN_HEAD = /[іїєґ]|[^аеёиоуыэюя]у$|^Служби$/u;

/**
 * The nominative of a body's name whose head noun is in the genitive, first or after its adjectives ("Службы
 * безопасности Украины", "Главного управления МЧС по Курской области"), with more words after it, the last of them
 * no adjective; else null.
 */
export function bodyNameFromGenitive(name: string): string | null {
  const words = name.split(' ');
  const h = words.findIndex(isGenitiveBodyHead);
  // Only adjectives before the head (the first capitalised, as a name opens), at most three.
  if (h < 0 || h > 3 || (h > 0 && !/^\p{Lu}/u.test(words[0]!))) return null;
  const before = words.slice(0, h);
  if (!before.every((w) => GENITIVE_ADJECTIVE_END.test(w.toLowerCase()))) return null;
  const head = capitalised(words[h]!);
  const rest = words.slice(h + 1);
  if (!rest.length || GENITIVE_ADJECTIVE_END.test(rest[rest.length - 1]!.toLowerCase())) return null;
  const nominative = HEAD_NOMINATIVE[head]!;
  const gender = genderOf(nominative);
  const ukrainian = UKRAINIAN_HEAD.test(head);
  const adjectives = before.map((w) => adjectiveNominative(w, gender, ukrainian));
  if (adjectives.some((a) => a === null)) return null;
  const headWord = h > 0 && /^\p{Ll}/u.test(words[h]!) ? nominative.toLowerCase() : nominative;
  return [...(adjectives as string[]), headWord, ...rest].join(' ');
}
