import type { ScoreReason, TextAnchor } from '../domain';
import { attributeSentences, type Attribution } from '../spotting/claimant';
import { contextFeatures, FIGURE, headlineQuotes, reportsOnlySilence, scoreInArticle } from '../spotting/context';
import { detectDocumentKind, type DocumentKind } from '../spotting/document-kind';
import { articleCalibration, defaultSpotter } from '../spotting/index';
import type { SpotterScore } from '../spotting/model';
import { mergeSameSignal, sortByStrength } from '../spotting/reasons';
import { repeatedSentences, repeatLabel } from '../spotting/repeats';
import { siteFurnitureKind } from '../spotting/site-furniture';
import { forgetSentenceReadings } from '../spotting/word-gate';
import { isShortAnswer, participantNames, scoreTurnSentence, turnClaimant, type TurnContext } from '../spotting/turns';
import { makeAnchor } from './anchor';
import { authorBioSentences } from './author-bio';
import { datelineEnd } from './dateline';
import { GARBLED_REASON, isGarbled } from './garbled';
import {
  captionBeforeCredit,
  isDateLine,
  isoDate,
  leadingMetadata,
  metadataUnderHeadline,
  nonProseKind,
  type NonProse,
} from './news-structure';
import { relatedLinkSentences } from './related-links';
import { segmentSentences, type Sentence } from './segment';
import { namesNoOne, resolveSpeaker, type Speaker } from './speaker-names';
import { speakerTurns } from './speaker-turns';
import { hasVerb, isBareTitle, isCaptionLine, titleWords } from './title-lines';
import { collapseWhitespace } from './whitespace';

/** A sentence proposed as a claim, with where it sits and why it was proposed. */
export interface Candidate {
  text: string;
  anchor: TextAnchor;
  score: number | null;
  reasons: ScoreReason[];
  claimant: string | null;
}

/** One sentence of a document with its check-worthiness. */
export interface ScoredSentence extends Candidate {
  score: number;
  /** Whether the score reaches the threshold used. */
  checkWorthy: boolean;
}

/** The locale to segment with: Cyrillic-majority text reads as Russian, otherwise English. */
export function guessLocale(text: string): string {
  // Counted in one pass: matching every letter of the sample with a global pattern builds an array per call.
  let cyr = 0;
  let lat = 0;
  const n = Math.min(text.length, 5000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x400 && c <= 0x4ff) cyr++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) lat++;
    // Decided once the letters left cannot change the majority.
    if ((i & 255) === 255 && (lat >= cyr + (n - i - 1) || cyr > lat + (n - i - 1))) break;
  }
  return cyr > lat ? 'ru' : 'en';
}

/** The prose sentences of a document: leading metadata lines ("date 2025-09-05 …", "title: …") are left out. */
export function proseSentences(text: string): Sentence[] {
  const { bodyStart } = leadingMetadata(text);
  return proseSentencesFrom(text, bodyStart, guessLocale(text.slice(bodyStart)));
}

/** proseSentences, where the body's start and locale are known. */
function proseSentencesFrom(text: string, bodyStart: number, locale: string): Sentence[] {
  const segment = (from: number, to: number) =>
    segmentSentences(text.slice(from, to), locale).map((s) => ({ ...s, start: s.start + from, end: s.end + from }));
  // (…and metadata lines under the headline, "date 2026-10-30 / source reuters.com", are left out too.)
  const under = metadataUnderHeadline(text, bodyStart);
  if (under) return [...segment(bodyStart, under.start), ...segment(under.end, text.length)];
  if (bodyStart === 0) return segmentSentences(text, locale);
  return segment(bodyStart, text.length);
}

/**
 * A sentence with the dateline that opens it left out ("MOSCOW, 3 December 2026 (Reuters) - Putin said …" starts
 * at "Putin"), so its claim, claimant and anchor start where the story's words do, with its non-prose kind. A
 * sentence that is only a dateline stays whole: it is non-prose (news-structure.ts).
 */
