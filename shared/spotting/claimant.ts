/**
 * Who makes each claim of a document. Attribution cues are read outside quotations (English:
 * "X said", ", said X", "according to X"; Russian/Ukrainian: "X заявил", "по данным X", "за словами X"),
 * every sentence of a quotation takes the speaker named where it closes (else where it opens), and
 * pronouns and descriptions ("he", "the Russian leader", "the ministry", "ведомство") resolve to the
 * most recent compatible speaker. Each person or body gets one canonical name per document. When a
 * speaker cannot be told safely the claimant is left empty: a wrong name is worse than none.
 */
import { bodySubject, classify, EN_CUE, englishCues, mayBeSigned, QUOTE_AFTER_COLON } from './attribution/cues-en';
import { classifyRu, RU_CUE, russianCues, subjectRu } from './attribution/cues-ru';
import { EN_ROLE_WORDS, RU_ROLE_STEMS } from './attribution/lexicon';
import { quoteStructure } from './attribution/quotes';
import { Registry, type Entity } from './attribution/registry';
import type { SpeakerPhrase } from './attribution/speaker';
import { tokenize } from './attribution/tokens';
import { allMatches } from './all-matches';
import { wordGated } from './word-gate';
import { datelineEnd } from '../text/dateline';

export interface Attribution {
  claimant: string | null;
  /** The sentence names its own speaker (outside any quotation). */
  attributed: boolean;
  /** Share of the sentence inside quotation marks (0..1). */
  quoted: number;
  /** The speaker came from the quotation the sentence belongs to. */
  viaQuote: boolean;
}

