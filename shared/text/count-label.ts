/** "1 claimant", "2 claimants", "1,204 claims": a count with its noun in the right number. */
export function countLabel(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? singular : pluralForm}`;
}
