/**
 * English attribution cues in one sentence (quoted text already blanked): "X said", ", said X",
 * "X, the …, said", "according to X", "citing X", "quoted X as saying", "…, it said".
 */
import {
  BODY_HEADS,
  COLLECTIVE_HEADS,
  EN_DETERMINERS,
  EN_PRONOUNS,
  EN_ROLE_WORDS,
  EN_TITLES,
  EN_VERBS,
  LEADER_ROLES,
  NOT_SPEAKERS,
  OUTLET_NAMES,
  OUTLET_WORDS,
  PERSON_ROLES,
  TRADES,
} from './lexicon';
import { isWhiteSpaceCode } from '../../text/whitespace';
import { allMatches } from '../all-matches';
import type { SpeakerPhrase } from './speaker';
import { stripPossessive, tokenize, type Token } from './tokens';

function windowTokens(text: string, from: number, to: number): Token[] {
  const tokens = tokenize(text.slice(from, to));
  // A window that starts mid-word drops that partial word; offsets are moved back to the sentence's.
  if (from > 0 && /[\p{L}\d]/u.test(text[from - 1] ?? '')) tokens.shift();
  for (const x of tokens) x.start += from;
  // The first token is not the sentence's first word: it keeps its capital.
  if (from > 0 && tokens[0]) tokens.unshift({ text: ',', lower: ',', start: from, cap: false, punct: true });
  return tokens;
}

/** Cheap gate: a sentence without any of these has no English attribution. */
export const EN_CUE =
  /\b(?:said|says|say|told|tells|tell|stated|announced|added|wrote|writes|posted|tweeted|claim(?:ed|s)|argued|explained|not(?:ed|es)|warned|insist(?:ed|s)|confirm(?:ed|s)|den(?:ied|ies)|report(?:ed|s)|declared|testified|commented|replied|asserted|stressed|emphasi[sz]ed|acknowledged|admitted|estimated|alleged|predicted|recalled|revealed|disclosed|observed|concluded|suggested|urged|cautioned|countered|maintain(?:ed|s)|conced(?:ed|es)|believe[sd]|indicated|responded|remarked|continued|underlined|underscored|according|citing|quoted|cited|stating|saying|writing|adding|noting|telling|insisting|warning|arguing|found|show(?:s|ed)?|call(?:s|ed)?|describe[sd]|characteri[sz]e[sd]|dubbed|termed|branded|reads|reasoned|accus(?:ed|es)|proclaiming|declaring|announcing|claiming|received|conclusion|estimate|expects?|forecasts?|point(?:s|ed)?\s+out)\b/i;
/** The cue words that count only in a context ("found that", "called it “…”"), and that context. */
const CONDITIONAL_CUE =
  /^(?:found|show|shows|showed|call|calls|called|describes|described|characteri[sz]e[sd]|dubbed|termed|branded|reads|estimate|expects?|forecasts?)$/i;
const CONDITION_MET =
  /\b(?:figures|data|statistics|estimates|numbers|records)\s+(?:from|by)\s[^,;]{2,80}\bshow(?:s|ed)?\W*$|\bcall(?:s|ed)?\s+on\b|\b(?:found|show|shows|showed)\s+that\b|\b(?:call(?:s|ed)?|describe[sd]|characteri[sz]e[sd]|dubbed|termed|branded|reads)\b[^\u2022]*\u2022|\b(?:analysts|economists|scientists|researchers|experts|forecasters|strategists)\b[^.;,]{0,40}\b(?:estimate|expect|forecast)\b/i;

