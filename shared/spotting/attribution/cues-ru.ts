/**
 * Russian and Ukrainian attribution cues in one sentence (quoted text blanked): "X заявил", "заявил X",
 * "сообщило Министерство обороны России", "как отметил X", and the genitive "по словам X", "по данным X",
 * "за словами X", whose source is marked oblique so its case form is never printed as a name.
 */
import {
  RU_COLLECTIVE_STEMS,
  RU_GENITIVE_CUES,
  RU_GERUNDS,
  RU_OUTLET_STEMS,
  RU_PRONOUNS,
  RU_ROLE_STEMS,
  RU_SKIP_AFTER_VERB,
  RU_VERBS,
  isRuBodyWord,
} from './lexicon';
import { adjunctMarks, isAddresseeAt, isQuoteToken, namesCompanion } from './adjuncts-ru';
import { locativeBody, locativeBodyAfter } from './locative-body';
import { isGenitiveBodyHead } from './genitive-body';
import type { SpeakerPhrase } from './speaker';
import { tokenize, type Token } from './tokens';
import { classify } from './cues-en';

export const RU_CUE =
  /(?:сказал|посовет|привод|привел|привёл|наводит|наводят|навів|наводять|заяв|сообщал|говор|подтверд|утвержда|счита|полага|каже|кажуть|підтверд|сообщ|отмети|отмеча|написал|писал|пишет|пишут|пишуть|объясни|объясня|подчеркн|добавил|пояснил|уточнил|переда[её]т|передают|рассказал|признал|заверил|объявил|опроверг|предупредил|предупрежда|назвал|назвала|назвали|пообеща|обещает|пообіця|вспомина|вспомнил|згаду|згадав|згадала|называл|напомни|прогнозир|вважа|попереди|нагада|назвав|уточни|дода|повідом|йдеться|ідеться|зазначається|сказав|зазначи|написав|наголоси|додав|поясни|розпові|підкресли|призва|призыва|заклика|опубликова|опублікува|по\s+(?:его\s+|её\s+|ее\s+|их\s+)?(?:словам|данным|информации|сообщению|мнению|оценк|подсч)|со\s+ссылкой|согласно\s+(?:данным|информации)|за\s+(?:його\s+|її\s+|їх\s+)?(?:словами|даними|інформацією|повідомленням)|на\s+(?:його\s+|її\s+|їх\s+)?думку|згідно\s+з)/iu;

/** Words for whom one speaks to: "в интервью AFP", "изданию РБК", "в эфире телеканала". */
const RECIPIENT = new Set([
  'интервью',
  'інтерв’ю',
  "інтерв'ю",
  'изданию',
  'виданню',
  'агентству',
  'телеканалу',
  'газете',
  'газеті',
  'эфире',
  'ефірі',
]);
const PREPOSITION_IN = /^(?:в|во|у)$/;

/** Two or more capitalised words that are not bodies, places or initials: a person's name. */
function namesPerson(words: Token[]): boolean {
  return words.length >= 2 && words.every((w) => w.cap && !isBody(w.lower) && !isAcronym(w) && !PLACE.test(w.lower));
}

/** A date between an inverted verb and its speaker: "сообщают 2 декабря 2018 года СМИ". */
const DATE_WORD =
  /^(?:\d{1,4}|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|года|году|г|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня|року)$/;

/** Places, in any case: a capitalised word that is not a person's name. */
const PLACE =
  /^(?:росси|рф|украин|україн|сша|франц|герман|кита|москв|киев|київ|кремл|турци|грузи|белорус|білорус|польш|британ|европ|європ|америк|крым|крим|донец|донеч|луган|харьк|харків|одес|вашингтон|брюссел|лондон|париж|берлин|берлін|минск|мінськ|тбилис|анкар|сири|сирі|израил|ізраїл|иран|іран|япони|японі|инди|індії|афганистан|афганістан|керч|петербург|днепр|дніпр|запорож|запоріж|херсон|курск|белгород|брянск|рязан)/;
const LOWER_GENITIVE = /(?:ы|и|а|я|ых|их|ой|ей|ого|его|ов|ев|ий|ій|ої|ів|ии|ії)$/;
/** Adjective endings of the genitive (Russian and Ukrainian): "Белгородской", "Харківської", "Вооружённых". */
const GENITIVE_ADJECTIVE = /(?:ых|их|ой|ей|ого|его|ої)$/;
/** Genitive plurals with no ending, which could pass for a past-tense verb ("дел"): "Министерство иностранных дел". */
const BARE_GENITIVE_PLURAL = new Set(['дел', 'справ', 'сил', 'войск', 'служб']);
const STOP = new Set([
  'и',
  'а',
  'но',
  'что',
  'как',
  'об',
  'этом',
  'это',
  'также',
  'в',
  'во',
  'на',
  'не',
  'і',
  'й',
  'що',
  'як',
  'про',
  'це',
  'також',
  'у',
  'за',
  'по',
  'с',
  'со',
  'з',
  'же',
  'ранее',
  'позже',
  'уже',
  'вчера',
  'сегодня',
  'раніше',
  'от',
  'из',
  'до',
  'для',
  'при',
  'о',
  'к',
  'после',
  'перед',
  'между',
  'под',
  'над',
  'через',
  'від',
  'до',
  'після',
  'при',
  'среди',
  'серед',
  'однако',
  'проте',
  'тогда',
  'тому',
  'поэтому',
]);

