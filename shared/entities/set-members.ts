/** The members of a set field's value (a claim's tags): its strings, once each, in order; anything else is ignored. */
export function setMembers(value: unknown): string[] {
  return Array.isArray(value) ? [...new Set(value.filter((m): m is string => typeof m === 'string'))] : [];
}

/** The members a set field gains and loses between two of its values. */
export function memberChanges(from: unknown, to: unknown): { added: string[]; removed: string[] } {
  const was = setMembers(from);
  const now = setMembers(to);
  return { added: now.filter((m) => !was.includes(m)), removed: was.filter((m) => !now.includes(m)) };
}
