/**
 * The people and bodies of one document: who was named where, so that "Putin", "the Russian leader"
 * and "he" become "Vladimir Putin", "the ministry" and "по данным ведомства" become the ministry
 * named earlier, and each gets one canonical name.
 */
import { allMatches } from '../all-matches';
import { LEADER_ROLES, PERSON_ROLES, RU_BODY_DESCRIPTIONS, TRADES } from './lexicon';
import { shortNameFromGenitive } from './short-names';
import { bodyNameFromGenitive } from './genitive-body';
import type { PronounKind, SpeakerPhrase } from './speaker';

/** A name as written, with whether it was read in the nominative (safe to print). */
export interface EntityName {
  text: string;
  nominative: boolean;
  words: string[];
  guessed?: boolean;
  /** bodyKey(text), once a body's name has been compared: each lookup of a body compares every name in its bucket. */
  bodyKey?: string[];
}

export interface Entity {
  id: number;
  kind: 'person' | 'body' | 'outlet' | 'collective';
  /** Names as written, with whether each was read in the nominative (safe to print). */
  names: EntityName[];
  attrs: Set<string>;
  /** First and last sentence that named it. */
  first: number;
  last: number;
  cyrillic: boolean;
  /** "m" or "f" once a title, a family word or a pronoun that stood for the person told it. */
  gender?: Gender;
}

type Gender = 'm' | 'f';
/** English words that tell a person's gender: titles, family words, and the pronouns "he" and "she". */
const GENDER_WORDS: Readonly<Record<string, Gender>> = {
  he: 'm',
  mr: 'm',
  'mr.': 'm',
  sir: 'm',
  lord: 'm',
  husband: 'm',
  father: 'm',
  son: 'm',
  brother: 'm',
  widower: 'm',
  she: 'f',
  mrs: 'f',
  'mrs.': 'f',
  ms: 'f',
  'ms.': 'f',
  dame: 'f',
  lady: 'f',
  baroness: 'f',
  wife: 'f',
  mother: 'f',
  daughter: 'f',
  sister: 'f',
  widow: 'f',
};

/** The gender a speaker phrase tells ("Mrs Badenoch", "his wife, Margaret", "she"), when its words agree on one. */
function phraseGender(p: SpeakerPhrase): Gender | undefined {
  const told = new Set<Gender>();
  for (const w of p.kind === 'pronoun' ? [p.name] : p.attrs) {
    const g = GENDER_WORDS[w];
    if (g) told.add(g);
  }
  return told.size === 1 ? [...told][0] : undefined;
}