/** Possessive pronouns after "по словам": "по его словам" → the person named before. */
const GENITIVE_PRONOUNS: Record<string, 'person' | 'plural'> = {
  его: 'person',
  её: 'person',
  ее: 'person',
  их: 'plural',
  його: 'person',
  її: 'person',
  їх: 'plural',
};
/** "по его словам", "по их данным", "за його словами": the source is a pronoun between the preposition and the noun. */
const POSSESSIVE_CUE =
  /(?:^|[\s,«"(—–-])(?:по|за|на)\s+(его|её|ее|их|його|її|їх)\s+(?:словам|мнению|данным|оценке|оценкам|словами|даними|думку)(?=[\s,.])/giu;
/** "говорится в сообщении (ведомства)", "йдеться в повідомленні": what a statement says. */
const STATEMENT_SAYS =
  /(?:говорится|сказано|йдеться|ідеться|зазначається)\s+(?:в|во|у)\s+(?:сообщении|заявлении|материале|публикации|докладе|пресс-релизе|релизе|документе|повідомленні|заяві|документі|прес-релізі)(?=[\s,.;!?]|$)\s*/giu;

/** "пишут", "пишуть": a verb of reporting only before what is reported. */
const WRITE_PLURAL = /^(?:пишут|пишуть)$/;
const WHAT_IS_WRITTEN = /^(?:[,:—–-]|что|що|о|об|про)$/i;

/** Adverbs between a subject and its verb of saying. */
const VERB_ADVERBS = new Set([
  'также',
  'тоже',
  'ранее',
  'позже',
  'позднее',
  'уже',
  'затем',
  'потом',
  'вновь',
  'снова',
  'також',
  'теж',
  'вже',
  'раніше',
  'згодом',
  'пізніше',
  'потім',
]);

const startsWithAny = (w: string, stems: readonly string[]) => stems.some((s) => w.startsWith(s));
const isRole = (w: string) => startsWithAny(w, RU_ROLE_STEMS);
const isBody = isRuBodyWord;
const isOutlet = (w: string) => startsWithAny(w, RU_OUTLET_STEMS);
const isAcronym = (x: Token) => /^[\p{Lu}\d-]{2,}$/u.test(x.text);
const isCollective = (w: string) => startsWithAny(w, RU_COLLECTIVE_STEMS);
const isLatin = (x: Token) => /^[A-Za-z]/.test(x.text);
const VERB_LIKE = /(?:ся|сь|л|ла|ли|ло|ет|ют|ит|ат|ят|ти|ть)$/;
const JOINT = new Set(['и', 'і', 'та']);
/** A man's first name and surname in the nominative only: the first name's bare stem, no oblique ending on the surname. */
function nominativeMansName([first, surname]: Token[]): boolean {
  return /[бвгджзйклмнпрстфхцчшщ]$/.test(first!.lower) && !/(?:а|я|у|ю|ым|им|ом|ем|е|ого|его|ой)$/.test(surname!.lower);
}

/**
 * A group's lower-case noun in the genitive plural in the nominative plural ("спасателей" → "спасатели", "экспертов"
 * → "эксперты", "аналитиков" → "аналитики", "синоптиків" → "синоптики"), or null for any other word.
 */
function collectiveNominative(x: Token): string | null {
  if (x.cap || x.punct || !isCollective(x.lower)) return null;
  const w = x.lower;
  if (/[тлрн]ей$/.test(w)) return w.slice(0, -2) + 'и';
  if (/цев$/.test(w)) return w.slice(0, -2) + 'ы';
  if (/[кгхжшчщ]ов$/.test(w)) return w.slice(0, -2) + 'и';
  if (/ов$/.test(w)) return w.slice(0, -2) + 'ы';
  if (/ців$/.test(w)) return w.slice(0, -2) + 'і';
  if (/ів$/.test(w)) return w.slice(0, -2) + 'и';
  return null;
}

/** Words that describe a body named before rather than name one. */
const DESCRIPTION_WORD = /^(?:ведомств|відомств|министерств|міністерств|регулятор|компани|компані)\p{L}*$/u;
/** A press office in the nominative. */
const PRESS_OFFICE = /^(?:пресс-служба|прес-служба)$/;
const PLURAL_VERB = /(?:ли|ют|ят)$/;
/** Prepositions inside a body's name: "служба з надзвичайних ситуацій", "комитет по бюджету", "департамент при суде". */
const BODY_NAME_PREPOSITION = /^(?:з|із|по|при|у справах|с)$/;
/** Nouns closing a body's name after its adjectives ("Московская биржа", "Белый дом", "міська рада"). */
const BODY_NOUN =
  /^(?:дом|биржа|біржа|палата|рада|дума|партия|партія|гвардия|гвардія|армия|армія|флот|фонд|академия|академія|церковь|церква|синод|полиция|поліція|прокуратура|комиссия|комісія|инспекция|інспекція|агентство|агенція|корпорация|корпорація|ассоциация|асоціація|союз|спілка|суд|совет|комитет|комітет|служба|администрация|адміністрація|управа|мэрия|организация|організація)$/;
/** Adjectives in the nominative, as they open a body's name ("Московская биржа", "Державна служба", "Верховный суд"). */
const ADJECTIVE_NOMINATIVE = /(?:ая|яя|ый|ий|ое|ее|ые|ие|ська|цька|зька|ьна|вна|чна|йна|ське|цьке|ьне)$/;
/** Oblique endings of adjectives and feminine nouns: never the end of a name in the nominative. */
const OBLIQUE_TAIL = /(?:ой|ей|ому|ему|ую|ых|их)$/;

export function russianCues(outside: string): SpeakerPhrase[] {
  if (!RU_CUE.test(outside)) return [];
  const t = tokenize(outside);
  const marks = adjunctMarks(t);
  const out: SpeakerPhrase[] = [];
  // Genitive cues first: "по данным ведомства".
  for (const m of outside.matchAll(RU_GENITIVE_CUES)) {
    const from = m.index + m[0].length;
    const k = t.findIndex((x) => x.start >= from);
    if (k < 0) continue;
    const pronoun = GENITIVE_PRONOUNS[t[k]!.lower];
    if (pronoun) {
      // "По его словам": the speaker named before.
      out.push({ kind: 'pronoun', name: t[k]!.lower, attrs: [], pronoun, at: m.index });
      continue;
    }
    // "по данным спасателей", "за даними синоптиків": a group in the genitive plural, put back in the nominative.
    const group = t[k + 1]?.punct !== false ? collectiveNominative(t[k]!) : null;
    if (group) {
      out.push({ kind: 'collective', name: group, attrs: [t[k]!.lower], at: m.index });
      continue;
    }
    const p = forward(t, k, true);
    if (p) out.push({ ...p, oblique: true, at: m.index });
  }
  for (const m of outside.matchAll(POSSESSIVE_CUE)) {
    const pronoun = GENITIVE_PRONOUNS[m[1]!.toLowerCase()];
    if (pronoun) out.push({ kind: 'pronoun', name: m[1]!.toLowerCase(), attrs: [], pronoun, at: m.index });
  }
  for (const m of outside.matchAll(STATEMENT_SAYS)) {
    const k = t.findIndex((x) => x.start >= m.index + m[0].length);
    const p = k >= 0 && !t[k]!.punct ? forward(t, k, true) : null;
    if (p) out.push({ ...p, oblique: true, at: m.index });
    // "…, говорится в сообщении." with no one named: the statement of whoever spoke just before.
    else if (k < 0 || t[k]!.punct) out.push({ kind: 'pronoun', name: m[0].trim(), attrs: [], pronoun: 'document', at: m.index });
    // "йдеться в заяві фонду": whose statement, described by a word for a body named before.
    else if (!t[k]!.cap && !STOP.has(t[k]!.lower) && (t[k + 1]?.punct ?? true))
      out.push({ kind: 'body-role', name: t[k]!.text, attrs: [t[k]!.lower], oblique: true, at: m.index });
  }
  for (let i = 0; i < t.length; i++) {
    const x = t[i]!;
    if (!x.punct && RU_GERUNDS.has(x.lower)) {
      // "Павел Дуров отказался это сделать, заявив, что …": the sentence's subject speaks; "От комментариев
      // глава республики отказался, добавив …": the subject stands right before the verb.
      const p = leading(t) ?? subjectBefore(t, i, marks);
      if (p) {
        out.push({ ...p, at: x.start });
        continue;
      }
      // (In Ukrainian the same word is a verb in the past: "— пояснив він", "— заявив Зеленський".)
    }
    if (x.punct || !(RU_VERBS.has(x.lower) || citesData(t, i))) continue;
    // "пишут для зарубежных сайтов" is writing, not reporting: "пишут" reports only what or about what follows.
    if (WRITE_PLURAL.test(x.lower) && !(t[i + 1] && WHAT_IS_WRITTEN.test(t[i + 1]!.text))) continue;
    if (t[i - 1]?.lower === 'не' || t[i - 1]?.lower === 'ні') continue;
    let p0 = i - 1;
    while (p0 > 0 && VERB_ADVERBS.has(t[p0]!.lower)) p0--;
    // "Она также предупредила", and after the verb, closing a quotation: "— сказал он журналистам".
    const pronoun = [t[p0], t[i + 1]].find((w) => w && RU_PRONOUNS[w.lower]);
    if (pronoun) {
      out.push({ kind: 'pronoun', name: pronoun.lower, attrs: [], pronoun: RU_PRONOUNS[pronoun.lower], at: x.start });
      continue;
    }
    // "В СК РФ уже подтвердили": an undeclined body named in the locative with a plural verb.
    if (/(?:ли|ют|ят)$/.test(x.lower)) {
      const body = locativeBody(t, i);
      if (body) {
        out.push({ kind: bodyKindOf(body), name: body, attrs: body.toLowerCase().split(' '), at: x.start });
        continue;
      }
      let k = i - 1;
      while (k >= 0 && STOP.has(t[k]!.lower) && !/^(?:в|во|у)$/.test(t[k]!.lower)) k--;
      const acr: Token[] = [];
      while (k >= 0 && isAcronym(t[k]!)) acr.unshift(t[k--]!);
      if (acr.length && k >= 0 && /^(?:в|во|у)$/.test(t[k]!.lower)) {
        out.push({ kind: 'body', name: acr.map((a) => a.text).join(' '), attrs: acr.map((a) => a.lower), at: x.start });
        continue;
      }
    }
    let j = i - 1;
    // "Аксёнов также уточнил": the subject stands before the adverb.
    while (j > 0 && VERB_ADVERBS.has(t[j]!.lower)) j--;
    if (t[j]?.text === ')') {
      // "Абдулла Хсрат (Abdullah Hsrat) сказал": skip the parenthesis.
      while (j >= 0 && t[j]!.text !== '(') j--;
      j--;
    }
    // "Путин в Сочи заявил", "Песков журналистам заявил": whom one spoke to, where and when, stand between the
    // subject and its verb.
    const skippedTo = j;
    while (j >= 0 && (marks[j] || (j < skippedTo && VERB_ADVERBS.has(t[j]!.lower)))) j--;
    const companion = namesCompanion(t, j + 1, skippedTo + 1);
    const back = j >= 0 && !t[j]!.punct && !companion ? backward(t, j, marks) : null;
    let f = i + 1;
    // ("Как рассказал «Интерфаксу» Дмитрий Песков": an outlet in quotation marks, blanked, is spoken to.)
    while (
      f < t.length &&
      (RU_SKIP_AFTER_VERB.has(t[f]!.lower) ||
        VERB_ADVERBS.has(t[f]!.lower) ||
        DATE_WORD.test(t[f]!.lower) ||
        marks[f] ||
        isQuoteToken(t[f]!))
    )
      f++;
    let p = companion ? null : (back ?? forward(t, f, false, marks) ?? bodyAfterPluralVerb(t, i, marks));
    // "повідомили в ДСНС Закарпаття": a plural verb is never said by one person named after it.
    if (p?.kind === 'person' && PLURAL_VERB.test(x.lower)) p = back ? null : bodyAfterPluralVerb(t, i, marks, true);
    // "Эксперты сообщили": nor is it said by one person a role word describes.
    if (p?.kind === 'person-role' && PLURAL_VERB.test(x.lower)) p = null;
    // "Об этом сообщили РИА Новости в пресс-службе ведомства": the outlet is told; the office in the locative speaks.
    if (!back && p?.kind === 'outlet' && locativeInClause(t, f, marks)) p = bodyAfterPluralVerb(t, i, marks, true);
    if (p) out.push({ ...p, at: x.start });
  }
  return out.sort((a, b) => a.at - b.at);
}

function admissible(x: Token, soFar: Token[], next?: Token): boolean {
  if (x.punct || STOP.has(x.lower)) return false;
  // "Telegram-канал 112": a number right after a name belongs to it.
  if (/^\d+$/.test(x.text) && soFar.length > 0 && soFar[soFar.length - 1]!.cap) return true;
  if (x.cap || isRole(x.lower) || isBody(x.lower) || isOutlet(x.lower)) return true;
  // "официальный представитель СК Светлана Петренко": an adjective before a role.
  if (!soFar.length && next && isRole(next.lower) && ADJECTIVE_NOMINATIVE.test(x.lower)) return true;
  // Lower-case genitive words inside a body's or role's name: "Министерство обороны России".
  const prev = soFar[soFar.length - 1];
  // "Московская биржа", "Харківська міська рада": a body's noun after a capitalised adjective (and its lower-case
  // fellows); never an adverb after a surname of the same form ("— сказала Зеленская накануне").
  if (prev && soFar[0]!.cap && soFar.every((w) => ADJECTIVE_NOMINATIVE.test(w.lower)) && /^\p{Ll}{3,}$/u.test(x.text)) {
    const bodyNoun = (w: Token | undefined) => !!w && (isBody(w.lower) || BODY_NOUN.test(w.lower));
    if (bodyNoun(x) || (ADJECTIVE_NOMINATIVE.test(x.lower) && bodyNoun(next))) return true;
  }
  // "речник Повітряних сил Юрій Ігнат", "Вооружённых сил": the noun after an adjective in the genitive plural.
  // "губернатор Белгородской области Вячеслав Гладков": the noun after a capitalised adjective in the genitive.
  // ("за даними Повітряних сил": the noun may close the phrase when it is a bare genitive plural.)
  // ("начальник Харківської обласної військової адміністрації Олег Синєгубов": lower-case adjectives in the genitive
  // may come between, as long as a genitive noun follows them.)
  if (
    prev?.cap &&
    GENITIVE_ADJECTIVE.test(prev.lower) &&
    /^\p{Ll}+$/u.test(x.text) &&
    (next?.cap ||
      BARE_GENITIVE_PLURAL.has(x.lower) ||
      (GENITIVE_ADJECTIVE.test(x.lower) && !!next && /^\p{Ll}+$/u.test(next.text) && isLowerGenitive(next.lower)))
  )
    return true;
  // ("речник Сил оборони півдня": a bare genitive plural heads the words after it as a body's noun does.)
  return (
    !!prev &&
    (isBody(prev.lower) || isRole(prev.lower) || !prev.cap || BARE_GENITIVE_PLURAL.has(prev.lower)) &&
    isLowerGenitive(x.lower) &&
    x.lower.length > 2
  );
}

/**
 * Abstract and feminine nouns in "-ости", "-асти" in the genitive ("безопасности", "области", "власти"), which end
 * as an infinitive in "-ти" does; "спасти", "вырасти" are verbs.
 */
const GENITIVE_IN_STI = /(?:ост|[^рп]аст)и$/;

/** A lower-case word in the genitive that continues a body's or role's name, not a verb. */
function isLowerGenitive(w: string): boolean {
  return BARE_GENITIVE_PLURAL.has(w) || (LOWER_GENITIVE.test(w) && (!VERB_LIKE.test(w) || GENITIVE_IN_STI.test(w)));
}

function backward(t: Token[], j: number, marks?: number[]): SpeakerPhrase | null {
  const words: Token[] = [];
  for (let k = j; k >= 0 && words.length < 7; k--) {
    const x = t[k]!;
    if (x.punct || STOP.has(x.lower) || marks?.[k]) break;
    // (A user's handle in Latin script right before the verb: "Пользователь ЖЖ zyalt сообщает".)
    const handle = !words.length && isLatin(x) && LATIN_HANDLE.test(x.text);
    if (x.cap || handle || isRole(x.lower) || isBody(x.lower) || isOutlet(x.lower) || (isCollective(x.lower) && !words.length)) {
      words.unshift(x);
      // "Заключенные журналисты в России Комитет защиты журналистов": a body's name starts at its head word
      // (…but in "Пресс-секретарь Кремля Дмитрий Песков" the body qualifies the role of the person named after it).
      // ("Председатель Банка России Эльвира Набиуллина": a role before the body, a person's name closing the phrase.)
      const roleBefore = k > 0 && isRole(t[k - 1]!.lower) && namesPerson(words.slice(-2));
      if (isBody(x.lower) && x.cap && words.length > 1 && !namesPerson(words.slice(1)) && !roleBefore) break;
    } else if (isLowerGenitive(x.lower) && genitiveOfHead(t, k)) words.unshift(x);
    // "Белый дом опубликовал", "Московская биржа сообщила": a body's noun after its capitalised adjective.
    else if (!words.length && BODY_NOUN.test(x.lower) && t[k - 1]?.cap && ADJECTIVE_NOMINATIVE.test(t[k - 1]!.lower))
      words.unshift(x);
    else break;
  }
  // The phrase must start at a head: a capitalised word, a role or a body.
  while (
    words.length &&
    !(
      words[0]!.cap ||
      isRole(words[0]!.lower) ||
      isBody(words[0]!.lower) ||
      isOutlet(words[0]!.lower) ||
      isCollective(words[0]!.lower)
    )
  )
    words.shift();
  // "Зеленский в интервью AFP заявил": the outlet spoken to is not the speaker; the subject before it is.
  const recipient = t[j - words.length];
  if (words.length && recipient && RECIPIENT.has(recipient.lower)) {
    let k = j - words.length - 1;
    if (k >= 0 && PREPOSITION_IN.test(t[k]!.lower)) k--;
    return k >= 0 && !t[k]!.punct ? backward(t, k, marks) : null;
  }
  // "Виктор Янукович и Реджеп Эрдоган объявили": two speakers at once, none is printed…
  const before = t[j - words.length];
  if (words.length && before && JOINT.has(before.lower)) return outletPair(t, j - words.length, words);
  return classifyRu(words);
}

/** Plural words for outlets that may open a list of their names ("Издания Tolo и Pajhwok", "СМИ", "агентства"). */
const OUTLETS_PLURAL = /^(?:издания|видання|сми|зми|агентства|агенції|газеты|газети|телеканалы|телеканали)$/;

/**
 * …but outlets named together after a plural word for them report as one ("Издания Tolo и Pajhwok сообщают"): the
 * two names joined at `and` (the conjunction, `second` the name after it), printed as written; else null.
 */
function outletPair(t: Token[], and: number, second: Token[]): SpeakerPhrase | null {
  const first: Token[] = [];
  let k = and - 1;
  while (k >= 0 && first.length < 3 && (t[k]!.cap || isLatin(t[k]!)) && !OUTLETS_PLURAL.test(t[k]!.lower)) first.unshift(t[k--]!);
  if (!first.length || k < 0 || !OUTLETS_PLURAL.test(t[k]!.lower)) return null;
  if (![...first, ...second].every((x) => x.cap && !isRole(x.lower) && !isBody(x.lower))) return null;
  const name = `${first.map((x) => x.text).join(' ')} ${t[and]!.text} ${second.map((x) => x.text).join(' ')}`;
  return { kind: 'outlet', name, attrs: name.toLowerCase().split(' '), at: 0 };
}

/** A lower-case genitive at k that hangs, through at most two more genitives, on a capitalised word, a role or a body. */
function genitiveOfHead(t: Token[], k: number): boolean {
  for (let h = k - 1; h >= Math.max(0, k - 3); h--) {
    const x = t[h]!;
    if (x.punct || STOP.has(x.lower)) return false;
    if (x.cap || isRole(x.lower) || isBody(x.lower)) return true;
    if (!isLowerGenitive(x.lower)) return false;
  }
  return false;
}

/** (`marks`: the addressees and adjuncts of the sentence, where a speaker phrase after the verb ends.) */
function forward(t: Token[], k: number, oblique = false, marks?: number[]): SpeakerPhrase | null {
  const words: Token[] = [];
  let i = k;
  for (; i < t.length && words.length < 10; i++) {
    const x = t[i]!;
    if (marks?.[i]) {
      // "заявили Путин с Эрдоганом": two speakers, none is printed.
      if (namesCompanion(t, i, i + 1)) return null;
      break;
    }
    // "Центра исследований федерального и регионального рынков": "и" joining two lower-case words is inside one name.
    const next = t[i + 1];
    if (
      JOINT.has(x.lower) &&
      words.length &&
      !words[words.length - 1]!.cap &&
      next &&
      !next.cap &&
      !isRole(next.lower) &&
      LOWER_GENITIVE.test(next.lower)
    ) {
      words.push(x);
      continue;
    }
    if (!admissible(x, words, t[i + 1]) && !(isCollective(x.lower) && !words.length)) break;
    words.push(x);
  }
  if (t[i] && JOINT.has(t[i]!.lower)) return null;
  // "Державна служба України з надзвичайних ситуацій", "Комитет по бюджету": a body's name goes on after a
  // preposition to the end of the clause; cut there, it would be printed short.
  if (words.length && t[i] && BODY_NAME_PREPOSITION.test(t[i]!.lower) && words.some((w) => isBody(w.lower))) {
    let e = i + 1;
    // ("Главного управления МЧС по Курской области": a region's name may close it.)
    while (e < t.length && !t[e]!.punct && /^\p{L}+$/u.test(t[e]!.text) && e - i <= 4) e++;
    if (e === i + 1 || (e < t.length && !t[e]!.punct)) return null;
    words.push(...t.slice(i, e));
  }
  const p = classifyRu(words, oblique);
  // "лидер Меджлиса крымско-татарского народа, народный депутат Украины Мустафа Джемилев": a role, then the
  // person in an apposition after the comma.
  if (p?.kind === 'person-role' && !oblique) {
    let c = i;
    while (c < t.length && c - i < 4 && !t[c]!.punct && !t[c]!.cap && LOWER_GENITIVE.test(t[c]!.lower)) c++;
    if (t[c]?.text === ',') return appositionName(t, c + 1) ?? p;
  }
  return p;
}

/** A person's full name closing the clause that starts at k ("народный депутат Украины Мустафа Джемилев"). */
function appositionName(t: Token[], k: number): SpeakerPhrase | null {
  let end = k;
  while (end < t.length && !t[end]!.punct && end - k < 8) end++;
  if (end < t.length && !t[end]!.punct) return null;
  const name: Token[] = [];
  for (let e = end - 1; e >= k && name.length < 3 && t[e]!.cap && !isAcronym(t[e]!) && !PLACE.test(t[e]!.lower); e--)
    name.unshift(t[e]!);
  if (!namesPerson(name)) return null;
  const p = classifyRu(name);
  return p?.kind === 'person' && p.name.includes(' ') ? { ...p, attrs: t.slice(k, end).map((x) => x.lower) } : null;
}

/**
 * "Как сообщили журналистам в Минобороны России", "заявили в Кремле журналистам": a plural verb, then a body in the
 * locative among the words after it, says it.
 */
function bodyAfterPluralVerb(t: Token[], verb: number, marks: number[], pastWords = false): SpeakerPhrase | null {
  if (!PLURAL_VERB.test(t[verb]!.lower)) return null;
  for (let k = verb + 1; k < t.length && (marks[k] || isQuoteToken(t[k]!) || (pastWords && !t[k]!.punct)); k++) {
    if (!/^(?:в|во|у)$/.test(t[k]!.lower)) continue;
    let e = k + 1;
    while (e < t.length && marks[e] === marks[k] && !t[e]!.punct) e++;
    // (The country after an undeclined name: "в Минобороны России".)
    if (t[e] && /^(?:России|Украины|України|РФ)$/.test(t[e]!.text)) e++;
    // (A region after initials: "в ДСНС Закарпаття", "в МВД Татарстана".)
    else if (e === k + 2 && /^[\p{Lu}\d-]{2,}$/u.test(t[k + 1]!.text) && t[e]?.cap && !/^[\p{Lu}\d-]{2,}$/u.test(t[e]!.text)) e++;
    // ("в Державній службі України з надзвичайних ситуацій": a name going on past the country is not cut short there.)
    if (/^(?:з|із|с|по)$/.test(t[e]?.lower ?? '') && t[e + 1] && !t[e + 1]!.cap && !t[e + 1]!.punct) return null;
    const name = locativeBodyAfter(t.slice(k + 1, e));
    return name ? { kind: bodyKindOf(name), name, attrs: name.toLowerCase().split(' '), at: t[verb]!.start } : null;
  }
  return null;
}

/** A locative body's name ("Минобороны России") names it; a lower-case head ("ведомство") describes one named before. */
const bodyKindOf = (name: string): 'body' | 'body-role' => (/^\p{Ll}/u.test(name) ? 'body-role' : 'body');

/** An adjunct with "в"/"у" before the clause ends. */
function locativeInClause(t: Token[], from: number, marks: number[]): boolean {
  for (let k = from; k < t.length && !(t[k]!.punct && !isQuoteToken(t[k]!)); k++)
    if (marks[k] && /^(?:в|во|у)$/.test(t[k]!.lower)) return true;
  return false;
}

/** The subject right before the last finite past-tense verb before token g ("глава республики отказался"). */
function subjectBefore(t: Token[], g: number, marks: number[]): SpeakerPhrase | null {
  for (let v = g - 1; v > 0; v--) {
    const x = t[v]!;
    if (x.punct) continue;
    if (!/(?:лся|лась|лись|ил|ила|или|ал|ала|али)$/.test(x.lower)) continue;
    const p = t[v - 1]!.punct ? null : backward(t, v - 1, marks);
    return p && p.kind !== 'person' ? p : p?.name.includes(' ') ? p : null;
  }
  return null;
}

/** The noun phrase opening a sentence, when it names someone ("Міністерство оборони України опублікувало …"). */
export function subjectRu(outside: string): SpeakerPhrase | null {
  const t = tokenize(outside.slice(0, 200));
  return leading(t);
}

/** The subject at the start of the sentence. */
function leading(t: Token[]): SpeakerPhrase | null {
  const words: Token[] = [];
  for (let i = 0; i < t.length && words.length < 7; i++) {
    const x = t[i]!;
    // (Prepositions end it anyway; "Песков журналистам" ends before whom he spoke to.)
    if (!admissible(x, words, t[i + 1]) || isAddresseeAt(t, i)) break;
    words.push(x);
  }
  return classifyRu(words);
}

/** "СМИ приводят неподтверждённые данные", "ведомство привело цифры": citing figures is reporting them. */
const CITES =
  /^(?:привод(?:ит|ят|ил|ила|или)|привел|привёл|привела|привело|привели|наводит|наводят|навів|навела|навели|наводять)$/;
const DATA_NOUN = /^(?:данные|дані|цифры|цифри|сведения|статистику|статистику|подсчеты|подсчёты|оценки)$/;
function citesData(t: Token[], i: number): boolean {
  if (!CITES.test(t[i]!.lower)) return false;
  for (let k = i + 1; k <= i + 3 && k < t.length && !t[k]!.punct; k++) if (DATA_NOUN.test(t[k]!.lower)) return true;
  return false;
}

/**
 * Genitive endings of a name or place after a role ("Представитель Путина Дмитрий Песков", "Глава Чечни Рамзан
 * Кадыров": whose the role is, not a first name) and the patronymics that may follow a first name.
 */
const GENITIVE_OF_ROLE = /(?:а|я|ы|и|ой|ого|его)$/;
const PATRONYMIC = /(?:ович|евич|ич|овна|евна|ична|инична|івна|ївна)$/;
/** A profession written before a name at a sentence's start ("Эколог", "Політолог", "Экономист", "Адвокат"). */
const FIRST_WORD_TITLE = /(?:лог|ист|іст|ант|ент|ер|ор|ар|ик|ік|ец|ець|тель|тор|ач|ач)$/;
/** Roles held for someone else ("представитель Путина", "адвокат Навального"), not titles ("министр Лавров"). */
const RELATIONAL_ROLE =
  /^(?:представител|представник|пресс-секретар|прес-секретар|спикер|речни|помощник|помічник|советник|радник|заместител|заступник|адвокат|юрист)/;
const LATIN_HANDLE = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/** An all-Latin run read as English: a person when English reads it as one, else null (a body by default). */
function latinName(words: Token[]): SpeakerPhrase | null {
  const p = words.length >= 2 && words.every((x) => x.cap) ? classify(words) : null;
  return p?.kind === 'person' && p.name.includes(' ') ? { ...p, attrs: words.map((x) => x.lower) } : null;
}

/** A Cyrillic role (and initials) followed by a Latin-script name or a user's handle: that person. */
function latinTail(words: Token[]): SpeakerPhrase | null {
  let r = words.length;
  // (A lower-case handle after the platform's name: "Пользователь Twitter kotik_88".)
  const last = words[words.length - 1];
  if (last && !last.cap && isLatin(last) && LATIN_HANDLE.test(last.text)) r = words.length - 1;
  else while (r > 0 && isLatin(words[r - 1]!) && LATIN_HANDLE.test(words[r - 1]!.text)) r--;
  if (r === 0 || r === words.length || words.length - r > 3) return null;
  const before = words.slice(0, r);
  if (!before.some((x) => isRole(x.lower) || isCollective(x.lower))) return null;
  if (before.some((x) => isLatin(x)) && (r !== words.length - 1 || words[r]!.cap)) return null;
  const run = words.slice(r);
  const attrs = words.map((x) => x.lower);
  // A single lower-case word is a user's handle ("zyalt"); capitalised words must read as a person's name.
  if (run.length === 1 && !run[0]!.cap) return { kind: 'person', name: run[0]!.text, attrs, at: 0 };
  const p = latinName(run);
  return p ? { ...p, attrs } : null;
}

export function classifyRu(words: Token[], oblique = false): SpeakerPhrase | null {
  if (!words.length) return null;
  const head = words[0]!;
  const attrs = words.map((x) => x.lower);
  const text = (xs: Token[]) => xs.map((x) => x.text).join(' ');
  // ("пишет газета «Коммерсантъ»": the quoted title is blanked, and a bare lower-case "газета" names no one.)
  if (isOutlet(head.lower) && !isRole(head.lower))
    return words.length === 1 && !head.cap ? null : { kind: 'outlet', name: text(words), attrs, at: 0 };
  // ("Эксперты сообщили": a group opening a sentence, capitalised, is still a group.)
  if (words.length === 1 && !isAcronym(head) && isCollective(head.lower) && /[ыи]$/.test(head.lower))
    return { kind: 'collective', name: head.text, attrs, at: 0 };
  // "Источник в силовых структурах рассказал ТАСС": one unnamed source is the speaker, but no name to print (nor is
  // the outlet told); as a description it resolves only to someone so described before.
  if (words.length === 1 && head.cap && isCollective(head.lower) && !/[ыи]$/.test(head.lower) && !isAcronym(head))
    return { kind: 'person-role', name: head.text, attrs, at: 0 };
  if (isLatin(head) && words.every(isLatin)) return latinName(words) ?? { kind: 'body', name: text(words), attrs, at: 0 };
  // "Глава компании John Smith", "Пользователь ЖЖ zyalt": a name or handle in Latin script after a role is that person.
  const latin = latinTail(words);
  if (latin && !oblique) return latin;
  // "синоптик центру Наталія Гордієнко": a body's word qualifying the person named after it; "МИД России Сергей
  // Рябков" (after a role not known, "Замглавы"): a man's name that can only be in the nominative closes the phrase.
  const personAfter =
    words.length >= 3 &&
    namesPerson(words.slice(-2)) &&
    ((!head.cap && !isAcronym(head)) || (!oblique && nominativeMansName(words.slice(-2))));
  if (isBody(head.lower) && !isRole(head.lower) && !personAfter) {
    // A lower-case head ("ведомство", "министерстве финансов") is a description, perhaps in an oblique case: resolved, never printed.
    // ("Ведомство уточнило", "Регулятор отметил": a description opening the sentence capitalised.)
    if ((!head.cap && !isAcronym(head)) || (words.length === 1 && DESCRIPTION_WORD.test(head.lower))) {
      // "делегации ОБСЕ": the undeclined initials name the body; the declined head word is never printed.
      const initials = words.slice(1).filter(isAcronym);
      if (oblique && initials.length && words.slice(1).every((x) => isAcronym(x) || !x.cap))
        return { kind: 'body', name: initials.map((x) => x.text).join(' '), attrs, at: 0 };
      // "пресс-служба судов общей юрисдикции Москвы" as the subject: whose press office it is names it, as written.
      if (!oblique && PRESS_OFFICE.test(head.text) && words.length > 1) return { kind: 'body', name: text(words), attrs, at: 0 };
      return { kind: 'body-role', name: head.text, attrs, at: 0 };
    }
    return { kind: 'body', name: text(words), attrs, at: 0 };
  }
  // "ЦИК Молдавии", "ДСНС Закарпаття": initials and the country or region they serve, in the genitive.
  if (isAcronym(head) && words.length === 2 && words[1]!.cap && !isAcronym(words[1]!) && /(?:а|я|и|ы|ї)$/.test(words[1]!.lower))
    return { kind: 'body', name: text(words), attrs, at: 0 };
  // Trailing run of capitalised, non-acronym, non-place words: the person's name.
  const nameLike = (x: Token) =>
    x.cap && !isAcronym(x) && !PLACE.test(x.lower) && !isBody(x.lower) && !isRole(x.lower) && !isLatin(x);
  let end = words.length;
  while (end > 0 && !nameLike(words[end - 1]!)) end--;
  while (!oblique && end > 1 && OBLIQUE_TAIL.test(words[end - 1]!.lower) && nameLike(words[end - 2]!)) end--;
  let r = end;
  while (r > 0 && nameLike(words[r - 1]!)) r--;
  // What follows a name is a recipient ("Русской службе"), never part of the name; verbs are not admitted at all.
  if (!oblique && end < words.length && words.slice(end).some((x) => x.cap && !isLatin(x) && !OBLIQUE_TAIL.test(x.lower)))
    r = end = words.length;
  let name = words.slice(r, end);
  if (name.length > 3) name = name.slice(-3);
  // "Еколог Андрій Плига": three capitalised words with no patronymic between are a title, a first name and a surname.
  if (name.length === 3 && !PATRONYMIC.test(name[1]!.lower) && FIRST_WORD_TITLE.test(name[0]!.lower)) name = name.slice(1);
  // "Представитель Путина Дмитрий Песков": the role's genitive complement is not the start of the name after it.
  while (
    name.length >= 3 &&
    r > 0 &&
    isRole(words[r - 1]!.lower) &&
    GENITIVE_OF_ROLE.test(name[0]!.lower) &&
    !PATRONYMIC.test(name[1]!.lower)
  )
    name = name.slice(1);
  // "Представитель Путина": a role followed by a name in the genitive is the role's holder, not that person.
  // (After "по словам" both are genitive: "министра Лаврова" is Lavrov, but "представителя Путина" someone who speaks for him.)
  if (oblique && name.length === 1 && r === 1 && RELATIONAL_ROLE.test(words[0]!.lower))
    return { kind: 'person-role', name: text(words), attrs, at: 0 };
  if (!oblique && name.length === 1 && r > 0 && isRole(words[0]!.lower) && /(?:а|я|ы|ой|ого|его)$/.test(name[0]!.lower))
    return { kind: 'person-role', name: text(words), attrs, at: 0, asWritten: head.cap || words.length === 2 };
  // ("Сил", "Служб": a body's noun in the genitive plural is never a one-word name.)
  if (name.length === 1 && BARE_GENITIVE_PLURAL.has(name[0]!.lower)) name = [];
  if (name.length >= 1 && (name.length >= 2 || r > 0 || words.length === 1)) {
    if (name.length === 1 && r === 0 && words.length === 1 && PLACE.test(head.lower)) return null;
    return { kind: 'person', name: text(name), attrs, at: 0 };
  }
  // ("Губернатор добавил", "Глава региона уточнил" open a sentence capitalised: still a description, never a name.)
  // ("Генеральный штаб ВСУ", "по данным Главного управления МЧС": an adjective sharing a role's stem opens a body's
  // name.)
  const adjectiveOfBody =
    head.cap &&
    (ADJECTIVE_NOMINATIVE.test(head.lower) ||
      (oblique && GENITIVE_ADJECTIVE.test(head.lower) && isGenitiveBodyHead(words[1]?.text ?? '')));
  if (isRole(head.lower) && !adjectiveOfBody) return { kind: 'person-role', name: text(words), attrs, at: 0 };
  // ("Харківська міська рада": a place's adjective opening a body's name.)
  const placeAdjective = ADJECTIVE_NOMINATIVE.test(head.lower) && words.length > 1 && !words[1]!.cap;
  if (head.cap && (!PLACE.test(head.lower) || placeAdjective)) return { kind: 'body', name: text(words), attrs, at: 0 };
  return null;
}
