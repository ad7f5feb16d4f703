/**
 * A sentence's check-worthiness in its article, not alone: who says it, whether it sits in a quotation,
 * whether a figure is stated by a named source, whether it is a heading, a caption above a photo credit or a
 * line that only introduces a quotation. Each signal is a named feature with a learned weight (fitted on
 * the tune half of eval/checkworthy-news.tsv by scripts/calibrate-article.ts) and is shown as a reason.
 */
import type { ScoreReason } from '../domain';
import type { Attribution } from './claimant';
import { sigmoid, type SpotterScore } from './model';
import { sortByStrength } from './reasons';
import { FIGURE, withoutNameNumbers } from './figure';
import { DESCRIBING, quotedAdvice, unnamedAccount, vagueQuantity } from './nothing-to-check';
import { narratesPastRu } from './russian-past';
import { wordGated } from './word-gate';
import { withoutControlSequences } from '../text/control-sequences';

export interface SentenceContext {
  text: string;
  attribution: Attribution;
  /** The first sentence of the document's prose (a headline when it has no closing punctuation). */
  first: boolean;
  /** Alone on its line or paragraph. */
  standsAlone: boolean;
  /** The sentences after it in the same paragraph (a photo caption's paragraph ends in its credit). */
  restOfParagraph: readonly string[];
}

/** A second-stage logistic regression over the sentence model's logit and the context features. */
export interface ArticleCalibration {
  version: 1;
  bias: number;
  /** Weight of the sentence model's logit. */
  base: number;
  weights: Record<string, number>;
  /**
   * Added to the logit after calibration so that the article operating point (chosen on the tune split)
   * falls on the shipped default threshold: one threshold setting serves transcripts and articles.
   */
  shift: number;
  /**
   * Added to the logit of an article in that language (by locale, e.g. `ru`): the sentence model learned from
   * English, so another language gets its own operating point, fitted on its own labelled articles.
   */
  languageShift?: Record<string, number>;
  meta: Record<string, unknown>;
}

const LANGUAGE_NAMES: Record<string, string> = { ru: 'Russian', uk: 'Ukrainian' };

export const CONTEXT_LABELS: Record<string, string> = {
  attributed: 'reported speech (counts for less in an article than a stated fact)',
  in_quote: 'inside a quotation',
  quote_speaker: 'part of a quotation with a known speaker',
  figure: 'states a figure',
  sourced_figure: 'a figure from a named source',
  quoted_figure: 'a figure inside a quotation by a named speaker',
  no_statement: 'reports that nothing was said or confirmed',
  heading: 'a heading, not a sentence',
  fragment: 'too few words to state a checkable fact',
  headline: 'the article’s headline, where its main claim usually is',
  caption_block: 'a photo caption (its paragraph ends in a credit)',
  introduces_quote: 'only introduces a quotation',
  quoted_first_person: 'a speaker about themselves, in quotes',
  reported_view: 'reports a view, hope or feeling',
  past_event: 'narrates a past event',
  advice: 'addresses the reader',
  headline_quote: 'the quotation the headline repeats',
  newsroom: 'about the reporting itself (an update, a correction, a request for comment)',
  quoted_report: 'a speaker reporting what happened, in quotes',
  reaction: 'only a reaction or an unnamed view, nothing in it to check',
  vague_quantity: 'a vague share (some, many, not all) with no figure or name, nothing in it to check',
  quoted_advice: 'advice or what people should do, in quotes: nothing in it to check',
  unnamed_account: 'how unnamed people described it, with no figure, name or event: nothing in it to check',
};

