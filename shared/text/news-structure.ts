/**
 * The parts of a news file that are not its prose: leading metadata lines ("date 2025-09-05 …",
 * "title: …", "url …"), photo captions and credits ("… speaks during …, Sept. 5, 2025, in Vladivostok",
 * "Contributor/Getty Images"), bylines and bare datelines. They stay in the text (offsets never move)
 * but are never proposed as claims; the metadata gives the document its date and title.
 */

import { detectDocumentKind } from '../spotting/document-kind';
import { wordGated } from '../spotting/word-gate';
import { datelineDate, isDatelineOnly, withoutPageFurniture } from './dateline';
import { isDateLine, isoDate } from './dates';
import { METADATA_SENTENCE } from './metadata-line';
import { isSourceDateLine } from './source-date-line';
import { speakerTurns } from './speaker-turns';

export { isDateLine, isoDate };

export interface LeadingMetadata {
  /** Where the prose starts (after the metadata lines). */
  bodyStart: number;
  title: string | null;
  /** ISO date (YYYY-MM-DD) when a date line was found. */
  date: string | null;
}

const META_LINE =
  /^\s*(date|published|publishedat|published_at|updated|modified|title|headline|author|authors|byline|source|publisher|url|link|canonical|lang|language|tags|keywords|category|section|id|slug|description|summary)\s*[:=]?\s+(.+?)\s*$/i;

