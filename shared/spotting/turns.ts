/**
 * Scoring a sentence inside a speaker's turn, for imported transcripts (shared/text/candidates.ts) and live capture
 * (electron/core/capture/transcript-writer.ts) alike.
 */
import type { ScoreReason } from '../domain';
import { withoutHonorific, type SpeakerRole } from '../text/speaker-names';
import { isWhiteSpaceCode } from '../text/whitespace';
import type { Spotter, SpotterScore } from './model';

export interface TurnContext {
  /** The speaker's name (the claimant of every sentence of the turn). */
  speaker: string | null;
  role: SpeakerRole;
  /** The debate's participants' names ("Helen Carter"): scored as a neutral name (see participantsMasked). */
  participants: readonly string[];
  /** The sentence is in a paragraph after the labelled one, where a source named outright may be the claimant. */
  continued?: boolean;
}

/**
 * Who made a sentence said in a turn. In a debate the claim is the speaker's, whoever they cite (docs/spotting.md,
 * "Transcripts"). A moderator or interviewer who cites a source only relays it. An unlabelled paragraph after the
 * labelled one may already be the story's again: there a sentence that names its own speaker outright ("council
 * member Raj Patel said") is that speaker's, and any other stays the turn's.
 */
export function turnClaimant(
  turn: TurnContext,
  sentence: string,
  said: { claimant: string | null; attributed: boolean },
): string | null {
  if (turn.role === 'moderator') return said.claimant ?? turn.speaker;
  if (turn.continued && said.attributed && said.claimant && namesOutright(sentence, said.claimant)) return said.claimant;
  return turn.speaker ?? said.claimant;
}

/** The sentence itself names the claimant (its last word at least), rather than the rules carrying it over. */
function namesOutright(sentence: string, claimant: string): boolean {
  const last = claimant.split(/\s+/).at(-1)!.toLowerCase();
  return last.length > 1 && sentence.toLowerCase().includes(last);
}

/** Words that answer, thank or greet. */
const RESPONSE =
  /^(?:yes|yeah|yep|no|nope|nah|thank you(?: very much)?|thanks|right|correct|absolutely|exactly|sure|okay|ok|indeed|of course|certainly|definitely|not at all|good evening|good morning|good afternoon|hello|hi|well|agreed|true|false|wrong|да|нет|спасибо|конечно)\b/iu;
/** What may follow an answer word in a short answer: "it is", "I do", "sir", "that's right", "both of you". */
const ANSWER_TAIL = new Set(
  (
    "it is isn't was wasn't i do don't did didn't we they he she you are aren't have haven't has hasn't will won't " +
    "would wouldn't can can't that that's this right correct true not so sir ma'am madam senator governor president " +
    'mr mrs ms very much all both of everyone everybody again indeed again absolutely'
  ).split(' '),
);
const MAX_SHORT_ANSWER_WORDS = 5;

/** "No.", "Yes, it is.", "Thank you.", "Good evening.": an answer or a courtesy, never a claim. */
export function isShortAnswer(sentence: string): boolean {
  // Every article sentence is asked; nearly all are ruled out here without lower-casing and splitting them.
  if (moreWordsThan(sentence, MAX_SHORT_ANSWER_WORDS)) return false;
  const words = answerWords(sentence);
  if (words.length === 0 || words.length > MAX_SHORT_ANSWER_WORDS) return false;
  const m = RESPONSE.exec(words.join(' '));
  if (!m) return false;
  return words.slice(m[0].split(' ').length).every((w) => ANSWER_TAIL.has(w.replace(/’/g, "'")));
}

/** The sentence's lower-cased words, signs and punctuation left out. */
export function answerWords(sentence: string): string[] {
  return sentence
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\d'’\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/**
 * Whether more than `max` runs between white space hold an ASCII letter or digit. Each such run gives at least one
 * of answerWords (whose split only adds breaks), so more runs than `max` means more words than `max`.
 */
export function moreWordsThan(sentence: string, max: number): boolean {
  let runs = 0;
  let counted = false;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence.charCodeAt(i);
    if (isWhiteSpaceCode(c)) counted = false;
    else if (!counted && ((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122))) {
      counted = true;
      if (++runs > max) return true;
    }
  }
  return false;
}

