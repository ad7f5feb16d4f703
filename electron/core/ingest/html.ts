import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { ClaimbenchError } from '../../../shared/result';
import { decodeBytes } from './decode';
import type { ExtractedDocument } from './extract';
import { normaliseText } from './extract';

/** The charset a page declares in its first bytes (meta charset or http-equiv). */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1] ?? null;
}

const BLOCKS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'TR',
  'FIGCAPTION',
  'DT',
  'DD',
  'TABLE',
  'UL',
  'OL',
  'HEADER',
  'FOOTER',
  'FIGURE',
]);

/** Text of an element with one blank line between block elements and single newlines for <br>. */
function blockText(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      parts.push((node.nodeValue ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE' || el.tagName === 'NOSCRIPT' || el.tagName === 'TEMPLATE') return;
    if (el.tagName === 'BR') {
      parts.push('\n');
      return;
    }
    const block = BLOCKS.has(el.tagName);
    if (block) parts.push('\n\n');
    for (const child of Array.from(el.childNodes)) walk(child);
    if (block) parts.push('\n\n');
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

/**
 * Deeper than any article page needs. Readability's time grows steeply with nesting (400 levels take
 * seconds, 1,000 about a minute), so a page nested like this is refused rather than left to hang.
 */
const MAX_NESTING = 200;

/** Container tags that only close explicitly: counted in the raw markup before jsdom sees it. */
const CONTAINERS =
  /<(\/?)(?:div|span|section|article|main|aside|nav|header|footer|table|ul|ol|blockquote|font|b|i|em|strong|a|form|center|figure)\b[^>]*?(\/?)>/gi;

/** jsdom itself recurses on nesting (20,000 levels take 20 s, then overflow the stack): refuse before parsing. */
function rawNestingExceeds(html: string, limit: number): boolean {
  let depth = 0;
  for (const m of html.matchAll(CONTAINERS)) {
    if (m[2]) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > limit) return true;
  }
  return false;
}

function nestingDepth(root: Element): number {
  let deepest = 0;
  const stack: [Element, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_NESTING) break;
    for (const child of Array.from(el.children)) stack.push([child, depth + 1]);
  }
  return deepest;
}

const tooDeep = () =>
  new ClaimbenchError(
    'UNSUPPORTED_FORMAT',
    `This page nests its elements more than ${MAX_NESTING} levels deep, which no article does; it cannot be imported.`,
  );

/** Main text, title, byline, date and canonical URL. Scripts never run and nothing is fetched. */
export function extractHtml(bytes: Uint8Array): ExtractedDocument {
  const decoded = decodeBytes(bytes, declaredCharset(bytes));
  if (rawNestingExceeds(decoded.text, MAX_NESTING * 10)) throw tooDeep();
  const dom = new JSDOM(decoded.text, { virtualConsole: new VirtualConsole(), url: 'about:blank' });
  try {
    const doc = dom.window.document;
    if (nestingDepth(doc.documentElement) > MAX_NESTING) throw tooDeep();
    const canonical =
      doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
      doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ??
      null;
    const metaDate =
      doc
        .querySelector(
          'meta[property="article:published_time"], meta[name="date"], meta[name="pubdate"], meta[itemprop="datePublished"]',
        )
        ?.getAttribute('content') ??
      doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
      null;
    const fallbackTitle = doc.title?.trim() || null;
    const article = new Readability(doc.cloneNode(true) as Document, { charThreshold: 200 }).parse();
    let text: string;
    if (article?.content) {
      const holder = new JSDOM(`<body>${article.content}</body>`, { virtualConsole: new VirtualConsole() });
      text = blockText(holder.window.document.body);
      holder.window.close();
    } else text = doc.body ? blockText(doc.body) : '';
    return {
      format: 'html',
      title: article?.title?.trim() || fallbackTitle,
      text: normaliseText(text),
      byline: article?.byline?.trim() || null,
      publishedAt: article?.publishedTime?.trim() || metaDate,
      canonicalUrl: canonical && /^https?:\/\//i.test(canonical) ? canonical : null,
      encoding: decoded.encoding,
    };
  } finally {
    dom.window.close();
  }
}
