import { ClaimbenchError } from '../../../shared/result';

/**
 * Only http(s) links are stored: a javascript:, file:, data: or any other scheme could run code or
 * reach the checker's disk when clicked. Parsed with the WHATWG URL parser, never by prefix, so
 * tricks like " JaVaScRiPt:" or "java\tscript:" are judged the way a browser would judge them.
 */
export function parseSourceUrl(text: string): string {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new ClaimbenchError('VALIDATION', `“${clip(trimmed)}” is not a web address. Give a full http:// or https:// URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ClaimbenchError(
      'VALIDATION',
      `Only http:// and https:// links can be stored as sources (refused a ${url.protocol} link).`,
    );
  }
  if (!url.hostname) throw new ClaimbenchError('VALIDATION', 'The link has no host name.');
  if (url.username || url.password) {
    throw new ClaimbenchError('VALIDATION', 'Links with a user name or password in them are refused.');
  }
  return url.href;
}

/** A paste that is one URL-looking token becomes a link; anything else is an excerpt. */
export function classifyPaste(pasted: string): { url: string } | { excerpt: string } {
  const trimmed = pasted.trim();
  if (/^[a-z][a-z0-9+.-]*:\S*$/i.test(trimmed) && !/\s/.test(trimmed)) return { url: parseSourceUrl(trimmed) };
  if (/^www\.\S+$/i.test(trimmed)) return { url: parseSourceUrl(`https://${trimmed}`) };
  return { excerpt: trimmed };
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