const SIGNED_QUOTE = /["”»]\s*[-—–]\s*(\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,2})\s*$/u;
/** A closing quotation mark and a dash, which a signed quotation needs: most sentences are ruled out before its pattern runs. */
export function mayBeSigned(text: string): boolean {
  return CLOSING_MARK.test(text) && DASH.test(text);
}
const CLOSING_MARK = /["”»]/;
const DASH = /[-—–]/;
const GERUNDS = new Set([
  'stating',
  'saying',
  'writing',
  'adding',
  'noting',
  'telling',
  'insisting',
  'warning',
  'arguing',
  'proclaiming',
  'declaring',
  'announcing',
  'claiming',
]);
const EN_CUE_ALL = new RegExp(EN_CUE.source, 'gi');

const SKIP_BEFORE_VERB = new Set([
  'also',
  'later',
  'earlier',
  'previously',
  'then',
  'has',
  'have',
  'had',
  'recently',
  'further',
  'separately',
  'again',
  'reportedly',
  'would',
  'will',
  'has',
  'had',
  'quickly',
  'publicly',
  'repeatedly',
  'once',
  'first',
  'subsequently',
  'similarly',
  'likewise',
  'however',
  'on',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'yesterday',
  'today',
  'tonight',
]);
const PASSIVE = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be', 'get', 'got']);
const NEGATION = new Set(['not', "n't", 'never', 'declined', 'refused', 'without', 'no']);
const CONNECTORS = new Set(['of', 'for', 'at', 'on', 'the', 'to', 'in']);
/** Capitalised words that end an organisation's name. */
const ORG_CAP = new Set(
  `ministry force forces army navy police service services agency office department committee council court
  government administration bank company party group organisation organization union institute commission
  guard kremlin pentagon house command staff church university association federation forum times post
  journal news network foundation center centre fund board bureau corps authority authorities reserve inc
  inc. corp corp. ltd league club team media press guardian telegraph independent weekly herald tribune
  gazette embassy parliament assembly congress senate cabinet relations world wiki programme program school
  academy college hospital clinic laboratory museum society chamber consortium coalition alliance movement
  observatory tribunal centers centres panel trust project initiative partners`
    .split(/\s+/)
    .filter(Boolean),
);
/**
 * A field of study or work, capitalised inside an institution's name ("Research in Economics", "Excellence in
 * Journalism"): read from its ending ("-ics", "-ology", "-onomy", "-istry", "-sophy") or one of a few such nouns.
 * No place ends so.
 */
const FIELD_OF_STUDY =
  /^\p{Lu}\p{Ll}*(?:ics|ology|ologies|ography|onomy|istry|sophy)$|^(?:Science|Sciences|Medicine|Education|Engineering|Law|Health|Healthcare|Nursing|Research|Studies|Arts|Humanities|Agriculture|Architecture|Literature|History|Policy|Management|Finance|Business|Journalism|Nutrition|Energy)$/u;
/** How the words for a field or a task end ("Protection", "Prevention", "Development", "Safety"), which no surname does as a rule. */
const FIELD_ENDING = /(?:tion|sion|ment|ance|ence|ity|ety|ing|ics|ogy|fare)$/;
/** Documents that carry another's words: "the ministry's statement said" → the ministry. */
const DOCUMENT_WORDS = new Set([
  'statement',
  'report',
  'post',
  'posting',
  'website',
  'account',
  'letter',
  'release',
  'announcement',
  'message',
  'update',
  'channel',
  'blog',
  'manifesto',
  'study',
  'survey',
]);
/** Documents someone issues ("the statement said"); a report or study is often its own source, so not here. */
const ISSUED = new Set(['statement', 'post', 'message', 'letter', 'release', 'announcement', 'update']);
/** Verb forms that are also plural nouns: a cue only before "that", a name, a pronoun or punctuation. */
const NOUN_OR_VERB = new Set(['reports', 'claims', 'states', 'notes', 'posts', 'comments', 'remarks', 'replies', 'estimates']);
/** Words after which a word of NOUN_OR_VERB can only be a noun. */
const NOUN_BEFORE =
  /^(?:on|about|of|over|amid|despite|following|after|against|regarding|to|with|by|from|the|these|those|such|his|her|their|its|our|your|my)$/;
/** Verbs that are often not about saying ("added a goal", "continued to fight"): a cue only before "that" or punctuation. */
const WEAK_VERBS = new Set([
  'added',
  'adds',
  'continued',
  'continues',
  'observed',
  'revealed',
  'indicated',
  'admitted',
  'acknowledged',
  'estimated',
  'predicted',
  'recalled',
  'maintained',
  'concluded',
  'suggested',
  'noted',
  'disclosed',
  'countered',
  'responded',
  'explained',
  'urged',
  'declared',
  'declares',
  'conceded',
  'concedes',
  'believes',
  'believed',
]);
/** Verbs of WEAK_VERBS that are a cue only before "that" or punctuation. */
const THAT_OR_MARK = new Set(['conceded', 'concedes', 'believes', 'believed']);
const FOLLOWS_CUE = new Set([
  'that',
  'what',
  'how',
  'why',
  'whether',
  'the',
  'it',
  'he',
  'she',
  'they',
  'there',
  'this',
  'on',
  'in',
  'at',
  'during',
  'after',
  'before',
  'to',
  'we',
  'i',
  'its',
  'his',
  'her',
  'their',
  'a',
  'an',
  'no',
  'some',
  'all',
  'more',
  'about',
  'russia',
  'ukraine',
]);
/** Who a weak verb's "to" can address: "explained to reporters", "told to the BBC", "responded to him". */
const AUDIENCE = new Set([
  'reporters',
  'journalists',
  'lawmakers',
  'parliament',
  'him',
  'her',
  'them',
  'me',
  'us',
  'you',
  'the',
  'a',
  'an',
  'his',
  'their',
  'its',
  'our',
]);

function addressed(tok: Token | undefined): boolean {
  return !!tok && !tok.punct && (tok.cap || AUDIENCE.has(tok.lower));
}

/** Lower-case words for what one person is ("academic and professor X"). */
const PERSON_ROLE_WORDS = new Set([
  ...PERSON_ROLES,
  ...LEADER_ROLES,
  'academic',
  'professor',
  'author',
  'writer',
  'journalist',
  'activist',
  'lawyer',
  'economist',
  'historian',
  'musician',
  'actor',
  'actress',
  'singer',
  'scientist',
  'researcher',
  'doctor',
  'businessman',
  'businesswoman',
  'entrepreneur',
  'commentator',
  'broadcaster',
  'teacher',
  'nurse',
  'farmer',
  'student',
  'pensioner',
  'resident',
  'soldier',
  'survivor',
  'volunteer',
  'engineer',
  'pilot',
  'priest',
  'officer',
  'owner',
  'shopkeeper',
  'driver',
  'mother',
  'father',
  'wife',
  'husband',
  'neighbour',
  'neighbor',
  'agent',
  'barrister',
  'solicitor',
  'manager',
  'daughter',
  'son',
  'sister',
  'brother',
  'partner',
  'widow',
  'widower',
  'friend',
  'colleague',
  'cousin',
  'niece',
  'nephew',
  'aunt',
  'uncle',
  'grandmother',
  'grandfather',
  'granddaughter',
  'grandson',
  'chair',
  'chairperson',
]);
/** A sentence opening with an organisation's or a person's study: "PC World's recent analysis", "The agency's report". */
const OWNED_FINDINGS =
  /^(?:The\s+)?((?:\p{Lu}[\p{L}.&-]*\s+){0,3}\p{Lu}[\p{L}.&-]*)['’]s\s+(?:[\p{Ll}-]+\s+){0,2}(?:analysis|study|survey|report|review|research|investigation|findings|statement|data)\b/u;
/** A sentence opening with a survey or poll named by who ran it, which found or showed something. */
const NAMED_SURVEY =
  /^(?:A|An|The)\s+((?:\p{Lu}[\p{L}.&/-]*\s+){2,4})(?:survey|poll|opinion poll|study)\b[^,;:"“]{0,60}?\b(?:found|showed|shows|suggested|suggests)\s+that\b/u;
/** A sentence opening with a study named by where it was published, which found something: it speaks as written. */
const PUBLISHED_STUDY =
  /^(A|An|The)\s+((?:(?:new|recent|large|major|\d{4})\s+)?(?:study|report|survey|analysis|review|paper)\s+published\s+(?:(?:on|last|this|earlier)\s+\p{L}+\s+)?in\s+(?:the\s+)?\p{Lu}[\p{L}&.'’-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}&.'’-]*){0,5})\s+(?:found|showed|shows|suggests|suggested|concluded)\s+that\b/u;
/** Documents that speak for themselves: "the report says", "the study found". */
const RESEARCH_DOCS = new Set([
  'report',
  'study',
  'survey',
  'poll',
  'analysis',
  'review',
  'paper',
  'research',
  'website',
  'census',
]);
/** Subjects whose "found" or "showed" reports a finding without "that": "The scientists found yields fell". */
const FINDERS = new Set([
  ...RESEARCH_DOCS,
  'scientists',
  'researchers',
  'authors',
  'studies',
  'findings',
  'results',
  'data',
  'team',
  'investigators',
  'analysts',
]);
const FINDING = new RegExp(`\\b(?:${[...FINDERS].join('|')})\\s+(?:found|shows|showed)(?:\\s+\\w|\\s*[.!?]?\\s*$)`, 'i');
/** Objects that make a verb of saying say nothing: "the report said nothing about rents". */
const SAYS_NOTHING = new Set(['nothing', 'little']);
/** Verbs of calling and describing: a cue only with a quotation after them. */
const QUOTE_VERBS = new Set([
  'call',
  'called',
  'calls',
  'described',
  'describes',
  'characterized',
  'characterised',
  'characterizes',
  'characterises',
  'dubbed',
  'termed',
  'branded',
  'reads',
  'read',
]);
/** Verbs that are mostly not about saying ("found the body", "showed the way"): a cue only right before "that". */
const THAT_ONLY = new Set(['found', 'show', 'shows', 'showed']);
/** Capitalised words of places and dates: never part of a person's name. */
const NOT_NAME = new Set(
  `united states kingdom new york zealand south north east west republic city county region oblast island islands
  street avenue january february march april may june july august september october november december monday
  tuesday wednesday thursday friday saturday sunday god internet world cup day war olympics christmas recent
  but and so yet however meanwhile also still after before when while although though in on at as if
  then now thus later earlier instead hence yesterday today tomorrow england scotland wales britain ireland
  france germany spain italy europe africa asia america by`
    .split(/\s+/)
    .filter(Boolean),
);
const STATES = new Set(
  'russia ukraine moscow kyiv kiev washington beijing china london paris berlin brussels tehran iran israel nato minsk belarus warsaw poland ankara turkey'.split(
    ' ',
  ),
);
const NATIONALITY = /(?:ian|ean|ese|ish|ic|i|ch|an)$/;
/** Lower-case words for what an organisation is, right before its name: "grid operator Ukrenergo", "the energy company Naftogaz". */
const ORG_BEFORE_NAME = new Set(
  `company firm operator utility provider producer manufacturer maker carrier airline watchdog regulator giant group
  carmaker automaker chipmaker retailer lender insurer miner conglomerate developer housebuilder
  agency ministry organisation organization charity network broadcaster monitor`
    .split(/\s+/)
    .filter(Boolean),
);

/** What a politician is called by party, written before the name. */
const PARTY_MEMBERS = new Set(['Republican', 'Democrat', 'Democratic', 'Labour', 'Conservative', 'Tory', 'Liberal']);
const WEEKDAY = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
/** Trades that never open a name: "Developer Castlegate Homes" at a sentence's start is the business Castlegate Homes. */
const TRADE_TITLES = new Set(
  'developer housebuilder carmaker automaker chipmaker retailer lender insurer miner conglomerate manufacturer'.split(' '),
);

/** "points out that …": a verb of saying with its particle. */
const POINTED = new Set(['point', 'points', 'pointed']);
/** Verbs of arriving that make a cue with "to the conclusion that". */
const CONCLUDING = new Set(['came', 'come', 'comes', 'reached', 'reaches']);
/** Verbs of expecting: a claim only of experts who forecast ("Analysts at Barclays expect …"), not of anyone hoping. */
const FORECAST_VERBS = new Set(['estimate', 'expect', 'expects', 'forecast', 'forecasts']);
const FORECASTERS = new Set(['analysts', 'economists', 'scientists', 'researchers', 'experts', 'forecasters', 'strategists']);
/**
 * Every word the reading loop of englishCues acts on: any other word falls through all its cases, and is passed
 * over with one lookup instead of a test per case.
 */
const CUE_LOOP_WORDS = new Set([
  'according',
  ...FORECAST_VERBS,
  ...POINTED,
  'received',
  'citing',
  'quoted',
  'cited',
  ...CONCLUDING,
  ...GERUNDS,
  ...QUOTE_VERBS,
  ...EN_VERBS,
]);

/** Characters read around the cue words: a speaker phrase never reaches further. */
const WINDOW_BEFORE = 240;
const WINDOW_AFTER = 160;

export function englishCues(outside: string): SpeakerPhrase[] {
  // "“…,” - Matthew Ingram": a quotation signed with a dash and a name.
  const signed = mayBeSigned(outside) ? SIGNED_QUOTE.exec(outside) : null;
  if (signed) {
    const p = classify(tokenize(signed[1]!));
    if (p?.kind === 'person') return [{ ...p, at: signed.index }];
  }
  const cue = EN_CUE.exec(outside);
  if (!cue) return colonSpeaker(outside);
  // Tokenise only the stretch around the cue words; long sentences are mostly elsewhere.
  let last = cue.index;
  let unconditional = !CONDITIONAL_CUE.test(cue[0]);
  for (const m of allMatches(EN_CUE_ALL, outside.slice(cue.index + cue[0].length))) {
    last = cue.index + cue[0].length + m.index;
    if (!unconditional && !CONDITIONAL_CUE.test(m[0])) unconditional = true;
  }
  // Only "found the body" or "called the police": nothing to read, and no tokenising.
  if (!unconditional && !CONDITION_MET.test(outside) && !FINDING.test(outside)) return colonSpeaker(outside);
  const from = Math.max(0, cue.index - WINDOW_BEFORE);
  const to = Math.min(outside.length, last + WINDOW_AFTER);
  const t = from === 0 && to === outside.length ? tokenize(outside) : windowTokens(outside, from, to);
  // A sentence's first word is capitalised whatever it is: "Officials said", "Police said".
  const first = from === 0 ? t[0] : undefined;
  // …except an acronym: "WHO say", "US officials said".
  if (
    first?.cap &&
    !isAcronym(first) &&
    // ("Sunday Times reported": a weekday before a capitalised word opens a newspaper's name.)
    !(WEEKDAY.test(first.lower) && !!t[1]?.cap && !t[1].punct) &&
    (NOT_NAME.has(first.lower) ||
      EN_ROLE_WORDS.has(first.lower) ||
      COLLECTIVE_HEADS.has(first.lower) ||
      EN_DETERMINERS.has(first.lower) ||
      EN_PRONOUNS[first.lower] ||
      NOT_SPEAKERS.has(first.lower) ||
      // ("Developer Castlegate Homes says": what the business is, capitalised only because it opens the sentence.)
      (TRADE_TITLES.has(first.lower) && !!t[1]?.cap))
  )
    t[0] = { ...first, cap: false };
  const out: SpeakerPhrase[] = [];
  for (let i = 0; i < t.length; i++) {
    const tok = t[i]!;
    if (tok.punct || !CUE_LOOP_WORDS.has(tok.lower)) continue;
    const w = tok.lower;
    if (w === 'according' && t[i + 1]?.lower === 'to') {
      const p = forwardPhrase(t, i + 2) ?? dataSource(t, i + 2);
      // ("according to the union data": the data of a union named before, else of no one to print.)
      if (p?.kind === 'body-role' && describedData(t, i + 2)) out.push({ ...p, name: p.name.replace(/^the\s+/i, '') });
      else if (p) out.push(p);
      continue;
    }
    if (POINTED.has(w)) {
      if (t[i + 1]?.lower === 'out' && !tok.cap) {
        const p = verbCue(t, i);
        if (p) out.push(p);
      }
      continue;
    }
    if (w === 'received') {
      // "The foundation has received reports that access is restored": the receiver reports it.
      const what = t[i + 1]?.lower === 'a' ? t[i + 2] : t[i + 1];
      const that = t[t.indexOf(what!) + 1];
      if (what && /^(?:reports?|word|information|confirmation)$/.test(what.lower) && that?.lower === 'that') {
        const p = verbCue(t, i);
        if (p) out.push(p);
      }
      continue;
    }
    if (w === 'citing') {
      const p = forwardPhrase(t, i + 1);
      if (p && p.kind !== 'outlet') out.push({ ...p, at: tok.start });
      continue;
    }
    if (w === 'quoted' && PASSIVE.has(t[i - 1]?.lower ?? '') && t[i + 1]?.lower === 'as' && t[i + 2]?.lower === 'saying') {
      // "Bailey was quoted as saying …": the subject of the passive speaks.
      const j = i - 2;
      const subject = t[j];
      if (subject && EN_PRONOUNS[subject.lower] && (j === 0 || t[j - 1]!.punct))
        out.push({ kind: 'pronoun', name: subject.lower, attrs: [], pronoun: EN_PRONOUNS[subject.lower], at: tok.start });
      else if (subject && !subject.punct) {
        const p = backwardPhrase(t, j);
        if (p && p.kind !== 'outlet') out.push({ ...p, at: tok.start });
      }
      continue;
    }
    if ((w === 'quoted' || w === 'cited') && !PASSIVE.has(t[i - 1]?.lower ?? '')) {
      // "TASS quoted Peskov as saying" → Peskov.
      const as = t.findIndex((x, k) => k > i && x.lower === 'as' && t[k + 1]?.lower === 'saying');
      if (as > i && as - i <= 8) {
        const p = forwardPhrase(t, i + 1);
        if (p) out.push(p);
      }
      continue;
    }
    if (
      CONCLUDING.has(w) &&
      t[i + 1]?.lower === 'to' &&
      t[i + 2]?.lower === 'the' &&
      t[i + 3]?.lower === 'conclusion' &&
      t[i + 4]?.lower === 'that'
    ) {
      // "Montalvo came to the conclusion that …": a conclusion is a claim of the one who reached it
      // ("…, and came to the conclusion": of the sentence's subject).
      const p = t[i - 1]?.lower === 'and' ? (from === 0 ? subjectPhrase(t) : null) : verbCue(t, i);
      if (p && p.kind !== 'pronoun') out.push({ ...p, at: tok.start });
      continue;
    }
    if (GERUNDS.has(w) && i > 0 && !t[i - 1]!.punct && t[i - 1]!.cap) {
      // "…, with Boswell stating: …": the name right before the gerund speaks.
      const p = backwardPhrase(t, i - 1, true);
      if (p?.kind === 'person') out.push({ ...p, at: tok.start });
      continue;
    }
    if (GERUNDS.has(w) && t[i - 1]?.lower === ',' && from === 0) {
      // "Sunak defended the plan, saying …": the sentence's subject speaks.
      const p = subjectPhrase(t);
      if (p) out.push({ ...p, at: tok.start });
      continue;
    }
    if (
      /^call(?:s|ed)?$/.test(w) &&
      t[i + 1]?.lower === 'on' &&
      !tok.cap &&
      t.slice(i + 2, i + 10).some((x) => x.lower === 'to')
    ) {
      // "Sybiha called on allies to speed up deliveries": an appeal is its subject's.
      const p = verbCue(t, i);
      if (p) out.push(p);
      continue;
    }
    if (QUOTE_VERBS.has(w)) {
      // "Sybiha called the attack “a deliberate act of terror”": a verb of calling counts when a quotation follows.
      if ((!tok.cap || i === 0) && outside.indexOf('\u2022', tok.start) > 0) {
        const p = verbCue(t, i);
        if (p) out.push(p);
      }
      continue;
    }
    if (FORECAST_VERBS.has(w)) {
      const p = tok.cap ? null : verbCue(t, i);
      if (p?.kind === 'collective' && p.attrs.some((a) => FORECASTERS.has(a))) out.push(p);
      continue;
    }
    if (!EN_VERBS.has(w) || (tok.cap && i > 0)) continue;
    const next = t[i + 1];
    // "media reports range", "the United States", "added a goal": a noun or a plain verb, not a cue.
    if (NOUN_OR_VERB.has(w) && next && !next.punct && !next.cap && !FOLLOWS_CUE.has(next.lower)) continue;
    // "Covalent reports its results on Thursday": a company publishing its accounts, not a source speaking.
    if (/^report/.test(w) && publishedAccounts(t, i + 1)) continue;
    // ("Pressed on reports that …", "despite the claims that …": after a preposition or an article it is a noun.)
    if (NOUN_OR_VERB.has(w) && NOUN_BEFORE.test(t[i - 1]?.lower ?? '')) continue;
    if (
      WEAK_VERBS.has(w) &&
      next &&
      !next.punct &&
      !FOLLOWS_CUE.has(next.lower) &&
      !(REPORTED_LATER.has(w) && closingTime(t, i + 1))
    )
      continue;
    // ("conceded a penalty", "believed in him": these say what someone holds only before "that" or a mark.)
    if (THAT_OR_MARK.has(w) && next && !next.punct && next.lower !== 'that') continue;
    // "continued to run", "added to the list"? "to" heads an audience only when one follows: "explained to reporters".
    if (WEAK_VERBS.has(w) && next?.lower === 'to' && !addressed(t[i + 2])) continue;
    // ("…, the study showed." closes the sentence with its source.)
    if (THAT_ONLY.has(w) && (!next || next.punct)) {
      // "…, data from Freddie Mac show.": figures and whose they are close the sentence as its source.
      let c = i - 1;
      while (c >= 0 && i - c <= 14 && t[c]!.lower !== ',') c--;
      const p = c >= 0 && t[c]!.lower === ',' ? dataSource(t, c + 1) : null;
      if (p) {
        out.push({ ...p, at: tok.start });
        continue;
      }
    }
    // "Figures from Action Fraud show that …": whoever supplied the figures opening the sentence.
    if (THAT_ONLY.has(w) && next?.lower === 'that' && from === 0 && i <= 10) {
      const p = dataSource(t, 0);
      if (p) {
        // (Who supplies figures is an organisation, whatever its name looks like.)
        out.push({ ...p, kind: p.kind === 'person' ? 'body' : p.kind, at: tok.start });
        continue;
      }
    }
    const finder = i > 0 && FINDERS.has(t[i - 1]!.lower);
    if (THAT_ONLY.has(w) && next?.lower !== 'that' && !(finder && (!next || !next.punct))) continue;
    if (next && SAYS_NOTHING.has(next.lower)) continue;
    // "Marcus Delaney reported from Washington;": a reporter's credit, where the story was written.
    if (w === 'reported' && next?.lower === 'from' && t[i + 2]?.cap) {
      let e = i + 2;
      while (t[e]?.cap && !t[e]!.punct) e++;
      if (!t[e] || t[e]!.punct) continue;
    }
    // "declared a state of emergency": an act, not a statement.
    if (/^declar/.test(w) && DECLARED_ACTS.test(outside.slice(tok.start + tok.text.length, tok.start + tok.text.length + 40)))
      continue;
    const p = verbCue(t, i);
    // ("Records show that …": a plural verb has no one person for its subject.)
    if (p && w === 'show' && p.kind === 'person') continue;
    if (p) out.push(p);
  }
  if (!out.length) {
    // "A study published in The Lancet found that …": the study, as written (the journal only published it).
    const study = PUBLISHED_STUDY.exec(outside);
    if (study) return [{ kind: 'body', name: `${study[1]!.toLowerCase()} ${study[2]!}`, attrs: ['study'], at: 0 }];
  }
  if (!out.length) {
    // "A Gallup Korea survey released last week found that …": the pollster or body the survey is named by.
    const by = NAMED_SURVEY.exec(outside);
    const pollster = by ? classify(tokenize(by[1]!.trim())) : null;
    if (
      pollster &&
      (pollster.kind === 'body' || pollster.kind === 'outlet' || pollster.kind === 'person') &&
      pollster.name.includes(' ')
    )
      return [{ ...pollster, kind: pollster.kind === 'person' ? 'body' : pollster.kind, at: 0 }];
  }
  if (!out.length) {
    // "PC World's recent analysis of its own web traffic concluded, …": the owner of the study that speaks.
    const m = OWNED_FINDINGS.exec(outside);
    const owner = m ? classify(tokenize(m[1]!)) : null;
    if (owner && owner.kind !== 'pronoun' && m!.index + m![0].length < (EN_CUE.exec(outside)?.index ?? 0))
      return [{ ...owner, at: 0 }];
  }
  // "…, which he also denies, his lawyer told Reuters": a cue inside a relative clause is not the sentence's when another is.
  if (out.length > 1) {
    const main = out.filter((c) => !inRelativeClause(t, c));
    if (main.length) out.splice(0, out.length, ...main);
  }
  // "Kolomoisky …, his lawyer told Reuters": "his" may stand for someone named in the sentence who is not yet known as a
  // person; with capitalised words before, whose lawyers they are is told only when they are one name
  // ("Volkov will appeal, his lawyer said"), and the registry knows it as a person's.
  for (let c = out.length - 1; c >= 0; c--) {
    const cue = out[c]!;
    if (!cue.associates) continue;
    const named = t
      .map((x, k) =>
        x.start < cue.at && x.cap && !x.punct && !(k === 0 && (EN_DETERMINERS.has(x.lower) || NOT_NAME.has(x.lower))) ? k : -1,
      )
      .filter((k) => k >= 0);
    if (!named.length) continue;
    const oneRun = named.every((k, n) => n === 0 || k === named[n - 1]! + 1);
    if (oneRun && named.length <= 3) out[c] = { ...cue, owner: named.map((k) => t[k]!.text).join(' ') };
    else out.splice(c, 1);
  }
  // "Writing in a blog post, Matthew Ingram … dubbed it: “…”": the cue word found no speaker, the colon's subject does.
  if (from === 0) for (let c = 0; c < out.length; c++) out[c] = ownSubject(t, out[c]!) ?? out[c]!;
  return out.length ? out : colonSpeaker(outside);
}

/** The cue sits in a clause opened by ", which" or ", who" (up to its verb, with no comma between). */
function inRelativeClause(t: Token[], cue: SpeakerPhrase): boolean {
  const at = t.findIndex((x) => x.start >= cue.at);
  for (let k = (at < 0 ? t.length : at) - 1; k > 0; k--) {
    if (t[k]!.punct) return false;
    if (/^(?:which|who)$/.test(t[k]!.lower)) return t[k - 1]!.lower === ',';
  }
  return false;
}

/**
 * "Officials went to the station, where they claimed …": a pronoun in a later clause of the sentence stands for
 * the sentence's own subject when that is the only compatible one named before it.
 */
function ownSubject(t: Token[], cue: SpeakerPhrase): SpeakerPhrase | null {
  if (cue.kind !== 'pronoun' || (cue.pronoun !== 'person' && cue.pronoun !== 'plural')) return null;
  let at = t.findIndex((x) => x.start >= cue.at);
  // ("…, which he also denies": an adverb may stand between the pronoun and its verb.)
  if (at > 1 && /^(?:also|too|still|again|later|then|repeatedly|strongly|previously)$/.test(t[at - 1]!.lower)) at--;
  const pronoun = at > 0 ? t[at - 1] : undefined;
  if (!pronoun || at < 3 || (!isClauseWord(t[at - 2]!) && t[at - 2]!.lower !== ',')) return null;
  const subject = subjectPhrase(t);
  if (!subject) return null;
  const plural = cue.pronoun === 'plural';
  if (plural ? subject.kind !== 'collective' : subject.kind !== 'person') return null;
  // A lone capitalised first word may be any word ("Last year, she said", "Six weeks after …, she says"): only a
  // name of two words or more is sure to be one.
  if (!plural && !subject.name.includes(' ')) return null;
  // Another possible antecedent between the subject and the pronoun leaves it unresolved.
  const between = t.slice(0, at - 1);
  const head = subject.attrs[subject.attrs.length - 1];
  const rest = between.slice(between.findIndex((x) => stripPossessive(x.lower) === head) + 1);
  // (A group word naming another thing, "the police station", is no rival; a capital after "to", "in" or "at" is a place.)
  const rival = plural
    ? rest.some((x, i) => COLLECTIVE_HEADS.has(x.lower) && !(rest[i + 1] && !rest[i + 1]!.punct && !rest[i + 1]!.cap))
    : rest.some(
        (x, i) =>
          x.cap && !NOT_NAME.has(x.lower) && !(rest[i - 1]?.cap || /^(?:to|in|at|from|near|for)$/.test(rest[i - 1]?.lower ?? '')),
      );
  return rival ? null : { ...subject, at: cue.at };
}

/** "Maria Lopez shared her perspective: “…”": a clause ending in a colon that introduces a quotation is spoken by its subject. */
function colonSpeaker(outside: string): SpeakerPhrase[] {
  const p =
    outside.includes('\u2022') && QUOTE_AFTER_COLON.test(outside)
      ? subjectPhrase(tokenize(outside.slice(0, outside.lastIndexOf(':'))))
      : null;
  return p ? [{ ...p, at: 0 }] : [];
}

function verbCue(t: Token[], v: number): SpeakerPhrase | null {
  let j = v - 1;
  while (j >= 0 && SKIP_BEFORE_VERB.has(t[j]!.lower) && !t[j]!.cap) j--;
  // "on Friday said": skip the day with its preposition.
  if (j >= 1 && /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(t[j]!.lower) && t[j - 1]!.lower === 'on')
    j -= 2;
  // "the Portuguese Football Federation (FPF) said": the initials in brackets after the name.
  if (j >= 3 && t[j]!.lower === ')' && t[j - 2]!.lower === '(' && isAcronym(t[j - 1]!) && !t[j - 3]!.punct) j -= 3;
  const before = t[j];
  if (before && PASSIVE.has(before.lower)) {
    // "X was quoted/told …": passive, the subject is not the speaker, except "X was quoted as saying".
    return null;
  }
  // "No 10 said" (its "No" is no negation): the Prime Minister's office, named by its door number.
  if (before?.text === '10' && /^(?:no|number)$/.test(t[j - 1]?.lower ?? '') && (j === 1 || !!t[j - 2]!.punct))
    return { kind: 'body', name: `${t[j - 1]!.text} 10`, attrs: ['no', '10'], at: t[v]!.start };
  for (let k = Math.max(0, v - 3); k < v; k++) if (NEGATION.has(t[k]!.lower)) return null;
  if (before && EN_PRONOUNS[before.lower] && (j === 0 || t[j - 1]!.punct || isClauseWord(t[j - 1]!))) {
    return { kind: 'pronoun', name: before.lower, attrs: [], pronoun: EN_PRONOUNS[before.lower], at: t[v]!.start };
  }
  // "People familiar with the matter said": back to where the phrase opens.
  for (let k = j; k >= Math.max(0, j - 9) && before && !before.punct; k--) {
    if (t[k]!.punct) break;
    const familiar =
      t[k]!.lower === 'familiar'
        ? familiarPhrase(t, k - (/^(?:a|two|three|several)$/.test(t[k - 2]?.lower ?? '') ? 2 : 1))
        : null;
    if (familiar) return { ...familiar, at: t[v]!.start };
  }
  const back = before && !before.punct ? (backwardPhrase(t, j) ?? relativeClauseSubject(t, j)) : null;
  if (back) {
    // "the district and the police department have asserted": two speakers at once, none is printed.
    const edge = t.findIndex((x) => x.start >= 0 && x === t[j]) - back.attrs.length;
    // (…but "academic and professor Marc Lamont Hill" is one person with two roles.)
    const isRoleWord = (x: Token | undefined) => !!x && !x.cap && PERSON_ROLE_WORDS.has(x.lower);
    const coordinatedRoles = t[edge]?.lower === 'and' && isRoleWord(t[edge + 1]) && isRoleWord(t[edge - 1]);
    if (!coordinatedRoles && (/^(?:and|or|&)$/.test(t[edge]?.lower ?? '') || /^(?:and|or|&)$/.test(t[edge - 1]?.lower ?? '')))
      return null;
    return { ...back, at: t[v]!.start };
  }
  if (before?.lower === ',' && j >= 1) {
    // "Steve Whitmore, a representative for the sheriff's office, told …": skip the apposition.
    for (let k = j - 1; k >= Math.max(0, j - 28); k--) {
      if (t[k]!.lower !== ',') continue;
      const inner = t.slice(k + 1, j);
      // (Two roles joined by ", and", or an organisation's initials in brackets, stay inside one apposition.)
      const innerPunct = (x: Token, i: number) =>
        x.punct && !(x.lower === ',' && inner[i + 1]?.lower === 'and') && x.lower !== '(' && x.lower !== ')';
      // ("Christopher Waller, who has argued for a cut, said": a relative clause may hold a verb of saying.)
      const relative = /^(?:who|whose|which)$/.test(inner[0]?.lower ?? '');
      if (
        !inner.length ||
        inner.some((x, i) => innerPunct(x, i) || (!relative && EN_VERBS.has(x.lower) && !NOUN_OR_VERB.has(x.lower)))
      )
        break;
      const first = inner[0]!.lower;
      // "X, director of A, and chairman of B, says": the second role goes on to the comma before the first.
      if (first === 'and' && (inner[1]?.cap || EN_ROLE_WORDS.has(inner[1]?.lower ?? ''))) continue;
      // (…or a participle: "Emmanuel Macron, speaking after the meeting, said"; "the agency, known as HUR, said".)
      if (
        !EN_DETERMINERS.has(first) &&
        !EN_ROLE_WORDS.has(first) &&
        !inner[0]!.cap &&
        !/^(?:of|from|at|for|known|speaking|writing|citing|according|who|whose|which|\p{Ll}+ed)$/u.test(first) &&
        // ("The agency, in its monthly report, said": where it said it.)
        !(first === 'in' && inner.length <= 5 && EN_DETERMINERS.has(inner[1]?.lower ?? '')) &&
        // ("Maria Lopez, 67, said": her age.)
        !(inner.length === 1 && /^\d{1,3}$/.test(first))
      )
        break;
      // "The secretary general of CEI (Italian Episcopal Conference), Nunzio Galantino, said": the head is before the brackets.
      let h = k - 1;
      if (t[h]?.lower === ')') {
        while (h >= 0 && t[h]!.lower !== '(') h--;
        h--;
      }
      // ("Rebernik, 47, a former finance minister, told": the age between the name and the apposition.)
      if (h >= 2 && /^\d{1,3}$/.test(t[h]!.lower) && t[h - 1]!.lower === ',') h -= 2;
      const head = h >= 0 ? backwardPhrase(t, h) : null;
      // "Mozilla's CTO, Brendan Eich, acknowledged": a full name in the apposition is the speaker, the head its role.
      // ("The region's governor, Alexander Bogomaz, said": a role word before the comma is enough.)
      // ("The general secretary of the NFU, Peter Cole, said": …or a role heading the phrase before the comma.)
      const role = h >= 0 ? roleHeads(t, h) : -1;
      // ("The West Yorkshire Mayor, Tracy Brabin, said": a capitalised role word ends the phrase, which names no one.)
      const roleOnly =
        head?.kind === 'person' &&
        t[h]!.cap &&
        (PERSON_ROLE_WORDS.has(t[h]!.lower) || EN_TITLES.has(t[h]!.text)) &&
        head.name.endsWith(t[h]!.text);
      const named = (head && head.kind !== 'person') || roleOnly || (!head && role >= 0) ? classify(inner) : null;
      // ("A spokesperson for the Irish Data Protection Commission, which oversees …, said": the whole phrase before the clause.)
      if (head?.kind === 'person-role' && head.asWritten && relative) return { ...head, at: t[v]!.start };
      if (!head && role >= 0 && relative) {
        const opening = role > 0 && EN_DETERMINERS.has(t[role - 1]!.lower) ? role - 1 : role;
        const whole = opening === 0 || t[opening - 1]!.punct ? classify(t.slice(opening, h + 1)) : null;
        if (whole?.kind === 'person-role') return { ...whole, at: t[v]!.start };
      }
      // ("His wife, Margaret, said": a relative named by a first name alone is that person.)
      const kinWord = !head && h >= 1 && RELATIVES.has(t[h]!.lower) && /^(?:his|her|their)$/.test(t[h - 1]!.lower);
      if (kinWord && inner.length <= 2 && inner.every((x) => x.cap)) {
        const kin = classify(inner);
        if (kin?.kind === 'person') return { ...kin, attrs: [...kin.attrs, t[h]!.lower], at: t[v]!.start };
      }
      if (named?.kind === 'person' && named.name.includes(' ')) {
        named.attrs.push(...(head ? head.attrs : [t[role]!.lower, t[h]!.lower]));
        return { ...named, at: t[v]!.start };
      }
      // ("Tesco, in a statement, said": the phrase says where, not who.)
      if (head && head.kind !== 'pronoun' && first === 'in') return { ...head, at: t[v]!.start };
      // ("The Computer and Communications Industry Association, which represents large tech firms, said": a body's own
      // relative clause; a person's "which" clause describes something else.)
      const bodyClause = inner[0]!.lower !== 'which' || head?.kind === 'body';
      if (
        head &&
        bodyClause &&
        (head.kind === 'person' || head.kind === 'body' || (head.kind === 'collective' && inner[0]!.lower === 'who'))
      ) {
        head.attrs.push(...inner.map((x) => stripPossessive(x.lower)));
        // "Ukrenergo, the national grid operator, said": one word described as a business is that business.
        const business =
          head.kind === 'person' && !head.name.includes(' ') && ORG_BEFORE_NAME.has(inner[inner.length - 1]!.lower);
        return { ...head, kind: business ? 'body' : head.kind, at: t[v]!.start };
      }
      // "…, the Israeli military body that oversees aid, COGAT, said": an organisation's initials set off just before the verb.
      if (!head && inner.length === 1 && isAcronym(inner[0]!)) {
        const body = classify(inner);
        if (body?.kind === 'body' || body?.kind === 'outlet') return { ...body, at: t[v]!.start };
      }
      break;
    }
  }
  // A comma between the whole subject and its verb: "The Internet security firm Secunia.com, has said that …",
  // "Lydia Buchtmann for Food Standards Australia New Zealand, says …".
  // ("…, told the court that …": what follows "told" is whom it was told to, never the speaker.)
  const inverted =
    (!before || before.punct) && !TOLD.has(t[v]!.lower) && !clauseAfterPhrase(t, v + 1) && !clauseAfterName(t, v + 1)
      ? forwardPhrase(t, v + 1)
      : null;
  if (before?.lower === ',' && j >= 1 && j <= 12 && !inverted && (t[0]!.lower === 'the' || !CONNECTORS.has(t[0]!.lower))) {
    const subject = t.slice(0, j);
    const nounPhrase = subject.every(
      (x, i) =>
        !x.punct &&
        (x.cap ||
          EN_ROLE_WORDS.has(stripPossessive(x.lower)) ||
          CONNECTORS.has(x.lower) ||
          (i === 0 && EN_DETERMINERS.has(x.lower))),
    );
    if (nounPhrase) {
      // "Name Surname for/of/at the Organisation": the person speaks for it.
      const personFor =
        subject.length > 3 && subject[0]!.cap && subject[1]!.cap && /^(?:for|of|at|from)$/.test(subject[2]!.lower)
          ? classify(subject.slice(0, 2))
          : null;
      const p = personFor?.kind === 'person' ? personFor : classify(subject);
      if (p && p.kind !== 'pronoun') return { ...p, at: t[v]!.start };
    }
  }
  // Inverted: "…," said the ministry / "…" said Ambassador Mohib.
  if (inverted && inverted.kind !== 'pronoun') return { ...inverted, at: t[v]!.start };
  return null;
}

const TOLD = new Set(['told', 'tells', 'tell']);
/** Family words that a first name in apposition names: "His wife, Margaret, said". */
const RELATIVES = new Set(
  'wife husband partner son daughter mother father brother sister widow widower fiancee fiancée fiance fiancé grandson granddaughter'.split(
    ' ',
  ),
);

/**
 * "Investors who gathered outside the court said": a group or a person with a relative clause and no commas, read
 * from the "who" back; only a group or a person, and only when the sentence opens with it.
 */
function relativeClauseSubject(t: Token[], j: number): SpeakerPhrase | null {
  // ("Parents who said they …": a verb right after "who" is the relative clause's own.)
  for (let k = j - 1; k > 0 && j - k < 10; k--) {
    const x = t[k]!;
    if (x.punct || EN_VERBS.has(x.lower)) return null;
    if (x.lower !== 'who') continue;
    const p = backwardPhrase(t, k - 1);
    const opens = k - 1 - (p?.attrs.length ?? 0);
    return p &&
      (p.kind === 'collective' || p.kind === 'person') &&
      (opens < 0 || t[opens]!.punct || EN_DETERMINERS.has(t[opens]!.lower))
      ? p
      : null;
  }
  return null;
}

/** What declaring does rather than says: "declared a state of emergency", "declared war", "declared bankruptcy". */
const DECLARED_ACTS =
  /^\s+(?:(?:a|an)\s+)?(?:state of (?:emergency|disaster|alert|siege|war)|(?:local |national |public )?(?:emergency|disaster)\b|martial law|war\b|victory|bankruptcy|independence|(?:a |an )?(?:national )?(?:holiday|day of mourning|ceasefire|truce|curfew))/i;

/** Words that may follow an inverted speaker before the sentence ends: "…, said the ministry in a statement". */
const AFTER_INVERTED = new Set([
  'who',
  'which',
  'in',
  'at',
  'on',
  'after',
  'before',
  'during',
  'when',
  'while',
  'late',
  'earlier',
  'last',
  'this',
  'on',
  'told',
  'adding',
  'citing',
]);

/**
 * ", said investors had lost patience": a plain plural noun after the verb opens what was said, not who said it.
 * True when the words from token k run as a bare noun phrase straight into a word that goes on with a clause.
 */
function clauseAfterPhrase(t: Token[], k: number): boolean {
  const head = t[k];
  if (!head || head.punct || head.cap || EN_DETERMINERS.has(head.lower)) return false;
  const next = t[k + 1];
  return (
    !!next &&
    !next.punct &&
    !next.cap &&
    !AFTER_INVERTED.has(next.lower) &&
    !CONNECTORS.has(next.lower) &&
    !EN_ROLE_WORDS.has(next.lower)
  );
}

/**
 * ", said the Digital Services Act was being applied": a named thing after the verb that runs straight into a
 * lower-case word (a verb) is the subject of what was said, not an inverted speaker.
 */
function clauseAfterName(t: Token[], k: number): boolean {
  let i = k;
  if (t[i] && EN_DETERMINERS.has(t[i]!.lower) && !t[i]!.cap) i++;
  const opens = i;
  while (t[i] && !t[i]!.punct && (t[i]!.cap || (i > opens && CONNECTORS.has(t[i]!.lower) && t[i + 1]?.cap))) i++;
  const next = t[i];
  return (
    i > opens &&
    !!next &&
    !next.punct &&
    !next.cap &&
    !AFTER_INVERTED.has(next.lower) &&
    !CONNECTORS.has(next.lower) &&
    !EN_ROLE_WORDS.has(stripPossessive(next.lower))
  );
}

/**
 * Where a person's role word ends the noun phrase at token h, or heads it before "of the …" ("the general secretary
 * of the NFU", "the governor of the Belgorod region", "a retired teacher from Ohio"); -1 when none does.
 */
function roleHeads(t: Token[], h: number): number {
  for (let k = h; k >= Math.max(0, h - 8); k--) {
    const x = t[k]!;
    if (x.punct) return -1;
    // ("The West Yorkshire Mayor, Tracy Brabin": a title may close the phrase capitalised.)
    const role = PERSON_ROLE_WORDS.has(x.lower) && (!x.cap || (k === h && k > 0 && EN_TITLES.has(x.text)));
    if (role) return k === h || /^(?:of|for|at|from)$/.test(t[k + 1]!.lower) ? k : -1;
    // (Any other lower-case word may describe the place: "the mayor of the coastal town".)
    if (!x.cap && (EN_VERBS.has(x.lower) || isClauseWord(x))) return -1;
  }
  return -1;
}

/** Lower-case particles inside a person's name: "Ruben del Campo", "Ursula von der Leyen". */
const NAME_PARTICLES = new Set('de del della di da dos das do du la le van von der den ter ten bin al'.split(' '));

/** A particle between capitalised words of a name (or between such a word and another particle). */
function inName(t: Token[], k: number): boolean {
  const x = t[k]!;
  if (!NAME_PARTICLES.has(x.text)) return false;
  const capOrParticle = (y: Token | undefined) => !!y && !y.punct && (y.cap || NAME_PARTICLES.has(y.text));
  const prev = t[k - 1];
  const next = t[k + 1];
  // The run must begin and end with capitalised words: look past a second particle.
  const before = prev && NAME_PARTICLES.has(prev.text) ? t[k - 2] : prev;
  const after = next && NAME_PARTICLES.has(next.text) ? t[k + 2] : next;
  return capOrParticle(prev) && capOrParticle(next) && !!before?.cap && !!after?.cap && !before.punct && !after.punct;
}

/** "WHO", "UN": an organisation's initials, never the word they spell. */
function isAcronym(tok: Token): boolean {
  return /^[A-Z]{2,}$/.test(tok.text);
}

/** A colon followed only by a quotation (blanked to • by quotes.ts) and its closing punctuation, up to the sentence's end. */
export const QUOTE_AFTER_COLON = /:\s*["“«„]?[\s\u2022]*\u2022[\s\u2022]*["”»“]?\s*[.!?]?\s*["”»]?\s*$/;
const SUBJECT_KINDS = new Set(['person', 'body', 'collective', 'person-role', 'body-role']);

/**
 * The noun phrase opening a sentence ("Prime Minister Rishi Sunak", "Ukraine's air force"), when
 * a verb follows it directly: names, roles and determiners up to the first other word.
 */
function subjectPhrase(t: Token[]): SpeakerPhrase | null {
  const p = subjectAt(t);
  if (p) return p;
  // "During Prime Minister's Questions Wednesday, Sunak defended …": the subject follows an opening adverbial.
  const first = t[0]?.lower ?? '';
  const comma = t.findIndex((x) => x.lower === ',');
  if (
    comma > 0 &&
    comma <= 10 &&
    (/ing$/.test(first) ||
      CONNECTORS.has(first) ||
      /^(?:as|after|before|when|while|with|by|from|during|earlier|later|meanwhile)$/.test(first))
  )
    return subjectAt(t.slice(comma + 1).map((x, i) => (i === 0 && EN_DETERMINERS.has(x.lower) ? { ...x, cap: false } : x)));
  return null;
}

function subjectAt(t: Token[]): SpeakerPhrase | null {
  let k = 0;
  while (
    k < t.length &&
    !t[k]!.punct &&
    (t[k]!.cap || EN_ROLE_WORDS.has(stripPossessive(t[k]!.lower)) || (k === 0 && EN_DETERMINERS.has(t[k]!.lower)))
  )
    k++;
  if (k > 0 && t[k]?.lower === ',') return appositiveSubject(t, k);
  if (k === 0 || k >= t.length || t[k]!.punct) return null;
  const first = t[0]!;
  // "Writing in a blog post, …", "In a statement …", "Asked about the deal, …": the sentence opens with something else.
  if (
    /ing$/.test(first.lower) ||
    (/ed$/.test(first.lower) && /^(?:about|by|whether|if|on|to|for|at|what|how|why|in)$/.test(t[1]?.lower ?? '')) ||
    CONNECTORS.has(first.lower) ||
    /^(?:as|after|before|when|while|with|by|from)$/.test(first.lower)
  )
    return null;
  const words = t
    .slice(0, k)
    .map((x, i) =>
      i === 0 && (EN_DETERMINERS.has(first.lower) || EN_PRONOUNS[first.lower] || NOT_NAME.has(first.lower))
        ? { ...x, cap: false }
        : x,
    );
  if (words.length === 1 && EN_PRONOUNS[first.lower])
    return { kind: 'pronoun', name: first.lower, attrs: [], pronoun: EN_PRONOUNS[first.lower], at: 0 };
  const p = classify(words);
  return p && SUBJECT_KINDS.has(p.kind) ? p : null;
}

/** The body a sentence opens with as its subject ("The Securities and Exchange Commission has filed …"), or null. */
/**
 * All that bodySubject reads of a sentence: up to the end of its first word (after the first) in lower case that
 * is not a connector, the verb after a capitalised subject ("The Bank of England kept"), at most 160 characters.
 * Cut at white space, its tokens are the first tokens of the whole; most sentences are read no further than that.
 */
function subjectStretch(outside: string): string {
  const limit = Math.min(outside.length, 160);
  // Words are runs of non-white space (/\S+/), read by their codes: no match object per word.
  for (let n = 0, i = skipSpace(outside, 0); i < limit; n++) {
    let end = i;
    while (end < outside.length && !isWhiteSpaceCode(outside.charCodeAt(end))) end++;
    if (n > 0 && startsLowerCase(outside, i)) {
      const w = outside.slice(i, end);
      if (!CONNECTORS.has(w.toLowerCase()) && w !== 'and') return outside.slice(0, Math.min(limit, end));
    }
    i = skipSpace(outside, end);
  }
  return outside.slice(0, limit);
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isWhiteSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

const LOWER_CASE = /^\p{Ll}/u;
/** LOWER_CASE's answer per BMP code unit, filled on first sight: 1 lower-case letter, 2 not. */
const LOWER_UNIT = new Uint8Array(65536);

/** Whether the code point at i is a lower-case letter, as /^\p{Ll}/u reads the text from i. */
function startsLowerCase(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 97 && c <= 122;
  if (c >= 0xd800 && c <= 0xdfff) return LOWER_CASE.test(text.slice(i, i + 2));
  let k = LOWER_UNIT[c]!;
  if (k === 0) LOWER_UNIT[c] = k = LOWER_CASE.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

export function bodySubject(outside: string): SpeakerPhrase | null {
  if (!/^(?:The\s+)?\p{Lu}/u.test(outside)) return null;
  const t = tokenize(subjectStretch(outside));
  let k = t[0]?.lower === 'the' ? 1 : 0;
  const first = k;
  while (k < t.length && !t[k]!.punct && (t[k]!.cap || (k > first && joinsName(t[k]!) && t[k + 1]?.cap))) k++;
  // (A verb must follow: "The Bank of England kept …", not "The Bank of England's decision …".)
  if (k === first || !t[k] || t[k]!.punct || t[k]!.cap || t[k - 1]!.lower.endsWith("'s")) return null;
  const p = classify(t.slice(0, k));
  return p?.kind === 'body' ? p : null;
}

/** A word that joins the capitalised words of one name: "of", "and" ("Bank of England"). */
function joinsName(x: Token): boolean {
  return CONNECTORS.has(x.lower) || x.lower === 'and';
}

/** "Rachel Stephens, senior analyst at RedMonk, shared …": a full name, an apposition set off by commas, then a lower-case verb. */
function appositiveSubject(t: Token[], comma: number): SpeakerPhrase | null {
  const name = classify(t.slice(0, comma));
  if (name?.kind !== 'person' || !name.name.includes(' ')) return null;
  const close = t.findIndex((x, i) => i > comma && x.lower === ',');
  if (close < 0 || close - comma > 16 || t.slice(comma + 1, close).some((x) => x.punct)) return null;
  const verb = t[close + 1];
  // (Not "…, and her team published": a second subject.)
  const notVerb = /^(?:and|or|nor|but|with|as|who|which|whose|his|her|their|its|plus)$/;
  return verb &&
    !verb.cap &&
    !verb.punct &&
    !EN_DETERMINERS.has(verb.lower) &&
    !CONNECTORS.has(verb.lower) &&
    !notVerb.test(verb.lower)
    ? name
    : null;
}

function isClauseWord(tok: Token): boolean {
  return /^(?:and|but|as|so|that|because|while|when|where|which|after|before|then|later|also|yet|although|though)$/.test(
    tok.lower,
  );
}

/** Up to three plain words at token k, between a possessive name ("the UN's") and a body's head word read so far. */
function ownerOfBody(t: Token[], k: number, words: Token[]): boolean {
  if (words.length !== 1 || words[0]!.cap || !BODY_HEADS.has(words[0]!.lower)) return false;
  for (let i = k; i >= Math.max(0, k - 3); i--) {
    const x = t[i]!;
    if (x.punct || EN_DETERMINERS.has(x.lower) || CONNECTORS.has(x.lower)) return false;
    if (x.cap) return /^\p{Lu}[\p{L}.-]*['’]s$/u.test(x.text) && t[i - 1]?.lower === 'the';
  }
  return false;
}

/** The speaker phrase ending at token j, read leftwards. */
function backwardPhrase(t: Token[], j: number, afterPreposition = false): SpeakerPhrase | null {
  // "A Ukrainian commander in the area said": where someone described by their role is, left out of what they are.
  if (
    j >= 3 &&
    !t[j]!.cap &&
    !t[j]!.punct &&
    !EN_ROLE_WORDS.has(t[j]!.lower) &&
    t[j - 1]!.lower === 'the' &&
    /^(?:in|at|near|on)$/.test(t[j - 2]!.lower) &&
    !t[j - 3]!.cap &&
    PERSON_ROLE_WORDS.has(t[j - 3]!.lower)
  )
    j -= 3;
  const words: Token[] = [];
  let k = j;
  while (k >= 0 && words.length < 14) {
    const x = t[k]!;
    if (x.punct) break;
    if (x.cap || EN_ROLE_WORDS.has(stripPossessive(x.lower))) words.unshift(x);
    else if (words[0] && (words[0].cap || NAME_PARTICLES.has(words[0].text)) && inName(t, k)) words.unshift(x);
    else if (plainBodyModifier(t, k, words)) words.unshift(x);
    else if (x.lower === 'joint' && words.length === 1 && ISSUED.has(words[0]!.lower)) words.unshift(x);
    // ("the suspect's family": whose family it is.)
    else if (words.length === 1 && words[0]!.lower === 'family' && /['’]s$/.test(x.lower)) words.unshift(x);
    // ("The Computer and Communications Industry Association": "and" inside one organisation's name after "the".)
    else if (
      x.lower === 'and' &&
      words[0]?.cap &&
      ORG_CAP.has(words[words.length - 1]!.lower) &&
      t[k - 1]?.cap &&
      capitalisedAfterThe(t, k - 1)
    )
      words.unshift(x);
    // ("the Department of Health and Social Care": "and" joining the fields after an organisation's "of" or "for".)
    else if (
      x.lower === 'and' &&
      words[0]?.cap &&
      t[k - 1]?.cap &&
      /^(?:of|for)$/.test(t[k - 2]?.lower ?? '') &&
      !!t[k - 3]?.cap &&
      ORG_CAP.has(t[k - 3]!.lower)
    )
      words.unshift(x);
    // ("German industrial group Veltra": the trade tells a business from other groups.)
    else if (words[0] && ORG_BEFORE_NAME.has(words[0].lower) && TRADES.has(x.lower)) words.unshift(x);
    else if (ownerOfBody(t, k, words)) {
      // "the UN's nuclear watchdog", "the UN's human rights monitoring mission": what a named owner's body does.
      while (!t[k]!.cap) words.unshift(t[k--]!);
      continue;
    } else if (EN_DETERMINERS.has(x.lower)) {
      words.unshift(x);
      // "The Institute for the Study of War": "the" inside a name goes on to the capitalised word before its preposition.
      const inside =
        x.lower === 'the' &&
        k >= 2 &&
        CONNECTORS.has(t[k - 1]!.lower) &&
        t[k - 1]!.lower !== 'the' &&
        t[k - 2]!.cap &&
        ORG_CAP.has(t[k - 2]!.lower);
      // ("A spokesperson for the FBI said": the body a spokesperson speaks for.)
      const spokenFor =
        x.lower === 'the' && k >= 2 && /^(?:for|of)$/.test(t[k - 1]!.lower) && SPEAKS_FOR.has(t[k - 2]!.lower) && !!words[1]?.cap;
      if (!inside && !spokenFor) break;
    } else if (
      CONNECTORS.has(x.lower) &&
      words.length > 0 &&
      (words[0]!.cap || (words[0]!.lower === 'the' && !!words[1]?.cap)) &&
      k > 0 &&
      (t[k - 1]!.cap || EN_ROLE_WORDS.has(t[k - 1]!.lower) || (x.lower === 'the' && CONNECTORS.has(t[k - 1]!.lower)))
    )
      words.unshift(x);
    else break;
    k--;
  }
  const untrimmed = words.length;
  while (words.length && CONNECTORS.has(words[0]!.lower) && !EN_DETERMINERS.has(words[0]!.lower)) words.shift();
  // "a letter seen by Sky News says": the phrase is the object of a preposition, not the speaker.
  const before = t[j - untrimmed];
  const phrase = classify(words);
  // (A full name after an organisation's, "… of the Council on Islamic Relations Alia Salem said", is the speaker.)
  const beforeThat = t[j - untrimmed - 1];
  // (…but "70% of respondents said" is the respondents speaking, and "a 2017 report by the Department of State noted" the department.)
  const shareOfGroup =
    before?.lower === 'of' &&
    phrase?.kind === 'collective' &&
    !!beforeThat &&
    /^(?:\d.*|%|\)|half|most|majority|minority|third|thirds|quarter|quarters|many|some|all|none|few|two|three|four|five)$/.test(
      beforeThat.lower,
    );
  const documentBy = before?.lower === 'by' && !!beforeThat && DOCUMENT_WORDS.has(beforeThat.lower);
  // "Prof Julia Steinberger of the University of Lausanne said": the person named before the body they are from.
  if (
    !afterPreposition &&
    before?.lower === 'of' &&
    untrimmed === words.length &&
    (phrase?.kind === 'body' || phrase?.kind === 'outlet')
  ) {
    const person = fullNameEndingAt(t, j - untrimmed - 1);
    if (person) return person;
  }
  // "The chief executive of battery maker Voltaris has denied": a name behind plain words after "of" is the object of
  // that preposition; the subject is the phrase before it, which is not read here.
  if (
    !afterPreposition &&
    before &&
    !before.punct &&
    !before.cap &&
    !EN_DETERMINERS.has(before.lower) &&
    untrimmed === words.length
  )
    for (let k = j - untrimmed - 1; k >= 0 && k >= j - untrimmed - 3; k--) {
      const x = t[k]!;
      if (x.punct || x.cap) break;
      if (/^(?:of|at|for|from|with)$/.test(x.lower)) return null;
    }
  if (
    !afterPreposition &&
    !shareOfGroup &&
    !documentBy &&
    untrimmed === words.length &&
    before &&
    /^(?:by|of|to|from|with|for|about|against|than|outside|inside|near|at|in|on|into|behind|across|around|beside|among|within)$/.test(
      before.lower,
    ) &&
    !(phrase?.kind === 'person' && phrase.name.includes(' ') && words.some((x) => ORG_CAP.has(x.lower)))
  ) {
    // "Officials at the commission said", "Members of the committee said": the group is the speaker, as written.
    const opens = j - untrimmed - 2;
    // ("Local authorities in the Kharkiv region said": one word may describe the group at the clause's start.)
    const described = opens >= 0 && describesGroupAt(t, opens) ? t[opens]! : null;
    const group =
      !!beforeThat &&
      !beforeThat.punct &&
      COLLECTIVE_HEADS.has(beforeThat.lower) &&
      /^(?:of|from|at|in)$/.test(before.lower) &&
      (opens < 0 || t[opens]!.punct || !!described) &&
      words.every((x) => !x.punct);
    return group
      ? {
          kind: 'collective',
          name: [...(described ? [described] : []), beforeThat, before, ...words].map((x) => x.text).join(' '),
          attrs: [beforeThat.lower],
          at: 0,
        }
      : null;
  }
  return phrase;
}

/** A word opening a clause that describes the group named after it: "Local", "Ukrainian", "Two" (no verb, no pronoun). */
function describesGroupAt(t: Token[], k: number): boolean {
  const x = t[k]!;
  return (
    !x.punct &&
    (k === 0 || !!t[k - 1]!.punct) &&
    !EN_VERBS.has(x.lower) &&
    !isClauseWord(x) &&
    !EN_PRONOUNS[x.lower] &&
    !EN_DETERMINERS.has(x.lower) &&
    !CONNECTORS.has(x.lower)
  );
}

const ACCOUNTS = /^(?:results|earnings|profits?|losses?|sales|revenues?)$/;
const PERIOD = /^(?:quarterly|annual|interim|full-year|half-year|(?:first|second|third|fourth)-quarter)$/;
/** From token `k`: "its results", "quarterly earnings", "its annual results". */
function publishedAccounts(t: Token[], k: number): boolean {
  if (/^(?:its|their)$/.test(t[k]?.lower ?? '')) k++;
  if (ACCOUNTS.test(t[k]?.lower ?? '')) return true;
  return PERIOD.test(t[k]?.lower ?? '') && ACCOUNTS.test(t[k + 1]?.lower ?? '');
}

/** Weak verbs that report what was said or found, when a time phrase closes the sentence after them. */
const REPORTED_LATER = new Set([
  'estimated',
  'predicted',
  'revealed',
  'disclosed',
  'noted',
  'concluded',
  'indicated',
  'acknowledged',
  'admitted',
  'observed',
  'suggested',
]);

/** ("…, the group estimated last month.") A time phrase from token `k` that closes the sentence. */
function closingTime(t: Token[], k: number): boolean {
  if (!/^(?:last|earlier|this)$/.test(t[k]?.lower ?? '')) return false;
  if (t[k]!.lower === 'earlier' && t[k + 1]?.lower === 'this') k++;
  return (
    /^(?:week|month|year|night|weekend|spring|summer|autumn|winter)$/.test(t[k + 1]?.lower ?? '') &&
    (!t[k + 2] || !!t[k + 2]!.punct)
  );
}

/** ("the US National Oceanic and Atmospheric Administration") Capitalised words back from token `k` open on "the". */
function capitalisedAfterThe(t: Token[], k: number): boolean {
  for (let n = 0; k >= 0 && n < 5; k--, n++) if (!t[k]!.cap || t[k]!.punct) return t[k]!.lower === 'the';
  return false;
}

/** A person's full name (two to four capitalised words, a title allowed) opening a clause and ending at token `end`. */
function fullNameEndingAt(t: Token[], end: number): SpeakerPhrase | null {
  let k = end;
  while (k >= 0 && t[k]!.cap && !t[k]!.punct) k--;
  const run = t.slice(k + 1, end + 1);
  if (run.length < 2 || run.length > 4 || (k >= 0 && !t[k]!.punct) || ORG_CAP.has(run[run.length - 1]!.lower)) return null;
  const p = classify(run);
  return p?.kind === 'person' && p.name.includes(' ') ? p : null;
}

/**
 * "…, the state statistics service said": plain words between a clause-opening "the" and a body's head word
 * describe that body (at most two of them, with no capital anywhere).
 */
function plainBodyModifier(t: Token[], k: number, words: Token[]): boolean {
  const head = words[words.length - 1];
  if (!head || !BODY_HEADS.has(head.lower) || words.some((w) => w.cap || !EN_ROLE_WORDS.has(w.lower))) return false;
  const plain = (w: Token | undefined) =>
    !!w &&
    !w.punct &&
    !w.cap &&
    /^\p{Ll}+$/u.test(w.text) &&
    !CONNECTORS.has(w.lower) &&
    !EN_VERBS.has(w.lower) &&
    !isClauseWord(w);
  if (!plain(t[k])) return false;
  const the = t[k - 1]?.lower === 'the' ? k - 1 : plain(t[k - 1]) && t[k - 2]?.lower === 'the' ? k - 2 : -1;
  return the >= 0 && (the === 0 || !!t[the - 1]!.punct);
}

/**
 * "Institute for the Study of War": after an organisation's head word and a preposition, the name goes on through
 * a further "of", so it is never cut short at "the Study" (a place after "in" or "at" stays out).
 */
function insideOrganisationName(words: Token[]): boolean {
  return words.some((x, k) => x.cap && ORG_CAP.has(x.lower) && CONNECTORS.has(words[k + 1]?.lower ?? ''));
}

/**
 * "people familiar with the matter", "a source familiar with the talks": unnamed people who know, as written,
 * from token k (at "people" or "sources") to the end of the clause; null when the words there are not that.
 */
function familiarPhrase(t: Token[], k: number): SpeakerPhrase | null {
  let i = k;
  if (/^(?:a|two|three|several)$/.test(t[i]?.lower ?? '')) i++;
  if (!/^(?:people|person|sources?|officials?)$/.test(t[i]?.lower ?? '') || t[i + 1]?.lower !== 'familiar') return null;
  if (t[i + 2]?.lower !== 'with') return null;
  let e = i + 3;
  while (e < t.length && !t[e]!.punct && e - i < 8 && !EN_VERBS.has(t[e]!.lower)) e++;
  const words = t.slice(k, e);
  return { kind: 'collective', name: words.map((x) => x.text).join(' '), attrs: [t[i]!.lower], at: t[k]!.start, asWritten: true };
}

/** The speaker phrase starting at token k, read rightwards, with "the coach, Alireza Mehraban," appositions. */
function forwardPhrase(t: Token[], k: number): SpeakerPhrase | null {
  const familiar = familiarPhrase(t, k);
  if (familiar) return familiar;
  const words: Token[] = [];
  let i = k;
  if (t[i] && EN_DETERMINERS.has(t[i]!.lower)) words.push(t[i++]!);
  // "according to the event website": a document with plain words before it, ending the clause.
  if (words[0]?.lower === 'the') {
    let d = i;
    while (d < i + 3 && t[d] && !t[d]!.punct && !t[d]!.cap && !RESEARCH_DOCS.has(t[d]!.lower)) d++;
    if (t[d] && RESEARCH_DOCS.has(t[d]!.lower) && (!t[d + 1] || t[d + 1]!.punct)) {
      const p = classify([...words, ...t.slice(i, d + 1)]);
      if (p) return { ...p, at: t[k]?.start ?? 0 };
    }
  }
  // "according to the tracking firm AdImpact": what a business is, before its name.
  if (words.length <= 1) {
    const d = TRADES.has(t[i]?.lower ?? '') ? i + 1 : i;
    if (ORG_BEFORE_NAME.has(t[d]?.lower ?? '') && t[d + 1]?.cap && !t[d + 1]!.punct) {
      words.push(...t.slice(i, d + 1));
      i = d + 1;
    }
  }
  while (i < t.length && words.length < 14) {
    const x = t[i]!;
    if (x.punct) break;
    if (x.cap || EN_ROLE_WORDS.has(stripPossessive(x.lower))) words.push(x);
    else if (words.length > 0 && inName(t, i)) words.push(x);
    else if (x.lower === 'joint' && ISSUED.has(t[i + 1]?.lower ?? '')) words.push(x);
    else if (
      CONNECTORS.has(x.lower) &&
      x.lower !== 'the' &&
      words.length > 0 &&
      (!words[words.length - 1]!.cap ||
        EN_TITLES.has(words[words.length - 1]!.text) ||
        ORG_CAP.has(words[words.length - 1]!.lower) ||
        (x.lower === 'of' && insideOrganisationName(words)) ||
        (x.lower === 'in' && insideOrganisationName(words) && FIELD_OF_STUDY.test(t[i + 1]?.text ?? ''))) &&
      (t[i + 1]?.cap || (t[i + 1]?.lower === 'the' && t[i + 2]?.cap))
    )
      words.push(x);
    else if (x.lower === 'the' && CONNECTORS.has(words[words.length - 1]?.lower ?? '') && t[i + 1]?.cap) words.push(x);
    else break;
    i++;
  }
  while (words.length && CONNECTORS.has(words[words.length - 1]!.lower)) words.pop();
  // "the Organization for Security and Co-operation in Europe": a name that goes on past "and" is not cut short there.
  // ("…, according to the Department of Forestry and Fire Protection.": one that ends the clause is read whole.)
  if (t[i]?.lower === 'and' && t[i + 1]?.cap && insideOrganisationName(words)) {
    let e = i + 1;
    while (e < t.length && t[e]!.cap && !t[e]!.punct && e - i <= 4) e++;
    const tail = t[e - 1]!;
    const fieldWord = ORG_CAP.has(tail.lower) || FIELD_OF_STUDY.test(tail.text) || FIELD_ENDING.test(tail.lower);
    if ((e < t.length && !t[e]!.punct) || !fieldWord) return null;
    words.push(...t.slice(i, e));
    i = e;
  }
  // "according to CME Group's FedWatch tool": capitalised words before a plain noun name what the thing is;
  // whose it is, if anyone's, is the source.
  const noun = t[i];
  if (
    noun &&
    !noun.punct &&
    !noun.cap &&
    words[words.length - 1]?.cap &&
    (!t[i + 1] || t[i + 1]!.punct) &&
    !CONNECTORS.has(noun.lower) &&
    !isClauseWord(noun) &&
    !EN_VERBS.has(noun.lower) &&
    !DATA_WORDS.has(noun.lower) &&
    !DOCUMENT_WORDS.has(noun.lower) &&
    !RESEARCH_DOCS.has(noun.lower)
  ) {
    const owner = words.findLastIndex((x) => /['’]s$/.test(x.text));
    if (owner < 0 || owner === words.length - 1) return null;
    words.splice(owner + 1);
    words[owner] = { ...words[owner]!, text: words[owner]!.text.slice(0, -2), lower: stripPossessive(words[owner]!.lower) };
  }
  let phrase = classify(words);
  // "a statement from the ministry", "a post by X": the source is what follows.
  const last = words[words.length - 1]?.lower;
  if (last && DOCUMENT_WORDS.has(last) && /^(?:from|by|of|on)$/.test(t[i]?.lower ?? '')) {
    const inner = forwardPhrase(t, i + 1);
    if (inner) phrase = inner;
  }
  // Apposition with a name: "the Afghan team's coach, Alireza Mehraban".
  if (t[i]?.lower === ',' && phrase?.kind !== 'person') {
    const names: Token[] = [];
    let n = i + 1;
    while (n < t.length && t[n]!.cap && !t[n]!.punct && names.length < 4) names.push(t[n++]!);
    const person = names.length >= 2 ? classify(names) : null;
    // ("the study's lead author, Elena Marsh of the London School of Hygiene": where the person works may follow.)
    const affiliation = /^(?:of|from|at)$/.test(t[n]?.lower ?? '') && (!!t[n + 1]?.cap || t[n + 1]?.lower === 'the');
    if (person?.kind === 'person' && (!t[n] || t[n]!.punct || affiliation)) {
      person.attrs.push(...words.map((x) => stripPossessive(x.lower)));
      phrase = person;
    }
  }
  return phrase ? { ...phrase, at: t[k]?.start ?? 0 } : null;
}

/** Who speaks on behalf of a body named after "for the" or "of the". */
const SPEAKS_FOR = new Set(['spokesperson', 'spokesman', 'spokeswoman', 'representative', 'representatives']);
/** Those who speak for a person: "his lawyers", "her spokesman". */
const ASSOCIATES = new Set(['lawyer', 'lawyers', 'attorney', 'attorneys', 'spokesman', 'spokeswoman', 'spokesperson', 'aides']);
const lowerText = (xs: Token[]) => xs.map((x) => x.lower).join(' ');

/** Figures and data are no speaker; whoever supplied them is: "according to 2015 figures supplied by Maori TV". */
const DATA_WORDS = new Set([
  'figures',
  'data',
  'statistics',
  'estimates',
  'numbers',
  'results',
  'records',
  'polling',
  'calculations',
]);
function dataSource(t: Token[], k: number): SpeakerPhrase | null {
  let i = k;
  while (i < t.length && i - k < 4 && !t[i]!.punct && !DATA_WORDS.has(t[i]!.lower)) {
    if (t[i]!.cap || !/^(?:the|new|latest|official|recent|preliminary|provisional|\d.*)$/.test(t[i]!.lower)) return null;
    i++;
  }
  if (!DATA_WORDS.has(t[i]?.lower ?? '')) return null;
  i++;
  if (/^(?:supplied|released|published|compiled|provided|issued|gathered|collected)$/.test(t[i]?.lower ?? '')) i++;
  if (!/^(?:by|from)$/.test(t[i]?.lower ?? '')) return null;
  const p = forwardPhrase(t, i + 1);
  return p && p.kind !== 'pronoun' && p.kind !== 'person-role' ? p : null;
}

/** Figures or data right after a description opening at token k ("the union data"), before any punctuation. */
function describedData(t: Token[], k: number): boolean {
  for (let i = k; i < t.length && i - k <= 4 && !t[i]!.punct && !t[i]!.cap; i++) {
    // ("the ministry's latest figures" say whose they are.)
    if (/['’]s$/.test(t[i]!.lower)) return false;
    if (DATA_WORDS.has(t[i]!.lower)) return true;
  }
  return false;
}

/** Papers filed with a court or a regulator. */
const FILED_PAPERS = new Set(['documents', 'filings', 'papers']);

/** What kind of body a name is, written after it in lower case: "the IG Metall union". */
const NAMED_KIND = new Set(['union', 'party', 'group', 'movement', 'coalition', 'alliance']);

/** Honours and offices written after a person's name. */
const POST_NOMINALS = new Set(['KC', 'QC', 'SC', 'MP', 'MEP', 'MSP', 'OBE', 'MBE', 'CBE', 'KBE', 'DBE', 'PhD']);

/**
 * "Putin's spokesman", "the Prime Minister's official spokesman": a role whose holder's name or title is written
 * before it, in capitals, with at most one plain word between.
 */
function titledOwner(ws: Token[]): boolean {
  const owner = ws.findIndex((x) => x.cap && x.lower.endsWith("'s"));
  return (
    owner >= 0 &&
    owner <= 2 &&
    ws.length - owner <= 3 &&
    ws.slice(0, owner).every((x) => x.cap) &&
    ws.slice(owner + 1).every((x) => !x.cap && EN_ROLE_WORDS.has(x.lower))
  );
}

/** What a run of words names. */
export function classify(words: Token[]): SpeakerPhrase | null {
  if (!words.length) return null;
  let ws = words;
  let definite = false;
  const indefinite = /^(?:a|an|some|several|many)$/.test(words[0]!.lower);
  if (EN_DETERMINERS.has(ws[0]!.lower) && !ws[0]!.cap) {
    definite = ws[0]!.lower === 'the';
    ws = ws.slice(1);
  } else if (ws[0]!.lower === 'the') {
    definite = true;
    ws = ws.slice(1);
  }
  if (!ws.length) return null;
  if (ws.length >= 2 && ws[0]!.cap && ws[1]!.cap && TRADE_TITLES.has(ws[0]!.lower)) ws = ws.slice(1);
  // "the Department of Health in Leeds": a place after a body's whole name is where it is, not part of the name.
  const place = ws.findIndex((x, i) => i > 1 && /^(?:in|at)$/.test(x.lower) && ws[i - 1]!.cap);
  // ("the Institute for Research in Economics": a field of study after "in" is part of the name.)
  const after = ws.slice(place + 1);
  if (
    place > 0 &&
    insideOrganisationName(ws.slice(0, place)) &&
    after.every((x) => x.cap) &&
    !FIELD_OF_STUDY.test(after[0]!.text)
  )
    ws = ws.slice(0, place);
  // "the ministry's statement": the possessor speaks.
  const lastLower = ws[ws.length - 1]!.lower;
  if (DOCUMENT_WORDS.has(lastLower) && ws.length >= 2 && ws[ws.length - 2]!.lower.endsWith("'s")) {
    const owner = ws
      .slice(0, -1)
      .map((x, i, a) => (i === a.length - 1 ? { ...x, text: x.text.slice(0, -2), lower: stripPossessive(x.lower) } : x));
    return classify(definite ? [{ ...words[0]!, lower: 'the', text: 'the' }, ...owner] : owner);
  }
  // "The Home Office letter reads": an organisation's name before the document.
  if (DOCUMENT_WORDS.has(lastLower) && ws.length >= 3 && ws[ws.length - 2]!.cap && ORG_CAP.has(ws[ws.length - 2]!.lower)) {
    const owner = classify(ws.slice(0, -1));
    if (owner?.kind === 'body' || owner?.kind === 'outlet') return owner;
  }
  // "according to a joint statement": several issued it together, so it speaks as written, one per document.
  if (ws.length === 2 && ws[0]!.lower === 'joint' && /^(?:statement|declaration|communique|communiqué)$/.test(lastLower))
    return { kind: 'body', name: `the joint ${lastLower}`, attrs: ['joint', lastLower], at: 0 };
  // "the statement said": whoever issued the statement, named just before.
  if (ws.length === 1 && definite && ISSUED.has(lastLower))
    return { kind: 'pronoun', name: `the ${lastLower}`, attrs: [], pronoun: 'document', at: 0 };
  if (ws.length === 1 && NOT_SPEAKERS.has(ws[0]!.lower) && !isAcronym(ws[0]!)) return null;
  // First and second person ("I'm told", "we said") are the writer or the reader, never a claimant to print.
  if (ws.some((x) => /^(?:i|i'm|i've|i'd|we|we're|we've|you|you're)$/.test(x.lower))) return null;
  const attrs = ws.map((x) => stripPossessive(x.lower));
  // "His lawyers said", "her spokesman said": those who speak for the person the pronoun stands for.
  if (/^(?:his|her)$/.test(words[0]!.lower) && ws.length === 1 && ASSOCIATES.has(ws[0]!.lower))
    return { kind: 'pronoun', name: lowerText(words), attrs, pronoun: 'person', associates: ws[0]!.lower, at: 0 };
  // "A spokesperson for Adif said": someone not named speaks for the body; printed as written.
  if (
    indefinite &&
    ws.length >= 3 &&
    /^(?:spokes(?:man|woman|person)|representative)$/.test(ws[0]!.lower) &&
    ws[1]!.lower === 'for'
  ) {
    const whose = classify(ws.slice(2));
    if (whose && (whose.kind === 'body' || whose.kind === 'person' || whose.kind === 'outlet'))
      return {
        kind: 'person-role',
        // ("spokesperson for the FBI": the article kept, as written.)
        name: `${ws[0]!.lower} for ${ws[2]!.lower === 'the' && !/^the\s/i.test(whose.name) ? 'the ' : ''}${whose.name}`,
        attrs,
        at: 0,
        asWritten: true,
        newcomer: true,
        ...(whose.kind === 'body' ? { speaksFor: { name: whose.name, attrs: whose.attrs } } : {}),
      };
  }
  // "Officials in Belgorod said", "police in Kyiv": a group and where it is; the place is never the speaker.
  const where = ws.findIndex((x, i) => i > 0 && /^(?:in|at)$/.test(x.lower) && COLLECTIVE_HEADS.has(ws[i - 1]!.lower));
  if (where > 0 && where < ws.length - 1 && ws.slice(where + 1).every((x) => x.cap))
    return { kind: 'collective', name: ws.map((x) => x.text).join(' '), attrs, at: 0 };
  // Trailing run of capitalised words (the name, if any).
  let r = ws.length;
  while (r > 0 && ((ws[r - 1]!.cap && !ws[r - 1]!.lower.endsWith("'s")) || (r < ws.length && r > 1 && inName(ws, r - 1)))) r--;
  const run = ws.slice(r);
  // "Richard Fane KC", "Jane Hill MP": letters after a person's name are no organisation's initials.
  if (
    run.length >= 3 &&
    POST_NOMINALS.has(run[run.length - 1]!.text) &&
    run.slice(0, -1).every((x) => /^\p{Lu}\p{Ll}/u.test(x.text))
  ) {
    run.pop();
    ws = ws.slice(0, -1);
  }
  const text = (xs: Token[]) => xs.map((x) => x.text).join(' ');
  if (run.length === 0) {
    // Lower-case head: a description or a group ("the ministry", "local social media channels").
    const head = stripPossessive(lastLower);
    const capsBefore = ws.some((x) => x.cap);
    // ("Ukraine's military intelligence agency" is a body; "the AFP news agency" an outlet.)
    // ("The agency said" alone stands for an agency named before, whatever kind.)
    const notNews =
      head === 'agency' && ((ws.length >= 2 && ws[ws.length - 2]!.lower !== 'news') || (definite && ws.length === 1));
    if (OUTLET_WORDS.has(head) && !COLLECTIVE_HEADS.has(head) && !notNews)
      // ("… the mortgage finance agency said" read back to its last word names no one.)
      return ws.length === 1 && !definite && !indefinite ? null : { kind: 'outlet', name: text(ws), attrs, at: 0 };
    if (head === 'channels' || head === 'media') return { kind: 'collective', name: text(ws), attrs, at: 0 };
    // "local authorities said", "police said": a group without an article is a claimant as written.
    if (COLLECTIVE_HEADS.has(head) && !definite && !capsBefore && ws.length <= 2)
      return { kind: 'collective', name: text(ws), attrs, at: 0 };
    if (BODY_HEADS.has(head) || head === 'force' || head === 'forces') {
      // "Ukraine's air force" names the body; "the air force" is resolved to one named earlier.
      // ("the IG Metall union", "the Hamas group": what the named body is, after its name, is no part of the name.)
      const named = ws.slice(0, -1);
      if (capsBefore && NAMED_KIND.has(head) && named.every((x) => x.cap && !x.lower.endsWith("'s")))
        return { kind: 'body', name: text(named), attrs, at: 0 };
      if (capsBefore) return { kind: 'body', name: text(ws), attrs, at: 0 };
      return { kind: 'body-role', name: `${definite ? 'the ' : ''}${text(ws)}`, attrs, at: 0 };
    }
    if (COLLECTIVE_HEADS.has(head)) return { kind: 'collective', name: text(ws), attrs, at: 0 };
    // "Court documents show that …": papers filed in a case, named by whose they are, speak as written.
    if (FILED_PAPERS.has(head) && !definite && !indefinite && ws.length === 2)
      return { kind: 'collective', name: text(ws), attrs, at: 0 };
    // "The report says", "according to the event website": a document named as the source speaks as written.
    if (RESEARCH_DOCS.has(head) && definite && !capsBefore && ws.length <= 3)
      return { kind: 'body', name: `the ${text(ws)}`, attrs, at: 0 };
    // "A Commission spokesperson said": someone not named, never a spokesperson named before; printed as written.
    // ("A police spokesperson said": the body word before the role says whose spokesperson it is.)
    const bodyBefore = ws.length === 2 && BODY_HEADS.has(ws[0]!.lower);
    if ((PERSON_ROLES.has(head) || LEADER_ROLES.has(head)) && indefinite)
      return capsBefore || bodyBefore
        ? { kind: 'person-role', name: text(ws), attrs, at: 0, asWritten: true, newcomer: true }
        : null;
    // "The suspect's family said": a family named by whose it is speaks as written.
    if (head === 'family' && definite && ws.length === 2 && /^\p{Ll}+['’]s$/u.test(ws[0]!.text))
      return { kind: 'collective', name: `the ${text(ws)}`, attrs, at: 0 };
    if (PERSON_ROLES.has(head) || LEADER_ROLES.has(head))
      // ("Putin's spokesman": whose role it is names it well enough to be printed when no one holding it was named.)
      return definite || capsBefore
        ? {
            kind: 'person-role',
            name: text(ws),
            attrs,
            at: 0,
            asWritten: titledOwner(ws),
          }
        : null;
    return null;
  }
  const runLower = run.map((x) => x.lower);
  // "Downing Street said": the street of the Prime Minister's office stands for that office.
  if (run.length === 2 && runLower[0] === 'downing' && runLower[1] === 'street')
    return { kind: 'body', name: text(run), attrs, at: 0 };
  // "the U.S. Department of Agriculture": an organisation's name with "of" inside.
  const connector = ws.findIndex((x, i) => i > 0 && CONNECTORS.has(x.lower) && x.lower !== 'the');
  // ("the Department of Forestry and Fire Protection": a field joined by "and" inside the name.)
  const capsBetween = ws
    .slice(connector + 1, r)
    .every((x, i, a) => x.cap || CONNECTORS.has(x.lower) || (x.lower === 'and' && !!a[i - 1]?.cap && i + connector + 2 <= r));
  if (
    connector > 0 &&
    ORG_CAP.has(ws[connector - 1]!.lower) &&
    ws[connector - 1]!.cap &&
    r >= connector &&
    capsBetween &&
    (run.length <= 2 || ORG_CAP.has(runLower[run.length - 1]!))
  )
    return { kind: ws.some((x) => OUTLET_NAMES.has(x.lower)) ? 'outlet' : 'body', name: text(ws), attrs, at: 0 };
  // "Minister of Education Stefania Giannini": the word after "of" names the office, not the person.
  if (r > 0 && CONNECTORS.has(ws[r - 1]!.lower) && run.length >= 3) run.splice(0, run.length - 2);
  if (run.length === 1 && OUTLET_NAMES.has(runLower[0]!)) return { kind: 'outlet', name: run[0]!.text, attrs, at: 0 };
  if (run.some((x) => OUTLET_NAMES.has(x.lower)) && run.length <= 3 && ORG_CAP.has(runLower[run.length - 1]!))
    return { kind: 'outlet', name: text(run), attrs, at: 0 };
  // ("Pacific Gas & Electric", "Johnson & Johnson": an ampersand inside a name makes it a firm's or a body's.)
  if (run.length >= 3 && run.slice(1, -1).some((x) => x.text === '&') && run[run.length - 1]!.text !== '&')
    return { kind: 'body', name: text(ws[0]!.text === '&' ? run : ws), attrs, at: 0 };
  const lastCap = runLower[runLower.length - 1]!;
  // "Ukraine's national grid operator Ukrenergo", "the state weather agency AEMET": a name after what an
  // organisation is names that organisation.
  const what = r > 0 && !ws[r - 1]!.cap ? ws[r - 1]!.lower : '';
  if (ORG_BEFORE_NAME.has(what) && run.length <= 3 && !indefinite) {
    const news = /^(?:broadcaster|network)$/.test(what) || (what === 'agency' && ws[r - 2]?.lower === 'news');
    return { kind: news ? 'outlet' : 'body', name: text(run), attrs, at: 0 };
  }
  // "the monitoring mission in Ukraine says": a place after a plain description is where the speaker is, never the
  // speaker (its whole name was not read back to its start).
  if (r > 1 && /^(?:in|at)$/.test(ws[r - 1]!.lower) && !ws[r - 2]!.cap) return null;
  // "Moscow denied", "Kyiv said": a capital or country standing for its government is a body, not a person.
  if (run.length === 1 && STATES.has(lastCap)) return { kind: 'body', name: run[0]!.text, attrs, at: 0 };
  // ("Nations" ends an organisation's name, "the United Nations", but is no title to drop before a person's name.)
  // ("PrivatBank", "Sberbank": one word ending in "bank" is a bank.)
  const bank = run.length === 1 && /^\p{L}{3,}-?bank$/u.test(lastCap);
  if (ORG_CAP.has(lastCap) || bank || lastCap === 'nations' || /^[\p{Lu}\d&.-]{2,}$/u.test(run[run.length - 1]!.text)) {
    // An organisation: "the Russian Defence Ministry", "NATO", "The Straits Times".
    const name = text(ws);
    const isOutlet =
      ws.some((x) => OUTLET_WORDS.has(stripPossessive(x.lower)) && !/^(?:house|post)$/.test(x.lower)) &&
      /times|post|news|journal|guardian|telegraph|weekly|herald|tribune|gazette|press|afp|reuters|tass|agency|wire|wikinews/i.test(
        name,
      );
    return { kind: isOutlet ? 'outlet' : 'body', name: definite && !ws[0]!.cap ? name : name, attrs, at: 0 };
  }
  // A person: drop titles and nationality words before the name.
  let start = 0;
  for (let i = 0; i < run.length - 1; i++) {
    const x = run[i]!;
    if (
      EN_TITLES.has(x.text) ||
      ORG_CAP.has(x.lower) ||
      (NATIONALITY.test(x.lower) && EN_TITLES.has(run[i + 1]?.text ?? '')) ||
      // ("Republican Greg Voss": the party before a full name is no part of it.)
      (i === 0 && run.length >= 3 && PARTY_MEMBERS.has(x.text))
    )
      start = i + 1;
  }
  if (indefinite) return null;
  let name = run.slice(start);
  // "Network Rail", "Police Scotland": one word after an organisation's word is that organisation's name, not a person's.
  const lastDropped = run[start - 1];
  if (name.length === 1 && lastDropped && ORG_CAP.has(lastDropped.lower) && !EN_TITLES.has(lastDropped.text))
    return { kind: 'body', name: text(run), attrs, at: 0 };
  if (name.some((x) => NOT_NAME.has(x.lower))) return null;
  // ("Ursula von der Leyen" keeps her particles.)
  const particle = name.findIndex((x) => NAME_PARTICLES.has(x.text));
  if (name.length > 3) name = particle > 0 ? name.slice(particle - 1) : name.slice(-2);
  if (name.length === 1 && NOT_SPEAKERS.has(name[0]!.lower) && !isAcronym(name[0]!)) return null;
  if (name.length === 1 && EN_TITLES.has(name[0]!.text)) return null;
  return { kind: 'person', name: text(name), attrs, at: 0 };
}
