/**
 * Where quotations open and close across the sentences of a document. A quote may span several
 * sentences (and, in news style, several paragraphs that each reopen it); every sentence inside it
 * belongs to one quote group whose speaker is named where the quote closes or where it opens.
 */
import { isWhiteSpaceCode } from '../../text/whitespace';

export interface QuoteInfo {
  /** The sentence starts inside a quote opened in an earlier sentence. */
  startsInside: boolean;
  /** A quote is still open at the end of the sentence. */
  endsInside: boolean;
  /** Index of the quote group the sentence belongs to (or touches), -1 for none. */
  group: number;
  /** The sentence's text with every quoted stretch blanked out (same length), so cues inside quotes are not read. */
  outside: string;
  /** Share of the sentence's letters that sit inside quotes (0..1). */
  quotedShare: number;
  /** The sentence holds a quote of its own or part of one. */
  hasQuote: boolean;
}

const OPEN = new Set(['“', '«', '„']);
const CLOSE = new Set(['”', '»']);
const MAX_QUOTE_SENTENCES = 8;
/** " “ ” « » „ */
const isQuoteMark = (c: number) => c === 34 || c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb || c === 0x201e;
const ANY_QUOTE_MARK = /["“”«»„]/;
const isSpace = (c: string) => isWhiteSpaceCode(c.charCodeAt(0));

/**
 * The author's words inside a Russian or Ukrainian quotation, set off by dashes after the quoted clause's comma or
 * mark: "…, — отметил министр Иван Петров. — …", "…, — сказав він, — …", up to the next dash, the closing mark or
 * the sentence's end.
 */
const AUTHOR_WORDS = /[,!?…]\s*[—–]\s+([а-яёіїєґ][^—–«»"“”„]*?[^\s—–«»"“”„])(?=[.,]?\s*[—–]\s|[.,]?\s*»|[.,]?\s*$)/gu;
const AUTHOR_WORDS_MAY = /[,!?…]\s*[—–]\s+[а-яёіїєґ]/u;

/** Quote structure for consecutive sentences. Straight double quotes toggle; typographic ones pair. */
export function quoteStructure(sentences: readonly string[]): QuoteInfo[] {
  const out: QuoteInfo[] = [];
  let open = false;
  let group = -1;
  let groups = 0;
  let insideRun = 0;
  let opener = '';
  for (const s of sentences) {
    // A quote left open for many sentences is a stray mark, not a long quotation.
    insideRun = open ? insideRun + 1 : 0;
    if (insideRun > MAX_QUOTE_SENTENCES) open = false;
    const startsInside = open;
    let touched = open;
    if (!ANY_QUOTE_MARK.test(s)) {
      out.push({
        startsInside,
        endsInside: open,
        group: open ? group : -1,
        outside: open ? blank(s) : s,
        quotedShare: open ? 1 : 0,
        hasQuote: open,
      });
      continue;
    }
    // Walk the quote marks only; the text between them is copied or blanked in slices.
    let masked = '';
    let quoted = 0;
    let from = 0;
    for (let i = 0; i < s.length; i++) {
      if (!isQuoteMark(s.charCodeAt(i))) continue;
      const ch = s[i]!;
      const piece = s.slice(from, i);
      if (open) {
        masked += blank(piece);
        quoted += piece.length;
      } else masked += piece;
      masked += ch;
      from = i + 1;
      if (ch === '"') {
        // Straight quotes: after a space (or at the start) before a word they open, after a word they close,
        // otherwise they toggle.
        const before = i === 0 ? ' ' : s[i - 1]!;
        const after = s[i + 1] ?? ' ';
        const opens = (isSpace(before) || '([:—–-'.includes(before)) && !isSpace(after);
        const closes = !(isSpace(before) || '(['.includes(before)) && (isSpace(after) || '.,;:!?)]—–-'.includes(after));
        if (opens || (!closes && !open)) {
          if (!open && !touched) group = groups++;
          open = true;
          touched = true;
        } else open = false;
      } else if (ch === '“' && open && opener === '„') {
        // „…“ (Ukrainian, German): the raised mark closes.
        open = false;
      } else if (OPEN.has(ch)) {
        opener = ch;
        if (!open && !touched) group = groups++;
        // A new opening mark while still open: a new paragraph of the same quotation in news style.
        open = true;
        touched = true;
      } else if (CLOSE.has(ch)) open = false;
    }
    const rest = s.slice(from);
    if (open) {
      masked += blank(rest);
      quoted += rest.length;
    } else masked += rest;
    // «Мы готовы, — отметил министр Иван Петров. — Но без условий»: the author's words between dashes are not quoted.
    if (quoted && AUTHOR_WORDS_MAY.test(s))
      for (const m of s.matchAll(AUTHOR_WORDS)) {
        const from = m.index + m[0].length - m[1]!.length;
        if (masked.charCodeAt(from) !== 0x2022) continue;
        masked = masked.slice(0, from) + m[1]! + masked.slice(from + m[1]!.length);
        quoted -= m[1]!.length;
      }
    const letters = s.length;
    out.push({
      startsInside,
      endsInside: open,
      group: touched ? group : -1,
      outside: masked,
      quotedShare: letters ? quoted / letters : 0,
      hasQuote: touched,
    });
  }
  return out;
}

/**
 * Every code unit that \S matches replaced by •, white space kept: built from character codes (a replace()
 * matching each character, or each word, was a hot spot).
 */
function blank(s: string): string {
  let out = '';
  for (let from = 0; from < s.length; from += BLANK_CHUNK) {
    const n = Math.min(BLANK_CHUNK, s.length - from);
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(from + i);
      blankCodes[i] = isWhiteSpaceCode(c) ? c : 0x2022;
    }
    // apply takes any array-like: the typed array is passed as it is, without copying it into an array.
    out += String.fromCharCode.apply(null, blankCodes.subarray(0, n) as unknown as number[]);
  }
  return out;
}
/** Characters per String.fromCharCode call: well under any engine's limit on arguments. */
const BLANK_CHUNK = 4096;
const blankCodes = new Uint16Array(BLANK_CHUNK);
