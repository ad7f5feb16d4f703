import type { MergePerson } from '../../shared/team';
import { fullTime } from './format';

export interface IdentityLabel {
  label: string;
  /** Why the label carries a key, for its tooltip; null when the name is the only one of its kind. */
  explained: string | null;
}

/** "SHA256:1a2b 3c4d …" → "1a2b…"; an identity with no pinned key is told by its id. */
function shortKey(person: Pick<MergePerson, 'actorId' | 'keyFingerprint'>): string {
  const hex = person.keyFingerprint?.replace(/^SHA256:/, '').replace(/\s+/g, '') ?? person.actorId;
  return `${hex.slice(0, 4)}…`;
}

/**
 * How to name each identity: its display name alone when no other identity shares it, else the name with
 * its key ("Ben Okafor (key 1a2b…)") and a tooltip that says why one person may have two keys.
 */
export function identityLabels(people: readonly MergePerson[]): Map<string, IdentityLabel> {
  const byName = new Map<string, MergePerson[]>();
  for (const p of people) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  const labels = new Map<string, IdentityLabel>();
  for (const [name, same] of byName) {
    for (const p of same) {
      if (same.length === 1) {
        labels.set(p.actorId, { label: name, explained: null });
        continue;
      }
      const keys = same
        .map((o) => `key ${shortKey(o)}${o.firstSeen ? ` (first seen ${fullTime(o.firstSeen)})` : ''}`)
        .join(' and ');
      labels.set(p.actorId, {
        label: `${name} (key ${shortKey(p)})`,
        explained:
          `${same.length} signing identities use the name ${name}: ${keys}. ` +
          'Each copy of Claimbench (the app, the command line, another computer) signs with its own key; ' +
          'check with them that both are theirs.',
      });
    }
  }
  return labels;
}

/** The people of one row, each name once: identities sharing a name are one entry, saying how many keys. */
export function namesOnce(
  actorIds: readonly string[],
  people: readonly MergePerson[],
): { text: string; title: string | undefined } {
  const byId = new Map(people.map((p) => [p.actorId, p]));
  const counts = new Map<string, number>();
  for (const id of actorIds) {
    const name = byId.get(id)?.name ?? id;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const parts = [...counts].map(([name, n]) => (n > 1 ? `${name} (${n} keys)` : name));
  const shared = [...counts].filter(([, n]) => n > 1).map(([name]) => name);
  return {
    text: parts.join(', '),
    title: shared.length ? `Changes signed with more than one key under the name ${shared.join(', ')}` : undefined,
  };
}
