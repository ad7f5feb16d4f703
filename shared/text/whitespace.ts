/** Runs of whitespace (hard wraps included) as single spaces, trimmed: how a sentence reads. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
