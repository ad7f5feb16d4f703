/**
 * Lines and paragraphs of one PDF page, read from pdf.js text items. Besides hard-wrapped prose, a page holds
 * blocks that sit apart in the layout: the rows of a table or an infobox ("Developer(s)   Mozilla"), a caption
 * in a box beside the body. Each row becomes a paragraph of its own, and a line that does not overlap the one
 * before it horizontally starts a new paragraph, so none of them runs on into one long "sentence".
 */

export interface TextItemLike {
  str: string;
  hasEOL?: boolean;
  transform: number[];
  width?: number;
  height: number;
}

/** A run of text that is not only whitespace, where it stands on the line. */
interface Piece {
  x: number;
  end: number;
  text: string;
}

interface Line {
  y: number;
  height: number;
  /** Every item's text in order, spaces included. */
  pieces: Piece[];
  /** Where the first piece with ink starts and the rightmost one ends (kept as pieces arrive). */
  left: number;
  right: number;
}

export interface PageParagraph {
  text: string;
  /** A table row: never joined to a neighbouring paragraph across a page break. */
  row: boolean;
}

/** Lines of one page in reading order of the content stream. */
function pageLines(items: TextItemLike[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    const y = item.transform[5] ?? 0;
    const x = item.transform[4] ?? 0;
    if (current && !onLine(current, x, y) && lineText(current)) {
      lines.push(current);
      current = null;
    }
    current ??= { y, height: item.height || 10, pieces: [], left: NaN, right: -Infinity };
    addPiece(current, { x, end: x + (item.width ?? 0), text: item.str });
    if (item.hasEOL) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines.filter((l) => lineText(l));
}

function addPiece(line: Line, piece: Piece): void {
  line.pieces.push(piece);
  if (!piece.text.trim()) return;
  if (Number.isNaN(line.left)) line.left = piece.x;
  line.right = Math.max(line.right, piece.end);
}

/**
 * Whether an item at (x, y) continues the line: on its baseline give or take half a line (a superscript), or
 * right of its end and within a line's height (a table cell centred beside a label that wraps).
 */
function onLine(line: Line, x: number, y: number): boolean {
  const dy = Math.abs(line.y - y);
  if (dy <= Math.max(2, line.height * 0.5)) return true;
  return !Number.isNaN(line.left) && dy < line.height && x > line.right + line.height * 0.5;
}

function lineText(line: Line, from = 0, to = line.pieces.length): string {
  return line.pieces
    .slice(from, to)
    .map((p) => p.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

function inked(line: Line): Piece[] {
  return line.pieces.filter((p) => p.text.trim());
}

function left(line: Line): number {
  return Number.isNaN(line.left) ? 0 : line.left;
}

function right(line: Line): number {
  return line.right;
}

/**
 * Where a line may split into table cells: before a piece that stands after a gap wider than half an em and
 * clearly wider than the line's other gaps (justified prose spaces its words evenly). Indices into the pieces.
 */
function wideGaps(line: Line): number[] {
  const ink = inked(line);
  const gaps = ink.slice(1).map((p, k) => p.x - ink[k]!.end);
  // The median of the other gaps wider than half a point: from one sorted list, leaving out the gap itself.
  const sorted = gaps.filter((g) => g > 0.5).sort((a, b) => a - b);
  const wide: number[] = [];
  gaps.forEach((gap, k) => {
    const usual = medianWithout(sorted, gap > 0.5 ? gap : null);
    if (gap >= line.height * 0.5 && gap >= usual * 1.5) wide.push(line.pieces.indexOf(ink[k + 1]!));
  });
  return wide;
}

/** The upper median of a sorted list once one occurrence of `value` (if given) is left out; 0 when empty. */
function medianWithout(sorted: readonly number[], value: number | null): number {
  if (value === null) return sorted[Math.floor(sorted.length / 2)] ?? 0;
  const m = Math.floor((sorted.length - 1) / 2);
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return (lo <= m ? sorted[m + 1] : sorted[m]) ?? 0;
}

/** Lines indexed by the x positions they hold, to within a point, for column lookups that stay linear. */
class ColumnIndex {
  private readonly byX = new Map<number, { x: number; line: number }[]>();
  add(x: number, line: number): void {
    const key = Math.round(x);
    const bucket = this.byX.get(key);
    if (bucket) bucket.push({ x, line });
    else this.byX.set(key, [{ x, line }]);
  }
  /** The lines other than `self` holding a position within a point of x. */
  linesAt(x: number, self: number): Set<number> {
    const found = new Set<number>();
    const key = Math.round(x);
    for (let k = key - 1; k <= key + 1; k++)
      for (const e of this.byX.get(k) ?? []) if (e.line !== self && Math.abs(e.x - x) <= 1) found.add(e.line);
    return found;
  }
}

/**
 * The cell breaks of every line: a wide gap whose next piece stands on a column, where another line starts (a
 * wrapped value continues there) or where two other lines also have a wide gap (the rows of a table).
 */
function cellBreaks(lines: readonly Line[]): number[][] {
  const starts = new ColumnIndex();
  lines.forEach((line, i) => starts.add(left(line), i));
  const candidates = lines.map(wideGaps);
  const cells = new ColumnIndex();
  candidates.forEach((breaks, i) => breaks.forEach((b) => cells.add(lines[i]!.pieces[b]!.x, i)));
  return candidates.map((breaks, i) =>
    breaks.filter((b) => {
      const x = lines[i]!.pieces[b]!.x;
      return starts.linesAt(x, i).size > 0 || cells.linesAt(x, i).size >= 2;
    }),
  );
}

/** The line's text with its cells apart; a single space between them, as the row reads. */
function rowText(line: Line, breaks: readonly number[]): string {
  const bounds = [0, ...breaks, line.pieces.length];
  return bounds
    .slice(1)
    .map((to, k) => lineText(line, bounds[k], to))
    .filter(Boolean)
    .join(' ');
}

function sameType(a: Line, b: Line): boolean {
  return Math.abs(a.height - b.height) <= 0.1 * Math.max(a.height, b.height);
}

/**
 * Paragraphs of one page: a vertical gap clearly larger than the usual line spacing starts a new one, and so do
 * a table row and a line beside (not under) the one before. A line starting under a row's second cell continues
 * that cell (a wrapped value).
 */
export function pageParagraphs(items: TextItemLike[]): PageParagraph[] {
  const lines = pageLines(items);
  const gaps = lines
    .slice(1)
    .map((l, i) => Math.abs(lines[i]!.y - l.y))
    .filter((g) => g > 0)
    .sort((a, b) => a - b);
  const usual = gaps[Math.floor(gaps.length / 2)] ?? 12;
  const starts = lines.map(left);
  const rowBreaks = cellBreaks(lines);
  const paragraphs: { lines: string[]; row: boolean; cellX: number; from: number }[] = [];
  lines.forEach((line, i) => {
    const breaks = rowBreaks[i]!;
    const text = breaks.length ? rowText(line, breaks) : lineText(line);
    const last = paragraphs[paragraphs.length - 1];
    const prev = lines[i - 1];
    const gap = prev ? Math.abs(prev.y - line.y) : Infinity;
    // Lines in one large type (a title wrapped onto two lines) stand further apart than the body's usual spacing.
    const near = gap <= usual * 1.5 || (!!prev && sameType(prev, line) && gap <= line.height * 1.5);
    if (!breaks.length && last?.row && near && starts[i]! >= last.cellX - 1) {
      last.lines.push(text);
      return;
    }
    const beside = prev !== undefined && (left(line) > right(prev) || right(line) < left(prev));
    if (!last || breaks.length || last.row || !near || beside) {
      const cellX = breaks.length ? line.pieces[breaks[0]!]!.x : Infinity;
      const label = breaks.length && last && !last.row && near ? labelAbove(lines, i, last.from, cellX) : null;
      if (label !== null && last) {
        last.lines.pop();
        if (!last.lines.length) paragraphs.pop();
      }
      paragraphs.push({ lines: [label === null ? text : `${label} ${text}`], row: breaks.length > 0, cellX, from: i });
      return;
    }
    last.lines.push(text);
  });
  return paragraphs.map((p) => ({ text: joinWrappedLines(p.lines), row: p.row }));
}

/**
 * The first line of a row's label when the label wraps and its value is centred beside the second line: the line
 * above, at the row's left edge, ending before the value's column, and not a line of a paragraph aligned with it.
 */
function labelAbove(lines: readonly Line[], row: number, paragraphStart: number, cellX: number): string | null {
  const above = lines[row - 1]!;
  const line = lines[row]!;
  if (Math.abs(left(above) - left(line)) > 1 || right(above) >= cellX) return null;
  const before = lines[row - 2];
  if (row - 1 > paragraphStart && before && Math.abs(left(before) - left(above)) <= 1) return null;
  return lineText(above);
}

/** Join hard-wrapped lines, repairing words hyphenated at a line end ("eco-" + "nomic"). */
export function joinWrappedLines(lines: string[]): string {
  let out = '';
  for (const line of lines) {
    if (!out) out = line;
    else if (/\p{L}-$/u.test(out) && /^\p{Ll}/u.test(line)) out = out.slice(0, -1) + line;
    else out += ` ${line}`;
  }
  return out;
}
