/** Deterministic, varied news-like claim text for benchmarks. */
const SUBJECTS = [
  'The ministry',
  'Officials',
  'The air force',
  'Governor Hale',
  'Dr. Amara Singh',
  'The central bank',
  'Police',
  'The mayor of Lviv',
  'Senator Ortiz',
  'Министерство обороны',
];
const VERBS = ['said', 'reported', 'claimed', 'announced', 'told reporters', 'wrote'];
const FACTS = [
  (n: number) => `${n} drones and ${n % 9} missiles were launched overnight`,
  (n: number) => `unemployment fell to ${(n % 90) / 10}% in ${['May', 'June', 'July', 'Sept.'][n % 4]}`,
  (n: number) => `${n % 35} of the 35 countries signed the agreement`,
  (n: number) => `the town lies about ${n % 400} miles southeast of the capital`,
  (n: number) => `spending rose by $${(n % 50) / 10} billion compared with ${1990 + (n % 35)}`,
  (n: number) => `more than ${n * 3} people were evacuated from ${['Kharkiv', 'São Paulo', 'Dnipro', 'Lagos'][n % 4]}`,
];

export function claimText(i: number): string {
  const n = (i * 7919) % 100_003;
  return `${SUBJECTS[i % SUBJECTS.length]} ${VERBS[(i >> 3) % VERBS.length]} that ${FACTS[(i >> 1) % FACTS.length]!(n)}.`;
}

export const VERDICT_CYCLE = ['unverified', 'unverified', 'sourced', 'disputed', 'unverified'] as const;
