/**
 * Datelines: where and when a news story was filed, written before its first sentence by agencies
 * ("MOSCOW, 3 December 2026 (Reuters) - …", "KYIV, Ukraine (AP) — …", "МОСКВА, 3 декабря. /ТАСС/.",
 * "Москва, 3 декабря — РИА Новости", "3 декабря 2026 года, Москва.") or standing alone on a line
 * ("Saturday, October 9, 2010"). A dateline is never a claim, and a claim never starts with one.
 */

import { CYRILLIC_MONTHS, isDateLine, isoDate } from './dates';

const EN_MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const EN_WEEKDAY = '(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\.?,?\\s+)?';
/** Full names, then the short forms agencies write ("МОСКВА, 5 дек — РИА Новости"). */
const CY_MONTH =
  `(?:${CYRILLIC_MONTHS.flat().join('|')}|` +
  '(?:янв|фев|мар|апр|июн|июл|авг|сент|сен|окт|ноя|дек|січ|лют|бер|квіт|трав|черв|лип|серп|вер|жовт|лист|груд)\\.?(?!\\p{L}))';
const CY_YEAR = '\\d{4}(?:\\s*(?:года|году|г\\.|року|р\\.))?';

const DATE =
  `(?:${EN_WEEKDAY}(?:${EN_MONTH}\\s+\\d{1,2}(?:,?\\s+\\d{4})?|\\d{1,2}\\s+${EN_MONTH}(?:,?\\s+\\d{4})?)` +
  `|\\d{1,2}\\s+${CY_MONTH}(?:\\s+${CY_YEAR})?|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\.\\d{1,2}\\.\\d{4})`;
/** A place: one to three capitalised words ("MOSCOW", "Rio de Janeiro", "Нью-Йорк"), "D.C." included. */
const ONE_PLACE = "\\p{Lu}[\\p{L}'’.-]*(?:\\s+(?:de|do|da|del|la|le|on|upon|am|an|на)?\\s*\\p{Lu}[\\p{L}'’.-]*){0,2}";
/** "MOSCOW/KYIV": a story filed from two places. */
const PLACE = `${ONE_PLACE}(?:\\s*\\/\\s*${ONE_PLACE})?`;
const AGENCY =
  '(?:Reuters|REUTERS|AP|Associated Press|AFP|Agence France-Presse|Bloomberg|UPI|dpa|DPA|Xinhua|TASS|Interfax|Sputnik|' +
  'RIA Novosti|Ukrinform|Anadolu|EFE|ANSA|Kyodo|Yonhap|PTI|ANI|IANS|CNN|BBC|ТАСС|РИА Новости|Интерфакс|Спутник|РБК|' +
  'ПРАЙМ|Прайм|УНИАН|УНІАН|Укрінформ|Укринформ|Интерфакс-Украина|Інтерфакс-Україна)';
const DASH = '\\s*(?:—|–|--?)\\s*';
/** Agencies that sign a dateline in capitals without brackets: "МОСКВА, 3 декабря. ИНТЕРФАКС - …". */
const CAPITAL_AGENCY = '(?:ИНТЕРФАКС|INTERFAX|ТАСС|TASS|РИА НОВОСТИ|REUTERS|AFP|AP|УНИАН|УНІАН|УКРІНФОРМ|УКРИНФОРМ|ПРАЙМ)';
/** Of those, the ones only a dateline writes that way at the start of a sentence ("AP — the agency — said" is prose). */
const SIGNING_AGENCY = '(?:ИНТЕРФАКС|INTERFAX|ИНТЕРФАКС-УКРАИНА|ПРАЙМ)';
/** "(Reuters)", "/ТАСС/", "— РИА Новости.": the agency as a dateline writes it. */
const AGENCY_MARK = `(?:${CAPITAL_AGENCY}(?=${DASH})|\\(${AGENCY}\\)|\\/\\s*${AGENCY}\\s*\\/|\\s(?:—|–|--?)\\s+${AGENCY}(?![\\p{L}\\d]))`;

/** Initials in capitals that open a sentence before a dash without being a place: "NATO — the alliance — said". */
const CAPITAL_INITIALS =
  '(?:NATO|НАТО|OPEC|ОПЕК|UNESCO|ЮНЕСКО|UNICEF|ЮНИСЕФ|ЮНІСЕФ|МАГАТЭ|МАГАТЕ|IAEA|FIFA|ФИФА|ФІФА|UEFA|УЕФА|NASA|НАСА|ОБСЕ|ОБСЄ|ВООЗ|ЕСПЧ|ЄСПЛ|ФСБ|СБУ|НАБУ|ОДКБ|ШОС|АСЕАН|ASEAN|ОПЗЖ|КПРФ|ЛДПР)';

