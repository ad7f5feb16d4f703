/** Runs of whitespace (hard wraps included) as single spaces, trimmed: how a sentence reads. */
export function collapseWhitespace(text: string): string {
  // Most sentences hold only single plain spaces: then trimming is all there is to do.
  return /[^\S ]| {2}/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

/** Whether a UTF-16 code unit is white space as \s and String.prototype.trim read it. */
export function isWhiteSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
