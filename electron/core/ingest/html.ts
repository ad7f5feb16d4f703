import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
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

/** Main text, title, byline, date and canonical URL. Scripts never run and nothing is fetched. */
export function extractHtml(bytes: Uint8Array): ExtractedDocument {
  const decoded = decodeBytes(bytes, declaredCharset(bytes));
  const dom = new JSDOM(decoded.text, { virtualConsole: new VirtualConsole(), url: 'about:blank' });
  try {
    const doc = dom.window.document;
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
