/**
 * Whether a claimant's name names a person, a group of people ("officials", "researchers") or a body
 * (a ministry, a foundation, "the air force"), read
 * from the name alone, since a claimant may be typed by hand. It reads the name the way attribution
 * reads a speaker phrase at import (classify / classifyRu and their word lists), so the two agree.
 */
import { classify } from './cues-en';
import { classifyRu } from './cues-ru';
import { BODY_HEADS, LEADER_ROLES, PERSON_ROLES, isRuBodyWord } from './lexicon';
import type { SpeakerPhrase } from './speaker';
import { stripPossessive, tokenize, type Token } from './tokens';

export type ClaimantKind = 'person' | 'group' | 'body';

const CYRILLIC = /\p{Script=Cyrillic}/u;

function isPersonRole(word: Token | undefined): boolean {
  const lower = stripPossessive(word?.lower ?? '');
  return PERSON_ROLES.has(lower) || LEADER_ROLES.has(lower);
}

function kindOf(phrase: SpeakerPhrase, words: Token[], cyrillic: boolean): ClaimantKind {
  switch (phrase.kind) {
    case 'body':
    case 'body-role':
    case 'outlet':
      return 'body';
    case 'collective': {
      // "local authorities", "police", "власти" are bodies; "officials", "witnesses", "очевидцы" are groups of people.
      const head = cyrillic ? words[0]!.lower : stripPossessive(words[words.length - 1]!.lower);
      return (cyrillic ? isRuBodyWord(head) : BODY_HEADS.has(head)) ? 'body' : 'group';
    }
    case 'pronoun':
      if (phrase.pronoun === 'body' || phrase.pronoun === 'document') return 'body';
      return phrase.pronoun === 'plural' ? 'group' : 'person';
    default:
      return 'person';
  }
}

/**
 * A claimant typed with a capital as a sentence starts ("Researchers", "Local officials") is read
 * as a name; read with its first word in lower case, a group or a body is what it names.
 */
function groupStartingASentence(words: Token[]): ClaimantKind | null {
  if (!words[0]!.cap || words.slice(1).some((w) => w.cap)) return null;
  const lowered = [{ ...words[0]!, cap: false, text: words[0]!.lower }, ...words.slice(1)];
  const phrase = classify(lowered);
  const kind = phrase ? kindOf(phrase, lowered, false) : null;
  return kind === 'person' ? null : kind;
}

export function claimantKind(name: string): ClaimantKind {
  const words = tokenize(name.trim()).filter((t) => !t.punct);
  if (words.length === 0) return 'person';
  const cyrillic = CYRILLIC.test(words[0]!.text);
  if (!cyrillic) {
    // "President of the European Commission", "Minister of Defence": the office holder, whatever the office.
    const of = words.findIndex((w, i) => i > 0 && w.lower === 'of');
    if (of > 0 && isPersonRole(words[of - 1])) return 'person';
  }
  const phrase = cyrillic ? classifyRu(words) : classify(words);
  if (phrase) {
    const kind = kindOf(phrase, words, cyrillic);
    return kind === 'person' && !cyrillic ? (groupStartingASentence(words) ?? kind) : kind;
  }
  // A description attribution has no entry for ("the organisers' hotline") stands for a body, not a named person.
  return !cyrillic && words[0]!.lower === 'the' && !isPersonRole(words[words.length - 1]) ? 'body' : 'person';
}