/** Leading lines of "key value" metadata (at most 20), as written by scrapers and feed readers. */
export function leadingMetadata(text: string): LeadingMetadata {
  let pos = 0;
  let title: string | null = null;
  let date: string | null = null;
  let bodyStart = 0;
  // YAML front matter: "---", "key: value" lines, "---".
  const front = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  const frontEnd = front ? /\n---[ \t]*(?:\r?\n|$)/.exec(text.slice(front[0].length)) : null;
  if (front && frontEnd && frontEnd.index < 4000) pos = front[0].length;
  for (let n = 0; n < 20 && pos < text.length; n++) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(pos, end);
    if (!line.trim()) {
      pos = end + 1;
      if (bodyStart > 0) bodyStart = Math.min(text.length, pos);
      continue;
    }
    if (front && frontEnd && /^---[ \t]*\r?$/.test(line)) {
      pos = end + 1;
      bodyStart = Math.min(text.length, pos);
      continue;
    }
    // A line that is only a date and time ("September 5, 2025 at 4:20 PM EDT", "Fri 5 Sep 2025 14.20 BST").
    if (isDateLine(line)) {
      date ??= isoDate(line);
      pos = end + 1;
      bodyStart = Math.min(text.length, pos);
      continue;
    }
    // "2026-11-18 / source: reuters.com", "Reuters — 18 November 2026, 09:14 GMT".
    if (isSourceDateLine(line)) {
      date ??= isoDate(line);
      pos = end + 1;
      bodyStart = Math.min(text.length, pos);
      continue;
    }
    const m = META_LINE.exec(line);
    if (!m || (n === 0 && !front && !looksLikeMeta(m[1]!, m[2]!))) break;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.replace(/^["']|["']$/g, '').trim();
    if ((key === 'title' || key === 'headline') && !title) title = value;
    if (/^(?:date|published|publishedat|published_at)$/.test(key) && !date) date = isoDate(value);
    pos = end + 1;
    bodyStart = Math.min(text.length, pos);
  }
  return { bodyStart, title, date };
}

/** A document's date from its text: the leading metadata's date line, else one under the headline, else its first dateline with a year. */
export function documentDate(text: string): string | null {
  const meta = leadingMetadata(text);
  const body = text.slice(meta.bodyStart);
  const under = meta.date ? null : metadataUnderHeadline(text, meta.bodyStart);
  const underDate = under ? isoDate(text.slice(under.start, under.end)) : null;
  return meta.date ?? underDate ?? datelineDate(body) ?? transcriptTitleDate(body);
}

/** How many lines above a transcript's first speaker may carry its title and date. */
const TITLE_LINES = 3;

/** A transcript's date in its title lines, above the first speaker: "Town hall debate, Springfield, 3 December 2026". */
function transcriptTitleDate(body: string): string | null {
  if (detectDocumentKind(body) !== 'transcript') return null;
  const first = speakerTurns(body)[0];
  if (!first) return null;
  const lines = body
    .slice(0, first.labelStart)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  for (const line of lines.slice(0, TITLE_LINES)) {
    const date = isoDate(line);
    if (date) return date;
  }
  return null;
}

/** The first line's key must be followed by something metadata-like, so "Date palms grow…" is prose. */
/**
 * Metadata lines right under a headline that opens the body ("Floods kill 14 in Spain" then "date 2026-10-30 /
 * source reuters.com"), as copied from a news site: where they start and end, so they are left out of the prose
 * instead of running on from the headline into one sentence. Null when the body has none there.
 */
export function metadataUnderHeadline(text: string, bodyStart: number): { start: number; end: number } | null {
  const lineAt = (pos: number) => {
    const nl = text.indexOf('\n', pos);
    return { line: text.slice(pos, nl < 0 ? text.length : nl), next: nl < 0 ? text.length : nl + 1 };
  };
  let pos = bodyStart;
  while (pos < text.length && !lineAt(pos).line.trim()) pos = lineAt(pos).next;
  const headline = lineAt(pos);
  if (!headline.line.trim() || isMetaLine(headline.line) || headline.line.length > 200) return null;
  let start = -1;
  let end = -1;
  for (pos = headline.next; pos < text.length;) {
    const { line, next } = lineAt(pos);
    // A date line right under the headline would otherwise run on from it into one sentence; further down, one the
    // dateline reading knows ("Reuters | 3 December 2026") stays a sentence of its own.
    const underHeadline = pos === headline.next;
    const meta =
      isMetaLine(line) ||
      (isSourceDateLine(line) && (underHeadline || !isDatelineOnly(line))) ||
      (underHeadline && isDateLine(line));
    if (line.trim() && !meta) break;
    if (line.trim()) {
      if (start < 0) start = pos;
      end = next;
    }
    pos = next;
  }
  return start < 0 ? null : { start, end };
}

/** A line of metadata as news files carry it: a scraper's "key value" line, or where and when the story appeared. */
export function isMetadataLine(line: string): boolean {
  return isMetaLine(line) || isSourceDateLine(line);
}

/** A scraper's "key value" line: a lower-case key or one with a colon ("Updated 10:35 AM EST" is the page's dateline). */
function isMetaLine(line: string): boolean {
  const m = META_LINE.exec(line);
  return !!m && (/^\s*\p{Ll}/u.test(line) || /^\s*\S+\s*[:=]/.test(line)) && looksLikeMeta(m[1]!, m[2]!);
}

function looksLikeMeta(key: string, value: string): boolean {
  const k = key.toLowerCase();
  if (/^(?:date|published|publishedat|published_at|updated|modified)$/.test(k)) return isoDate(value) !== null;
  if (/^(?:url|link|canonical)$/.test(k)) return /^https?:\/\//i.test(value);
  return /^(?:title|headline|author|byline|source|lang|language|id|slug)$/.test(k) && /[:=]|^\S/.test(value);
}

export type NonProse = 'metadata' | 'caption' | 'credit' | 'byline' | 'footnote' | 'dateline' | 'editor_note' | 'link';

/** A link on its own, as Markdown or bare: "[Implementation Note issued December 16, 2015](https://…)". */
const LINK_ONLY = /^(?:\[[^\]]{1,300}\]\(\s*(?:https?:\/\/|www\.)[^\s)]*\s*\)|<?(?:https?:\/\/|www\.)\S+?>?)\s*\.?$/i;

