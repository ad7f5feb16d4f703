/** What a speaker phrase names: a person, a body, an outlet, a group, a pronoun or a description to resolve. */

/**
 * What a pronoun may stand for: a person ("he"), a body ("it"), a group ("they"), the organisation speaking
 * ("we" outside a person's quotation) or the speaker whose document it is ("the statement said").
 */
export type PronounKind = 'person' | 'body' | 'plural' | 'we' | 'document';

export type SpeakerKind = 'person' | 'body' | 'outlet' | 'collective' | 'pronoun' | 'person-role' | 'body-role';

export interface SpeakerPhrase {
  kind: SpeakerKind;
  /** The name as written (without titles) or the description/pronoun. */
  name: string;
  /** Lower-case role, title and nationality words around the name ("russian", "president", "ministry"). */
  attrs: string[];
  /** For pronouns: which earlier speaker it may stand for. */
  pronoun?: PronounKind;
  /** The phrase is in an oblique case (Russian genitive after "по словам"): never printed as written. */
  oblique?: boolean;
  /** A role described by whose it is ("Putin's spokesman", "Представитель Путина"): printed as written when no one named nearby holds it. */
  asWritten?: boolean;
  /** Someone not named before, introduced with "a" ("a Commission spokesperson said"): never an earlier person. */
  newcomer?: boolean;
  /** For "his lawyers", "her spokesman": who speaks for the person the pronoun stands for. */
  associates?: string;
  /** For "Volkov will appeal, his lawyer said": the one name before the cue in its sentence, whose associates speak. */
  owner?: string;
  /** The body someone speaks for ("a spokesperson for PrivatBank"), so that a later "the bank" finds it. */
  speaksFor?: { name: string; attrs: string[] };
  /** Where the cue sits in the sentence (UTF-16 offset). */
  at: number;
}
