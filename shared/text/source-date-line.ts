/**
 * A line that only says where and when a story was published, in the shapes scrapers and news sites write it:
 * "2026-11-18 / source: reuters.com", "Reuters — 18 November 2026, 09:14 GMT", "date 2026-11-18 / source Reuters /
 * words 640", "Интерфакс | 12.11.2026". Its parts, split at " / ", " | ", " · " or a dash, are each a date, a
 * "key value" pair, an outlet's name or a web address, and one of them is a date. Never prose: a sentence's words
 * are not all capitalised names.
 */
import { isDateLine, isoDate } from './dates';

const MAX_LINE = 200;
const SEPARATOR = /\s+[/|·—–]\s+|\s*\|\s*|\s+-\s+|(?<=\])\s+/;
/** Keys a scraper writes before a value. */
const KEY_VALUE =
  /^\[?\s*(?:date|published|updated|modified|source|section|category|tags|keywords|lang|language|words|agency|dateline|author|authors|byline|url|link|id|slug|дата|источник|рубрика|раздел|теги|автор|джерело|рубрика)\s*[:=]?\s+\S.*$/iu;
/** An outlet's name: a few capitalised words ("Reuters", "The Associated Press", "РИА Новости"). */
const OUTLET = /^\[?(?:\p{Lu}[\p{L}.&'’-]*|of|the|and|de|\d+)(?:\s+(?:\p{Lu}[\p{L}.&'’-]*|of|the|and|de|\d+)){0,4}\]?$/u;
const ADDRESS = /^(?:https?:\/\/\S+|(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:\/\S*)?)$/i;

function isDatePart(part: string): boolean {
  const p = part.replace(/^\[|\]$/g, '').trim();
  return isDateLine(p) || (/^\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?$/.test(p) && isoDate(p) !== null);
}

export function isSourceDateLine(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > MAX_LINE || !isoDate(t)) return false;
  const parts = t.split(SEPARATOR).filter((p) => p.trim());
  if (parts.length < 2) return false;
  let dated = false;
  for (const raw of parts) {
    const part = raw.trim();
    if (isDatePart(part)) dated = true;
    else if (KEY_VALUE.test(part)) dated ||= isoDate(part) !== null;
    // "By Jane Roe | Reuters | …" is a byline.
    else if (/^(?:By|Автор)\b/u.test(part) || (!OUTLET.test(part) && !ADDRESS.test(part))) return false;
  }
  return dated;
}
