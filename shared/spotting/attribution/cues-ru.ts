/**
 * Russian and Ukrainian attribution cues in one sentence (quoted text blanked): "X заявил", "заявил X",
 * "сообщило Министерство обороны России", "как отметил X", and the genitive "по словам X", "по данным X",
 * "за словами X", whose source is marked oblique so its case form is never printed as a name.
 */
import { RU_BODY_DESCRIPTIONS, RU_BODY_STEMS, RU_GENITIVE_CUES, RU_OUTLET_STEMS, RU_PRONOUNS, RU_ROLE_STEMS, RU_VERBS } from './lexicon';
import type { SpeakerPhrase } from './speaker';
import { tokenize, type Token } from './tokens';

export const RU_CUE =
  /(?:сказал|заяв|сообщ|отмети|отмеча|написал|пишет|подчеркн|добавил|пояснил|уточнил|переда[её]т|передают|рассказал|признал|заверил|объявил|опроверг|предупредил|повідом|сказав|зазначи|написав|наголоси|додав|поясни|розпові|підкресли|по\s+(?:словам|данным|информации|сообщению|мнению|оценк|подсч)|со\s+ссылкой|за\s+(?:словами|даними|інформацією|повідомленням)|згідно\s+з)/iu;

/** Places, in any case: a capitalised word that is not a person's name. */
const PLACE =
  /^(?:росси|рф|украин|україн|сша|франц|герман|кита|москв|киев|київ|кремл|турци|грузи|белорус|білорус|польш|британ|европ|європ|америк|крым|крим|донец|донеч|луган|харьк|харків|одес|вашингтон|брюссел|лондон|париж|берлин|берлін|минск|мінськ|тбилис|анкар|сири|сирі|израил|ізраїл|иран|іран|япони|японі|инди|індії|афганистан|афганістан|керч|петербург|днепр|дніпр|запорож|запоріж|херсон|курск|белгород|брянск|рязан)/;
const LOWER_GENITIVE = /(?:ы|и|а|я|ых|их|ой|ей|ого|его|ов|ев|ий|ій|ої|ів|ии|ії)$/;
const STOP = new Set(['и', 'а', 'но', 'что', 'как', 'об', 'этом', 'это', 'также', 'в', 'во', 'на', 'не', 'і', 'й', 'що', 'як', 'про', 'це', 'також', 'у', 'за', 'по', 'с', 'со', 'з', 'же', 'ранее', 'позже', 'уже', 'вчера', 'сегодня', 'раніше']);

const startsWithAny = (w: string, stems: readonly string[]) => stems.some((s) => w.startsWith(s));
const isRole = (w: string) => startsWithAny(w, RU_ROLE_STEMS);
const isBody = (w: string) => startsWithAny(w, RU_BODY_STEMS);
const isOutlet = (w: string) => startsWithAny(w, RU_OUTLET_STEMS);
const isAcronym = (x: Token) => /^[\p{Lu}\d-]{2,}$/u.test(x.text);

export function russianCues(outside: string): SpeakerPhrase[] {
  if (!RU_CUE.test(outside)) return [];
  const t = tokenize(outside);
  const out: SpeakerPhrase[] = [];
  // Genitive cues first: "по данным ведомства".
  for (const m of outside.matchAll(RU_GENITIVE_CUES)) {
    const from = m.index + m[0].length;
    const k = t.findIndex((x) => x.start >= from);
    if (k < 0) continue;
    const p = forward(t, k);
    if (p) out.push({ ...p, oblique: true, at: m.index });
  }
  for (let i = 0; i < t.length; i++) {
    const x = t[i]!;
    if (x.punct || !RU_VERBS.has(x.lower)) continue;
    if (t[i - 1]?.lower === 'не' || t[i - 1]?.lower === 'ні') continue;
    const prev = t[i - 1];
    if (prev && RU_PRONOUNS[prev.lower]) {
      out.push({ kind: 'pronoun', name: prev.lower, attrs: [], pronoun: RU_PRONOUNS[prev.lower], at: x.start });
      continue;
    }
    const back = prev && !prev.punct ? backward(t, i - 1) : null;
    const p = back ?? forward(t, i + 1);
    if (p) out.push({ ...p, at: x.start });
  }
  return out.sort((a, b) => a.at - b.at);
}