const CYRILLIC = /[\u0400-\u04FF]/;
const PLACE_BEFORE = /\b(?:in|at|near|outside|across|into|towards)\s+$/;
const SAYING = /\b(?:said|says|told|tells|added|adds|wrote|writes)\b/;
const PRONOUN_SAYS = /^\W*(?:he|she)\s+(?:also\s+|later\s+|further\s+)?(?:said|says|added|adds|told|wrote|noted)\b/i;
const OF_NAME = /\s+of\s+(?:the\s+)?\p{Lu}/uy;
const AMPERSAND_BEFORE = /&\s*$/;
const AMPERSAND_AFTER = /^\s*&/;
const WE_INSIDE = /\b(?:we|our|us)\b/i;
const WE_SUBJECT = /^\W*(?:we|our\s+\p{Ll}+)\s/iu;
const SIGNED = /["”»]\s*[-—–]\s*\p{Lu}/u;
const EN_NAME_RUN = /(?:\p{Lu}[\p{L}'’.-]*\s+){1,4}(?:\p{Lu}|(?:al|el)-\p{Lu})[\p{L}'’-]+/gu;
const RU_NAME_RUN = /[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+(?:\s+[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+){1,3}/gu;
/** A capitalised word after white space; the space is matched rather than looked behind for (much faster), and skipped. */
const SURNAME = /\s([A-ZА-ЯЁІЇЄҐ][\p{Ll}'’-]{2,})/gu;
/** The same at the sentence's start, where the subject stands ("Rathbun requested …"). */
const LEADING_SURNAME = /([A-ZА-ЯЁІЇЄҐ][\p{Ll}'’-]{2,})(?![\p{L}'’-])/uy;
const hasEnglishCue = wordGated(EN_CUE);
/** A lower-case noun right after a capitalised word. */
const ATTRIBUTIVE = /\s+\p{Ll}/uy;

/**
 * "Об этом сообщил …", "Про це повідомила …": a source given for what the sentence before said (not when it ends
 * in a colon and introduces what follows: "Об этом сообщил журналистам сам Трамп:").
 */
const ABOUT_THIS = /^\s*(?:Об этом|Про це)\s+\p{Ll}(?!.*:\s*$)/u;

/** A Russian/Ukrainian role word right before a capitalised run ("губернатор", "голова", "мэр"). */
const ROLE_BEFORE = new RegExp(`(?:^|\\s)(?:${RU_ROLE_STEMS.join('|')})\\p{L}*\\s+$`, 'iu');

/** Name runs read before: the same names recur through a document. */
const RUN_CACHE = new Map<string, SpeakerPhrase | null>();

/** Attribution for consecutive sentences of one document. */
export function attributeSentences(sentences: readonly string[]): Attribution[] {
  const quotes = quoteStructure(sentences);
  const registry = new Registry();
  const own: (Entity | null)[] = [];
  const hasCue: boolean[] = [];
  /** Per sentence, the person who spoke in it as its subject, named before anyone else. */
  const subjectSpeaker: (Entity | null)[] = [];
  /** The sentence names a speaker phrase of its own (resolved or not). */
  const named: boolean[] = [];
  /** The pronoun the sentence's cue is ("she" in '"…," she said'), or "". */
  const pronounOf: string[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const outside = quotes[i]!.outside;
    const cyr = CYRILLIC.test(outside);
    const cue =
      (cyr ? RU_CUE.test(outside) : hasEnglishCue(outside)) ||
      (!cyr &&
        ((mayBeSigned(outside) && SIGNED.test(outside)) || (outside.includes('\u2022') && QUOTE_AFTER_COLON.test(outside))));
    const cues = !cue ? [] : cyr ? russianCues(outside) : englishCues(outside);
    hasCue.push(cue);
    named.push(cues.length > 0);
    pronounOf.push(cues.find((c) => c.kind === 'pronoun')?.name ?? '');
    // An unquoted "We have recorded …" with no verb of saying: the organisation that was speaking.
    if (!cues.length && !cyr && quotes[i]!.quotedShare < 0.5 && WE_SUBJECT.test(outside))
      cues.push({ kind: 'pronoun', name: 'we', attrs: [], pronoun: 'we', at: outside.search(/\s/) + 1 });
    // ("Фонд схвалив транш, йдеться в заяві фонду": the body the sentence opens with is known before its cue is read.)
    if (cyr && cues.length) noteSubjectBody(registry, outside, i);
    let opened = i;
    while (opened > 0 && quotes[opened]!.startsInside && quotes[opened - 1]!.group === quotes[i]!.group) opened--;
    registry.quoteOpenedAt = quotes[i]!.group >= 0 ? opened : null;
    let who = pick(cues, registry, i, outside, sentences[i]!);
    // "Chloe Barker, 29, moved here because, she said, …": a person named earlier in the same sentence comes first.
    const inSentence = !cyr ? personBeforePronoun(cues, outside) : undefined;
    if (inSentence !== undefined)
      who = inSentence && registry.speaksAgain(registry.mentionPerson(inSentence.name, inSentence.attrs, i, true, true), i);
    // ("The professor said …": a verb of saying whose speaker could not be read is a speaker not told all the same.)
    if (!who && (cues.length || (cue && !cyr && SAYING.test(outside)))) registry.speakerUnresolved(i);
    // "Kim argued that the board had lied. She said …": "he" or "she" opening a sentence of saying goes on with the
    // person who spoke as the subject of the sentence before, if that sentence names no other known person ("Kim
    // said Tom Hale lied. He said …" may be either, and no claimant beats a wrong one).
    const before = subjectSpeaker[i - 1];
    if (
      !who &&
      before &&
      !cyr &&
      PRONOUN_SAYS.test(outside) &&
      onlyPersonNamed(registry, before, quotes[i - 1]!.outside) &&
      registry.fitsPronoun(before, pronounOf[i]!)
    )
      who = registry.speaksAgain(before, i);
    own.push(who);
    subjectSpeaker.push(who?.kind === 'person' && !cyr && namedFirst(registry, who, cues, outside) ? who : null);
    noteMentions(registry, outside, i, cyr);
    if (cyr) noteBusinesses(registry, sentences[i]!, i);
  }
  const groupSpeaker = new Map<number, Entity | null>();
  for (let i = 0; i < sentences.length; i++) {
    const g = quotes[i]!.group;
    if (g < 0) continue;
    const closes = !quotes[i]!.endsInside;
    let current = groupSpeaker.get(g);
    const prev = i > 0 ? own[i - 1] : null;
    // (Not \W: Cyrillic letters are "non-word" characters to it.)
    const introduced = !!prev && /[:,][\s"'“”«»„’)\]—–-]*$/u.test(sentences[i - 1]!);
    // A body goes on only in its own voice: "Ukraine's Energy Ministry said …" then "“We have recorded 40 attacks.”"
    const speaks = !!prev && (prev.kind === 'person' || (prev.kind === 'body' && WE_INSIDE.test(sentences[i]!)));
    const continues = speaks && quotes[i]!.quotedShare > 0.7 && !quotes[i - 1]!.endsInside;
    if (current === undefined && !quotes[i]!.startsInside && prev && (introduced || continues)) {
      // "Barack Obama tweeted:" / "Heald noted the findings show …" followed by a quotation in its own sentences:
      // the speaker just named goes on, unless the quotation names its own speaker where it closes.
      current = prev;
      groupSpeaker.set(g, current);
    }
    // The speaker named where the quote closes wins; else the one named where it opened.
    if (own[i] && (closes || current === undefined || current === null)) groupSpeaker.set(g, own[i]!);
    else if (current === undefined) groupSpeaker.set(g, null);
    // ('Dunn said … "Nobody chooses …," she said': a pronoun where the quotation closes that cannot be the speaker
    // carried over says it is someone else's.)
    else if (current && !own[i] && pronounOf[i] && !registry.fitsPronoun(current, pronounOf[i]!)) groupSpeaker.set(g, null);
  }
  const out: Attribution[] = [];
  const names = new Map<number, string | null>();
  const nameOf = (e: Entity) => {
    let n = names.get(e.id);
    if (n === undefined) names.set(e.id, (n = registry.canonical(e)));
    return n;
  };
  for (let i = 0; i < sentences.length; i++) {
    const q = quotes[i]!;
    let who = own[i] ?? null;
    let viaQuote = false;
    if (!who && q.group >= 0) {
      who = groupSpeaker.get(q.group) ?? null;
      viaQuote = who !== null;
    }
    // "Об этом сообщил журналистам сам Трамп:" then the words themselves, without quotation marks.
    if (!who && !hasCue[i] && q.group < 0 && i > 0 && own[i - 1]?.kind === 'person' && /:\s*$/.test(sentences[i - 1]!)) {
      out.push({ claimant: out[i - 1]!.claimant, attributed: false, quoted: q.quotedShare, viaQuote: true });
      continue;
    }
    // A sentence that is all quotation right after an attributed quotation continues it (…not after the last
    // sentence of a quotation that went on from earlier sentences: a new quotation then may be someone else's).
    const closedLongQuote = i > 0 && quotes[i - 1]!.startsInside && !quotes[i - 1]!.endsInside && own[i - 1] == null;
    if (
      !who &&
      !hasCue[i] &&
      q.quotedShare > 0.7 &&
      i > 0 &&
      out[i - 1]!.claimant &&
      quotes[i - 1]!.hasQuote &&
      !closedLongQuote
    ) {
      out.push({ claimant: out[i - 1]!.claimant, attributed: false, quoted: q.quotedShare, viaQuote: true });
      continue;
    }
    out.push({ claimant: who ? nameOf(who) : null, attributed: own[i] != null, quoted: q.quotedShare, viaQuote });
  }
  // "Суд приговорил … . Об этом сообщила пресс-служба суда.": the source named next speaks for the sentence before.
  const publisher = datelineText(sentences);
  for (let i = 1; i < sentences.length; i++) {
    const claimant = out[i]!.claimant;
    // ("МОСКВА, 5 дек — РИА Новости." … "Об этом сообщает РИА Новости.": the agency that wrote the story signs it off.)
    if (claimant && publisher.includes(claimant) && ABOUT_THIS.test(sentences[i]!)) {
      out[i] = { ...out[i]!, claimant: null };
      continue;
    }
    if (own[i] && !out[i - 1]!.claimant && !named[i - 1] && quotes[i - 1]!.group < 0 && ABOUT_THIS.test(sentences[i]!))
      out[i - 1] = { ...out[i - 1]!, claimant: out[i]!.claimant };
  }
  return out;
}

/** The dateline opening one of a document's first sentences ("МОСКВА, 5 дек — РИА Новости."), or "". */
function datelineText(sentences: readonly string[]): string {
  for (const s of sentences.slice(0, 3)) {
    const end = datelineEnd(s);
    if (end > 0) return s.slice(0, end);
  }
  return '';
}

/** Words that only say who a name is, opening a sentence: "Russian Foreign Ministry spokeswoman " (then the name). */
function titlesOnly(prefix: string): boolean {
  const words = prefix.trim().split(/\s+/);
  return words.length <= 6 && words.every((w, i) => /^\p{Lu}/u.test(w) || (i > 0 && EN_ROLE_WORDS.has(w.replace(/['’]s$/, ''))));
}

/** The person a sentence's first cue names is named before its verb, and no one else known is. */
function namedFirst(registry: Registry, who: Entity, cues: SpeakerPhrase[], outside: string): boolean {
  const cue = cues[0];
  if (!cue || cue.kind === 'pronoun' || cue.kind === 'outlet') return false;
  const prefix = outside.slice(0, cue.at);
  const named = registry.peopleNamedIn(prefix);
  if (named.size !== 1 || !named.has(who.id)) return false;
  // (Nor anyone named there for the first time: "After Tom Briggs left, prosecutor Lena Ward argued …".)
  const surname = cue.name.split(' ').pop()!;
  // ("Liberal Democrat councillor James Whitfield": capitalised words that only say who he is come before the name.)
  const nameAt = prefix.indexOf(cue.name);
  const titleEnd = nameAt > 0 && titlesOnly(prefix.slice(0, nameAt)) ? nameAt : 0;
  return allMatches(EN_NAME_RUN, prefix).every((m) => m[0].endsWith(surname) || m.index + m[0].length < titleEnd);
}

/**
 * For a sentence whose speaker is "he" or "she" after full names in the same sentence: the one person it opens
 * with, or null when other names stand before the pronoun (either could be meant); undefined when none does.
 */
function personBeforePronoun(cues: SpeakerPhrase[], outside: string): SpeakerPhrase | null | undefined {
  const cue = cues.find((c) => c.kind !== 'outlet');
  if (cue?.kind !== 'pronoun' || cue.pronoun !== 'person') return undefined;
  const prefix = outside.slice(0, cue.at);
  const people: { p: SpeakerPhrase; index: number }[] = [];
  for (const m of allMatches(EN_NAME_RUN, prefix)) {
    const p = classify(tokenize(m[0]));
    if (p?.kind === 'person' && p.name.includes(' ')) people.push({ p, index: m.index });
  }
  if (!people.length) return undefined;
  const first = people[0]!;
  if (first.index !== 0 || people.some((x) => x.p.name !== first.p.name)) return null;
  // ("Anna Berg met Briggs, and she said …": any other capitalised word not naming a place may be whom "she" means.)
  const rest = prefix.slice(first.p.name.length);
  return RIVAL_NAME.test(rest) ? null : first.p;
}

/** A capitalised word that is not a place after "to", "in", "from" … nor part of a run of capitalised words. */
const RIVAL_NAME = /(?<!\b(?:to|in|at|from|near|for|of|the)\s+|\p{Lu}[\p{L}'’.-]*\s+)\b\p{Lu}\p{Ll}/u;

/** No known person other than `who` is named in the text. */
function onlyPersonNamed(registry: Registry, who: Entity, text: string): boolean {
  for (const id of registry.peopleNamedIn(text)) if (id !== who.id) return false;
  return true;
}

/** The speaker among a sentence's cues: the first that is not a news outlet relaying someone else. */
function pick(cues: SpeakerPhrase[], registry: Registry, at: number, outside: string, sentence: string): Entity | null {
  if (!cues.length) return null;
  const people = cues.filter((c) => c.kind !== 'outlet');
  if (people.length) {
    for (const c of people) {
      const e = registry.resolve(c, at, c.kind === 'pronoun' ? sentence.slice(c.at) : '');
      if (e) return e;
    }
    return null;
  }
  // Only an outlet: it is the source of what it reports, but not of a quotation it relays
  // ("…,” the AFP news agency reported).
  const firstQuote = outside.search(/["“”«»„]/);
  if (firstQuote >= 0 && cues[0]!.at > firstQuote) return null;
  return registry.resolve(cues[0]!, at);
}

/** People named in running text, so that a later "Putin", "he" or "the Russian leader" can be resolved. */
function noteMentions(registry: Registry, outside: string, at: number, cyr: boolean): void {
  const runs = cyr ? RU_NAME_RUN : EN_NAME_RUN;
  const covered: [number, number][] = [];
  for (const m of allMatches(runs, outside)) {
    covered.push([m.index, m.index + m[0].length]);
    if (cyr) {
      const words = m[0].split(/\s+/);
      // (Nor a run opened by an adverb: "Ранее Песков сообщил".)
      if (
        words.some((w) =>
          /^(?:В|На|По|С|О|И|К|У|За|Из|От|До|Для|При|Об|Но|А|Как|Это|Что|Также|Ранее|Позже|Вчера|Сегодня|Затем|Однако|Теперь|Сейчас|Тогда|Раніше|Також|Вчора|Сьогодні|Потім|Проте|Тепер)$/.test(
            w,
          ),
        )
      )
        continue;
      // "голова Харкова Ігор Терехов": the place's genitive belongs to the role before the run, not to the name.
      const role = words.length === 3 && /(?:а|я|ы|и)$/.test(words[0]!) && ROLE_BEFORE.test(outside.slice(0, m.index));
      const p = classifyRu(tokenize(role ? words.slice(1).join(' ') : m[0]));
      if (p?.kind === 'person' && p.name.includes(' '))
        registry.mentionPerson(
          p.name,
          [...wordsBefore(outside, m.index, cyr), ...p.attrs],
          at,
          m.index === 0 || (looksNominativeRu(p.name) && 'guessed'),
        );
      continue;
    }
    let p = RUN_CACHE.get(m[0]);
    if (p === undefined) {
      p = classify(tokenize(m[0]));
      if (RUN_CACHE.size > 5000) RUN_CACHE.clear();
      RUN_CACHE.set(m[0], p);
    }
    // "Budweiser Man of the Match", "Bank of England": a capitalised run going on with "of" names a thing or a body.
    OF_NAME.lastIndex = m.index + m[0].length;
    // ("… fled her home in Pacific Palisades": two capitalised words after "in" name a place, not a rival for "she".)
    // ("School of Hygiene & Tropical Medicine": words joined to others by an ampersand are part of a name.)
    const joined =
      AMPERSAND_BEFORE.test(outside.slice(Math.max(0, m.index - 3), m.index)) ||
      AMPERSAND_AFTER.test(outside.slice(m.index + m[0].length, m.index + m[0].length + 3));
    if (
      p?.kind === 'person' &&
      p.name.includes(' ') &&
      !joined &&
      !beforeRoleAndName(outside, m.index + m[0].length) &&
      !OF_NAME.test(outside) &&
      !PLACE_BEFORE.test(outside.slice(0, m.index))
    )
      registry.mentionPerson(
        p.name,
        [...wordsBefore(outside, m.index, cyr), ...p.attrs],
        at,
        true,
        m.index === 0 || titlesOnly(outside.slice(0, m.index)),
      );
  }
  // Bodies named as a sentence's subject, so that a later "по данным ведомства" finds them even if they did not speak.
  if (cyr) noteSubjectBody(registry, outside, at);
  else {
    const p = bodySubject(outside);
    if (p) registry.mentionBody(p.name, p.attrs, at);
  }
  if (!registry.hasPeople()) return;
  LEADING_SURNAME.lastIndex = 0;
  const lead = LEADING_SURNAME.exec(outside);
  if (lead && !covered.some(([a]) => a === 0)) registry.mentionSurname(lead[1]!, at, true);
  for (const m of allMatches(SURNAME, outside)) {
    const start = m.index + 1;
    if (covered.some(([a, b]) => start >= a && start < b)) continue;
    // "the Cruise video", "the Trump administration": a surname used as a modifier names no one in the sentence.
    ATTRIBUTIVE.lastIndex = start + m[1]!.length;
    if (!cyr && ATTRIBUTIVE.test(outside) && /\b(?:the|a|an)\s$/i.test(outside.slice(Math.max(0, start - 4), start))) continue;
    registry.mentionSurname(m[1]!, at);
  }
}

/** The words right before a name, lower-cased: what the text says the person is ("the Russian leader"). */
function wordsBefore(outside: string, at: number, cyr: boolean): string[] {
  return (
    outside
      .slice(Math.max(0, at - 40), at)
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      // (Three words in Russian: "Губернатор Рязанской области Павел Малков".)
      .slice(cyr ? -3 : -2)
  );
}

/** "с компании «Северсталь-Инвест»": a business named by what it is and its name in quotation marks. */
const BUSINESS_NAMED = /(?<!\p{L})(?:[Кк]омпани|[Кк]омпані)\p{L}*\s+«([^«»]{2,40})»/gu;

/** A lower-case word and a capitalised one after a stretch of text. */
const WORD_THEN_NAME = /\s+(\p{Ll}+)\s+\p{Lu}/uy;

/** "Liberal Democrat councillor James Whitfield": capitalised words before a role and a name say what the person is. */
function beforeRoleAndName(outside: string, end: number): boolean {
  WORD_THEN_NAME.lastIndex = end;
  const m = WORD_THEN_NAME.exec(outside);
  return !!m && EN_ROLE_WORDS.has(m[1]!);
}

/** Businesses named in a Russian or Ukrainian sentence, so that a later "Представитель компании" finds them. */
function noteBusinesses(registry: Registry, sentence: string, at: number): void {
  for (const m of allMatches(BUSINESS_NAMED, sentence)) registry.mentionBusiness(m[1]!, at);
}

/** A body a Russian or Ukrainian sentence opens with as its subject ("Міністерство оборони України опублікувало …"). */
function noteSubjectBody(registry: Registry, outside: string, at: number): void {
  const p = subjectRu(outside);
  if (p?.kind === 'body' && /^[А-ЯЁІЇЄҐ]/.test(p.name)) registry.mentionBody(p.name, p.attrs, at);
}

/**
 * A man's full name that can only be in the nominative: an animate masculine first name keeps its bare stem
 * ("Давид", "Дмитрий") in no other case, and the surname has no oblique ending ("Мирианашвали", "Песков").
 */
function looksNominativeRu(name: string): boolean {
  const words = name.split(' ');
  if (words.length < 2) return false;
  const first = words[0]!.toLowerCase();
  const surname = words[words.length - 1]!.toLowerCase();
  return /[бвгджзйклмнпрстфхцчшщ]$/.test(first) && !/(?:а|я|у|ю|ым|им|ом|ем|е|ого|его|ой)$/.test(surname);
}

/** Claimants for consecutive sentences of one document. */
export function resolveClaimants(sentences: readonly string[]): (string | null)[] {
  return attributeSentences(sentences).map((a) => a.claimant);
}

/** The speaker one sentence names by itself, without context (for live capture lines). */
export function attributionIn(sentence: string): string | null {
  return resolveClaimants([sentence])[0] ?? null;
}
