/**
 * Russian/Ukrainian phrases that stand next to a verb of saying without being its speaker: to whom one spoke
 * ("журналистам", "агентству ТАСС", "изданию РБК", "телеканалу «Россия 24»", "«Интерфаксу»", "Пескову") and
 * where or when ("в Сочи", "во вторник", "в интервью РБК", "на брифинге в Москве", "у Києві"). The speaker
 * phrase ends before them and the search for the speaker skips them, so "сказал Путин журналистам в Сочи" is
 * Путин and "рассказал Песков агентству ТАСС" is Песков.
 */
import { classify } from './cues-en';
import { RU_COLLECTIVE_STEMS, RU_OUTLET_STEMS, RU_ROLE_STEMS, isRuBodyWord } from './lexicon';
import type { Token } from './tokens';

/** Lower-case nouns in the dative for whom one speaks to: the people ("журналистам") and the outlets ("агентству"). */
const ADDRESSEE =
  /^(?:(?:журналист|журналіст|репортер|репортёр|корреспондент|кореспондент|депутат|сенатор|участник|учасник|слушател|слухач|читател|читач|зрител|глядач|подписчик|підписник|студент|коллег|колег|избирател|виборц|дипломат|инвестор|інвестор|собравш|присутн|гост|парламентари|союзник|партнер|партнёр)(?:ам|ям|у|ю|ові|еві|ці)|агентству|информагентству|інформагентству|изданию|виданню|телеканалу|радиостанции|радіостанції|газете|газеті|журналу|порталу|сайту|каналу|телеканалам|изданиям|виданням|агентствам|сми)$/;