const CREDIT =
  /(?:\b(?:Getty Images|Getty|AFP|Reuters|AP|EPA|Shutterstock|Anadolu|Sputnik|TASS|Bloomberg|Contributor|Pool|Handout)\s*(?:via\s+Getty(?:\s+Images)?)?\s*$|^\s*[[(]?\s*(?:File\s+)?(?:Photo|Photograph|Image|Picture|Credit|Фото|Фотография)\s*[:：]|^\s*©\s*(?!\s*\d)[^.!?]{2,60}$|\bATTENTION EDITORS\b|\bTHIS IMAGE (?:HAS BEEN|WAS) SUPPLIED BY\b|\b(?:Photo|Image|Picture)\s+(?:by|credit|courtesy)\b|\/\s*(?:Getty|AFP|Reuters|AP|EPA|Contributor|Pool|Sputnik|Anadolu)\b)/i;
const CAPTION_VERB =
  /\b(?:speaks|attends|looks on|looks|gestures|poses|walks|stands|arrives|listens|waves|holds|delivers|sits|shakes hands|meet|meets|react|reacts|is seen|are seen|pictured|inspects|visits|talks|greets|smiles|prays|mourn|mourns|gather|gathers|work|works|search|searches|clear|clears|carry|carries|help|helps|watch|watches|wait|waits|stand|walk|sit|hold|inspect|pose|rest|rests|lay|lays|ride|rides|hug|hugs|embrace|embraces|remove|removes|protest|protests|evacuate|evacuates|battle|battles|fight|fights|extinguish|extinguishes|clean|cleans|collect|collects|examine|examines|check|checks|repair|repairs|rescue|rescues|comfort|comforts|cry|cries|kiss|kisses|salute|salutes|light|lights|place|places|load|loads|unload|unloads|rise|rises|billow|billows|burn|burns|take part|takes part|pay tribute|pays tribute|pay respects|pays respects|testifies|testify|celebrate|celebrates|guards|casts his ballot|casts her ballot|cast their ballots|fire|fires|launch|launches|patrol|patrols|march|marches|queue|queues|shop|shops|train|trains|drive|drives|cross|crosses|dig|digs|sort|sorts|attend|ride)\b/i;
const hasCaptionVerb = wordGated(CAPTION_VERB);
/** A caption's date has a year: tested before the caption verbs, many of which are common words. */
const YEAR = /\d{4}/;
const hasCredit = wordGated(CREDIT);
/** Agencies and picture desks as credits name them, before or after the photographer's name. */
const PICTURE_AGENCY =
  '(?:REUTERS|Reuters|AP Photo|AP|AFP|EPA-EFE|EPA|Getty Images|Getty|Sputnik|TASS|Xinhua|Anadolu(?: Agency)?|Bloomberg|Pool|' +
  'ТАСС|РИА Новости|Спутник|Интерфакс|Коммерсантъ|Известия|Кремль|kremlin\\.ru|УНИАН|УНІАН|Укрінформ|Укринформ)';
const NAME = "\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,3}";
/** A run of slash-separated credits closing its line: "REUTERS/Evgenia Novozhenina/File Photo", "Name / РИА Новости". */
const SLASH_CHAIN = new RegExp(
  `(?:^|\\s)((?:${PICTURE_AGENCY}|${NAME})(?:\\s*\\/\\s*(?:${PICTURE_AGENCY}|${NAME}))+(?:\\s+via\\s+${NAME})?(?:,\\s*File)?)\\s*\\.?\\s*$`,
  'u',
);
const AGENCY_IN_CHAIN = new RegExp(`(?:^|[\\s/])${PICTURE_AGENCY}(?=$|[\\s/.])`, 'u');
const CAPTION_DATE =
  /(?:\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}\b|\b\d{4}-\d{2}-\d{2}\b)/;
const BYLINE =
  /^\s*(?:By|Автор|Author|Авторы|Автори|Редактор|Редакторы|Корреспондент|Текст|Editor|Edited by|Written by)\s*[:：]?\s+\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3})*\s*(?:,\s*[\p{L} ]{2,30})?\s*$/u;

/**
 * What a sentence is when it is not prose: a photo caption (present tense, a date and often a place, as
 * agencies write them), a photo credit, a byline or a footnote. Null for prose.
 */
/** A trailing photo credit in brackets: "(Sergei Bobylev, Sputnik, Kremlin Pool Photo via AP)". */
const BRACKET_CREDIT =
  /\((?:[^()]*\b(?:Photo|Pool|via AP|via Getty|via Reuters|Getty Images|AP Photo|AFP)\b[^()]*|\s*(?:Фото|Фотография|Фотографія|Иллюстрация|Ілюстрація)\s*[:：][^()]*)\)\s*\.?\s*$/;

