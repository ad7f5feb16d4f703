/** What a speaker phrase names: a person, a body, an outlet, a group, a pronoun or a description to resolve. */

export type SpeakerKind = 'person' | 'body' | 'outlet' | 'collective' | 'pronoun' | 'person-role' | 'body-role';

export interface SpeakerPhrase {
  kind: SpeakerKind;
  /** The name as written (without titles) or the description/pronoun. */
  name: string;
  /** Lower-case role, title and nationality words around the name ("russian", "president", "ministry"). */
  attrs: string[];
  /** For pronouns: which earlier speaker it may stand for. */
  pronoun?: 'person' | 'body' | 'plural';
  /** The phrase is in an oblique case (Russian genitive after "по словам"): never printed as written. */
  oblique?: boolean;
  /** Where the cue sits in the sentence (UTF-16 offset). */
  at: number;
}