export { FIGURE } from './figure';
/** Sentences that report that nothing was said or confirmed (see reportsOnlySilence). */
const NO_STATEMENT =
  /\b(?:could not|cannot|can't|would not|will not|won't|did not|does not|declined to|refused to|unable to)\s+(?:(?:immediately|publicly|officially|yet)\s+)?(?:disclose|release (?:its|their|the|any) (?:figures|details|data|numbers)|estimate|assess|quantify|establish|determine|answer|put a (?:figure|number) on|comment|confirm|say|be reached|verify|independently verify|immediately verify|independently confirm|provide|mention|specify|elaborate|give (?:details|further details|a figure|a number|a date|a timeline|a timeframe|a reason|an estimate|specifics)|identify|name)|\b(?:gave|give|provided) no (?:further )?(?:details|figures|evidence)|\bwithout (?:giving|providing) (?:details|evidence)|\bno (?:comment|immediate comment)\b|\bdid not (?:immediately )?respond\b|\b(?:it was|it is|it remains) (?:not (?:immediately |yet )?(?:clear|known)|unclear)\b|\bcould not (?:immediately |independently )?be (?:independently |immediately )?(?:verified|confirmed|reached)\b|\b(?:neither|none)\b[^.;]{0,60}\bcould (?:immediately )?be (?:independently |immediately )?(?:verified|confirmed)\b|\bno (?:independent|immediate|official) (?:confirmation|verification)\b|\b(?:not (?:immediately )?possible|impossible) to (?:independently |immediately )?(?:verify|confirm)\b|\bneither\b[^.;]{0,40}\b(?:provided|offered|presented|gave) (?:any )?(?:evidence|details)\b|\b(?:has|have|had) not (?:yet )?(?:publicly |officially )?(?:disclosed|named|identified|specified|revealed)\b|(?:не удалось|отказал(?:ся|ась|ись) от комментариев|от комментариев (?:отказал|воздержал)|не уточняется|не раскрыва|(?:раскрыть|подтвердить|уточнить|назвать|прокомментировать) не (?:смог|смогл|мог|может|стал)|не (?:смог[а-я]*|может|могут|стал[а-я]*) (?:раскрыть|подтвердить|уточнить|назвать|прокомментировать)|не (?:уточнил|раскрыл|пояснил|прокомментировал)[аи]?(?![а-яё])|не комментиру(?:ет|ют)(?![а-яё])|(?:проверить|подтвердить)[^.]{0,60}(?:нельзя|невозможно|не представляется возможным))/i;