/**
 * The reporters' own credit at the end of a story: "Olena Kovalenko reported from Kyiv.", "Mark Ellison contributed
 * from London.", "Associated Press writer Jane Roe contributed to this report.", "(Reporting by …; Editing by …)".
 */
const REPORTER_CREDIT =
  /^\s*\(?\s*(?:(?:[Aa]dditional|[Ww]riting and|[Ff]urther) reporting by|[Rr]eporting by|[Ee]diting by|[Ww]riting by|[Cc]ompiled by)\s+\p{Lu}|^(?:\p{Lu}[\p{L}.'’-]+\s+){1,3}(?:and\s+(?:\p{Lu}[\p{L}.'’-]+\s+){1,3})?(?:reported|contributed|wrote)(?:\s+(?:this report|reporting))?\s+(?:from|in)\s+\p{Lu}[\p{L}'’ ,.-]{0,40}(?:[;.]\s*(?:[Aa]dditional |[Ff]urther )?(?:reporting|editing|writing)(?:\s+and\s+\p{Ll}+)?\s+by\s+\p{Lu}[^;]{0,80})*\.?\s*$|\bcontributed(?:\s+reporting)?\s+to\s+this\s+(?:report|story|article)\b/u;

/** Words every reporters' credit holds, tested first: a plain pattern, much cheaper than REPORTER_CREDIT. */
const MAY_CREDIT_REPORTERS = /report|contribut|wrote|editing|writing|compiled/i;

/** A note keyed to a mark in the text: "*Figures as of 9 a.m.", "¹ Source: …", "[5] Surfin’ Safari - Blog Archive - …". */
const FOOTNOTE = /^(?:[*†‡¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,3}\])\s*\S/;
/** The rate a story's conversions used, as agencies note it under the text: "($1 = 0.9180 euros)", "(£1 = $1.27)". */
const EXCHANGE_RATE_NOTE = /^\s*\(\s*(?:[$£€¥₹]|[A-Z]{3}\s?|[A-Z]{1,2}\$)\s?1\s*=\s*[^()]{1,40}\)\s*$/u;
/**
 * A note about how the text was edited, not about the world: "This interview has been edited for length and clarity.",
 * "Editor's note: …", "Интервью публикуется в сокращении.", in any kind of document. (Notes about the reporting, such
 * as "This story has been updated", are the article context's `newsroom` feature.)
 */
