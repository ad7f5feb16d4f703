/**
 * The first `max` characters of one-line text, cut at a word and marked with an ellipsis; only a first
 * word longer than `max` (a URL, an id) is cut inside.
 */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  // A cut that falls just before a space ends a whole word.
  if (flat[max - 1] === ' ') return `${cut.trimEnd()}…`;
  const space = cut.lastIndexOf(' ');
  return `${(space > 0 ? cut.slice(0, space) : cut).trimEnd().replace(/[,;:]$/, '')}…`;
}