/** Addressing the person asked: "Senator Okafor, your plan …", "Governor, …", "you said …". */
const ADDRESSES_LISTENER =
  /^\W*(?:Mr|Mrs|Ms|Dr|Governor|Gov|Senator|Sen|President|Vice President|Congressman|Congresswoman|Mayor|Secretary|Minister|Madam|Sir|Candidates|Gentlemen|Ladies)\.?(?:\s+\p{Lu}[\p{L}'’-]*){0,2},|\b[Yy]ou(?:r|rs|rself)?\b/u;

/**
 * In a moderator's turn, a question and the sentences that set it up for the person asked ("Senator Okafor, your
 * plan would make buses free.") are not claims; a moderator's own statement of fact may be.
 */
export function isModeratorQuestion(sentence: string): boolean {
  return /\?["'”’)\]]*\s*$/u.test(sentence) || ADDRESSES_LISTENER.test(sentence);
}

/** A moderator introducing the debate or its participants: "Tonight's candidates are …", "Joining us is …". */
const INTRODUCTION =
  /\b(?:welcome|joining us|joined by|our (?:guests?|candidates|panel)|(?:tonight's|today's|the) (?:candidates|guests|panelists|debaters) are|let me introduce|introduc(?:e|ing))\b/iu;

/** A moderator's sentence naming two or more of the participants, or introducing them, is not a claim. */
export function isIntroduction(sentence: string, participants: readonly string[]): boolean {
  if (INTRODUCTION.test(sentence)) return true;
  let named = 0;
  for (const p of participants) if (sentence.includes(p.split(/\s+/).pop()!)) named++;
  return named >= 2;
}

/** A name no past debate taught the model anything about. */
const NEUTRAL_NAME = 'Doe';

/**
 * The sentence with the debate's participants' names replaced by a neutral one. The sentence model learned from the
 * 1960–2016 debates, and their participants' names carry weights from those debates ("Governor Carter" −2.4,
 * "David" −2.0, "Trump" +2.1) that say nothing about a sentence of another debate.
 */
export function participantsMasked(sentence: string, participants: readonly string[]): string {
  let out = sentence;
  for (const name of [...participants].sort((a, b) => b.length - a.length)) {
    const words = name.split(/\s+/);
    for (const form of words.length > 1 ? [name, words[words.length - 1]!] : [name]) {
      if (form.length < 2 || !out.includes(form)) continue;
      out = out.replace(new RegExp(`(?<![\\p{L}\\p{M}])${escapeRegExp(form)}(?![\\p{L}\\p{M}])`, 'gu'), NEUTRAL_NAME);
    }
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function notAClaim(base: SpotterScore, kind: string, label: string): SpotterScore {
  return { score: Math.min(base.score, 0.01), reasons: [{ kind, label, weight: -5 } as ScoreReason, ...base.reasons] };
}

/** A turn's sentence scored by the sentence model, its participants' names neutral, and the turn's rules applied. */
export function scoreTurnSentence(spotter: Spotter, sentence: string, turn: TurnContext): SpotterScore {
  const base = spotter.score(participantsMasked(sentence, turn.participants));
  if (isShortAnswer(sentence)) return notAClaim(base, 'short_answer', 'a short answer or courtesy: not a claim');
  if (turn.role === 'moderator' && isModeratorQuestion(sentence))
    return notAClaim(base, 'moderator_question', "the moderator's question or its set-up: not a claim");
  if (turn.role === 'moderator' && isIntroduction(sentence, turn.participants))
    return notAClaim(base, 'introduction', 'the moderator introducing the debate or its participants: not a claim');
  return base;
}

/** The debate's participants: the speakers' names, roles left out. */
export function participantNames(speakers: Iterable<{ name: string; role: SpeakerRole }>): string[] {
  const names = new Set<string>();
  for (const s of speakers) if (s.role === null && /\p{L}{2}/u.test(s.name)) names.add(withoutHonorific(s.name));
  return [...names];
}