const EDITOR_NOTE =
  /^(?:editor['’]s note\b|(?:this|the) (?:interview|conversation|transcript|q\s*&\s*a|story|article|post) (?:has been|was|have been) (?:lightly |slightly |also )?(?:edited|condensed|translated)\b|(?:интервью|беседа|текст(?: интервью)?|материал)\s+(?:был[оа]?\s+)?(?:публикуется\s+в\s+сокращении|сокращен[оа]?|отредактирован[оа]?)|(?:інтерв['’]ю|розмова|текст(?: інтерв['’]ю)?|матеріал)\s+(?:публікується\s+)?(?:скорочен[оа]?|відредаговано|з\s+(?:незначними\s+)?скороченнями))/iu;

/**
 * "REUTERS/Stringer" alone, or closing a dated caption ("A cargo ship in the port, 2 December 2026 REUTERS/Stringer");
 * never a sentence that names a poll or a source that way ("…, a Reuters/Ipsos Poll found.").
 */
function closesWithAgencyCredit(s: string): boolean {
  if (!s.includes('/') || !AGENCY_IN_CHAIN.test(s)) return false;
  const m = SLASH_CHAIN.exec(s);
  if (!m || !AGENCY_IN_CHAIN.test(m[1]!)) return false;
  const before = s.slice(0, m.index);
  return /^[\s©]*$/.test(before) || (YEAR.test(before) && !/\b(?:said|says|told|according|poll|survey|by)\b/i.test(before));
}

/** "By Jane Roe, Reuters · 3 min read", "By Jane Roe | Reuters | December 3, 2026 10:35 AM": a byline with the page's furniture. */
function isBylineLine(s: string): boolean {
  if (s.length > 160 || !/[|·]/.test(s) || !/^\s*(?:By|Автор|Author)[\s:]/.test(s)) return false;
  const [first, ...rest] = withoutPageFurniture(s).split(/\s*[|·]\s*/);
  return (
    BYLINE.test(first!) &&
    rest.every((part) => !part.trim() || isDatelineOnly(part) || /^\p{Lu}[\p{L}.' -]{1,30}$/u.test(part.trim()))
  );
}

/**
 * What kind of non-prose a sentence is, or null for prose. `noDateline`: the caller found that no dateline opens the
 * sentence, so it is not read for one again (the patterns are slow to fail on a capitalised opening).
 */
/**
 * A sentence standing at the start of a line with a photo credit after it on the same line ("Jane Roe testifies
 * before the committee, July 15, 2026. REUTERS/John Doe"): the caption the credit closes, whatever its verb. Without
 * a date ("Soldiers fire a howitzer near the front line. REUTERS/Stringer") the credit must close the line, and the
 * sentence must report no one's words.
 */
export function captionBeforeCredit(
  text: string,
  sentence: { start: number; end: number },
  next: { start: number; end: number } | undefined,
  nextKind: NonProse | null,
): boolean {
  if (!next || (nextKind !== 'credit' && nextKind !== 'caption')) return false;
  if (/[\n\r]/.test(text.slice(sentence.end, next.start))) return false;
  const lineStart = text.lastIndexOf('\n', sentence.start - 1) + 1;
  const s = text.slice(sentence.start, sentence.end);
  // A name in quotes ("станцию «Лесопарковая»") is not a quotation.
  const quoted = /["“”«»]/.test(s.replace(/[«“"][^«»“”"\s]+(?:\s[^«»“”"\s]+){0,2}[»”"]/g, ''));
  if (text.slice(lineStart, sentence.start).trim() || quoted || s.length >= 400) return false;
  if (CAPTION_DATE.test(s)) return true;
  const creditClosesLine = /^[ \t]*(?:\r?\n|$)/.test(text.slice(next.end));
  return (
    creditClosesLine &&
    !/\b(?:said|says|told|tweeted|tweets|wrote|writes|posted|posts|announced|announces|stated|according to)\b|(?:заявил|сообщил|сказал|по словам|по данным)/i.test(
      s,
    )
  );
}

export function nonProseKind(sentence: string, { noDateline = false } = {}): NonProse | null {
  const s = sentence.trim();
  if (s.length < 200 && METADATA_SENTENCE.test(s)) return 'metadata';
  if (s.length < 300 && (FOOTNOTE.test(s) || EXCHANGE_RATE_NOTE.test(s))) return 'footnote';
  if (s.length < 200 && EDITOR_NOTE.test(s)) return 'editor_note';
  if (s.length < 2_000 && LINK_ONLY.test(s)) return 'link';
  // (Trimmed to the same length, s is the sentence the caller read.)
  if (s.length < 160 && !(noDateline && s.length === sentence.length) && isDatelineOnly(s)) return 'dateline';
  if (s.length < 500 && /\)\s*\.?\s*$/.test(s.slice(-6)) && BRACKET_CREDIT.test(s) && !/["“”«»]/.test(s)) return 'caption';
  if (BYLINE.test(s) || isBylineLine(s) || (s.length < 250 && MAY_CREDIT_REPORTERS.test(s) && REPORTER_CREDIT.test(s)))
    return 'byline';
  if (s.length < 200 && isSourceDateLine(s)) return 'metadata';
  if (s.length < 200 && (hasCredit(s) || closesWithAgencyCredit(s))) return 'credit';
  if (
    s.length < 400 &&
    YEAR.test(s) &&
    hasCaptionVerb(s) &&
    CAPTION_DATE.test(s) &&
    !/["“”«»]/.test(s) &&
    !/\b(?:said|says|told)\b/i.test(s)
  ) {
    // "Russian President Vladimir Putin speaks during the plenary session …, Sept. 5, 2025, in Vladivostok, Russia."
    const afterDate = s.slice(s.search(CAPTION_DATE));
    if (
      /\d{4}\b(?:[^.]*\bin\s+\p{Lu}|[.)\s]*$|\s*\(|\s*\/)/u.test(afterDate) ||
      /\(\s*(?:AP|AFP|Reuters|Getty)[^)]*\)\s*$/.test(s)
    )
      return 'caption';
  }
  return null;
}