function withoutDateline(s: Sentence): { sentence: Sentence; nonProse: NonProse | null } {
  const cut = datelineEnd(s.text);
  if (cut === 0) return { sentence: s, nonProse: nonProseKind(s.text, { noDateline: true }) };
  const whole = nonProseKind(s.text);
  // A credit such as "EPA-EFE/SERGEI ILNITSKY" is kept whole, whatever it starts like.
  if (cut >= s.text.length || whole) return { sentence: s, nonProse: whole };
  const rest = { start: s.start + cut, end: s.end, text: s.text.slice(cut) };
  return { sentence: rest, nonProse: nonProseKind(rest.text) };
}

/** What scoring a document needs to know about each sentence: the model's own score and its context. */
export interface SpottedSentence {
  sentence: Sentence;
  attribution: Attribution;
  /** The sentence model's score alone. */
  base: SpotterScore;
  /** Context features (shared/spotting/context.ts); used for articles. */
  context: string[];
  /** In a transcript, the speaker's turn the sentence belongs to (null outside any turn, and in articles). */
  turn: TurnContext | null;
  /** Caption, credit, byline, dateline or footnote (news-structure.ts), or null for prose. */
  nonProse: NonProse | null;
}

export interface SpottedDocument {
  kind: DocumentKind;
  /** The body's locale (guessLocale): the article calibration may shift scores per language. */
  locale: string;
  sentences: SpottedSentence[];
}

/** Segment, attribute and score every sentence, before the document kind's calibration is applied. */
export function spotDocument(text: string): SpottedDocument {
  const { bodyStart } = leadingMetadata(text);
  const locale = guessLocale(text.slice(bodyStart));
  const kind = detectDocumentKind(text);
  const { sentences, turns, nonProse } =
    kind === 'transcript' ? withNonProseKinds(turnSentences(text, bodyStart, locale)) : articleSentences(text, bodyStart, locale);
  const attributions = attributeSentences(sentences.map((s) => s.text));
  const spotter = defaultSpotter();
  // Sentence i and i+1 share a paragraph when no line break separates them.
  const joinsNext = sentences.map(
    (s, i) => i + 1 < sentences.length && !/[\n\r]/.test(text.slice(s.end, sentences[i + 1]!.start)),
  );
  const firstProse = firstProseSentence(text, sentences, nonProse);
  const restOfParagraph = (i: number) => {
    const rest: string[] = [];
    for (let k = i; joinsNext[k] && rest.length < 4; k++) rest.push(sentences[k + 1]!.text);
    return rest;
  };
  const spotted: SpottedSentence[] = sentences.map((s, i) => ({
    sentence: s,
    attribution: attributions[i]!,
    turn: turns[i] ?? null,
    nonProse: nonProse[i]!,
    base: turns[i] ? scoreTurnSentence(spotter, s.text, turns[i]!) : spotter.score(s.text),
    context:
      kind === 'article'
        ? contextFeatures({
            text: s.text,
            attribution: attributions[i]!,
            first: i === firstProse,
            standsAlone: standsAlone(text, s),
            restOfParagraph: restOfParagraph(i),
          })
        : [],
  }));
  markHeadlineQuotes(spotted);
  return { kind, locale, sentences: spotted };
}

/** A speaker's turn in a transcript: where its label and speech lie, and who is speaking. */
interface TranscriptTurn {
  labelStart: number;
  /** Where the speech starts, after the "NAME:" label. */
  start: number;
  /** The end of the labelled paragraph; unlabelled paragraphs of the same turn follow it. */
  labelledEnd: number;
  /** Where the speech stops (turnEnd): text after it, up to `end`, is the story's again. */
  speechEnd: number;
  end: number;
  context: TurnContext;
}

/** The transcript's turns with their speakers, read once for import and for claims made from a selection. */
function transcriptTurns(text: string, bodyStart: number): TranscriptTurn[] {
  const found = speakerTurns(text, bodyStart).map((t) => ({ ...t, speechEnd: turnEnd(text, t) }));
  const speakers = new Map<string, Speaker>();
  for (const t of found) if (!speakers.has(t.label)) speakers.set(t.label, resolveSpeaker(t.label, text));
  const participants = participantNames(speakers.values());
  const questioners = questioningLabels(text, found);
  return found.map((t) => {
    const speaker = speakers.get(t.label)!;
    const lineEnd = text.indexOf('\n', t.start);
    return {
      labelStart: t.labelStart,
      start: t.start,
      labelledEnd: lineEnd < 0 || lineEnd > t.speechEnd ? t.speechEnd : lineEnd,
      speechEnd: t.speechEnd,
      end: t.end,
      context: {
        speaker: namesNoOne(t.label) ? null : speaker.name,
        role: speaker.role ?? (questioners.has(t.label) ? 'moderator' : null),
        participants,
      },
    };
  });
}

