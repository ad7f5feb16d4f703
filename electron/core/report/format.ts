/** Plain-text formatting shared by the renderers (dates, counts, the scope sentence). */
import { verdictFilterLabel } from '../../../shared/domain';
import type { OverruledDecision, ReportClaim, ReportFactCheck, ReportModel } from './schema';

/** Day, month, year and the time in UTC, to the minute or (with `second`) to the second. */
const utcTime = (second?: '2-digit') =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(second ? { second } : {}),
    hourCycle: 'h23',
  });
const DATE_TIME = utcTime();
const DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/** "4 March 2026, 09:12 UTC"; times are shown in UTC so every reader sees the same text. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${DATE_TIME.format(d)} UTC`;
}

const CLOCK = utcTime('2-digit');

/** "4 March 2026, 21:03:12 UTC": to the second, for moments of a live event. */
export function formatMoment(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${CLOCK.format(d)} UTC`;
}

/** "1 h 05 min", "12 min 30 s", "45 s": a span of working time. */
export function formatDuration(ms: number): string {
  if (ms > 0 && ms < 500) return 'under 1 s';
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const sec = totalSeconds % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return sec ? `${m} min ${sec} s` : `${m} min`;
  return `${sec} s`;
}

const MONTH = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' });

/**
 * A published date as given, spelled out like every other date in a report: "3 May 2024", a
 * month alone "January 2020", a year alone "2020"; anything else is shown verbatim.
 */
export function formatDate(value: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(value.trim());
  if (month) {
    const m = Number(month[2]);
    return m >= 1 && m <= 12 ? MONTH.format(new Date(Date.UTC(Number(month[1]), m - 1, 1))) : value;
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return value;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : DATE.format(d);
}

/** What a kind of file is called, by its extension. */
const FILE_KINDS: Record<string, string> = {
  doc: 'Word document',
  docx: 'Word document',
  odt: 'OpenDocument text',
  rtf: 'Rich text',
  pdf: 'PDF',
  txt: 'Plain text',
  md: 'Markdown text',
  csv: 'CSV table',
  xls: 'Excel spreadsheet',
  xlsx: 'Excel spreadsheet',
  ods: 'OpenDocument spreadsheet',
  ppt: 'PowerPoint presentation',
  pptx: 'PowerPoint presentation',
  html: 'Web page',
  htm: 'Web page',
  json: 'JSON',
  xml: 'XML',
  zip: 'Zip archive',
  png: 'PNG image',
  jpg: 'JPEG image',
  jpeg: 'JPEG image',
  gif: 'GIF image',
  webp: 'WebP image',
  svg: 'SVG image',
  mp3: 'MP3 audio',
  wav: 'WAV audio',
  m4a: 'M4A audio',
  mp4: 'MP4 video',
  mov: 'QuickTime video',
  webm: 'WebM video',
};

const MIME_KINDS: Record<string, string> = {
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'text/html': 'html',
  'application/json': 'json',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'audio/mpeg': 'mp3',
  'video/mp4': 'mp4',
};

/**
 * An attached file's type in words: from its stored media type when that says something, else
 * from its name ("application/octet-stream" is what a browser stores when it does not know).
 */
export function attachmentType(fileName: string, mediaType: string | null): string {
  const stored = mediaType?.trim().toLowerCase() ?? '';
  const fromMime = MIME_KINDS[stored.split(';')[0]!];
  if (fromMime) return FILE_KINDS[fromMime]!;
  const ext = /\.([a-z0-9]{1,8})$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  const fromName = ext ? FILE_KINDS[ext] : undefined;
  if (fromName) return fromName;
  if (stored && stored !== 'application/octet-stream') return stored;
  return ext ? `.${ext} file` : 'File';
}

/** The summary's line for claims whose teammates' verdicts still disagree. */
export function openConflictsSentence(n: number): string {
  return `${plural(n, 'open conflict')}: ${n === 1 ? 'a claim whose' : 'claims whose'} teammates’ decisions disagree and nobody has settled ${n === 1 ? 'it' : 'them'} yet`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? word : many}`;
}

/**
 * Each part's share of the whole as text. The shares add up to 100% (largest-remainder rounding,
 * when the parts make up the whole); a share that is not zero never reads "0%" ("<1%"), and one
 * that is not the whole never reads "100%" (">99%").
 */
