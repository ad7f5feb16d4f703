/**
 * The headlines of other stories a news page lists under "Read more:", "Related:" or "Читайте также:", as copied
 * with the article: they report other news in headline form and are never the story's claims. A label alone on
 * its line opens the list, which runs over the headline-like lines under it; a label opening its line
 * ("Read more: Bank holds rates") makes that line one of them.
 */

const LABEL =
  "(?:read more|read also|also read|see also|related(?: stories| articles| news| coverage| content| links)?|more on this(?: story| topic)?|recommended(?: stories| reading)?|you may also like|more from [\\p{L}’' ]{1,30}|more stories|top stories|читайте также|смотрите также|материалы по теме|статьи по теме|другие материалы|также читайте|читайте по теме|новости по теме|ещё по теме|еще по теме|по теме|читайте також|дивіться також)";
/** A label alone on its line: "Read more:", "RELATED", "Читайте также:". */
const LABEL_LINE = new RegExp(`^[\\s\\p{P}]*${LABEL}\\s*[:：.–—-]?\\s*$`, 'iu');
/** A label opening its line, a headline after it: "Related: How the squeeze changed what Britons buy". */
const LABELLED_LINE = new RegExp(`^[\\s\\p{P}]*${LABEL}\\s*[:：]\\s*\\S`, 'iu');

/** Lines a list may run over: more than this is the story going on. */
const MAX_LIST_LINES = 8;
const MAX_HEADLINE_CHARS = 160;
const MAX_HEADLINE_WORDS = 25;

/** A line that reads as a headline: short, and not closed like a sentence of prose (a question mark may close it). */
function isHeadlineLine(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > MAX_HEADLINE_CHARS || t.split(/\s+/).length > MAX_HEADLINE_WORDS) return false;
  return !/[.;,:]["”»’')\]]*$/.test(t) || /\.\.\.$|…$/.test(t);
}

/** Where each line of the text starts and ends. */
function lines(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    out.push({ start, end, text: text.slice(start, end) });
    if (nl < 0) break;
    start = nl + 1;
  }
  return out;
}

/** The spans of the text that list other stories' headlines (labels left out, as site furniture reads them). */
export function relatedLinkSpans(text: string): { start: number; end: number }[] {
  // Most texts have no such label: a cheap look for its words first.
  if (!/read|related|see also|more|recommended|like|читайте|смотрите|по теме|дивіться/i.test(text)) return [];
  const all = lines(text);
  const spans: { start: number; end: number }[] = [];
  for (let i = 0; i < all.length; i++) {
    const labelOnly = LABEL_LINE.test(all[i]!.text);
    if (!labelOnly && !LABELLED_LINE.test(all[i]!.text)) continue;
    let j = labelOnly ? i + 1 : i;
    let end = -1;
    const start = all[j]?.start ?? text.length;
    for (let taken = 0; j < all.length && taken < MAX_LIST_LINES; j++) {
      const line = all[j]!.text;
      if (!line.trim()) continue;
      const labelled = LABELLED_LINE.test(line);
      if (!labelled && !isHeadlineLine(line)) break;
      end = all[j]!.end;
      taken++;
    }
    if (end > start) spans.push({ start, end });
    i = Math.max(i, j - 1);
  }
  return spans;
}

/** The indices of the sentences that start inside a list of other stories' headlines. */
export function relatedLinkSentences(text: string, sentences: readonly { start: number }[]): Set<number> {
  const spans = relatedLinkSpans(text);
  const out = new Set<number>();
  if (!spans.length) return out;
  sentences.forEach((s, i) => {
    if (spans.some((r) => s.start >= r.start && s.start < r.end)) out.add(i);
  });
  return out;
}
