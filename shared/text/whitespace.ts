/** Runs of whitespace (hard wraps included) as single spaces, trimmed: how a sentence reads. */
export function collapseWhitespace(text: string): string {
  // Most sentences hold only single plain spaces: then trimming is all there is to do.
  return /[^\S ]| {2}/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}
