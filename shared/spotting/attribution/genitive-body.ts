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
};

/** An adjective in the genitive: a name ending in one was cut short ("Комитета Государственной" of "… думы"). */
const GENITIVE_ADJECTIVE_END = /(?:ой|ей|ого|его|ых|их|ої)$/u;

/**
 * The nominative of a body's name whose first word is a head noun in the genitive, with more words after it, the
 * last of them no adjective; else null.
 */
export function bodyNameFromGenitive(name: string): string | null {
  const [head, ...rest] = name.split(' ');
  const nominative = Object.hasOwn(HEAD_NOMINATIVE, head!) ? HEAD_NOMINATIVE[head!] : undefined;
  if (!nominative || !rest.length || GENITIVE_ADJECTIVE_END.test(rest[rest.length - 1]!.toLowerCase())) return null;
  return [nominative, ...rest].join(' ');
}
