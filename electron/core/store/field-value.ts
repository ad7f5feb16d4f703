import type { FieldDecl } from '../../../shared/entities/field';
import { headRows, type CausalRow } from './causal';
import { setMembers } from '../../../shared/entities/set-members';
import { mergedSetValue } from './set-merge';

const decode = (value: string | null): unknown => (value === null ? null : (JSON.parse(value) as unknown));

/**
 * A field's value from its changes (clock order, at least one), by the merge rule its declaration
 * gives: the latest change's value; for a set field whose changes have several heads (concurrent
 * edits), their set merge, starting from `base()`, the value the field had before any change.
 */
export function loggedFieldValue(decl: FieldDecl | undefined, changes: readonly CausalRow[], base: () => unknown): unknown {
  const latest = changes[changes.length - 1]!;
  if (decl?.merge !== 'set' || changes.length === 1) return decode(latest.value);
  const heads = headRows(changes);
  return heads.length > 1 ? mergedSetValue(changes, heads, setMembers(base())) : decode(latest.value);
}
