/** Opening quote marks and the marks that close each. */
const CLOSERS: Record<string, string> = { '“': '”', '"': '"', '«': '»', '„': '“', '‘': '’', "'": "'", '‹': '›' };
const QUOTE_MARKS = /["“”«»„‘’‹›]/;

/**
 * A passage as a report prints it, verbatim, and whether the report puts its own quotation marks around it.
 * Marks pasted around the whole passage are left off and the report's own used instead, so it never reads
 * ““Access was restored…””; a passage with quotations of its own inside ("“Rates rose,” the statement said") is
 * printed as it is, without marks around it, which would sit doubled against the ones it opens with.
 */
export function passageToQuote(passage: string): { text: string; quoted: boolean } {
  const text = passage.trim();
  const close = CLOSERS[text.charAt(0)];
  if (close && text.length >= 2 && text.endsWith(close)) {
    const inner = text.slice(1, -1);
    // "“A,” he said, “B”": the outer marks belong to two quotations, not one around the whole.
    if (!inner.includes(close) && !inner.includes(text.charAt(0))) return { text: inner.trim(), quoted: true };
  }
  return { text, quoted: !QUOTE_MARKS.test(text) };
}

/** The passage in the report's quotation marks where it takes them (Markdown, CSV). */
export function quotedPassage(passage: string): string {
  const { text, quoted } = passageToQuote(passage);
  return quoted ? `“${text}”` : text;
}
