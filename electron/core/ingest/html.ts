import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

import { decodeBytes } from './decode';
import type { ExtractedDocument } from './extracted';
import { normaliseText } from './extracted';
import { importRefusal } from './refusals';

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

/**
 * The alt text of a picture that the text after it reads on from: a logo whose alt text is the sentence's subject
 * ("The Electronic Frontier Foundation" above "was founded in 1990 to protect …"). Text opening in lower case is the
 * rest of a sentence, never a start; a long alt text describes a picture rather than naming something.
 */
class PictureSubject {
  private alt: string | null = null;

  seen(alt: string | null | undefined): void {
    const name = alt?.replace(/\s+/g, ' ').trim() ?? '';
    this.alt = name && name.length <= 80 && !/[.!?]$/.test(name) ? name : null;
  }

  /** The text, with the picture's name in front when the text goes on from it. */
  before(text: string): string {
    if (!text.trim()) return text;
    const alt = this.alt;
    this.alt = null;
    return alt && /^\s*\p{Ll}/u.test(text) ? `${alt} ${text.trimStart()}` : text;
  }
}

/** Text of an element with one blank line between block elements and single newlines for <br>. */
function blockText(root: Element): string {
  const parts: string[] = [];
  const picture = new PictureSubject();
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      parts.push(picture.before((node.nodeValue ?? '').replace(/\s+/g, ' ')));
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE' || el.tagName === 'NOSCRIPT' || el.tagName === 'TEMPLATE') return;
    if (el.tagName === 'IMG') {
      picture.seen(el.getAttribute('alt'));
      return;
    }
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
  return tidyLines(parts.join(''));
}

/**
 * Deeper than any article page needs. Readability's time grows steeply with nesting (400 levels take
 * seconds, 1,000 about a minute), so a page nested like this is refused rather than left to hang.
 */
const MAX_NESTING = 200;

/**
 * Above this many elements Readability and jsdom cost time and memory out of proportion: some shapes
 * are quadratic (a list of 8,000 items took 55 s, 16,000 took 140 s; 100,000 paragraphs took minutes
 * and gigabytes), so such a page's text is taken straight from the parse5 tree in one linear pass,
 * without boilerplate removal. Article pages have 500 to 3,000 elements; very long Wikipedia pages
 * (about 10,000) take the linear pass.
 */
export const MAX_READABLE_ELEMENTS = 5_000;

type P5Node = DefaultTreeAdapterMap['node'];
type P5Element = DefaultTreeAdapterMap['element'];

const isElement = (n: P5Node): n is P5Element => 'tagName' in n;
const childrenOf = (n: P5Node): P5Node[] =>
  n.nodeName === 'template' ? (n as DefaultTreeAdapterMap['template']).content.childNodes : 'childNodes' in n ? n.childNodes : [];

interface TreeShape {
  depth: number;
  elements: number;
}

/**
 * Every element's depth, counted without recursion on parse5's tree (parse5 builds it with an
 * explicit stack, so 20,000 nested <q>, <x> or SVG <g> take milliseconds; jsdom and Readability
 * would recurse on them and overflow the stack). Stops as soon as the limit is passed.
 */
function treeShape(root: P5Node): TreeShape {
  let deepest = 0;
  let elements = 0;
  const stack: [P5Node, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const d = isElement(node) ? depth + 1 : depth;
    if (isElement(node)) elements++;
    if (d > deepest) deepest = d;
    if (deepest > MAX_NESTING) break;
    for (const child of childrenOf(node)) stack.push([child, d]);
  }
  return { depth: deepest, elements };
}

const tooDeep = () =>
  importRefusal(
    'UNSUPPORTED_FORMAT',
    'This web page is not built like an article, so Claimbench will not read it.',
    'Open it in a browser, copy the article’s text and paste it.',
    `elements nested more than ${MAX_NESTING} levels deep`,
  );

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head']);

/** blockText over a parse5 tree, without recursion: one pass, linear in the page's size. */
function p5BlockText(root: P5Node): string {
  const parts: string[] = [];
  const picture = new PictureSubject();
  const stack: (P5Node | string)[] = [root];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      parts.push(item);
      continue;
    }
    if (item.nodeName === '#text') {
      parts.push(picture.before((item as DefaultTreeAdapterMap['textNode']).value.replace(/\s+/g, ' ')));
      continue;
    }
    if (isElement(item)) {
      if (SKIPPED.has(item.tagName)) continue;
      if (item.tagName === 'img') {
        picture.seen(item.attrs.find((a) => a.name === 'alt')?.value);
        continue;
      }
      if (item.tagName === 'br') {
        parts.push('\n');
        continue;
      }
    }
    const block = isElement(item) && BLOCKS.has(item.tagName.toUpperCase());
    if (block) parts.push('\n\n');
    if (block) stack.push('\n\n');
    const kids = childrenOf(item);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return tidyLines(parts.join(''));
}

function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

/** Title, canonical URL and date from a parse5 tree (the large-page path). */
function p5Metadata(root: P5Node): { title: string | null; canonical: string | null; date: string | null } {
  let title: string | null = null;
  let canonical: string | null = null;
  let date: string | null = null;
  const stack: P5Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isElement(node)) {
      const attr = (name: string) => node.attrs.find((a) => a.name === name)?.value ?? null;
      if (node.tagName === 'title' && title === null) title = p5BlockText(node).trim() || null;
      if (node.tagName === 'link' && attr('rel') === 'canonical') canonical ??= attr('href');
      if (node.tagName === 'meta' && /^(article:published_time|date|pubdate)$/.test(attr('property') ?? attr('name') ?? ''))
        date ??= attr('content');
    }
    for (const child of childrenOf(node)) stack.push(child);
  }
  return { title, canonical, date };
}

/** Main text, title, byline, date and canonical URL. Scripts never run and nothing is fetched. */
export function extractHtml(bytes: Uint8Array): ExtractedDocument {
  const decoded = decodeBytes(bytes, declaredCharset(bytes));
  const tree = parse(decoded.text);
  const shape = treeShape(tree);
  if (shape.depth > MAX_NESTING) throw tooDeep();
  if (shape.elements > MAX_READABLE_ELEMENTS) {
    const meta = p5Metadata(tree);
    return {
      format: 'html',
      title: meta.title,
      text: normaliseText(p5BlockText(tree)),
      byline: null,
      publishedAt: meta.date,
      canonicalUrl: meta.canonical && /^https?:\/\//i.test(meta.canonical) ? meta.canonical : null,
      encoding: decoded.encoding,
    };
  }
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