/** An article's prose sentences, datelines cut off, with their non-prose kinds. */
function articleSentences(
  text: string,
  bodyStart: number,
  locale: string,
): { sentences: Sentence[]; turns: never[]; nonProse: (NonProse | null)[] } {
  const cut = proseSentencesFrom(text, bodyStart, locale).map(withoutDateline);
  const nonProse = cut.map((x) => x.nonProse);
  for (let i = 0; i + 1 < cut.length; i++)
    if (!nonProse[i] && captionBeforeCredit(text, cut[i]!.sentence, cut[i + 1]!.sentence, nonProse[i + 1]!))
      nonProse[i] = 'caption';
  return { sentences: cut.map((x) => x.sentence), turns: [], nonProse };
}

function withNonProseKinds<T extends { sentences: Sentence[] }>(doc: T): T & { nonProse: (NonProse | null)[] } {
  return { ...doc, nonProse: doc.sentences.map((s) => nonProseKind(s.text)) };
}

/**
 * A transcript's sentences, each in its speaker's turn: segmented turn by turn, so a sentence never runs across a
 * change of speaker and never holds the "NAME:" label (its offsets start after the label). Text outside any turn (a
 * title line above the first label) is segmented as prose and belongs to no turn.
 */
function turnSentences(
  text: string,
  bodyStart: number,
  locale: string,
): { sentences: Sentence[]; turns: (TurnContext | null)[] } {
  const sentences: Sentence[] = [];
  const turns: (TurnContext | null)[] = [];
  const add = (start: number, end: number, turn: TurnContext | null) => {
    for (const s of segmentSentences(text.slice(start, end), locale)) {
      sentences.push({ text: s.text, start: s.start + start, end: s.end + start });
      turns.push(turn);
    }
  };
  let pos = bodyStart;
  for (const t of transcriptTurns(text, bodyStart)) {
    if (t.labelStart > pos) add(pos, t.labelStart, null);
    add(t.start, t.labelledEnd, t.context);
    if (t.labelledEnd < t.speechEnd) add(t.labelledEnd, t.speechEnd, { ...t.context, continued: true });
    if (t.speechEnd < t.end) add(t.speechEnd, t.end, null);
    pos = t.end;
  }
  if (pos < text.length) add(pos, text.length, null);
  return { sentences, turns };
}

