/**
 * Who a speaker label names. A transcript's labels are short ("CARTER", "SEN. WARREN", "MODERATOR (Lester Holt)");
 * the person's name is usually said once, when they are introduced ("Governor Helen Carter"). A claimant is shown
 * in reports and filters, so it is the person's name as the text gives it, else the label in title case, never the
 * all-caps label.
 */

export type SpeakerRole = 'moderator' | null;

export interface Speaker {
  /** The person's name ("Helen Carter"), else the label in title case ("Carter", "Moderator"). */
  name: string;
  /** A moderator, host or questioner: their questions and set-ups are not claims. */
  role: SpeakerRole;
}

/** Labels that name a role in the debate, not a person. */
const MODERATOR_ROLE =
  /^(?:moderator|co-moderator|host|co-host|anchor|interviewer|presenter|chair|chairman|chairwoman|chairperson|q|question|questioner|ведущий|ведущая|вопрос)$/iu;
/** Titles written before a name in a label or an address: "Mr. Smith", "SEN. WARREN". */
export const HONORIFICS = ['Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'Prof', 'Sen', 'Gov', 'Rep', 'Rev', 'Sir', 'Dame', 'Lord', 'Lady'];
const HONORIFIC = new RegExp(`^(?:${HONORIFICS.join('|')})\\.?\\s+`, 'iu');

/** "Mr. Smith" → "Smith", "SEN. WARREN" → "WARREN". */
export function withoutHonorific(name: string): string {
  return name.replace(HONORIFIC, '');
}
/** Words before a surname that are not a first name: titles, roles and words that open a sentence. */
const NOT_GIVEN_NAMES = new Set(
  (
    'governor gov senator sen state president vice mr mrs ms mx dr representative rep congressman congresswoman ' +
    'mayor secretary minister prime judge justice general attorney lieutenant chairman chairwoman chair speaker former ' +
    'candidate professor prof sir dame lady lord ambassador commissioner councilman councilwoman councillor council ' +
    'chancellor premier sheriff director chief deputy leader senior junior mister madam the and but or if thank thanks ' +
    'welcome dear hello yes no well so both our my your his her their tonight today republican democrat democratic ' +
    'county city federal u.s us new'
  ).split(' '),
);
/** The few characters before a surname: a capitalised first name, perhaps with a middle initial ("Donald J."). */
const GIVEN_BEFORE = /(\p{Lu}[\p{Ll}\p{M}'’-]+)((?:\s+\p{Lu}\.)?)\s+$/u;

/** Labels that say what was said, not who said it: "Q:", "A:", "Answer:", "Вопрос:". */
const NAMELESS_LABEL = /^(?:Q|A|Question|Answer|Вопрос|Ответ|Питання|Відповідь)$/iu;

/** A speaker label that names no one ("Q", "A", "Answer"): its sentences get no claimant from it. */
export function namesNoOne(label: string): boolean {
  return NAMELESS_LABEL.test(label.trim());
}

const ANSWER_LABEL = /^(?:A|Answer|Ответ|Відповідь)$/iu;

/** "A:", "Answer:": the person being asked answers, whoever that is. */
export function isAnswerLabel(label: string): boolean {
  return ANSWER_LABEL.test(label.trim());
}

/** The label's role in the debate, if it names one: "MODERATOR", "Q", "HOST (Jane Doe)". */
export function labelRole(label: string): SpeakerRole {
  const { base, inParens } = splitParenthetical(label);
  return MODERATOR_ROLE.test(base) || (inParens !== null && MODERATOR_ROLE.test(inParens)) ? 'moderator' : null;
}

/** "MODERATOR (Lester Holt)" → base "MODERATOR", in parentheses "Lester Holt". */
function splitParenthetical(label: string): { base: string; inParens: string | null } {
  const m = /^(.*?)\s*\(([^()]+)\)\s*$/u.exec(label);
  return m ? { base: m[1]!.trim(), inParens: m[2]!.trim() } : { base: label.trim(), inParens: null };
}

/**
 * The surname a label stands for, as an introduction would write it ("CARTER" → "Carter", "SEN. WARREN" →
 * "Warren"), or null when the label is a role or already a full name.
 */
export function labelSurname(label: string): string | null {
  const person = personPart(label);
  if (!person) return null;
  const words = withoutHonorific(person).split(/\s+/);
  return words.length === 1 ? titleCase(words[0]!) : null;
}

/** The part of a label that names a person: "MODERATOR (Lester Holt)" → "Lester Holt"; "MODERATOR" → null. */
function personPart(label: string): string | null {
  const { base, inParens } = splitParenthetical(label);
  // "CHAIR (Maria Lopez)", "MODERATOR (DAVID MUIR)": a role, then who holds it.
  if (inParens !== null && (MODERATOR_ROLE.test(base) || FULL_NAME.test(inParens))) return inParens;
  return MODERATOR_ROLE.test(base) ? null : base;
}

/** Two to four capitalised words: a person's name in a label's parentheses. */
const FULL_NAME = /^\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*){1,3}$/u;

/**
 * Who the label names, reading introductions in `text` ("Governor Helen Carter" for CARTER, "State Senator David
 * Okafor" for OKAFOR). A surname the text never gives a first name for stays the label in title case.
 */
export function resolveSpeaker(label: string, text: string): Speaker {
  const role = labelRole(label);
  const person = personPart(label);
  if (!person) return { name: titleCase(splitParenthetical(label).base), role };
  const surname = labelSurname(label);
  const introduced = surname ? introducedName(surname, text) : null;
  return { name: introduced ?? titleCase(person), role };
}

/** The first "First [M.] Surname" in the text, the surname in title case as written there. */
export function introducedName(surname: string, text: string): string | null {
  for (let at = text.indexOf(surname); at >= 0; at = text.indexOf(surname, at + 1)) {
    const after = text.charCodeAt(at + surname.length);
    if (/[\p{L}\p{M}]/u.test(String.fromCharCode(after || 32))) continue;
    const before = GIVEN_BEFORE.exec(text.slice(Math.max(0, at - 40), at));
    if (!before || NOT_GIVEN_NAMES.has(before[1]!.toLowerCase())) continue;
    return `${before[1]}${before[2]!.replace(/\s+/g, ' ')} ${surname}`;
  }
  return null;
}

/** "CARTER" → "Carter", "SEN. WARREN" → "Sen. Warren", "O'BRIEN" → "O'Brien"; a label with lower case stays as written. */
export function titleCase(label: string): string {
  if (/\p{Ll}/u.test(label)) return label;
  return label.toLowerCase().replace(/(^|[\s'’\-.])(\p{Ll})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}
