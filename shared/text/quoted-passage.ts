/** Opening quote marks and the marks that close each. */
const CLOSERS: Record<string, string> = { '“': '”', '"': '"', '«': '»', '„': '“', '‘': '’', "'": "'", '‹': '›' };

/**
 * A passage as a report sets it inside its own quotation marks: quote marks that enclose the whole of it
 * (pasted with them) are left off, so it never reads ““Access was restored…””. Quotes inside it stay.
 */
export function passageToQuote(passage: string): string {
  const text = passage.trim();
  const close = CLOSERS[text.charAt(0)];
  if (!close || text.length < 2 || !text.endsWith(close)) return text;
  const inner = text.slice(1, -1);
  // "“A,” he said, “B”": the outer marks belong to two quotations, not one around the whole.
  if (inner.includes(close) || inner.includes(text.charAt(0))) return text;
  return inner.trim();
}