/** A line that is a heading, not speech: short, and ending in no sentence punctuation ("Gagauz look to Turkey too"). */
const HEADING_LINE = /^(?!.*[.!?…:;,»"”)]$)\S.{0,80}$/u;

/**
 * Where a turn's speech stops: its labelled paragraph and the unlabelled ones that follow it, up to a heading line.
 * An interview printed inside an article ends where the article's next section starts, and its text is the
 * article's again, not the last speaker's.
 */
function turnEnd(text: string, turn: { start: number; end: number }): number {
  let pos = text.indexOf('\n', turn.start);
  while (pos >= 0 && pos < turn.end) {
    const next = text.indexOf('\n', pos + 1);
    const lineEnd = next < 0 || next > turn.end ? turn.end : next;
    const line = text.slice(pos + 1, lineEnd).trim();
    if (line && HEADING_LINE.test(line)) return pos + 1;
    pos = next;
  }
  return turn.end;
}

/**
 * Labels of the speakers who put the questions (an interviewer named by their outlet, "Голос Америки:"): most of
 * their turns end with a question mark. Their turns are treated as a moderator's: questions and set-up are not
 * claims, and a source they cite is named as the claimant rather than them.
 */
function questioningLabels(text: string, turns: readonly { label: string; start: number; speechEnd: number }[]): Set<string> {
  const asked = new Map<string, { turns: number; questions: number }>();
  for (const t of turns) {
    const a = asked.get(t.label) ?? { turns: 0, questions: 0 };
    a.turns++;
    if (/\?\s*$/.test(text.slice(t.start, t.speechEnd))) a.questions++;
    asked.set(t.label, a);
  }
  if (asked.size < 2) return new Set();
  return new Set([...asked].filter(([, a]) => a.turns >= 2 && a.questions * 2 > a.turns).map(([label]) => label));
}

/**
 * In a transcript, the name of the speaker whose speech holds `offset` (a claim made from a selection), as import
 * would name them; null outside any speech, in a nameless turn ("A:") and in articles.
 */
export function speakerAt(text: string, offset: number): string | null {
  if (detectDocumentKind(text) !== 'transcript') return null;
  const turn = transcriptTurns(text, leadingMetadata(text).bodyStart).find((t) => t.start <= offset && offset < t.speechEnd);
  return turn?.context.speaker ?? null;
}

/** The body sentence that holds the quotation the headline repeats: the story's key quote, whatever its wording. */
function markHeadlineQuotes(sentences: SpottedSentence[]): void {
  const h = sentences.findIndex((x) => x.context.includes('headline'));
  if (h < 0) return;
  const quotes = headlineQuotes(sentences[h]!.sentence.text);
  if (!quotes.length) return;
  for (let i = h + 1; i < sentences.length; i++) {
    const x = sentences[i]!;
    if (x.attribution.quoted < 0.5 || !x.attribution.claimant) continue;
    const lower = x.sentence.text.toLowerCase();
    if (quotes.some((q) => lower.includes(q))) x.context.push('headline_quote');
  }
}

/**
 * The first sentence that is prose, where a headline would stand: a caption and its credit, or a byline, above the
 * headline come before it.
 */
function firstProseSentence(text: string, sentences: readonly Sentence[], nonProse: readonly (NonProse | null)[]): number {
  let i = 0;
  while (i < Math.min(sentences.length - 1, 6)) {
    const next = sentences[i + 1]!;
    const aboveCredit = nonProse[i + 1] === 'credit' && text.slice(sentences[i]!.end, next.start).split('\n').length === 2;
    if (!aboveCredit && !nonProse[i]) break;
    i++;
  }
  return i;
}

/** Alone on its line: only whitespace (with a line break) between it and its neighbours. */
function standsAlone(text: string, s: Sentence): boolean {
  let a = s.start - 1;
  while (a >= 0 && (text[a] === ' ' || text[a] === '\t')) a--;
  let b = s.end;
  while (b < text.length && (text[b] === ' ' || text[b] === '\t')) b++;
  return (a < 0 || text[a] === '\n' || text[a] === '\r') && (b >= text.length || text[b] === '\n' || text[b] === '\r');
}

/**
 * Every sentence of the text, scored, with its claimant; the app's one analysis pipeline. Articles are
 * scored in context (see shared/spotting/context.ts) and calibrated so that the default threshold is the
 * article operating point; transcripts keep the sentence model's score, which was trained on debates.
 */
export function analyzeText(text: string, threshold = defaultSpotter().threshold): ScoredSentence[] {
  forgetSentenceReadings();
  const doc = spotDocument(text);
  const calibration = articleCalibration();
  const kinds = doc.sentences.map((x) => x.nonProse);
  captionsAboveCredits(text, doc.sentences, kinds);
  // How each sentence reads: the text of its claim, and what repeats are compared by.
  const texts = doc.sentences.map((x) => collapseWhitespace(x.sentence.text));
  const repeats = repeatedSentences(
    doc.sentences.map((x) => x.sentence.text),
    texts,
  );
  const tableCaptions = captionsAboveTables(text, doc.sentences);
  const related = relatedLinkSentences(
    text,
    doc.sentences.map((x) => x.sentence),
  );
  const bios = authorBioSentences(
    text,
    doc.sentences.map((x) => x.sentence),
    doc.sentences.filter((_, i) => kinds[i] === 'byline').map((x) => x.sentence.text),
  );
  return doc.sentences.map(({ sentence: s, attribution, base, context, turn }, i) => {
    const kind =
      kinds[i] ??
      titleLineKind(doc.sentences, i) ??
      (tableCaptions.has(i) ? 'caption' : null) ??
      (related.has(i) ? 'related' : null) ??
      (bios.has(i) ? 'author_bio' : null);
    const garbled = !kind && isGarbled(s.text);
    const furniture = kind || garbled ? null : siteFurnitureKind(s.text);
    const repeat = repeats[i];
    const { score, reasons } = kind
      ? nonProse(base, kind)
      : garbled
        ? notAClaim(base, GARBLED_REASON, 'mostly not words (symbols, or words run together): not a claim')
        : furniture
          ? notAClaim(base, 'site_furniture', `page furniture (${furniture}): not a claim`)
          : repeat
            ? notAClaim(base, repeat.kind, repeatLabel(repeat))
            : !turn && isShortAnswer(s.text)
              ? notAClaim(base, 'short_answer', 'a short answer or courtesy: not a claim')
              : doc.kind === 'article'
                ? scoreInArticle(base, context, calibration, doc.locale)
                : inContext(base, s.text, attribution);
    return {
      text: texts[i]!,
      anchor: makeAnchor(text, s.start, s.end),
      score,
      reasons: mergeSameSignal(reasons),
      // A caption, credit or byline names people without their saying anything.
      claimant: kind ? null : turn ? turnClaimant(turn, s.text, attribution) : attribution.claimant,
      checkWorthy: score >= threshold,
    };
  });
}

/**
 * A headline or heading line that only names something (under three words, no verb: "PDF.js") is a title, and
 * the short verbless line under the headline is its picture's caption ("Жорес Алферов в 2012 году").
 */
function titleLineKind(sentences: readonly SpottedSentence[], i: number): 'title' | 'caption' | null {
  const { sentence, context } = sentences[i]!;
  const titleLike = context.includes('headline') || context.includes('heading');
  if (titleLike && isBareTitle(sentence.text)) return 'title';
  // A dateline under the headline ("Friday, July 21, 2017") is a heading of its own, not a caption.
  if (
    i === 1 &&
    context.includes('heading') &&
    sentences[0]!.context.includes('headline') &&
    isCaptionLine(sentence.text) &&
    !isDateLine(sentence.text)
  )
    return 'caption';
  return null;
}

/**
 * The line right above a photo credit ("Contributor/Getty Images"), or the line a bracketed credit closes, is the
 * photo's caption, whatever its verb: every sentence of that line. Across a blank line, only a line that dates the
 * picture ("…, Oct. 14, 2025.") is taken.
 */
function captionsAboveCredits(text: string, sentences: readonly SpottedSentence[], kinds: (NonProse | null)[]): void {
  for (let c = 1; c < sentences.length; c++) {
    const credit = sentences[c]!.sentence.text;
    // A credit line, or a bracketed credit closing the caption's own line: "… Sept. 7, 2025. (AP Photo/Efrem Lukatsky)".
    const bracketed = kinds[c] === 'caption' && /^\s*\(/.test(credit);
    if (kinds[c] !== 'credit' && !bracketed) continue;
    let j = c - 1;
    const gap = text.slice(sentences[j]!.sentence.end, sentences[c]!.sentence.start);
    const breaks = gap.split('\n').length - 1;
    if ((breaks === 0 && !bracketed) || kinds[j]) continue;
    if (breaks > 1 && (!startsLine(text, sentences[j]!.sentence.start) || !isoDate(sentences[j]!.sentence.text))) continue;
    kinds[j] = 'caption';
    while (j > 0 && !kinds[j - 1] && !/\n/.test(text.slice(sentences[j - 1]!.sentence.end, sentences[j]!.sentence.start)))
      kinds[--j] = 'caption';
  }
}

/** Rows a table caption stands above: "Developer(s) Mozilla", "Initial release 2 July 2011". */
const CAPTIONED_ROWS = 3;
const MAX_ROW_WORDS = 8;

/**
 * A line standing alone right above a table (at least three lines in a row, each alone and a short label with its
 * value, no verb) is the table's caption, as an infobox's picture caption is: it describes, it does not claim.
 */
function captionsAboveTables(text: string, sentences: readonly SpottedSentence[]): Set<number> {
  const alone = sentences.map((x) => standsAlone(text, x.sentence));
  // Read only for a line that may be a caption and the lines under it: counting the words of every paragraph was
  // a steady share of an article's analysis.
  const rows: (boolean | undefined)[] = [];
  const row = (i: number) =>
    (rows[i] ??= alone[i]! && titleWords(sentences[i]!.sentence.text) <= MAX_ROW_WORDS && !hasVerb(sentences[i]!.sentence.text));
  const captions = new Set<number>();
  for (let i = 0; i + CAPTIONED_ROWS < sentences.length; i++) {
    if (!alone[i] || /[.!?]["”»']?\s*$/.test(sentences[i]!.sentence.text) || row(i)) continue;
    let rowsUnder = 0;
    while (rowsUnder < CAPTIONED_ROWS && row(i + 1 + rowsUnder)) rowsUnder++;
    if (rowsUnder === CAPTIONED_ROWS) captions.add(i);
  }
  return captions;
}

/** Only spaces and tabs between the line's start (or the text's) and pos. */
function startsLine(text: string, pos: number): boolean {
  let a = pos - 1;
  while (a >= 0 && (text[a] === ' ' || text[a] === '\t')) a--;
  return a < 0 || text[a] === '\n' || text[a] === '\r';
}

const NON_PROSE_LABELS = {
  title: 'a bare title (no verb, under three words): not a claim',
  caption: 'photo caption: not a claim',
  credit: 'photo credit: not a claim',
  byline: 'byline: not a claim',
  metadata: 'metadata: not a claim',
  dateline: 'dateline (where and when the story was filed): not a claim',
  footnote: 'footnote: not a claim',
  editor_note: "an editor's note on how the text was edited: not a claim",
  link: 'a link on its own: not a claim',
  related: 'the headline of another story ("Read more:", "Related:"): not a claim',
  author_bio: 'a note about the reporter: not a claim',
} as const;

function notAClaim(base: SpotterScore, kind: string, label: string): SpotterScore {
  // The sentence model's own reason of that kind (its "dateline" rule) would say the same thing twice.
  const rest = base.reasons.some((r) => r.kind === kind) ? base.reasons.filter((r) => r.kind !== kind) : base.reasons;
  return { score: Math.min(base.score, 0.01), reasons: [{ kind, label, weight: -5 }, ...rest] };
}

/** Captions, credits, bylines and footnotes are not claims, whatever their wording. */
function nonProse(base: SpotterScore, kind: keyof typeof NON_PROSE_LABELS): SpotterScore {
  return notAClaim(base, kind, NON_PROSE_LABELS[kind]);
}

/**
 * A transcript sentence's score: a figure stated by a named source (or inside a quotation with a known
 * speaker) counts for more; a sentence reporting that something could not be disclosed or confirmed
 * counts for less. Each adjustment is a shown reason.
 */
function inContext(base: SpotterScore, sentence: string, who: Attribution): SpotterScore {
  let logit = Math.log(Math.max(1e-6, base.score) / Math.max(1e-6, 1 - base.score));
  const reasons = [...base.reasons];
  if (who.claimant && FIGURE.test(sentence)) {
    const weight = who.viaQuote ? 1 : 0.6;
    logit += weight;
    reasons.push({
      kind: 'sourced_figure',
      label: who.viaQuote ? 'a figure inside a quotation with a known speaker' : 'a figure stated by a named source',
      weight,
    });
  }
  if (reportsOnlySilence(sentence)) {
    logit -= 2.5;
    reasons.push({ kind: 'no_statement', label: 'reports that nothing was said or confirmed', weight: -2.5 });
  }
  if (reasons.length === base.reasons.length) return base;
  sortByStrength(reasons);
  return { score: Math.round((1 / (1 + Math.exp(-logit))) * 10000) / 10000, reasons };
}

/** The sentences whose check-worthiness reaches the threshold (the shipped model's by default). */
export function findCandidates(text: string, threshold?: number): Candidate[] {
  return analyzeText(text, threshold).filter((s) => s.checkWorthy);
}