const CREDIT_LINE = /^\s*(?:Image|Photo|Picture|Credit|Photograph|Фото)\s*[:：]/i;
const CLOSES = /[.!?…]["”»'’)\]]*\s*$/;
const FIRST_PERSON = /\b(?:I|I'm|I've|I'd|we|we're|we've|we'd|us|our|my)\b/i;
const REPORTED_VIEW =
  /\b(?:believes?|believed|feels?|felt|hopes?|hoped|hoping|thinks?|thought|called (?:for|on)|calls (?:for|on)|urged?|urges|alarmed|concerned|welcomed?|praised?|criticised|criticized|described \w+ as|(?:called|calls|branded|dubbed|termed|labell?ed) (?:[\w'’-]+ ){1,4}(?:as )?(?:a |an )?["“']|is needed|are needed)\b/i;
/** A verb in the past: one of the irregular ones listed, or a lower-case word ending in "-ed" (two patterns, so the list can be gated by its words). */
const PAST_LISTED =
  /\b(?:was|were|had|did|won|made|took|went|came|gave|left|began|rose|fell|lost|paid|sent|met|ran|sold|held|led|struck|shot|fought|broke|brought|built|caught|drove|flew|grew|kept|laid|sank|spent|stole|stood|threw|fled|bought|found|became|chose|drew|froze|hid|overtook|sought|swept|tore|withdrew)\b/u;
const PAST_ED = /\b\p{Ll}{3,}ed\b/u;
/**
 * What PAST_ED (and EVENT_ED's verb) needs: three units that may be lower-case letters (any beyond ASCII may) before
 * "ed" ends a word. A plain pattern, fast to fail, rules out two sentences in five before the Unicode one runs.
 */
const MAY_BE_PAST_ED = /[a-z\u0080-\uffff]{3}ed\b/;
const ADVICE = /^\W*(?:if you|you (?:can|should|could|will|might)|avoid|try|wait|don't|do not)\b/i;
// Word lists tested only on sentences holding one of their words (shared/spotting/word-gate.ts).
const hasFigure = wordGated(FIGURE);
/**
 * A count in words ("three houses", "три жилых дома"): a figure when someone is quoted giving it, though as a
 * feature of its own the labelled news never weighed it.
 */
const COUNT_IN_WORDS =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+[a-z]|(?:^|[^а-яёіїє])(?:два|две|двух|двумя|три|трёх|трех|тремя|четыре|четырёх|четырех|пять|пяти|шесть|шести|семь|семи|восемь|восьми|девять|девяти|двое|трое|дві|чотири|п'ять|шість|сім|вісім|дев'ять)\s+[а-яёіїє]/i;
const hasCountInWords = wordGated(COUNT_IN_WORDS);
const hasNoStatement = wordGated(NO_STATEMENT);
/**
 * Sentences about the story itself: "This story has been updated …", "AFP has contacted the ministry for comment.",
 * "We have contacted Meta about the post.", "The trial continues.", "Anyone wishing to comment on the plans can do so …".
 */
const NEWSROOM =
  /\b(?:we|I) (?:have|had) contacted\b|\bthis (?:article|story|fact[- ]check) is part of\b|^\W*anyone (?:wishing|who wishes|wanting) to (?:comment|object|respond)\b|\b(?:this|the) (?:story|article|report|post) (?:has been|was|is being|will be) (?:updated|corrected|amended)\b|\ban earlier version of this (?:story|article|report)\b|\bthis is a (?:developing|breaking) (?:story|news story)\b|\b(?:for|to a request for|requests for) comment\b|\b(?:(?:was|were|is|are) not|(?:has|have) not been) able to (?:independently |immediately )?(?:verify|confirm)\b|\bcheck back (?:later )?for updates\b|^\W*the (?:trial|case|hearing|inquest) continues\W*$|^\W*(?:the|both|all|these|those|two|three) (?:\w+ )?(?:sources?|officials?|people|persons?|diplomats?|officers?) (?:declined to be (?:named|identified)|asked not to be (?:named|identified)|spoke on (?:the )?condition of anonymity|requested anonymity|(?:were|was) not authori[sz]ed)\b/i;
/** Words every NEWSROOM sentence holds: a gate read from distinctive words, so the full pattern runs rarely. */
const NEWSROOM_WORDS = wordGated(
  /\b(?:story|article|version|comment|able|updates|updated|corrected|amended|declined|asked|spoke|requested|authori[sz]ed|contacted|continues)\b/i,
);
const hasNewsroom = (s: string) => NEWSROOM_WORDS(s) && NEWSROOM.test(s);
/**
 * What is not yet known, said in the passive about the missing information itself: "The cause of the blast was not
 * immediately known.", "The identities of the victims have not been released.", "Причина пожара пока не
 * установлена.", "Информация о пострадавших уточняется.", "Пока неизвестно, …", "It remains to be seen", "Пока сложно
 * сказать.".
 */
const NOT_YET_KNOWN =
  /^\W*(?:the |further |more |any )?(?:details|identit(?:y|ies)|names?|number|cause|circumstances|extent|scale|size|cost|impact|severity|origin|timing|outcome|value|terms|figures?|location|whereabouts|nature|amount|toll|motive)\b[^.;"“”]{0,80}?\b(?:(?:was|were|is|are|has|have|had)(?: been| yet)? not (?:yet |immediately |been |publicly |officially )*(?:known|available|clear|disclosed|released|made public|confirmed|given|specified|identified|established|determined|announced)|(?:was|were|is|are|remains?|remained)(?: still)? (?:unclear|unknown))\b|^[^\p{L}\d]*(?:причин[аы]|личност[иь]|имена?|обстоятельства|число|количество|масштабы?|размер|сумма|информация|данные|сведения)\s[^.]{0,60}?(?:не (?:установлен|известн|уточня|раскрыва|называ|сообща)|уточняе?тся|уточняются)|^[^\p{L}\d]*(?:пока |ещё |еще )?(?:неизвестно|не известно|неясно|непонятно|(?:сложно|трудно|рано) (?:сказать|судить|говорить))(?![\p{L}])|^\W*(?:it is |it's )?(?:still )?(?:hard|difficult|too early) to (?:say|tell)\b|^\W*time will tell\b|^\W*it (?:remains|is) (?:yet )?to be seen\b/iu;
/**
 * What may come before "could not disclose" in a sentence that says something else first; in Russian also a
 * reported statement run on with a comma ("В министерстве утверждают, что кредит не предоставлялся, в банке не
 * смогли подтвердить …").
 */
const SAID_FIRST =
  /\bbut\b|\band\b|,\s*(?:adding|saying|noting|while|although|though|which)\b|;|["“”«»]|[\s,](?:но|однако|а также)\s|,\s*(?:добавив|отметив|заявив|сказав)(?![а-яё])|(?:^|[^а-яё])что\s[^,]{12,},/i;

/** A name in quotes, one to three words ("компания «УралСтройСнаб»"), not a quotation. */
const QUOTED_NAME = /[«“"][^«»“”"\s]+(?:\s[^«»“”"\s]+){0,2}[»”"]/g;

/**
 * "Officials could not disclose …", "He said he could not confirm …": the sentence reports only that nothing was
 * said (nor after it: "… but said 12 buildings were damaged"). Not when the silence trails a statement: '"… in the thousands," Zelenskyy said, adding that he could not
 * disclose further details', "Malkov said debris fell on an enterprise but did not name it", nor when a statement
 * follows it: "The ministry did not disclose casualties but said 12 buildings were damaged".
 */
export function reportsOnlySilence(s: string): boolean {
  if (NOT_YET_KNOWN.test(s)) return true;
  // A silence in parentheses is an aside: "Сообщается, что один из депутатов (не уточняется кто) проголосовал за …".
  const m = NO_STATEMENT.exec(s.replace(ASIDE, (a) => ' '.repeat(a.length)));
  if (!m || SAID_FIRST.test(s.slice(0, m.index).replace(QUOTED_NAME, ''))) return false;
  // "… did not disclose casualties but said 12 buildings were damaged": the statement after the silence.
  return !SAID_AFTER.test(s.slice(m.index + m[0].length));
}
/** A parenthesised aside, blanked out before the silence is looked for. */
const ASIDE = /\([^()]*\)/g;
/** What may come after "did not disclose …" in a sentence that goes on to say something. */
const SAID_AFTER = /\bbut\b(?!\s+not\b)|;|\s(?:но|однако)\s/i;
/**
 * A reaction to the news and nothing else: "The minister welcomed the figures.", "The charity called the findings
 * "encouraging."", "The Speaker called for order.", "Оппозиция раскритиковала решение." (with no figure: "condemned the strike, which killed 12" reports
 * the strike). And a view held by an unnamed group, with no content: "Some economists were more cautious.",
 * "Эксперты по-разному оценивают перспективы."
 */
const REACTION =
  /\b(?:welcomed|praised|hailed|applauded|condemned|denounced|criticised|criticized|slammed|decried|lauded|called)\s+(?:the|this|that|these|those|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?(?:figures|data|decision|ruling|verdict|move|findings|results?|news|report|announcement|plan|proposal|deal|agreement|sentence|judgment|judgement|statement|step|study)\b|\bcalled for (?:order|calm|quiet|silence)\b/i;
const REACTION_RU =
  /(?:приветствовал|раскритиковал|осудил)[аио]?\s+(?:это\s+)?(?:решение|данные|итоги|заявление|приговор|шаг|инициативу|предложение)(?![а-яё])/i;
const UNNAMED_VIEW =
  /^\W*(?:some|many|several|other|others|not all|not everyone)?\s*(?:experts|analysts|critics|observers|scientists|economists|researchers|others)\b[^.]{0,40}\b(?:cautious|sceptical|skeptical|optimistic|pessimistic|divided|disagree|disagreed|unconvinced|doubtful|less sure|more sure)\b|^[^а-яё]*(?:некоторые |многие |другие )?(?:эксперты|аналитики|экономисты|критики|наблюдатели|учёные|ученые)\s[^.]{0,40}(?:по-разному|осторожн|скептич|оптимистич|пессимистич|разделились|расходятся|сомневаются)/i;
const REACTION_MAX_WORDS = 25;
const UNNAMED_VIEW_MAX_WORDS = 8;
const hasReaction = wordGated(REACTION);
const hasUnnamedView = wordGated(UNNAMED_VIEW);
function onlyReacts(s: string): boolean {
  if (hasFigure(s)) return false;
  if ((hasReaction(s) || (/[а-яё]/i.test(s) && REACTION_RU.test(s))) && wordCount(s) <= REACTION_MAX_WORDS) return true;
  return hasUnnamedView(s) && wordCount(s) <= UNNAMED_VIEW_MAX_WORDS;
}
const hasFirstPerson = wordGated(FIRST_PERSON);
const hasReportedView = wordGated(REPORTED_VIEW);
const hasPastListed = wordGated(PAST_LISTED);
const CYRILLIC_WORD = /[а-яё]{2}/i;
/** A past verb in English, or in Russian its past tense or short passive participle (shared/spotting/russian-past.ts). */
const isPast = (s: string) =>
  hasPastListed(s) || (MAY_BE_PAST_ED.test(s) && PAST_ED.test(s)) || (CYRILLIC_WORD.test(s) && narratesPastRu(s));
/** A past event besides the verb of describing ("Residents described how the roof collapsed"). */
const pastBesidesDescribing = (s: string) => isPast(s.replace(DESCRIBING, ' '));
/** A Russian speaker about themselves ("мы не спали", "я видел"). */
const FIRST_PERSON_RU = /(?:^|[^а-яё])(?:я|мы|мне|меня|нас|нам|наш[а-яё]*|мой|моя|мои|моё|мое)(?![а-яё])/i;

const MAX_HEADING_WORDS = 20;
/** Longer than this, a sentence has three words (counting them for every sentence cost 5% of the analysis). */
const FRAGMENT_MAX_CHARS = 60;
/**
 * Fewer words cannot say who did what ("Figure 1.", "Aborts.", "i=2.", "It rained."): nothing to check. Russian and
 * Ukrainian drop the verb "to be", so two words can state a fact there ("Пострадавших нет.").
 */
function minClaimWords(s: string): number {
  return /\p{Script=Cyrillic}/u.test(s) ? 2 : 3;
}
/**
 * A verb in the past that tells what happened: an irregular past ("was hit", "went") or an "-ed" word after a noun
 * or a name ("the refinery supplied"), not after an article, an adverb, a modal or "be" ("a developed country",
 * "can be safely returned", "is not interested").
 */
const EVENT_ED = /\b(\p{L}+)\s+(\p{Ll}{3,}ed)\b/gu;
/** Verbs of saying: "she continued", "he added" tell who speaks, not what happened. */
const SAYING_ED =
  /^(?:continued|added|stated|reported|noted|insisted|warned|claimed|argued|explained|confirmed|denied|declared|testified|commented|replied|asserted|stressed|emphasi[sz]ed|acknowledged|admitted|alleged|recalled|revealed|observed|concluded|suggested|urged|cautioned|countered|maintained|conceded|indicated|responded|remarked|underlined|underscored|tweeted|posted|announced|quoted|cited|described|called|asked|answered)$/;
const NOT_BEFORE_EVENT =
  /^(?:a|an|the|this|that|these|those|is|are|am|be|been|being|not|very|so|too|more|most|can|could|will|would|should|may|might|must|\p{L}+ly)$/iu;
function reportsEvent(s: string): boolean {
  if (hasPastListed(s)) return true;
  if (CYRILLIC_WORD.test(s)) return narratesPastRu(s);
  if (!MAY_BE_PAST_ED.test(s)) return false;
  // (exec from the shared pattern: matchAll would copy it on every call.)
  EVENT_ED.lastIndex = 0;
  for (let m = EVENT_ED.exec(s); m; m = EVENT_ED.exec(s))
    if (!NOT_BEFORE_EVENT.test(m[1]!) && !SAYING_ED.test(m[2]!)) {
      EVENT_ED.lastIndex = 0;
      return true;
    }
  return false;
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)).length;
}

/** The context features a sentence has (names as in CONTEXT_LABELS). */
export function contextFeatures(c: SentenceContext): string[] {
  // Escape sequences and controls (still in an older workspace's text, or a teammate's) do not change how a
  // sentence reads (a trailing one would make it look unfinished, like a heading).
  const s = withoutControlSequences(c.text);
  const out: string[] = [];
  const who = c.attribution;
  const figure = hasFigure(withoutNameNumbers(s));
  const closes = CLOSES.test(s);
  if (who.attributed) out.push('attributed');
  if (who.quoted >= 0.5) out.push('in_quote');
  if (who.viaQuote) out.push('quote_speaker');
  if (figure) out.push('figure');
  if (figure && who.claimant) out.push('sourced_figure');
  // (The count in words is looked for last: only a quoted sentence with a speaker needs it.)
  if (who.claimant && who.quoted >= 0.5 && (figure || hasCountInWords(s))) out.push('quoted_figure');
  if ((hasNoStatement(s) || NOT_YET_KNOWN.test(s)) && reportsOnlySilence(s)) out.push('no_statement');
  else if (who.quoted < 0.5 && hasNewsroom(s)) out.push('newsroom');
  // A headline stands on its own line and ends without punctuation; a first sentence running on in its
  // paragraph, or one that introduces what follows ("Putin said on Friday:"), is body text.
  if (!closes && c.first && c.standsAlone && !/[:;,]["”»]?\s*$/.test(s)) out.push('headline');
  // A line of many words that lost its full stop (a quoted statement, a paragraph ending in a colon) is not a heading.
  else if (!closes && c.standsAlone && wordCount(s) <= MAX_HEADING_WORDS) out.push('heading');
  if (c.restOfParagraph.some((t) => CREDIT_LINE.test(t))) out.push('caption_block');
  if (/[:,]["”»]?\s*$/.test(s)) out.push('introduces_quote');
  if (who.quoted >= 0.5 && (hasFirstPerson(s) || FIRST_PERSON_RU.test(s))) out.push('quoted_first_person');
  if (hasReportedView(s)) out.push('reported_view');
  if (who.quoted < 0.5 && onlyReacts(s)) out.push('reaction');
  if (who.quoted < 0.5 && vagueQuantity(s)) out.push('vague_quantity');
  if (quotedAdvice(s)) out.push('quoted_advice');
  // ("Residents described how the roof collapsed" tells an event: only an account with none in it is empty, and its
  // verb of describing is no past event.)
  if (who.quoted < 0.5 && unnamedAccount(s) && !pastBesidesDescribing(s)) out.push('unnamed_account');
  else if (who.quoted < 0.5 && isPast(s)) out.push('past_event');
  else if (who.quoted >= 0.5 && who.claimant && !hasFirstPerson(s) && !FIRST_PERSON_RU.test(s) && reportsEvent(s))
    out.push('quoted_report');
  if (ADVICE.test(s)) out.push('advice');
  if (s.length <= FRAGMENT_MAX_CHARS && wordCount(s) < minClaimWords(s)) out.push('fragment');
  return out;
}

/**
 * Hand-set weights for signals too rare in the labelled news to be fitted ("could not disclose", "it was
 * not immediately clear"; "this story has been updated", "AFP has contacted the ministry for comment"): such a
 * sentence reports that nothing was said, or is about the reporting itself, so it is not a claim to check; nor is
 * a fragment of one or two words (a figure label, a run-in heading, a stray line of a PDF). A bare reaction ("The
 * minister welcomed the figures.") counts for less, not nothing: who reacted is on the record. So do a vague share
 * with no figure or name ("Not everything got cheaper."), advice in quotes ('"You don't need to run a
 * marathon," said …') and how unnamed people described an event ("Residents described a long night."): none occurs
 * often enough in the labelled news to be fitted.
 */
export const FIXED_WEIGHTS: Readonly<Record<string, number>> = {
  no_statement: -4,
  newsroom: -4,
  fragment: -4,
  reaction: -3,
  vague_quantity: -2.5,
  quoted_advice: -2.5,
  unnamed_account: -2.5,
};

/**
 * Hand-set adjustments applied after the fitted calibration and left out of fitting: a figure a named speaker
 * gives inside a quotation ("It will definitely not be single digits, but in the thousands," he said) is a claim
 * to check even in the future tense, which the labelled news (where predictions are `no`) would fit away.
 * Transcripts get the same +1 (shared/text/candidates.ts).
 */
export const ADJUSTMENTS: Readonly<Record<string, number>> = { quoted_figure: 1, headline_quote: 2, quoted_report: 0.8 };

/** Quoted words in a headline ("… would be “legitimate targets”"), at least two words long, in lower case. */
export function headlineQuotes(headline: string): string[] {
  const out: string[] = [];
  for (const m of headline.matchAll(/["“«„']([^"“”«»„']{3,80})["”»“']/g)) {
    const q = m[1]!.trim().toLowerCase();
    if (q.split(/\s+/).length >= 2) out.push(q);
  }
  return out;
}

export function logit(p: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
}

/** The sentence's score in its article, with the context reasons added to the sentence model's. */
export function scoreInArticle(
  base: SpotterScore,
  features: readonly string[],
  cal: ArticleCalibration,
  locale = 'en',
): SpotterScore {
  let z = cal.bias + cal.base * logit(base.score) + cal.shift;
  const reasons: ScoreReason[] = [...base.reasons];
  const languageShift = cal.languageShift?.[locale];
  if (languageShift) {
    z += languageShift;
    const language = LANGUAGE_NAMES[locale] ?? locale;
    reasons.push({
      kind: 'language',
      label:
        languageShift < 0
          ? `${language} text: lowered, because the model learned from English rates ${language} sentences too high`
          : `${language} text: raised, because the model learned from English rates ${language} sentences too low`,
      weight: Math.round(languageShift * 1000) / 1000,
    });
  }
  for (const f of features) {
    const w = cal.weights[f] ?? FIXED_WEIGHTS[f] ?? ADJUSTMENTS[f];
    if (w === undefined || w === 0) continue;
    z += w;
    reasons.push({ kind: f, label: CONTEXT_LABELS[f] ?? f, weight: Math.round(w * 1000) / 1000 });
  }
  sortByStrength(reasons);
  return { score: Math.round(sigmoid(z) * 10000) / 10000, reasons };
}
