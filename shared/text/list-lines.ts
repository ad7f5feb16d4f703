/**
 * Where items start inside a line of a page's footer that runs its items together without punctuation: a label's
 * list ("Categories: March 3, 2011 Europe Science and technology"), its items between separators ("Tags: Weather | Europe"),
 * bullets run into one line ("• River levels fall • Mayor visits homes") and sources one after another ("… — Daily
 * Courier, March 4, 2011 "Town counts the cost" — …"). Intl.Segmenter has no mark to break at in any of them.
 */

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';

/**
 * A footer's label opening its line, then the list: "Categories: ", "Filed under: ". Only these: a headline may
 * open with a word and a colon too ("Police: Girl Was Found Safe"). Sticky: tried where the line starts.
 */
const LABEL =
  /(?:Categories|Category|Tags|Tagged|Topics|Filed under|Keywords|Sections|Subjects|Категории|Категория|Теги|Метки|Рубрики|Темы):[ \t]+(?=[\p{Lu}\d])/uy;

/** Separators a footer writes between its items. */
const SEPARATOR = /[ \t]+[|•·▪][ \t]+/g;

/** Inside a label's list: a full date or a word in lower case, then a capitalised word opening the next item. */
const ITEM_AFTER_DATE_OR_LOWER = new RegExp(
  `(?:^|[ \\t])(?:${MONTH}\\.? \\d{1,2}, \\d{4}|\\p{Ll}[\\p{L}'’-]*)[ \\t]+(?=\\p{Lu})`,
  'gu',
);

/** A bullet opening the line (isBullet, then a space) and more bullets after words in it: each opens an item. */
const NEXT_BULLET = /(?<=[\p{L}\d"”’)])[ \t]+(?=[*•‣▪◦][ \t]+["“\p{Lu}\d])/gu;

/** A source's date, then the quoted title of the next source: "…, March 4, 2011 "Town counts the cost" — …". */
const DATE_THEN_TITLE = new RegExp(`\\b${MONTH}\\.? \\d{1,2}, \\d{4}[ \\t]+(?=["“]\\p{Lu}[^"”]{0,200}["”][ \\t]*[—–-])`, 'gu');

/** What DATE_THEN_TITLE needs, found faster than the dates it reads. */
const YEAR_THEN_QUOTE = /\d{4}[ \t]+["“]/;

/** A list reads as one: capitalised words (or figures) at least as many as words in lower case, and no final full stop. */
function readsAsItems(list: string): boolean {
  if (/[.!?]["”’)]*$/.test(list)) return false;
  let capitalised = 0;
  let lower = 0;
  for (const word of list.split(/[ \t]+/)) {
    if (/^[\p{Lu}\d]/u.test(word)) capitalised++;
    else if (/^\p{Ll}/u.test(word)) lower++;
  }
  return capitalised >= 3 && capitalised >= lower;
}

const NONE: readonly number[] = [];

/** * • ‣ ▪ ◦ - */
const isBullet = (c: number) => c === 42 || c === 0x2022 || c === 0x2023 || c === 0x25aa || c === 0x25e6 || c === 45;
/** A separator, a bullet after the first, or a source's title. */
const LIST_MARK = /[|•·▪"“]/;

/** Offsets (into `text`, within [from, to)) where a footer line's items start, in order. */
export function listItemStarts(text: string, from: number, to: number): readonly number[] {
  // Most sentences have no label, bullet or mark at all: they are told apart first.
  const atLineStart = from === 0 || text.charCodeAt(from - 1) === 10;
  LABEL.lastIndex = from;
  const label = atLineStart ? LABEL.exec(text) : null;
  const bullets = atLineStart && isBullet(text.charCodeAt(from)) && /[ \t]/.test(text[from + 1] ?? '');
  const piece = text.slice(from, to);
  const marks = LIST_MARK.test(piece);
  if (!label && !bullets && !marks) return NONE;
  const out: number[] = [];
  const push = (i: number) => {
    if (i > 0 && i < piece.length) out.push(from + i);
  };
  if (label && label.index + label[0].length <= to && readsAsItems(piece.slice(label[0].length))) {
    push(label[0].length);
    const list = piece.slice(label[0].length);
    if (!/[|•·▪]/.test(list)) {
      ITEM_AFTER_DATE_OR_LOWER.lastIndex = 0;
      for (let m = ITEM_AFTER_DATE_OR_LOWER.exec(list); m; m = ITEM_AFTER_DATE_OR_LOWER.exec(list))
        push(label[0].length + m.index + m[0].length);
    }
  }
  if (bullets) {
    NEXT_BULLET.lastIndex = 0;
    for (let m = NEXT_BULLET.exec(piece); m; m = NEXT_BULLET.exec(piece)) push(m.index + m[0].length);
  }
  // Only after a label: a page's running head ("Working Papers | ISSN 1535-6078") is one line of furniture, not a list.
  if (label && marks && /[|•·▪]/.test(piece) && !/[.!?]["”’)]*$/.test(piece)) {
    SEPARATOR.lastIndex = 0;
    for (let m = SEPARATOR.exec(piece); m; m = SEPARATOR.exec(piece)) push(m.index + m[0].length);
  }
  if (marks && YEAR_THEN_QUOTE.test(piece)) {
    DATE_THEN_TITLE.lastIndex = 0;
    for (let m = DATE_THEN_TITLE.exec(piece); m; m = DATE_THEN_TITLE.exec(piece)) push(m.index + m[0].length);
  }
  return out.length < 2 ? out : [...new Set(out)].sort((a, b) => a - b);
}
