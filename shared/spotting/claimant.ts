/**
 * Who makes a claim: attribution patterns in news prose ("Putin said", "according to the air force",
 * "…, Zelenskyy told reporters", a quote followed by "he wrote"). Pronouns resolve to the last named
 * person when that is unambiguous.
 */
const VERBS =
  'said|says|told|stated|announced|added|wrote|writes|tweeted|claimed|claims|argued|explained|noted|warned|insisted|confirmed|denied|reported|declared|testified|commented|replied|asked';
const RU_VERBS = 'сказал|сказала|заявил|заявила|сообщил|сообщила|отметил|отметила|написал|написала|заявили|сообщили';
const NAME = String.raw`(?:[A-Z][\p{L}'’.-]+|[А-ЯЁІЇЄҐ][\p{L}'’.-]+)(?:\s+(?:[A-Z][\p{L}'’.-]+|[А-ЯЁІЇЄҐ][\p{L}'’.-]+|de|van|von|bin|al))*`;
const ROLE = String.raw`(?:[Tt]he|[Aa]n?)\s+(?:[\p{L}'’-]+\s+){0,4}?(?:ministry|ministers?|spokes(?:wo)?man|spokesperson|police|army|air force|navy|military|government|agency|office|department|company|committee|council|court|prosecutors?|officials?|authorities|report|statement|survey|study|governor|president|mayor|commission|bank|service|institute|organi[sz]ation|union|group|party|campaign|white house|kremlin|pentagon|fed)`;
const PRONOUNS = /^(?:he|she|him|her)$/i;

const PATTERNS: RegExp[] = [
  // according to X
  new RegExp(String.raw`\baccording to (${ROLE}|${NAME})`, 'iu'),
  // "...," X said / X told reporters
  new RegExp(String.raw`[,"”]\s*(${NAME}|${ROLE}|he|she|they)\s+(?:${VERBS})\b`, 'u'),
  // ..., said X
  new RegExp(String.raw`[,"”]\s*(?:${VERBS})\s+(${NAME}|${ROLE})`, 'u'),
  // X said (that) ... at the start
  new RegExp(String.raw`^\W*(${NAME}|${ROLE}|He|She|They)\s+(?:(?:also|has|had|later|previously|then)\s+)?(?:${VERBS})\b`, 'u'),
  // Russian: по словам X / X заявил
  new RegExp(String.raw`по (?:словам|данным) (${NAME}|[\p{Ll}]+(?:\s[\p{Ll}]+)?)`, 'iu'),
  new RegExp(String.raw`(${NAME})\s+(?:${RU_VERBS})`, 'u'),
  // X, the ... , said
  new RegExp(String.raw`(${NAME}),\s[^,]{3,60},\s(?:${VERBS})\b`, 'u'),
  // anywhere: X (also) said
  new RegExp(String.raw`(${NAME})\s+(?:also\s+)?(?:${VERBS})\b`, 'u'),
];

const ANY_CUE = new RegExp(String.raw`\b(?:${VERBS}|according to)\b|по (?:словам|данным)|${RU_VERBS}`, 'iu');

/** The attribution in one sentence, without pronoun resolution, or null. */
export function attributionIn(sentence: string): string | null {
  // Cheap gate: most sentences carry no attribution verb at all.
  if (!ANY_CUE.test(sentence)) return null;
  for (const re of PATTERNS) {
    const m = re.exec(sentence);
    if (m?.[1]) return cleanName(m[1]);
  }
  return null;
}

function cleanName(raw: string): string {
  return raw
    .replace(/^(?:the|a|an)\s+/i, (m) => m.toLowerCase())
    .replace(/[.,]+$/, '')
    .trim();
}

/** Proper names of people as they appear ("President Barack Obama", "Mr Putin"), for pronoun resolution. */
const PERSON =
  /\b(?:(?:President|Prime Minister|Minister|Senator|Sen\.|Gov\.|Governor|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|General|Gen\.)\s+)?([A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b/g;
const NOT_PEOPLE = /^(?:The|This|That|In|On|At|United|New|White|Supreme|European|Federal|National|Image|According)\b/;

function lastPerson(sentence: string): string | null {
  let last: string | null = null;
  for (const m of sentence.matchAll(PERSON)) if (!NOT_PEOPLE.test(m[1]!)) last = m[1]!;
  return last;
}

/**
 * Claimants for consecutive sentences of one document. "he"/"she" becomes the last named person
 * seen so far, but only when the last two people named were the same person (or only one was named).
 */
export function resolveClaimants(sentences: string[]): (string | null)[] {
  const people: string[] = [];
  return sentences.map((s) => {
    let who = attributionIn(s);
    if (who && PRONOUNS.test(who)) who = new Set(people.slice(-2)).size === 1 ? people[people.length - 1]! : null;
    if (who && /^they$/i.test(who)) who = null;
    const named = lastPerson(s);
    if (named) people.push(named);
    else if (who && !/^(?:the|a|an)\s/.test(who) && /\s/.test(who)) people.push(who);
    return who;
  });
}