export function shares(parts: readonly number[], whole: number): string[] {
  if (whole <= 0) return parts.map(() => '0%');
  const exact = parts.map((p) => (p / whole) * 100);
  const whole100 = exact.map(Math.floor);
  const sum = parts.reduce((a, b) => a + b, 0);
  if (sum === whole) {
    const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    let left = 100 - whole100.reduce((a, b) => a + b, 0);
    for (const [, i] of byRemainder) {
      if (left <= 0) break;
      whole100[i]!++;
      left--;
    }
  } else {
    for (const [i, x] of exact.entries()) whole100[i] = Math.round(x);
  }
  return whole100.map((pct, i) => {
    const part = parts[i]!;
    if (part > 0 && pct === 0) return '<1%';
    if (part < whole && pct >= 100) return '>99%';
    return `${pct}%`;
  });
}

/** Document sections are numbered among real documents; claims without one get an unnumbered section. */
export function documentNumber(model: Pick<ReportModel, 'documents'>, index: number): number | null {
  if (model.documents[index]?.id === null) return null;
  return model.documents.slice(0, index + 1).filter((d) => d.id !== null).length;
}

export function documentCount(model: Pick<ReportModel, 'documents'>): number {
  return model.documents.filter((d) => d.id !== null).length;
}

/** A source's publisher and dates as short phrases: "Reuters", "published 3 May 2024", "accessed 6 May 2024". */
export function sourceMeta(s: {
  title?: string;
  publisher: string | null;
  publishedAt: string | null;
  accessedAt?: string | null;
  addedBy?: string;
}): string[] {
  return [
    // A source with no title of its own is named by its publisher; saying it twice reads as a mistake.
    s.publisher === s.title ? null : s.publisher,
    s.publishedAt ? `published ${formatDate(s.publishedAt)}` : null,
    s.accessedAt ? `accessed ${formatDate(s.accessedAt)}` : null,
    s.addedBy ? `added by ${s.addedBy}` : null,
  ].filter((x): x is string => !!x);
}

/** One sentence that says which claims the report covers. */
export function describeScope(model: ReportModel): string {
  const parts: string[] = [];
  if (model.session) parts.push(`checking session “${model.session.name || 'Untitled session'}”`);
  const docs = model.scope.documentIds;
  if (docs) parts.push(plural(docs.length, 'chosen document'));
  else if (!model.session) parts.push('all documents');
  if (model.scope.decided) parts.push('decided claims only');
  if (model.scope.verdicts) parts.push(`verdict ${model.scope.verdicts.map((v) => verdictFilterLabel(v)).join(' or ')}`);
  if (model.scope.query) parts.push(`matching “${model.scope.query}”`);
  return `Covers ${parts.join(', ')}.`;
}

export { shorten } from '../../../shared/text/shorten';

/** "Verdict set by Ben on 6 Dec 2026, 13:34, kept by Mara on 6 Dec 2026, 14:02", as plain text. */
export function verdictSetLine(c: Pick<ReportClaim, 'decidedBy' | 'decidedAt' | 'keptBy' | 'keptAt'>): string | null {
  if (!c.decidedBy || !c.decidedAt) return null;
  const kept = c.keptBy && c.keptAt ? `, kept by ${c.keptBy} on ${formatDateTime(c.keptAt)}` : '';
  return `Verdict set by ${c.decidedBy} on ${formatDateTime(c.decidedAt)}${kept}`;
}

/** "Ben Okafor, Disputed, 5 December 2026, 13:34 UTC": whose decision a settlement set aside, as plain text. */
export function overruledHeadline(d: OverruledDecision): string {
  return `${d.author}, ${d.verdictLabel}, ${formatDateTime(d.at)}`;
}

/**
 * "settled by Lena Park on 6 December 2026, 09:10 UTC": who set the decision aside, and when; null
 * when the claim's decision line already names that settlement (its verdict set or kept then, by them).
 */
export function settledPhrase(
  d: Pick<OverruledDecision, 'settledBy' | 'settledAt'>,
  c: Pick<ReportClaim, 'decidedBy' | 'decidedAt' | 'keptBy' | 'keptAt'>,
): string | null {
  const named = (by: string | null | undefined, at: string | null | undefined) => by === d.settledBy && at === d.settledAt;
  return named(c.keptBy, c.keptAt) || (!c.keptBy && named(c.decidedBy, c.decidedAt))
    ? null
    : `settled by ${d.settledBy} on ${formatDateTime(d.settledAt)}`;
}

/**
 * "A published fact-check by Desk Check (2015) rated a similar claim True": another publisher's rating of a claim
 * like this one, worded so no reader takes it for this desk's verdict.
 */
export function factCheckSentence(f: Pick<ReportFactCheck, 'publisher' | 'datePublished' | 'rating'>): string {
  const year = f.datePublished?.slice(0, 4);
  const by = f.publisher.trim() ? ` by ${f.publisher.trim()}${year ? ` (${year})` : ''}` : year ? ` (${year})` : '';
  return `A published fact-check${by} rated a similar claim ${f.rating.trim() || 'without a rating'}`;
}
