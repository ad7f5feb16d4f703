/** Dates as news text writes them, read into ISO YYYY-MM-DD. */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Russian and Ukrainian months in the genitive, as dates write them ("3 декабря", "3 грудня"). */
export const CYRILLIC_MONTHS = [
  ['января', 'січня'],
  ['февраля', 'лютого'],
  ['марта', 'березня'],
  ['апреля', 'квітня'],
  ['мая', 'травня'],
  ['июня', 'червня'],
  ['июля', 'липня'],
  ['августа', 'серпня'],
  ['сентября', 'вересня'],
  ['октября', 'жовтня'],
  ['ноября', 'листопада'],
  ['декабря', 'грудня'],
] as const;
/** "дек", "дек.", "груд": the first three letters name the month ("мар" for "марта", "тра" for "травня"). */
function cyrillicMonth(word: string): number {
  const w = word.toLowerCase();
  const full = CYRILLIC_MONTH_NUMBER.get(w);
  if (full) return full;
  if (w.length < 3) return 0;
  const i = CYRILLIC_MONTHS.findIndex(([ru, uk]) => ru.startsWith(w) || uk.startsWith(w) || (w === 'май' && ru === 'мая'));
  return i + 1;
}
const CYRILLIC_MONTH_NUMBER = new Map<string, number>(
  CYRILLIC_MONTHS.flatMap(([ru, uk], i) => [[ru, i + 1] as const, [uk, i + 1] as const]),
);

const ENGLISH_MDY = /\b([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/g;
const ENGLISH_DMY = /\b(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})\b/g;
const CYRILLIC_DMY = /(?:^|[^\d\p{L}])(\d{1,2})\s+(\p{L}+)\.?\s+(\d{4})(?!\d)/gu;
const FOUR_DIGITS = /\d{4}/;
const DOTTED_DMY = /(?:^|[^\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.]*\d)/;

function iso(year: string, month: number, day: string): string | null {
  const d = Number(day);
  if (month < 1 || month > 12 || d < 1 || d > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/**
 * The first date with a year in a text: "2025-09-05", "Sept. 5, 2025", "5 September 2025", "5 сентября 2025 года",
 * "5 вересня 2025", "05.09.2025". Null when there is none.
 */
export function isoDate(value: string): string | null {
  // Every form below has a four-digit year; most sentences asked have none, and skip the patterns.
  if (!FOUR_DIGITS.test(value)) return null;
  const isoMatch = /\b(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (isoMatch) return `${isoMatch[1]}-${isoMatch[2]}-${isoMatch[3]}`;
  for (const m of value.matchAll(ENGLISH_MDY)) {
    const date = iso(m[3]!, MONTHS.indexOf(m[1]!.toLowerCase()) + 1, m[2]!);
    if (date) return date;
  }
  for (const m of value.matchAll(ENGLISH_DMY)) {
    const date = iso(m[3]!, MONTHS.indexOf(m[2]!.toLowerCase()) + 1, m[1]!);
    if (date) return date;
  }
  if (/[\u0400-\u04ff]/.test(value)) {
    for (const m of value.matchAll(CYRILLIC_DMY)) {
      const date = iso(m[3]!, cyrillicMonth(m[2]!), m[1]!);
      if (date) return date;
    }
  }
  const dotted = DOTTED_DMY.exec(value);
  return dotted ? iso(dotted[3]!, Number(dotted[2]), dotted[1]!) : null;
}

const CYRILLIC_DATE_WORDS = new RegExp(
  `(?:^|(?<=[^\\p{L}]))(?:${CYRILLIC_MONTHS.flat().join('|')}|(?:янв|фев|мар|апр|май|июн|июл|авг|сен|окт|ноя|дек|січ|лют|бер|кві|тра|чер|лип|сер|вер|жов|лис|гру)\\.?|года|году|г|року|р|в|о|об|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|понеділок|вівторок|середа|четвер|п['’]ятниця|субота|неділя|обновлено|оновлено|опубликовано|опубліковано)(?=$|[^\\p{L}])`,
  'giu',
);

/** Nothing but a date, a time, a weekday, "at", "updated" and a time zone, in English, Russian or Ukrainian. */
export function isDateLine(line: string): boolean {
  if (line.length > 60 || !isoDate(line)) return false;
  let rest = line
    .replace(/\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?/g, ' ')
    .replace(/\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?/gi, ' ')
    .replace(/\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?/gi, ' ')
    .replace(
      /\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\b\d{1,4}\b|\b(?:at|on|updated|published|posted|last|modified|[A-Z]{2,4}T|GMT|UTC|BST|CET|MSK)\b|\b(?:min(?:ute)?s?|hours?|hrs?|days?) ago\b/gi,
      ' ',
    );
  if (/[\u0400-\u04ff]/.test(rest)) rest = rest.replace(CYRILLIC_DATE_WORDS, ' ').replace(/МСК|мск/g, ' ');
  return /^[\s,.:|·—–()+-]*$/.test(rest);
}