const CYR = /[\u0400-\u04FF]/;
/** A capitalised word, as a surname is written (one pattern for every call: matchAll would copy it each time). */
const CAPITALISED_WORD = /\p{Lu}[\p{Ll}'’-]{2,}/gu;
/** Words for a business: "the company" may stand for one introduced as "the operator" or "the firm". */
/** The attribute of a business named in quotation marks after "компания" (Russian or Ukrainian). */
const BUSINESS_RU = 'компания';
const REPRESENTATIVE_RU = /^(?:представител|представник)/;
const COMPANY_RU = /^(?:компании|компанії)$/;
const BUSINESS_WORDS = new Set(
  `company firm operator utility provider producer manufacturer carrier maker carmaker automaker chipmaker airline
  retailer lender insurer miner conglomerate`.split(/\s+/),
);
/** "German industrial group Veltra": a group described by its trade is a business. */
const isBusiness = (attrs: Set<string>) =>
  [...attrs].some((a) => BUSINESS_WORDS.has(a)) || (attrs.has('group') && [...attrs].some((a) => TRADES.has(a)));
/** Words that fit any public body ("the agency said"): they name none by themselves. */
const GENERIC_BODY_WORDS = new Set(['agency', 'body', 'organisation', 'organization', 'watchdog', 'regulator', 'group']);
/** Head words that a body's one-word name may end in ("PrivatBank", "Sberbank", "Alfa-Bank"). */
const COMPOUND_HEADS = new Set(['bank']);
/** The last word of a public body's name, for which such a word may stand. */
const PUBLIC_BODY_WORDS = new Set(
  'agency commission administration bureau service authority office department board institute organisation organization'.split(
    ' ',
  ),
);
/** Abbreviated titles and the role a later description uses. */
const TITLE_ROLES: ReadonlyMap<string, string> = new Map([
  ['gov.', 'governor'],
  ['gov', 'governor'],
  ['sen.', 'senator'],
  ['rep.', 'representative'],
  ['pres.', 'president'],
  ['gen.', 'general'],
  ['amb.', 'ambassador'],
  ['sec.', 'secretary'],
  ['adm.', 'admiral'],
  ['col.', 'colonel'],
]);
/** How many sentences back a pronoun or description may reach. */
const REACH = 8;
/** A capitalised word after the first word of a stretch of text: a name, where the sentence's own first word is not one. */
const CAPITALISED_WORD_AFTER =
  /\s(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b)\p{Lu}\p{Ll}/u;

/** How far back "the bureau" may reach when only one body of the document has that word in its name. */
const LONG_REACH = 40;

function sameWord(a: string, b: string, cyrillic: boolean): boolean {
  if (a === b) return true;
  if (!cyrillic) return false;
  a = a.replace(/ё/g, 'е');
  b = b.replace(/ё/g, 'е');
  // Russian/Ukrainian case endings: "Лавров" / "Лаврова" / "Лавровым", "Захарова" / "Захаровой".
  const n = Math.min(a.length, b.length);
  let p = 0;
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p >= 4 && p >= Math.max(a.length, b.length) - 3;
}

/** "Vladimirovich", "Владимирович", "Сергеевна": a patronymic between a first name and a surname. */
const PATRONYMIC =
  /^(?:\p{Lu}\p{Ll}+(?:ович|евич|ёвич|ьич|овна|евна|ична|инична|ovich|evich|ovych|evych|ovna|evna|ivna|ichna))$/u;
const isInitial = (w: string) => /^\p{L}\.?$/u.test(w);

/** "Vladimir Vladimirovich Putin" → "Vladimir Putin". */
function withoutPatronymic(name: string): string {
  const words = name.split(/\s+/);
  return words.length === 3 && PATRONYMIC.test(words[1]!) && !isInitial(words[0]!) ? `${words[0]} ${words[2]}` : name;
}

/** First names agree when they are the same word (in any case form) or one is the other's initial ("V." and "Vladimir"). */
function sameFirstName(a: string, b: string, cyrillic: boolean): boolean {
  if (sameWord(a, b, cyrillic)) return true;
  return (isInitial(a) || isInitial(b)) && a.charAt(0) === b.charAt(0);
}

const wordsOf = (text: string) => text.toLowerCase().split(' ');
const endsWithWords = (words: string[], tail: string[]) => tail.every((w, i) => words[words.length - tail.length + i] === w);
/** (`guessed`: read as a nominative from its endings alone; printed only when no surer form is known.) */
const named = (text: string, nominative: boolean, guessed = false) => ({ text, nominative, words: wordsOf(text), guessed });

const keyOf = (word: string) => {
  let w = word.toLowerCase();
  // Most words have neither: skip building two more strings.
  if (w.includes('ё')) w = w.replace(/ё/g, 'е');
  if (w.endsWith("'s")) w = w.slice(0, -2);
  return w.slice(0, 4);
};

export class Registry {
  readonly entities: Entity[] = [];
  /** People by the first letters of their surname, bodies by the first letters of each name word: lookups stay cheap on long documents. */
  private readonly people = new Map<string, Entity[]>();
  private readonly bodies = new Map<string, Entity[]>();

  private index(map: Map<string, Entity[]>, key: string, e: Entity): void {
    const list = map.get(key);
    if (!list) map.set(key, [e]);
    else if (!list.includes(e)) list.push(e);
  }
  /** The organisation whose "we" the document's own text has spoken in. */
  private voice: Entity | null = null;
  /** The sentence where the quotation being read opened, when it opened in an earlier one. */
  quoteOpenedAt: number | null = null;
  /** Person mentions in order, for pronouns. */
  /** (`lead`: the mention opens its sentence, where a subject stands.) */
  private readonly personMentions: { id: number; at: number; lead?: boolean }[] = [];
  private readonly speakers: { id: number; at: number; kind: Entity['kind']; plural: boolean }[] = [];
  /** Sentences whose speaker phrase named no one who could be told: a later "it" or "they" may stand for it. */
  private readonly unresolvedSpeakers: number[] = [];

  /** Sentence `at` names a speaker that could not be resolved. */
  speakerUnresolved(at: number): void {
    this.unresolvedSpeakers.push(at);
  }
  /** Bodies named as a sentence's subject without speaking, for descriptions ("ведомство") only. */
  private readonly bodyMentions: { id: number; at: number }[] = [];

  mentionBody(name: string, attrs: string[], at: number): void {
    this.bodyMentions.push({ id: this.body('body', name, attrs, at, true).id, at });
  }

  /** Record a business named by what it is and its name in quotation marks ("компании «Северсталь-Инвест»"). */
  mentionBusiness(name: string, at: number): void {
    this.bodyMentions.push({ id: this.body('body', name, [BUSINESS_RU], at, true).id, at });
  }

  hasPeople(): boolean {
    return this.people.size > 0;
  }

  /** Record a person named in running text (not a speaker). */
  mentionPerson(name: string, attrs: string[], at: number, nominative: boolean | 'guessed', lead = false): Entity {
    const e = this.person(name, attrs, at, nominative);
    this.personMentions.push({ id: e.id, at, lead });
    return e;
  }

  /** A surname alone ("Putin") counts as a mention only of someone already named in full. */
  mentionSurname(word: string, at: number, lead = false): void {
    const lower = word.toLowerCase();
    const list = this.people.get(keyOf(lower));
    // (Most capitalised words are no one's surname: nothing more is read of them.)
    if (!list) return;
    const cyr = CYR.test(word);
    for (let i = list.length - 1; i >= 0; i--) {
      const e = list[i]!;
      if (e.names.some((n) => sameWord(n.words[n.words.length - 1]!, lower, cyr))) {
        e.last = at;
        this.personMentions.push({ id: e.id, at, lead });
        return;
      }
    }
  }

  private person(name: string, rawAttrs: string[], at: number, nominativeOrGuess: boolean | 'guessed'): Entity {
    const nominative = nominativeOrGuess === true;
    const guessed = nominativeOrGuess === 'guessed';
    // "Gov. Vyacheslav Gladkov" is "the governor" later on.
    let attrs = rawAttrs;
    // A Map, not an object: an attribute word is looked up without being interned, and "constructor" is no title.
    for (const a of rawAttrs)
      if (TITLE_ROLES.has(a)) {
        attrs = rawAttrs.flatMap((x) => {
          const role = TITLE_ROLES.get(x);
          return role ? [x, role] : [x];
        });
        break;
      }
    attrs = withRoleAliases(attrs);
    const tokens = wordsOf(name);
    const cyr = CYR.test(name);
    const surname = tokens[tokens.length - 1]!;
    const candidates = this.people.get(keyOf(surname)) ?? [];
    // A lone word already known as written ("Mozilla") is that entity, not a later full name ending with it.
    let exact: Entity | undefined;
    if (tokens.length === 1)
      for (let i = candidates.length - 1; i >= 0 && !exact; i--)
        for (const n of candidates[i]!.names)
          if (n.words.length === 1 && n.words[0] === surname) {
            exact = candidates[i];
            break;
          }
    if (exact) {
      for (const a of attrs) exact.attrs.add(a);
      exact.last = at;
      return exact;
    }
    for (let i = candidates.length - 1; i >= 0; i--) {
      const e = candidates[i]!;
      // A surname before the full name happens in a headline and its lead; a lone word used long before
      // ("Mozilla reported …") is not the surname of a full name met much later ("Air Mozilla").
      if (tokens.length > 1 && at - e.first > REACH && e.names.every((n) => n.words.length === 1)) continue;
      // Two full names must agree on the first name too: a later "Hunter Biden" is not the "Biden" of "Joe Biden"
      // (…but "Perez Llorca" is the two surnames of "Juanfran Perez Llorca").
      const match =
        e.names.some((n) => sameWord(n.words[n.words.length - 1]!, surname, cyr)) &&
        (tokens.length < 2 ||
          e.names.every((n) => n.words.length < 2 || sameFirstName(n.words[0]!, tokens[0]!, cyr)) ||
          e.names.some((n) => n.words.length > tokens.length && endsWithWords(n.words, tokens)));
      if (match) {
        if (!e.names.some((n) => n.text === name && n.nominative === nominative && !n.guessed === !guessed))
          e.names.push(named(name, nominative, guessed));
        for (const a of attrs) e.attrs.add(a);
        e.last = at;
        return e;
      }
    }
    // "Lee said" after "President Lee Soo-jin", "Park said" after "Park Jin-ho": a family name written first. Only
    // when one person named in full begins with the word and no one's name ends with it.
    if (tokens.length === 1) {
      const first = candidates.filter(
        (c) =>
          c.kind === 'person' &&
          c.names.some((n) => n.words.length >= 2 && n.words.length <= 3 && sameWord(n.words[0]!, surname, cyr)),
      );
      if (first.length === 1) {
        first[0]!.last = at;
        return first[0]!;
      }
    }
    const e: Entity = {
      id: this.entities.length,
      kind: 'person',
      names: [named(name, nominative, guessed)],
      attrs: new Set(attrs),
      first: at,
      last: at,
      cyrillic: cyr,
    };
    this.entities.push(e);
    for (const t of tokens) this.index(this.people, keyOf(t), e);
    return e;
  }

  private body(kind: Entity['kind'], name: string, attrs: string[], at: number, nominative: boolean): Entity {
    const key = bodyKey(name);
    const cyr = CYR.test(name);
    const found = this.findBody(name, false, key);
    if (found) {
      if (!found.names.some((n) => n.text === name && n.nominative === nominative)) found.names.push(named(name, nominative));
      found.last = at;
      return found;
    }
    const e: Entity = {
      id: this.entities.length,
      kind,
      names: [named(name, nominative)],
      attrs: new Set(attrs),
      first: at,
      last: at,
      cyrillic: cyr,
    };
    this.entities.push(e);
    this.index(this.bodies, keyOf(key[0] ?? ''), e);
    return e;
  }

  /** The entity a speaker phrase stands for at sentence `at`, or null when it cannot be told safely. */
  resolve(p: SpeakerPhrase, at: number, after = ''): Entity | null {
    let e: Entity | null = null;
    // "По данным Минсельхоза", "За даними Мінфіну": a ministry's short name, put back in the nominative.
    // "говорится в заявлении Министерства внутренних дел Афганистана": a full name whose head noun declines.
    const ministry =
      p.oblique && (p.kind === 'person' || p.kind === 'body')
        ? (shortNameFromGenitive(p.name) ?? (p.kind === 'body' ? bodyNameFromGenitive(p.name) : null))
        : null;
    if (ministry) p = { ...p, kind: 'body', name: ministry, oblique: false };
    switch (p.kind) {
      case 'person':
        // "Biden" after both "Joe Biden" and "Hunter Biden" were named: either of them, so neither is printed.
        if (!p.name.includes(' ') && this.sharedSurname(p.name)) break;
        if (p.oblique) {
          e = this.findPerson(p.name);
          if (!e) {
            const nominative = nominativeRu(p.name);
            if (nominative) e = this.person(nominative, p.attrs, at, true);
          } else e.last = at;
        } else e = this.person(p.name, p.attrs, at, true);
        if (e) this.personMentions.push({ id: e.id, at });
        break;
      case 'body':
      case 'outlet':
      case 'collective':
        if (p.oblique) {
          // Acronyms and names in Latin script are not declined: "по данным Reuters", "по данным МЧС".
          const outlet = p.kind === 'outlet' ? OUTLET_DECLINED.exec(p.name)?.[1] : undefined;
          e =
            this.findBody(p.name, true) ??
            (/^[\p{Lu}\d-]{2,}(?:\s[\p{Lu}\d-]{2,})*$|^[A-Za-z]/u.test(p.name)
              ? this.body(p.kind, p.name, p.attrs, at, true)
              : outlet
                ? this.body('outlet', outlet, p.attrs, at, true)
                : null);
          if (e) e.last = at;
        } else e = this.body(p.kind, p.name, p.attrs, at, true);
        break;
      case 'body-role':
        e = this.describedBody(p, at);
        break;
      case 'person-role':
        e = p.newcomer ? null : this.describedPerson(p, at);
        if (!e && !p.oblique) e = this.businessRepresentative(p, at);
        if (!e && !p.oblique && !p.newcomer) e = this.unnamedSpeakerAgain(p, at);
        // "Представитель Путина подчеркнул" with no spokesperson named nearby: the role phrase itself, as written.
        if (p.speaksFor) this.mentionBody(p.speaksFor.name, p.speaksFor.attrs, at);
        if (!e && p.asWritten && !p.oblique) e = this.body('collective', p.name, p.attrs, at, true);
        else if (e) this.personMentions.push({ id: e.id, at });
        break;
      case 'pronoun':
        e = p.owner ? this.knownPerson(p.owner) : this.pronoun(p.pronoun ?? 'person', at, after, GENDER_WORDS[p.name]);
        // "His lawyer said Pellew would appeal": whose lawyer is most often the person named after (known or not), whom
        // "his" cannot be taken to stand for, nor can anyone else be.
        if (e && p.associates && !p.owner && CAPITALISED_WORD_AFTER.test(after)) e = null;
        // "His lawyers said": those who speak for the person "his" stands for, under that person's name.
        if (e && p.associates) {
          const owner = this.canonical(e);
          e = owner ? this.body('collective', `${owner}'s ${p.associates}`, [p.associates], at, true) : null;
        }
        // …and when whose they are cannot be told, the role phrase as written ("his lawyer"): matching it to a lawyer
        // named earlier could pick the other side's.
        if (!e && p.associates && !p.owner) e = this.body('collective', p.name, [p.associates], at, true);
        break;
    }
    if (e) this.speakers.push({ id: e.id, at, kind: e.kind, plural: e.kind === 'collective' || /s$/.test(e.names[0]!.text) });
    // (Only a pronoun standing for the person alone tells theirs: "his lawyers" are not him.)
    if (e?.kind === 'person' && !e.gender && !e.cyrillic && !p.associates) e.gender = phraseGender(p);
    return e;
  }

  /**
   * The one person known by every word of `name` ("Volkov", "Igor Volkov"), or null when the name is not a known
   * person's, has a word none of their names has, or is a surname two people share.
   */
  private knownPerson(name: string): Entity | null {
    const words = name.toLowerCase().split(' ');
    if (words.length === 1 && this.sharedSurname(name)) return null;
    const e = this.findPerson(name);
    const cyr = CYR.test(name);
    const known = (w: string) => !!e && e.names.some((n) => n.words.some((x) => sameWord(x, w, cyr)));
    return e && words.every(known) ? e : null;
  }

  /**
   * "Представитель компании заявил" after "с компании «Северсталь-Инвест»": someone speaking for the one business
   * named within reach, printed as "Представитель компании «Северсталь-Инвест»"; null when none or several were.
   */
  private businessRepresentative(p: SpeakerPhrase, at: number): Entity | null {
    if (p.attrs.length !== 2 || !REPRESENTATIVE_RU.test(p.attrs[0]!) || !COMPANY_RU.test(p.attrs[1]!)) return null;
    const ids = new Set<number>();
    for (let i = this.bodyMentions.length - 1; i >= 0 && at - this.bodyMentions[i]!.at <= REACH; i--)
      if (this.entities[this.bodyMentions[i]!.id]!.attrs.has(BUSINESS_RU)) ids.add(this.bodyMentions[i]!.id);
    if (ids.size !== 1) return null;
    const company = this.canonical(this.entities[[...ids][0]!]!);
    return company ? this.body('collective', `${p.name} «${company}»`, p.attrs, at, true) : null;
  }

  /**
   * "A senior government official said …" then "the official said …": the one not named who spoke with that role in
   * this or the two sentences before, when no one else spoke since.
   */
  private unnamedSpeakerAgain(p: SpeakerPhrase, at: number): Entity | null {
    const head = p.attrs[p.attrs.length - 1];
    const last = this.speakers[this.speakers.length - 1];
    if (!head || !last || at - last.at > 2) return null;
    const e = this.entities[last.id]!;
    if (e.kind !== 'collective' || !e.attrs.has(head) || !e.names[0]!.text.endsWith(head)) return null;
    // ("Zelensky's spokesman" after "Putin's spokesman" is another one.)
    if (p.attrs.some((a) => !e.attrs.has(a) && !/^(?:the|a|an)$/.test(a))) return null;
    e.last = at;
    return e;
  }

  /** Two people known by this surname (in any case form). */
  private sharedSurname(word: string): boolean {
    const lower = word.toLowerCase();
    const cyr = CYR.test(word);
    let count = 0;
    for (const e of this.people.get(keyOf(lower)) ?? [])
      if (e.kind === 'person' && e.names.some((n) => n.words.length > 1 && sameWord(n.words[n.words.length - 1]!, lower, cyr)))
        count++;
    return count > 1;
  }

  private findPerson(name: string): Entity | null {
    const tokens = name.toLowerCase().split(/\s+/);
    const cyr = CYR.test(name);
    const surname = tokens[tokens.length - 1]!;
    const list = this.people.get(keyOf(surname)) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      const e = list[i]!;
      if (e.names.some((n) => sameWord(n.words[n.words.length - 1]!, surname, cyr))) return e;
    }
    return null;
  }

  /** (`withoutOwner`: a genitive source may leave off the initials or country the body was named with.) */
  private findBody(name: string, withoutOwner = false, key = bodyKey(name)): Entity | null {
    const cyr = CYR.test(name);
    const list = this.bodies.get(keyOf(key[0] ?? '')) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      const e = list[i]!;
      if (e.names.some((n) => sameKey(nameKey(n), key, cyr))) return e;
    }
    // "за даними Повітряних сил" after "Повітряні сили ЗСУ": the same body in another case, without its initials.
    if (cyr && withoutOwner)
      for (let i = list.length - 1; i >= 0; i--) {
        const e = list[i]!;
        if (e.names.some((n) => sameBodyWithoutOwner(nameKey(n), key, n.text))) return e;
      }
    // "the General Staff" after "Ukraine's General Staff": the same body without its country (the latest one named).
    const last = key[key.length - 1];
    if (!cyr && last && key.length <= 3)
      for (let i = this.entities.length - 1; i >= 0; i--) {
        const e = this.entities[i]!;
        if (e.kind === 'body' && e.names.some((n) => n.words[n.words.length - 1] === last && isCountrysName(n.text, key)))
          return e;
      }
    return null;
  }

  /** "the ministry", "the air force", "ведомство": the last body whose name has that head word. */
  private describedBody(p: SpeakerPhrase, at: number): Entity | null {
    // (A Russian body's head noun comes first: "пресс-служба мэрии" is a press office, not the city hall.)
    const head = (CYR.test(p.name) ? p.attrs[0] : p.attrs[p.attrs.length - 1]) ?? '';
    // "the company" after "grid operator Ukrenergo": any word for a business stands for the last business named.
    const business = BUSINESS_WORDS.has(head);
    const cyr = CYR.test(head);
    const anyMinistry = cyr && RU_BODY_DESCRIPTIONS.some((s) => head.startsWith(s));
    // The body named last, whether it spoke or was only the subject of a sentence.
    const recent: { id: number; at: number }[] = [];
    for (let i = this.speakers.length - 1; i >= 0 && at - this.speakers[i]!.at <= REACH; i--) recent.push(this.speakers[i]!);
    for (let i = this.bodyMentions.length - 1; i >= 0 && at - this.bodyMentions[i]!.at <= REACH; i--)
      recent.push(this.bodyMentions[i]!);
    recent.sort((a, b) => b.at - a.at);
    const lastSpeakingBody = this.speakers.findLast((m) => at - m.at <= REACH && this.entities[m.id]!.kind === 'body');
    // ("The WHO has set a goal …, the agency noted" after "UNICEF, the UN children's agency, said …": a word that fits
    // any body is not read past another body named since.)
    const generic = !cyr && GENERIC_BODY_WORDS.has(head);
    let latest: { id: number; at: number } | null = null;
    for (const m of recent) {
      const e = this.entities[m.id]!;
      if (e.kind !== 'body') continue;
      if (generic && latest && latest.id !== e.id && latest.at > m.at) break;
      // ("сообщил Центробанк. В ведомстве пояснили": "ведомство" is not read past a body that spoke since.)
      if (anyMinistry && lastSpeakingBody && lastSpeakingBody.id !== e.id && lastSpeakingBody.at > m.at) break;
      latest ??= m;
      const words = e.names.flatMap((n) => n.text.toLowerCase().split(/\s+/));
      const sameBusiness = business && isBusiness(e.attrs);
      const ministry =
        (anyMinistry && e.names.some((n) => isGovernmentBody(n.text))) ||
        (cyr && head.startsWith('регулятор') && e.names.some((n) => REGULATOR.test(n.text)));
      // (…or one introduced as what it is: "the state weather agency AEMET" is "the agency".)
      const described = !cyr && e.attrs.has(head) && !e.names.some((n) => n.words.includes(head));
      // ("the bank" is also PrivatBank or Sberbank: a name that ends in the word.)
      const compound = !cyr && COMPOUND_HEADS.has(head) && words.some((w) => w.length > head.length + 2 && w.endsWith(head));
      if (ministry || sameBusiness || described || compound || words.some((w) => sameWord(w.replace(/'s$/, ''), head, cyr))) {
        e.last = at;
        return e;
      }
    }
    // "The bureau said" long after "The Central Election Bureau said …": the one body of the document so far whose
    // name has that word, when it has spoken.
    if (!cyr && !business && !GENERIC_BODY_WORDS.has(head)) {
      const spoke = new Set<number>();
      for (let i = this.speakers.length - 1; i >= 0 && at - this.speakers[i]!.at <= LONG_REACH; i--)
        spoke.add(this.speakers[i]!.id);
      const named = [...spoke]
        .map((id) => this.entities[id]!)
        .filter((e) => e.kind === 'body' && e.names.some((n) => n.words.some((w) => w.replace(/'s$/, '') === head)));
      if (named.length === 1) {
        named[0]!.last = at;
        return named[0]!;
      }
    }
    // "The agency said" after "The Securities and Exchange Commission has filed …": a word for any public body
    // stands for the one body the sentence before named, when that was a public body.
    if (GENERIC_BODY_WORDS.has(head)) {
      const previous = recent.filter((m) => m.at === at - 1 && this.entities[m.id]!.kind === 'body');
      const e = previous[0] && this.entities[previous[0].id]!;
      if (e && previous.every((m) => m.id === e.id) && e.names.some((n) => PUBLIC_BODY_WORDS.has(n.words[n.words.length - 1]!))) {
        e.last = at;
        return e;
      }
    }
    // "Pacific Gas & Electric said … . The utility said …": a word for a business stands for the one body that spoke in
    // the sentence before, when nothing in that body's name makes it a public one.
    if (business && !cyr) {
      const previous = this.speakers.filter((m) => m.at === at - 1);
      const e = previous[0] && this.entities[previous[0].id]!;
      const publicName = (w: string) =>
        PUBLIC_BODY_WORDS.has(w) || /^(?:ministry|police|court|government|council|committee|parliament)$/.test(w);
      if (e?.kind === 'body' && previous.every((m) => m.id === e.id) && !e.names.some((n) => n.words.some(publicName))) {
        e.last = at;
        return e;
      }
    }
    // Unresolved bodies stay as written ("the air force") when in English; a Russian case form never does.
    // ("forces said" with no article and no one named before is too vague to print, and so is "the company":
    // it fits any business.)
    return cyr || !/^the\s/i.test(p.name) || business || GENERIC_BODY_WORDS.has(head)
      ? null
      : this.body('body', p.name, p.attrs, at, true);
  }

  /** "the Russian leader", "the governor", "министр": the last person with that role (and nationality). */
  private describedPerson(p: SpeakerPhrase, at: number): Entity | null {
    const roles = p.attrs.filter((a) => PERSON_ROLES.has(a) || LEADER_ROLES.has(a));
    const qualifiers = p.attrs.filter(
      (a) => !PERSON_ROLES.has(a) && !LEADER_ROLES.has(a) && !/^(?:the|a|an|former|top|senior|region|regional|local)$/.test(a),
    );
    const cyr = CYR.test(p.name);
    const seen = new Set<number>();
    for (let i = this.personMentions.length - 1; i >= 0; i--) {
      const m = this.personMentions[i]!;
      if (at - m.at > REACH * 2) break;
      if (seen.has(m.id)) continue;
      seen.add(m.id);
      const e = this.entities[m.id]!;
      const attrs = [...e.attrs];
      const has = (w: string) => attrs.some((a) => sameWord(a, w, cyr) || (cyr && a.slice(0, 5) === w.slice(0, 5)));
      // "Представитель Путина" for "пресс-секретарь президента Дмитрий Песков": one speaks for another whatever the word.
      const speaksFor = p.attrs.some(isSpokesWord) && attrs.some(isSpokesWord);
      const roleOk = speaksFor
        ? !e.names.some((n) => p.attrs.some((w) => sameWord(w, n.words[n.words.length - 1]!, cyr)))
        : cyr
          ? p.attrs.some((w) => has(w))
          : roles.some((r) => has(r) || (LEADER_ROLES.has(r) && attrs.some((a) => LEADER_ROLES.has(a))));
      const qualOk =
        speaksFor ||
        qualifiers.every((q) => has(q) || has(q.replace(/n$/, '')) || attrs.some((a) => a.startsWith(q.slice(0, 5))));
      if (roleOk && qualOk) {
        e.last = at;
        return e;
      }
    }
    return null;
  }

  /** "he"/"she": the person named last, when the last two mentions name the same one; "it"/"they": the last body or group that spoke. */
  private pronoun(kind: PronounKind, at: number, after: string, gender?: Gender): Entity | null {
    if (kind === 'we' || kind === 'document') {
      // "We have recorded 40 attacks" after the ministry spoke: the organisation speaking. "The statement
      // said": whoever spoke just before. Only the speaker of this or the previous two sentences, and for
      // "we" only a body (a person's "we" is in their quotation, which carries its own speaker).
      const s = this.speakers[this.speakers.length - 1];
      const recent = !!s && at - s.at <= 2;
      // ("…, according to CME Group. Two policymakers dissented. …, the statement said": a statement is the
      // one just mentioned; two sentences back it may be anyone's.)
      // (A quotation running over sentences counts from where it opened.)
      const from = Math.min(at, this.quoteOpenedAt ?? at);
      if (kind === 'document') return s && from - s.at <= 1 ? this.entities[s.id]! : null;
      // An organisation's own statement or blog goes on in its voice ("We filed a petition …") after other
      // speakers were quoted; never for a "we" that names the body after it ("we asked the ministry").
      const body = recent && (s.kind === 'body' || s.kind === 'outlet') ? this.entities[s.id]! : this.voice;
      if (!body || body.names.some((n) => after.toLowerCase().includes(n.words[n.words.length - 1]!))) return null;
      this.voice = body;
      return body;
    }
    if (kind === 'person') {
      let end = this.personMentions.length;
      while (end > 0 && this.personMentions[end - 1]!.at >= at) end--;
      // "He described Montalvo as …": a person named after the pronoun in its own clause is someone else.
      const namedAfter = this.peopleNamedIn(after);
      // ("She said" never stands for a man, once his title or a pronoun told he is one.)
      const fits = (id: number) => !gender || !this.entities[id]!.gender || this.entities[id]!.gender === gender;
      const before = this.personMentions.slice(Math.max(0, end - 64), end).filter((m) => !namedAfter.has(m.id) && fits(m.id));
      const last = before[before.length - 1];
      if (!last || at - last.at > REACH) return null;
      // ("Kiper said … . A commander, who asked not to be named, said … . “…,” he said.": a speaker who could not be
      // named came between, and "he" is more likely them than the person named before.)
      // (…or one printed as their role, "a Ukrainian commander": a singular speaker who is no named person.)
      const unresolved = this.unresolvedSpeakers[this.unresolvedSpeakers.length - 1] ?? -1;
      if (unresolved > last.at && unresolved < at) return null;
      if (this.speakers.some((s) => s.at > last.at && s.at < at && s.kind === 'collective' && this.oneUnnamedPerson(s.id)))
        return null;
      // The person who spoke last, with no one else named after, is the most recent compatible speaker.
      let spoke = false;
      for (let k = this.speakers.length - 1; k >= 0 && this.speakers[k]!.at >= last.at; k--)
        if (this.speakers[k]!.id === last.id && this.speakers[k]!.at === last.at) spoke = true;
      if (spoke && !before.some((m) => m.at === last.at && m.id !== last.id)) return this.entities[last.id]!;
      // "Rathbun requested donations … . He described …": the one person the sentence before opens with and names alone.
      // (…unless another person opened the sentence before that: "Biden spoke first. Merkel spoke next. He said …")
      const previous = before.filter((m) => m.at === at - 1);
      const rival = before.some((m) => m.at === at - 2 && m.lead && m.id !== previous[0]?.id);
      if (!rival && previous.some((m) => m.lead) && previous.every((m) => m.id === previous[0]!.id))
        return this.entities[previous[0]!.id]!;
      // Another person named in the same or the sentence before makes "he" ambiguous.
      for (let k = before.length - 2; k >= 0; k--) {
        const m = before[k]!;
        if (last.at - m.at >= 2) break;
        if (m.id !== last.id) return null;
      }
      return this.entities[last.id]!;
    }
    const unresolved = this.unresolvedSpeakers[this.unresolvedSpeakers.length - 1] ?? -1;
    for (let i = this.speakers.length - 1; i >= 0; i--) {
      const s = this.speakers[i]!;
      if (at - s.at > REACH || unresolved > s.at) break;
      if (s.kind === 'person') {
        if (kind === 'plural') continue;
        return null;
      }
      // ("Officials at the commission said …" then "They said …": the last body or group to speak is the one meant;
      // one of the other number is no reason to reach past it to an older group.)
      return (kind === 'plural' ? s.plural : !s.plural) ? this.entities[s.id]! : null;
    }
    return null;
  }

  /** A speaker printed as one person's role ("Ukrainian commander"), not a group. */
  private oneUnnamedPerson(id: number): boolean {
    const words = this.entities[id]!.names[0]!.words;
    const head = words[words.length - 1]!;
    return PERSON_ROLES.has(head) || LEADER_ROLES.has(head);
  }

  /** Whether "he" or "she" (`word`) may stand for the person: no title, family word or pronoun has told otherwise. */
  fitsPronoun(e: Entity, word: string): boolean {
    const g = GENDER_WORDS[word];
    return !g || !e.gender || e.gender === g;
  }

  /** A person already resolved goes on speaking in sentence `at`. */
  speaksAgain(e: Entity, at: number): Entity {
    e.last = at;
    this.personMentions.push({ id: e.id, at });
    this.speakers.push({ id: e.id, at, kind: e.kind, plural: false });
    return e;
  }

  /** People already known whose surname is written in a stretch of text. */
  peopleNamedIn(text: string): Set<number> {
    const ids = new Set<number>();
    if (!text || this.people.size === 0) return ids;
    for (const m of allMatches(CAPITALISED_WORD, text)) {
      const lower = m[0].toLowerCase();
      const list = this.people.get(keyOf(lower));
      if (!list) continue;
      const cyr = CYR.test(lower);
      for (const e of list) if (e.names.some((n) => sameWord(n.words[n.words.length - 1]!, lower, cyr))) ids.add(e.id);
    }
    return ids;
  }

  /**
   * The one name printed for an entity. A person's is the first nominative form with a first name and a surname
   * ("Vladimir Putin"), without a patronymic; a longer form met later ("Vladimir Vladimirovich Putin") does not
   * replace it, and a form with initials ("V. Putin") or a lone surname is printed only when no fuller one is known.
   */
  canonical(e: Entity): string | null {
    let safe = e.names.filter((n) => n.nominative);
    if (!safe.length) safe = e.names.filter((n) => n.guessed);
    if (!safe.length) return null;
    if (e.kind !== 'person') return safe[0]!.text.replace(/^the\s+(?=\p{Lu})/u, '');
    const forms = safe.map((n) => withoutPatronymic(n.text).split(/\s+/));
    const full = forms.find((w) => w.length >= 2 && w.length <= 3 && !isInitial(w[0]!));
    const initials = forms.find((w) => w.length >= 2 && w.length <= 3);
    return (full ?? initials ?? forms[0]!).join(' ');
  }
}

/**
 * A region's governor is its head: "regional administration head Serhii Lysak" is "the governor" later on, and
 * "губернатор Павел Малков" is "глава региона".
 */
function withRoleAliases(attrs: string[]): string[] {
  let governor = false;
  let head = false;
  let region = false;
  for (const a of attrs) {
    if (a === 'governor' || a.startsWith('губернатор')) governor = true;
    else if (a === 'head' || a === 'глава' || a === 'голова') head = true;
    else if (REGION_WORD.test(a)) region = true;
  }
  if (governor) return CYR.test(attrs.join(' ')) ? [...attrs, 'глава', 'региона', 'области'] : [...attrs, 'head'];
  // "мэр Белгорода" is "градоначальник" later on.
  if (attrs.some((a) => /^(?:мэр|мер)(?:а|у|ом)?$/.test(a))) return [...attrs, 'градоначальник'];
  // ("Глава Белгородской области" … "глава региона": one region word stands for another.)
  if (head && region)
    return CYR.test(attrs.join(' '))
      ? [...attrs, 'governor', 'губернатор', 'региона', 'области', 'регіону', 'області']
      : [...attrs, 'governor', 'губернатор'];
  return attrs;
}
/**
 * What "ведомство" can stand for: a ministry, service, agency, committee or staff, or initials ("МЧС", "ДСНС"),
 * never a business or an exchange ("Московская биржа").
 */
const GOVERNMENT_BODY =
  /^(?:мин|мін|министерств|міністерств|ведомств|відомств|служб|агентств|федеральн|державн|государственн|комитет|комітет|департамент|управлени|управлінн|штаб|генштаб|генеральн|рос|укр|гос|держ|следствен|слідч|прокуратур|генпрокуратур|пограничн|прикордонн)/;
/** What "регулятор" stands for in the news: a central bank or a market or media watchdog. */
const REGULATOR =
  /^(?:Банк России|Центральный банк|Центробанк|ЦБ|НБУ|Национальный банк|Національний банк|Нацбанк|ФРС|ЕЦБ|ЄЦБ|Роскомнадзор|ФАС|АМКУ)(?:\s|$)/u;
const isGovernmentBody = (name: string) => /^[\p{Lu}\d-]{2,}(?:\s|$)/u.test(name) || GOVERNMENT_BODY.test(name.toLowerCase());
/** Words for one who speaks for another: they stand for one another ("Putin's spokesman", "представитель Путина"). */
const SPOKES_WORD =
  /^(?:spokes(?:man|woman|person)|press-secretary|пресс-секретар|прессекретар|представител|спикер|речни|представник|речник|прес-секретар)/;
const isSpokesWord = (w: string) => SPOKES_WORD.test(w);

const REGION_WORD = /^(?:regional|region|administration|oblast|province|provincial|регион|област|края|республик|обласн)/;

/** A ministry's short name as its full one, so "Минобороны РФ" and "Министерство обороны РФ" are one body. */
const MINISTRY_FULL_NAMES = new Map(
  Object.entries({
    минобороны: 'министерство обороны',
    мид: 'министерство иностранных дел',
    мвд: 'министерство внутренних дел',
    минфин: 'министерство финансов',
    минздрав: 'министерство здравоохранения',
    минюст: 'министерство юстиции',
    минтранс: 'министерство транспорта',
    минэнерго: 'министерство энергетики',
    минсельхоз: 'министерство сельского хозяйства',
    минприроды: 'министерство природных ресурсов',
    минпросвещения: 'министерство просвещения',
    міноборони: 'міністерство оборони',
    мзс: 'міністерство закордонних справ',
    мвс: 'міністерство внутрішніх справ',
    мінфін: 'міністерство фінансів',
    мінюст: 'міністерство юстиції',
  }).map(([short, full]) => [short, full.split(' ')]),
);

const nameKey = (n: EntityName) => (n.bodyKey ??= bodyKey(n.text));

function bodyKey(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/^(?:the|a|an)\s+/, '')
    .replace(/'s\b/g, '')
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) => MINISTRY_FULL_NAMES.get(w.replace(/ё/g, 'е')) ?? [w]);
}

/** "Ukraine's General Staff" or "Russian Defence Ministry" for the key of "the General Staff" / "the Defence Ministry". */
function isCountrysName(full: string, key: string[]): boolean {
  const words = full.split(/\s+/);
  const extra = words.length - key.length;
  if (extra < 1 || extra > 2) return false;
  if (!sameKey(bodyKey(words.slice(extra).join(' ')), key, false)) return false;
  return words.slice(0, extra).every((w) => /^\p{Lu}\p{L}+(?:['’]s|ian|ean|ese|ish|ch|an|i)$/u.test(w));
}

/** A Russian/Ukrainian body's key, in any case, for its full key that goes on with initials or a country ("ЗСУ", "России"). */
function sameBodyWithoutOwner(full: string[], key: string[], fullText: string): boolean {
  if (full.length !== key.length + 1) return false;
  const owner = fullText.split(/\s+/).pop()!;
  if (!/^[\p{Lu}\d-]{2,}$/u.test(owner) && !/^(?:России|Украины|України|РФ)$/.test(owner)) return false;
  // (Short words change by a letter: "сили" / "сил".)
  const alike = (a: string, b: string) =>
    sameWord(a, b, true) ||
    (Math.min(a.length, b.length) >= 3 && Math.abs(a.length - b.length) <= 2 && (a.startsWith(b) || b.startsWith(a)));
  return key.every((w, i) => alike(full[i]!, w));
}

function sameKey(a: string[], b: string[], cyr: boolean): boolean {
  if (a.length !== b.length) return false;
  return a.every((w, i) => sameWord(w, b[i]!, cyr));
}

/** A news agency's one-word name in the genitive: "по данным «Интерфакса»" is Интерфакс. */
const OUTLET_DECLINED = /^(\p{Lu}\p{Ll}{3,}[бвгджзклмнпрстфхцчшщ])а$/u;

/** A Russian/Ukrainian person's name in the genitive ("Сергея Лаврова", "Марии Захаровой") in the nominative, when the endings leave no doubt. */
export function nominativeRu(name: string): string | null {
  const words = name.split(/\s+/);
  if (!words.every((w) => CYR.test(w))) return null;
  const surname = words[words.length - 1]!;
  const first = words.length > 1 ? words[0]! : null;
  let masc: string | null = null;
  let fem: string | null = null;
  if (/(?:ова|ева|ёва|ина|ына)$/.test(surname)) masc = surname.slice(0, -1);
  else if (/(?:ского|цкого)$/.test(surname)) masc = surname.replace(/ого$/, 'ий');
  else if (/(?:ського|цького)$/.test(surname)) masc = surname.replace(/ого$/, 'ий');
  else if (/енка$/.test(surname)) masc = surname.replace(/енка$/, 'енко');
  if (/(?:овой|евой|иной|ыной)$/.test(surname)) fem = surname.replace(/ой$/, 'а');
  else if (/(?:ской|цкой)$/.test(surname)) fem = surname.replace(/ой$/, 'ая');
  if (masc) {
    if (!first) return masc;
    const f = /ия$/.test(first)
      ? first.replace(/ия$/, 'ий')
      : /ея$/.test(first)
        ? first.replace(/ея$/, 'ей')
        : /[бвгджзклмнпрстфхцчшщ]а$/.test(first)
          ? first.slice(0, -1)
          : null;
    return f ? `${f} ${masc}` : null;
  }
  if (fem) {
    if (!first) return fem;
    const f = /ии$/.test(first)
      ? first.replace(/ии$/, 'ия')
      : /[гкх]и$/.test(first)
        ? first.replace(/и$/, 'а')
        : /ы$/.test(first)
          ? first.replace(/ы$/, 'а')
          : null;
    return f ? `${f} ${fem}` : null;
  }
  return null;
}
