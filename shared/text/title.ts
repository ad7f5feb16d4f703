import { collapseWhitespace } from './whitespace';

const MAX_TITLE = 80;

function clip(text: string): string {
  return text.length > MAX_TITLE ? `${text.slice(0, MAX_TITLE - 1).trimEnd()}…` : text;
}

/**
 * A title for a document that brought none: its first line when that line stands alone (a
 * headline), else the first sentence of its first paragraph, so hard-wrapped text does not get a
 * title cut mid-sentence at the wrap.
 */
export function defaultTitle(text: string): string {
  const firstParagraph = text.trim().split(/\n\s*\n/, 1)[0] ?? '';
  const lines = firstParagraph.split('\n');
  if (lines.length === 1) return clip(collapseWhitespace(lines[0] ?? '')) || 'Untitled document';
  const flat = collapseWhitespace(firstParagraph);
  const sentence = /^.+?[.!?](?=\s|$)/.exec(flat)?.[0] ?? flat;
  return clip(sentence) || 'Untitled document';
}