function admissible(x: Token, soFar: Token[]): boolean {
  if (x.punct || STOP.has(x.lower)) return false;
  if (x.cap || isRole(x.lower) || isBody(x.lower) || isOutlet(x.lower)) return true;
  // Lower-case genitive words inside a body's or role's name: "Министерство обороны России".
  return soFar.length > 0 && LOWER_GENITIVE.test(x.lower) && x.lower.length > 2;
}

function backward(t: Token[], j: number): SpeakerPhrase | null {
  const words: Token[] = [];
  for (let k = j; k >= 0 && words.length < 7; k--) {
    const x = t[k]!;
    if (x.punct || STOP.has(x.lower)) break;
    if (x.cap || isRole(x.lower) || isBody(x.lower) || isOutlet(x.lower)) words.unshift(x);
    else if (LOWER_GENITIVE.test(x.lower) && k > 0 && (t[k - 1]!.cap || isRole(t[k - 1]!.lower) || isBody(t[k - 1]!.lower))) words.unshift(x);
    else break;
  }
  // The phrase must start at a head: a capitalised word, a role or a body.
  while (words.length && !(words[0]!.cap || isRole(words[0]!.lower) || isBody(words[0]!.lower) || isOutlet(words[0]!.lower))) words.shift();
  return classifyRu(words);
}

function forward(t: Token[], k: number): SpeakerPhrase | null {
  const words: Token[] = [];
  for (let i = k; i < t.length && words.length < 7; i++) {
    const x = t[i]!;
    if (!admissible(x, words)) break;
    words.push(x);
  }
  return classifyRu(words);
}

export function classifyRu(words: Token[]): SpeakerPhrase | null {
  if (!words.length) return null;
  const head = words[0]!;
  const attrs = words.map((x) => x.lower);
  const text = (xs: Token[]) => xs.map((x) => x.text).join(' ');
  if (isOutlet(head.lower) && !isRole(head.lower)) return { kind: 'outlet', name: text(words), attrs, at: 0 };
  if (isBody(head.lower) && !isRole(head.lower)) {
    if (!head.cap && !isAcronym(head) && startsWithAny(head.lower, RU_BODY_DESCRIPTIONS) && words.length === 1)
      return { kind: 'body-role', name: head.text, attrs, at: 0 };
    if (!head.cap && !isAcronym(head) && words.length === 1) return { kind: 'collective', name: head.text, attrs, at: 0 };
    return { kind: 'body', name: text(words), attrs, at: 0 };
  }
  // Trailing run of capitalised, non-acronym, non-place words: the person's name.
  let r = words.length;
  while (r > 0 && words[r - 1]!.cap && !isAcronym(words[r - 1]!) && !PLACE.test(words[r - 1]!.lower) && !isBody(words[r - 1]!.lower)) r--;
  let name = words.slice(r);
  if (name.length > 3) name = name.slice(-3);
  if (name.length === 3 && !/(?:вич|вна|ична|ич|івна)$/.test(name[1]!.lower)) name = name.slice(-2);
  if (name.length >= 1 && (name.length >= 2 || r > 0 || words.length === 1)) {
    if (name.length === 1 && r === 0 && words.length === 1 && PLACE.test(head.lower)) return null;
    return { kind: 'person', name: text(name), attrs, at: 0 };
  }
  if (isRole(head.lower) && !head.cap) return { kind: 'person-role', name: text(words), attrs, at: 0 };
  if (head.cap && !PLACE.test(head.lower)) return { kind: 'body', name: text(words), attrs, at: 0 };
  return null;
}
