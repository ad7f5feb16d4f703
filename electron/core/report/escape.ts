/**
 * Every piece of user (or teammate-file) text reaches an export through one of these functions.
 * They are deliberately small so they can be tested exhaustively against the hostile corpus.
 * Bidi overrides and zero-width characters are shown as \uXXXX (see shared/text/invisible.ts).
 */
import { revealInvisibleChars } from '../../../shared/text/invisible';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content and quoted attribute values; bidi and zero-width controls shown as \uXXXX. */
export function escapeHtml(text: string): string {
  return revealInvisibleChars(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * The URL, normalised, when it is an absolute http(s) address; otherwise null, so `javascript:`,
 * `data:`, relative and malformed URLs never become links.
 */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.href;
}

/** An http(s) link that cannot reach back into the opener, or the escaped label when the URL is unsafe. */
export function htmlLink(url: string | null | undefined, label: string): string {
  const safe = safeHttpUrl(url);
  if (!safe) return escapeHtml(label);
  return `<a href="${escapeHtml(safe)}" rel="noopener noreferrer" target="_blank">${escapeHtml(label)}</a>`;
}

/** Characters that open or close an inline construct anywhere in a line (code, emphasis, links, tables). */
const MARKDOWN_INLINE = /[\\`*_[\]|~]/g;

/** Constructs that only count at the start of a line: headings, quotes, lists, setext underlines. */
function escapeLineStart(line: string): string {
  return line.replace(/^([#+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * Markdown text: HTML characters become entities (so no raw HTML survives) and Markdown
 * punctuation is backslash-escaped, so emphasis, links, images, code, headings, lists, quotes and
 * tables cannot be formed. Every line is treated as a possible line start, because headings,
 * quotes and lists can interrupt a paragraph. Line breaks become hard breaks.
 */
export function escapeMarkdown(text: string): string {
  return revealInvisibleChars(text)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      escapeLineStart(
        line
          .trim()
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;')
          .replace(MARKDOWN_INLINE, (c) => `\\${c}`),
      ),
    )
    .filter((line) => line !== '')
    .join('\\\n');
}

/** A Markdown link for http(s) URLs only; the URL goes in angle brackets so parentheses cannot break out. */
export function markdownLink(url: string | null | undefined, label: string): string {
  const safe = safeHttpUrl(url);
  if (!safe) return escapeMarkdown(label);
  const target = safe.replace(/[<>\s]/g, (c) => encodeURIComponent(c));
  return `[${escapeMarkdown(label)}](<${target}>)`;
}

/** `<https://…>`: a CommonMark autolink, which shows the full address as its text; null when unsafe. */
export function markdownAutolink(url: string | null | undefined): string | null {
  const safe = safeHttpUrl(url);
  return safe ? `<${safe.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>` : null;
}

/**
 * Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection), also after
 * leading whitespace, line breaks or invisible characters, which spreadsheets skip before `=`.
 */
const FORMULA_START = /^(?:[\t\r\n]|[\s\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]*[=+\-@＝＋－＠])/u;

/** Prefix a would-be formula with an apostrophe so spreadsheets show it as text. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One RFC 4180 field: formula-neutralised text, quoted when it holds a comma, quote, CR or LF. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = neutraliseFormula(revealInvisibleChars(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