/** Each form ends where the story's own words begin. */
const DATELINE_FORMS: RegExp[] = [
  // "MOSCOW, 3 December 2026 (Reuters) - ", "KYIV, Ukraine (AP) — ", "МОСКВА, 3 декабря. /ТАСС/. ", "Москва, 3 декабря — РИА Новости. "
  new RegExp(`^${PLACE}(?:,\\s*${PLACE})?(?:,\\s*${DATE})?\\.?\\s*${AGENCY_MARK}\\s*(?:[.,:]|${DASH})?\\s*`, 'u'),
  // "(Reuters) - " with the place left off
  new RegExp(`^\\(${AGENCY}\\)${DASH}`, 'u'),
  // What the segmenter leaves of a dateline it cut in two: "МОСКВА, 3 декабря." then "/ТАСС/. Президент …"
  new RegExp(`^${PLACE}(?:,\\s*${PLACE})?,\\s*${DATE}\\.?$`, 'u'),
  new RegExp(`^(?:${SIGNING_AGENCY}${DASH}|\\/\\s*${AGENCY}\\s*\\/\\s*[.,]?|[—–]\\s*${AGENCY}\\s*(?:[.,]|$))\\s*`, 'u'),
  // "WASHINGTON, Dec. 3 — ", "Москва, 3 декабря 2026 года — "
  new RegExp(`^${PLACE}(?:,\\s*${PLACE})?,\\s*${DATE}${DASH}`, 'u'),
  // "3 декабря 2026 года, Москва. ", "3 December 2026, Moscow — "
  new RegExp(`^${DATE},\\s*${PLACE}(?:\\.\\s+|\\.?$|${DASH})`, 'u'),
  // "BERGEN (Nordic Wire) — ", "KYIV, Ukraine (Kyiv Independent) - ": a place in capitals, any outlet in brackets, a dash.
  new RegExp(
    `^(?!${CAPITAL_INITIALS}\\s|(?:WHO|IMF|UN|EU)\\s)\\p{Lu}{3,}(?:[\\s-]\\p{Lu}{2,})*(?:,\\s*${PLACE})?\\s*\\(\\p{Lu}[\\p{L}.&'’-]*(?:\\s+\\p{Lu}[\\p{L}.&'’-]*){0,3}\\)${DASH}`,
    'u',
  ),
  // "УЖГОРОД — ", "KYIV — ": a place in capitals and a dash, no date or agency (never an organisation's initials).
  new RegExp(`^(?!${CAPITAL_INITIALS}\\s)\\p{Lu}{4,}(?:[\\s-]\\p{Lu}{2,})?\\s+[—–]\\s+(?=[\\p{Lu}«"“])`, 'u'),
];

/** How a dateline can start: a capital, a digit, "(Reuters)", "/ТАСС/", "— РИА Новости". */
const MAY_BE_DATELINE = /^[\p{Lu}\d(/—–]/u;
/**
 * The words before a dateline's first comma, bracket, slash, dash or digit: capitalised, or a place's particle
 * ("Rio de Janeiro"). "Russian President Vladimir Putin said …" has a lower-case word first: no dateline, and the
 * forms (slow to compile, slower to fail) are not tried.
 */
const LEAD_WORDS = /^(?:(?:\p{Lu}[\p{L}'’.-]*|de|do|da|del|la|le|on|upon|am|an|на)\s*)*(?=[,(/—–\d-]|$)/u;
const MAX_DATELINE = 120;
/**
 * What every form needs: a date holds a digit, and an agency's mark a bracket, a slash or a dash. "However, the
 * minister …" passes LEAD_WORDS, and the forms are not tried on it.
 */
const FORM_NEEDS = /[\d(/—–-]/;

/**
 * What a news page prints beside its date ("Updated 2 hours ago", "4 min read", "Reuters |", "· Политика"), taken
 * out before the line is read as a date line.
 */
const PAGE_FURNITURE = new RegExp(
  [
    '(?:Updated|Обновлено|Оновлено)?\\s*\\d+\\s*(?:hours?|hrs?|minutes?|mins?|days?|час\\p{L}*|мин\\p{L}*|хв\\p{L}*|дн\\p{L}*|год\\p{L}*)\\s+(?:ago|назад|тому)',
    '\\d+\\s*(?:min(?:ute)?s?|мин(?:ут[аы]?)?|хв(?:илин[аи]?)?)\\.?\\s+(?:read|чтения|на чтение|читання)',
    `^${AGENCY}\\s*[|·]`,
    `[|·]\\s*${AGENCY}$`,
    '[|·]\\s*\\p{Lu}\\p{L}+$',
  ].join('|'),
  'gu',
);

export function withoutPageFurniture(line: string): string {
  return /[|·]|ago|назад|тому|read|чтени|читанн/.test(line) ? line.replace(PAGE_FURNITURE, ' ') : line;
}

/**
 * Where a sentence's own words begin after a dateline that opens it: 0 when it has none, its length when the
 * sentence is nothing but a dateline or a date line.
 */
export function datelineEnd(sentence: string): number {
  if (!MAY_BE_DATELINE.test(sentence)) return 0;
  const trimmed = sentence.trimEnd();
  if (trimmed.length <= 100 && isDateLine(withoutPageFurniture(trimmed))) return sentence.length;
  if (!LEAD_WORDS.test(sentence.slice(0, 60))) return 0;
  const head = sentence.slice(0, MAX_DATELINE + 40);
  if (!FORM_NEEDS.test(head)) return 0;
  for (const form of DATELINE_FORMS) {
    const m = form.exec(head);
    if (!m || m[0].length > MAX_DATELINE) continue;
    // Only closing punctuation left: the sentence was all dateline.
    if (!/[\p{L}\d]/u.test(sentence.slice(m[0].length))) return sentence.length;
    return m[0].length;
  }
  return 0;
}

/** A sentence that is only a dateline or a date line ("3 декабря 2026 года, Москва.", "Saturday, October 9, 2010"). */
export function isDatelineOnly(sentence: string): boolean {
  const n = datelineEnd(sentence);
  return n > 0 && n === sentence.length;
}

/** Lines read from the top of the body when looking for the story's dateline. */
const DATELINE_LINES = 12;

/**
 * The date of a story from its first dateline or date line with a year, as ISO YYYY-MM-DD: what a document with
 * no date in its metadata is dated by. Null when the first lines carry none.
 */
export function datelineDate(body: string): string | null {
  let seen = 0;
  for (const raw of body.split('\n', 200)) {
    const line = raw.trim();
    if (!line) continue;
    if (++seen > DATELINE_LINES) break;
    const n = datelineEnd(line);
    if (n === 0) continue;
    const date = isoDate(line.slice(0, n));
    if (date) return date;
  }
  return null;
}