/** A capitalised word that can only be in the dative: a surname ("Пескову", "Зеленському") or an outlet ("Интерфаксу"). */
const DATIVE_NAME = /^(?:\p{Lu}[\p{Ll}'’-]*(?:ову|еву|ёву|ину|ыну|ому|ему|ові|еві))$/u;
const DATIVE_OUTLET = /^[\p{L}-]+(?:у|ю|ам|ям)$/u;
/** Prepositions opening a place, time or circumstance ("в Сочи", "во вторник", "на брифинге", "під час візиту"). */
const PREPOSITION = /^(?:в|во|на|у|при|после|перед|с|со|к|ко|от|из|для|через|накануне|з|із|зі|під|після|біля|возле|около)$/;
/** Words between a preposition and its object: "в своём блоге", "на этой неделе", "у своєму". */
const DETERMINER =
  /^(?:своём|своем|своей|своих|своему|этом|этой|этот|эту|прошлой|прошлом|эти|своєму|своїй|цьому|цій|минулому|минулій|ходе|час)$/;
/** Endings of an adjective or noun in an oblique case (capitalised inside an outlet's name: "Русской службе", "Первого канала"). */
const OBLIQUE_CAP = /(?:ой|ей|ого|его|ому|ему|ых|их|ым|им|ої)$/;
/** Adjectives in the locative or dative singular: "ранковому", "утренней", "вечернем", "своїй". */
const OBLIQUE_ADJECTIVE = /(?:ому|ему|ой|ей|ом|ем|ій|ім)$/;
const VERB_ENDING = /(?:л|ла|ли|ло|ся|сь|в)$/;
/** Lower-case words in an oblique case: genitive, dative, locative, instrumental. */
const OBLIQUE_LOWER = /(?:ы|и|а|я|е|у|ю|ам|ям|ах|ях|ом|ем|ой|ей|ого|его|ому|ему|ых|их|ым|им|ами|ями|ів|ій|ої|ові|ці)$/;

/** Offices named by whose they are: "в пресс-службе Кремля", "в администрации Президента", "в офісі Президента". */
const OWNED =
  /^(?:пресс-служб|прес-служб|администрац|адміністрац|офис|офіс|аппарат|апарат|штаб|правительств|уряд|управлени|управлінн|канцеляр|министерств|міністерств|ведомств|відомств)/;

/** Capitalised adverbs opening a sentence, before a subject ("Ранее СМИ сообщали"). */
const SENTENCE_ADVERB =
  /^(?:ранее|позже|также|вчера|сегодня|затем|потом|тогда|теперь|сейчас|однако|впрочем|кроме|раніше|також|вчора|сьогодні|потім|тоді|тепер|проте|зараз)$/;

const startsWithAny = (w: string, stems: readonly string[]) => stems.some((s) => w.startsWith(s));
const isAcronym = (x: Token) => /^[\p{Lu}\d-]{2,}$/u.test(x.text);
const isLatin = (x: Token) => /^[A-Za-z]/.test(x.text);
/** A word that may open a speaker phrase: a role, a body, a group ("министр", "министерство", "власти"). */
const opensSpeaker = (w: string) =>
  startsWithAny(w, RU_ROLE_STEMS) || startsWithAny(w, RU_COLLECTIVE_STEMS) || (isRuBodyWord(w) && !isOutletWord(w));
const isOutletWord = (w: string) => startsWithAny(w, RU_OUTLET_STEMS);
/** Quotation marks and the blanks standing for quoted text ("«•••••• ••»"). */
export const isQuoteToken = (x: Token) => x.punct && /^[«»"“”„•]$/.test(x.text);

/** The last letters a dative addressee can end with: most words are turned away on it before any pattern runs. */
const DATIVE_LAST = new Set(['м', 'у', 'ю', 'і', 'е', 'и']);

function isAddressee(x: Token, next: Token | undefined): boolean {
  if (x.punct || !DATIVE_LAST.has(x.lower.charAt(x.lower.length - 1))) return false;
  if (!x.cap) return ADDRESSEE.test(x.lower);
  if (DATIVE_NAME.test(x.text)) return true;
  // "Повітряним силам ЗСУ", "Вооружённым силам": an adjective and its noun in the dative plural.
  if (/(?:ым|им)$/.test(x.lower) && next && !next.cap && /^\p{Ll}+(?:ам|ям)$/u.test(next.text)) return true;
  return isOutletWord(x.lower) && !isAcronym(x) && DATIVE_OUTLET.test(x.lower);
}

/** What may follow the head of an adjunct as its complement: "агентству ТАСС", "в эфире телеканала «Россия 24»". */
function isComplement(x: Token, prev: Token | undefined, next: Token | undefined): boolean {
  if (isQuoteToken(x)) return true;
  if (x.punct) return false;
  if (/^\d+$/.test(x.text) || isAcronym(x)) return true;
  if (isLatin(x)) return true;
  // "РИА Новости": an agency's name after its initials.
  if (x.cap)
    return (
      isOutletWord(x.lower) ||
      // (An adjective before its noun: "Русской службе", "Первого канала"; not a first name, "от КПРФ Сергей Казанков".)
      (OBLIQUE_CAP.test(x.lower) && !!next && !next.punct && !next.cap) ||
      (!!prev && isAcronym(prev) && /^новост/.test(x.lower)) ||
      // "в пресс-службе Кремля": whose office it is, in the genitive.
      (!!prev && !prev.cap && OWNED.test(prev.lower) && /[аяыи]$/.test(x.lower))
    );
  if (/(?:л|ла|ли|ло|ся|сь)$/.test(x.lower)) return false;
  // "в Державній службі з надзвичайних ситуацій", "в службе по надзору": a body's name goes on through its preposition.
  if (/^(?:з|із|с|по)$/.test(x.lower))
    return (
      !!prev &&
      (isRuBodyWord(prev.lower) || /^(?:России|Украины|України|РФ)$/.test(prev.text)) &&
      !!next &&
      !next.cap &&
      OBLIQUE_LOWER.test(next.lower)
    );
  if (startsWithAny(x.lower, RU_ROLE_STEMS) || startsWithAny(x.lower, RU_COLLECTIVE_STEMS)) return false;
  // ("Русской службе": a body's word in the dative or locative is whom or where one spoke, never the speaker.)
  if (isRuBodyWord(x.lower) && !isOutletWord(x.lower)) return /(?:е|у|ю|і|ам|ям|ах|ях|ом|ем)$/.test(x.lower);
  return OBLIQUE_LOWER.test(x.lower);
}

/** The index just past an addressee or adjunct starting at k, or k when none starts there. */
function adjunctEnd(t: Token[], k: number): number {
  const x = t[k];
  if (!x) return k;
  let i: number;
  if (isAddressee(x, t[k + 1])) i = k + 1;
  else if (PREPOSITION.test(x.lower)) {
    i = k + 1;
    while (i < t.length && DETERMINER.test(t[i]!.lower)) i++;
    // (A preposition before a quotation: "в «Известиях»", whose words are blanked.)
    const object = t[i];
    if (!object || (object.punct && !isQuoteToken(object))) return k;
    if (isQuoteToken(object)) {
      while (i < t.length && isQuoteToken(t[i]!)) i++;
    } else i++;
    // "у ранковому зведенні", "в утренней сводке": an adjective, then its noun.
    const noun = t[i];
    if (!object.cap && OBLIQUE_ADJECTIVE.test(object.lower) && noun && !noun.punct && !noun.cap && !VERB_ENDING.test(noun.lower))
      i++;
  } else return k;
  return complementEnd(t, i);
}

/** Past the complement starting at i; a person's name in Latin script ("в своём блоге Alexei Navalny") is no complement. */
function complementEnd(t: Token[], i: number): number {
  while (i < t.length && isComplement(t[i]!, t[i - 1], t[i + 1])) {
    if (t[i]!.cap && isLatin(t[i]!)) {
      let e = i;
      while (e < t.length && t[e]!.cap && isLatin(t[e]!)) e++;
      const p = e - i >= 2 ? classify(t.slice(i, e)) : null;
      if (p?.kind === 'person' && p.name.includes(' ')) return i;
      i = e;
      continue;
    }
    i++;
  }
  return i;
}

/**
 * Numbers the addressees and adjuncts of a sentence, 0 for a token in none (a number per phrase, from 1). (Only within the first reading of each:
 * an adjunct starts at a preposition or an addressee and takes the object and its complement.)
 */
export function adjunctMarks(t: Token[]): number[] {
  const marks = new Array<number>(t.length).fill(0);
  let span = 0;
  for (let k = 0; k < t.length; k++) {
    const x = t[k]!;
    if (x.punct) continue;
    // "Песков ТАСС", "Лавров РИА Новости": an outlet's initials right after a person's name is the outlet spoken to.
    const outletAfterName = x.cap && isAcronym(x) && isOutletWord(x.lower) && isNameLike(t[k - 1]);
    // ("по словам", "со ссылкой на", "за словами" introduce the source itself.)
    if (x.lower === 'по' || (/^(?:со|с)$/.test(x.lower) && t[k + 1]?.lower === 'ссылкой')) continue;
    let end = outletAfterName ? adjunctEndAfterOutlet(t, k) : adjunctEnd(t, k);
    // "Как сообщила РИА Новости Захарова": an outlet's initials right before a person's name are whom she told.
    if (end === k && x.cap && isAcronym(x) && isOutletWord(x.lower)) {
      const after = adjunctEndAfterOutlet(t, k);
      if (isNameLike(t[after]) && !isAcronym(t[after]!)) end = after;
    }
    if (end === k) continue;
    span++;
    for (let i = k; i < end; i++) marks[i] = span;
    k = end - 1;
  }
  return marks;
}

function isNameLike(prev: Token | undefined): boolean {
  return (
    !!prev &&
    prev.cap &&
    !prev.punct &&
    !isAcronym(prev) &&
    !isOutletWord(prev.lower) &&
    !opensSpeaker(prev.lower) &&
    !SENTENCE_ADVERB.test(prev.lower)
  );
}

/** Token k is a word in the dative for whom one speaks to ("журналистам", "Пескову"): never part of a subject. */
export function isAddresseeAt(t: Token[], k: number): boolean {
  return isAddressee(t[k]!, t[k + 1]);
}

function adjunctEndAfterOutlet(t: Token[], k: number): number {
  return complementEnd(t, k + 1);
}

/**
 * "Путин с Эрдоганом заявили", "заявили Путин с Эрдоганом": an adjunct with "с" naming a person or a body may be a
 * second speaker ("в беседе с журналистами", a group, is not).
 */
export function namesCompanion(t: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const next = t[k + 1];
    if (
      /^(?:с|со|з|із|зі)$/.test(t[k]!.lower) &&
      next &&
      !next.punct &&
      (next.cap || (startsWithAny(next.lower, RU_ROLE_STEMS) && !/(?:ами|ями)$/.test(next.lower)))
    )
      return true;
  }
  return false;
}
