/**
 * Whether a Russian sentence narrates a past event, read from the shapes of its words (the sentence model learned
 * from English, and the English test for a past verb reads no Cyrillic): a verb in the past tense ("сгорел",
 * "погибли", "эвакуировали", "произошёл") or a short passive participle ("повреждены", "задержан",
 * "эвакуированы", "убиты"). Verbs of saying ("заявил", "сообщили") tell who speaks, not what happened, as
 * English "said" is no past event there either. And the outcome of an event said without a verb: "Пострадавших нет.",
 * "Погибших и раненых нет.", "Загиблих немає." (English "No one was hurt." says it in the past tense).
 */

/**
 * A lower-case Cyrillic word (a capitalised one is a name: "Павел", "Мирианашвили"), or the sentence's first unless a
 * capitalised word follows it ("Павел Дуров отказался …" opens with a name, "Повреждены три дома" with a verb).
 */
const WORD = /(?:^|[^а-яёА-ЯЁ])([а-яё]+|^[А-ЯЁ][а-яё]+(?![а-яёА-ЯЁ])(?!\s+[А-ЯЁ]))(?![а-яёА-ЯЁ])/gu;

/** The past tense: "-л", "-ла", "-ло", "-ли" after the stem's vowel, reflexive "-лся", "-лась" …; "был", "погиб", "вырос". */
const PAST_VERB =
  /^(?:[а-яё]{2,}[аеёиоуыя]л(?:ся|ась|ось|ись|а|о|и)?|был[аои]?|(?:по|за)?гиб(?:ла|ло|ли)?|(?:вы|под|за)рос|(?:с|по)мог|достиг|умер(?:ла|ло|ли)?|исчез|[а-яё]+(?:ог|ёг|ег|иг|ос|ёс|ес|ез|ёз|жг|ш)л[аои])$/;
/**
 * Nouns and other words of the same shape: agent nouns in "-тель" ("жители", "спасатели"), nouns in "-ал", "-ол",
 * "-ел" ("канал", "посол", "отдел"), "около", "если", Georgian surnames written in lower case by no one but a
 * tokenizer ("-швили").
 */
const NOT_PAST =
  /^(?:[а-яё]*[аиыя]тел[иья]?|[а-яё]*(?:канал|журнал|материал|генерал|портал|финал|сигнал|капитал|персонал|потенциал|квартал|скандал|арсенал|сериал|идеал|интервал|фестивал|детал|школ|стол|посол|протокол|футбол|символ|контрол|отдел|раздел|предел|недел|модел|правил|угол|мысл|числ|масл|смысл|кресл|весл|ремесл)[аиоы]?|около|если|посла|[а-яё]*швили)$/;
/** Verbs of saying (and of declining to say): who speaks, not what happened. */
const SAYING =
  /^(?:за|со|с|рас|от|у|до|под|на|объ|про|при|по|пред)?(?:явил|являл|общил|общал|казал|сказ|метил|мечал|точнил|бавил|черкнул|черкивал|звал|зывал|писал|помнил|яснил|тверждал|твердил|обещал|звал|верил|упредил|знал|говорил|ответил|отказал|комментировал|цитировал|дал|передал)/;
const isSaying = (w: string) => SAYING.test(w) && /(?:л|ла|ло|ли|лся|лась|лось|лись)$/.test(w);

/**
 * The short passive participle: "-ован", "-ирован" ("арестован", "эвакуированы"); "-ен", "-ён" after a consonant
 * ("повреждены", "уничтожен", "отменён"); "-ан" after a verb prefix ("задержаны", "подписан"); "-т" of a few
 * stems ("убиты", "сбит", "закрыт", "принят", "изъят").
 */
const PARTICIPLE =
  /^(?:[а-яё]{3,}ован[аоы]?|[а-яё]{2,}[бвгджзклмнпрстфхцчшщ][её]н[аоы]?|(?:за|под|на|по|от|ото|пере|до|вы|со|при|из|у|раз|рас|об|вз|про|с)[а-яё]+[бвгджзклмнпрстфхцчшщ][ая]н[аоы]?|(?:у|с|раз|за|от|при|вз|изъ|из|под|на|про|по|вы|пере|об|до|ото)(?:бит|крыт|ня|я|жат|шит|мыт|лит|дут)[аоы]?)$/;
/**
 * Words of the participle's shape that are not one: nouns in "-мена", "-мены" ("времена", "замены",
 * "бизнесмены"), short adjectives ("должен", "уверен", "способен", "намерены"), nouns with a prefix-like start
 * ("ураган", "вулкан", "стакан") and the pronoun "сам".
 */
const NOT_PARTICIPLE =
  /^(?:[а-яё]*м[её]н[аоы]?|[а-яё]*(?:долж|увер|способ|возмож|обшир|стабил|намер|соглас|довол|бол|свобод|опас|рав|извест|интерес|важ|нуж|полез|вред|ответств|склон|достоин|гривен|следств|кле|зел|сил|подверж)[её]н[аоы]?|[а-яё]*связан[аоы]?|[а-яё]*(?:ураг|вулк|стак|сторон|тюльп|ресторан|охр|стр|гражд)ан[аоы]?|занят[аоы]?)$/;

/** "будет", "будут", "быть": a participle after them is a future or a possibility ("будет названо", "могут быть закрыты"). */
const FUTURE_BE = /^(?:буд(?:у|ешь|ет|ем|ете|ут)|быть)$/;

function isPastWord(w: string, before: string): boolean {
  const lower = w.toLowerCase();
  if (PAST_VERB.test(lower) && !NOT_PAST.test(lower) && !isSaying(lower)) return true;
  return PARTICIPLE.test(lower) && !NOT_PARTICIPLE.test(lower) && !FUTURE_BE.test(before);
}

/**
 * Those an event struck, named by a past participle used as a noun in the genitive plural ("пострадавших",
 * "погибших", "раненых", "задержанных", "убитых"; Ukrainian "постраждалих", "загиблих", "поранених") or "жертв".
 */
const AFFECTED = '(?:[а-яёіїє]{3,}(?:вших|вшихся|нных|еных|ёных|тых|лих|них)|(?:по|у)гибших|умерших|жертв)';
/**
 * None of them, said without a verb: "Пострадавших нет.", "Погибших и раненых нет.", "По данным МЧС, жертв нет.",
 * "Загиблих немає." (the present participle of a wish, "желающих", or a plain noun, "вопросов", is no outcome).
 */
const NONE_AFFECTED = new RegExp(
  `(?:^|,)[^а-яёіїєА-ЯЁІЇЄ]*${AFFECTED}(?:(?:\\s*,|\\s+(?:и|і|та))\\s+${AFFECTED})*\\s+(?:нет|немає)[^а-яёіїє]*$`,
  'iu',
);

/** Whether the Russian sentence holds a past verb or a short passive participle (see the module's comment). */
export function narratesPastRu(s: string): boolean {
  if (NONE_AFFECTED.test(s)) return true;
  let before = '';
  WORD.lastIndex = 0;
  for (let m = WORD.exec(s); m; m = WORD.exec(s)) {
    if (isPastWord(m[1]!, before)) {
      WORD.lastIndex = 0;
      return true;
    }
    before = m[1]!.toLowerCase();
  }
  return false;
}
