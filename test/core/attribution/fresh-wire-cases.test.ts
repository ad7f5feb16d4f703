/**
 * Attributed sentences from agency-style articles written for these tests (English, Russian, Ukrainian), each read
 * in its paragraph through the importer's analysis: the sentence holding `sentence` must carry `claimant`
 * (null: no claimant, since a wrong name is worse than none).
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../shared/text/candidates';

interface Case {
  text: string;
  sentence: string;
  claimant: string | null;
}

const CASES: Case[] = [
  // An organisation's name with a second "of" is never cut short.
  {
    text: 'According to the Institute for the Study of War, a Washington-based think tank, Russian advances slowed in November.',
    sentence: 'Russian advances slowed',
    claimant: 'Institute for the Study of War',
  },
  {
    text: 'According to the Ministry of Defence of Ukraine, 41 drones were shot down.',
    sentence: '41 drones',
    claimant: 'Ministry of Defence of Ukraine',
  },
  // …and a name that goes on past "and" gives none rather than a name cut short there.
  {
    text: 'According to the Organization for Security and Co-operation in Europe, 12 civilians were killed.',
    sentence: '12 civilians',
    claimant: null,
  },
  // "The bank" is the bank named in one word before, whether it spoke or someone spoke for it.
  {
    text: [
      'A spokesperson for PrivatBank said the bank would "take every step available" to enforce the judgment.',
      'The bank says more than $1.9 billion was taken out through loans to companies linked to its former owners.',
    ].join(' '),
    sentence: 'The bank says',
    claimant: 'PrivatBank',
  },
  {
    text: 'Sberbank said its profit rose 9% in the third quarter. The bank said bad loans had fallen to 3.1%.',
    sentence: 'bad loans',
    claimant: 'Sberbank',
  },
  // An unnamed person described by a capitalised word and a role.
  {
    text: '"There is nothing new here," said a European diplomat, who asked not to be named.',
    sentence: 'nothing new',
    claimant: 'European diplomat',
  },
  { text: '"There is nothing new here," a diplomat said.', sentence: 'nothing new', claimant: null },
  // A place after a group is where it is, never the speaker.
  { text: 'Officials in Belgorod said a woman was injured.', sentence: 'a woman', claimant: 'Officials in Belgorod' },
  { text: 'Police in Kyiv said two men were detained.', sentence: 'two men', claimant: 'Police in Kyiv' },
  // "His lawyers" speak for the person "his" stands for, under that person's name…
  {
    text: 'Russian businessman Igor Volkov denied wrongdoing throughout the trial. His lawyers said they would seek permission to appeal.',
    sentence: 'His lawyers',
    claimant: "Igor Volkov's lawyers",
  },
  // …never for someone else named in the sentence, nor is a cue in a relative clause the sentence's.
  {
    text: [
      'Russian businessman Igor Volkov denied wrongdoing throughout the trial.',
      'Kolomoisky is in custody in Ukraine on separate fraud charges, which he also denies, his lawyer told Reuters on Tuesday.',
    ].join(' '),
    sentence: 'Kolomoisky is in custody',
    claimant: null,
  },
  // A central bank as the subject of "…, saying", and as the supplier of data.
  {
    text: "Ukraine's central bank kept its main interest rate unchanged at 15.5% on Thursday, saying inflation had slowed for a third month.",
    sentence: 'kept its main interest rate',
    claimant: "Ukraine's central bank",
  },
  {
    text: [
      "Ukraine's central bank kept its main interest rate unchanged at 15.5% on Thursday, saying inflation had slowed.",
      'The currency has weakened about 4% against the dollar since January, according to central bank data.',
    ].join(' '),
    sentence: 'The currency has weakened',
    claimant: "Ukraine's central bank",
  },
  { text: 'In central Kyiv, police said two people were killed.', sentence: 'two people', claimant: 'police' },
  // A body described in plain words after a clause-opening "the".
  {
    text: 'Consumer inflation eased to 9.8% in October from 11.2% in September, the state statistics service said earlier this month.',
    sentence: 'Consumer inflation',
    claimant: 'the state statistics service',
  },
  // Russian and Ukrainian bodies in the locative.
  { text: 'Как сообщили в Росстате, за октябрь цены выросли на 0,6%.', sentence: 'цены выросли', claimant: 'Росстат' },
  // (A town in the locative is no agency.)
  { text: 'Как сообщили в Рославле, пожар потушен.', sentence: 'пожар', claimant: null },
  { text: 'Як повідомили у Мінфіні, виплати здійснено в повному обсязі.', sentence: 'виплати', claimant: 'Мінфін' },
  {
    text: 'В пресс-службе администрации Курской области сообщили, что повреждены линия электропередачи и несколько частных домов.',
    sentence: 'повреждены',
    claimant: 'Пресс-служба администрации Курской области',
  },
  {
    text: 'Как пояснили РИА Новости в пресс-службе Минфина, речь идёт о возврате бюджетных субсидий.',
    sentence: 'речь идёт',
    claimant: 'Пресс-служба Минфина',
  },
  { text: 'Согласно данным Росстата, промышленное производство выросло на 2,1%.', sentence: 'промышленное', claimant: 'Росстат' },
  { text: 'Згідно з даними ООН, з початку війни загинули понад 13 тисяч цивільних.', sentence: 'цивільних', claimant: 'ООН' },
  {
    text: 'Глава Белгородской области Вячеслав Гладков рассказал, что выпущено 40 снарядов. Как отметил глава региона, жертв нет.',
    sentence: 'жертв нет',
    claimant: 'Вячеслав Гладков',
  },
  {
    text: 'Про це в телеграмі написав очільник Одеської обласної військової адміністрації Олег Кіпер.',
    sentence: 'Про це',
    claimant: 'Олег Кіпер',
  },
  // (A press office whose owner is only a description names no one.)
  { text: 'Об этом сообщили РИА Новости в пресс-службе ведомства.', sentence: 'Об этом', claimant: null },
  {
    text: 'Як повідомили в Державній службі з надзвичайних ситуацій, рятувальники ліквідували пожежу на площі 300 квадратних метрів.',
    sentence: 'рятувальники',
    claimant: 'Державна служба з надзвичайних ситуацій',
  },
  // (A name that goes on past the country after it is not cut short at the country.)
  {
    text: 'Про це повідомили в Державній службі України з надзвичайних ситуацій.',
    sentence: 'Про це',
    claimant: null,
  },
  // A role whose region carries lower-case adjectives in the genitive, after the verb.
  {
    text: [
      'Унаслідок ракетного удару по Харкову в ніч на неділю поранені 12 людей, серед них двоє дітей, повідомив начальник Харківської обласної військової адміністрації Олег Синєгубов.',
      'За його словами, ракета влучила у двір багатоповерхового будинку.',
    ].join(' '),
    sentence: 'поранені 12 людей',
    claimant: 'Олег Синєгубов',
  },
  {
    text: 'Погибли двое, сообщил глава Курской областной думы Иван Петров.',
    sentence: 'Погибли двое',
    claimant: 'Иван Петров',
  },
  // A body whose statement speaks, its full name in the genitive put back in the nominative…
  {
    text: 'В Кабуле погибли десять мирных жителей, говорится в заявлении Министерства внутренних дел Афганистана.',
    sentence: 'В Кабуле',
    claimant: 'Министерство внутренних дел Афганистана',
  },
  // …after "по данным", "по информации", "по сообщению", "говорится в сообщении", through all its genitive dependents
  // ("безопасности" is a noun, not an infinitive in "-ти"), its adjectives put in the head's gender…
  {
    text: 'По данным Службы безопасности Украины, задержаны 2 агента.',
    sentence: 'задержаны',
    claimant: 'Служба безопасности Украины',
  },
  {
    text: 'По информации Министерства обороны России, ночью сбиты 12 беспилотников.',
    sentence: 'сбиты',
    claimant: 'Министерство обороны России',
  },
  {
    text: 'По сообщению Главного управления МЧС по Курской области, пожар на складе потушен.',
    sentence: 'пожар',
    claimant: 'Главное управление МЧС по Курской области',
  },
  {
    text: 'Задержаны два агента, говорится в сообщении Службы безопасности Украины.',
    sentence: 'Задержаны',
    claimant: 'Служба безопасности Украины',
  },
  {
    text: 'По данным Федеральной службы безопасности, задержаны 2 человека.',
    sentence: 'задержаны',
    claimant: 'Федеральная служба безопасности',
  },
  {
    text: 'За даними Державної служби України з надзвичайних ситуацій, загинули 3 людини.',
    sentence: 'загинули',
    claimant: 'Державна служба України з надзвичайних ситуацій',
  },
  // …but never a name cut short at an adjective.
  {
    text: 'По данным Комитета Государственной думы по бюджету, принято 30 законов.',
    sentence: 'принято',
    claimant: null,
  },
  // Outlets named together after a plural word for them report as one; two people at once still give none.
  {
    text: 'Издания Tolo и Pajhwok сообщают, что погибли десять мирных жителей.',
    sentence: 'погибли',
    claimant: 'Tolo и Pajhwok',
  },
  {
    text: 'Издания Tolo и Pajhwok пишут, что жители принесли тела к дому губернатора.',
    sentence: 'жители',
    claimant: 'Tolo и Pajhwok',
  },
  { text: 'Иван Петров и Сергей Рябков сообщили, что переговоры продолжатся.', sentence: 'переговоры', claimant: null },
  // ("пишут для сайтов" is writing, not reporting.)
  {
    text: 'В списке есть авторы из Кубы, которые пишут для зарубежных Интернет страниц.',
    sentence: 'авторы',
    claimant: null,
  },
  // A deputy's compound title, and a diplomat named before, as a role and in the genitive.
  { text: 'Об этом сообщил замглавы МИД России Сергей Рябков.', sentence: 'Об этом', claimant: 'Сергей Рябков' },
  {
    text: 'Российский дипломат Сергей Рябков прибыл в Женеву. По словам дипломата, переговоры продолжатся.',
    sentence: 'переговоры',
    claimant: 'Сергей Рябков',
  },
  // (A plural role is a group, never the one person named before with that role.)
  {
    text: 'Российский дипломат Сергей Рябков прибыл в Женеву. По словам дипломатов, переговоры продолжатся.',
    sentence: 'переговоры',
    claimant: 'дипломаты',
  },
  {
    text: 'Эксперт Сергей Рябков прибыл в Женеву. Эксперты сообщили, что переговоры продолжатся.',
    sentence: 'переговоры',
    claimant: 'Эксперты',
  },
  // Someone speaking for the one business named before in quotation marks; none when two were, or none was.
  {
    text: [
      'Арбитражный суд Москвы взыскал с компании «Северсталь-Инвест» 2,3 млрд рублей по иску Минфина.',
      'Представитель компании в суде заявил, что решение будет обжаловано.',
    ].join(' '),
    sentence: 'будет обжаловано',
    claimant: 'Представитель компании «Северсталь-Инвест»',
  },
  {
    text: 'Суд взыскал с компании «Альфа» долг по иску компании «Бета». Представитель компании заявил, что решение будет обжаловано.',
    sentence: 'будет обжаловано',
    claimant: null,
  },
  {
    text: 'Суд взыскал долг. Представитель компании заявил, что решение будет обжаловано.',
    sentence: 'будет обжаловано',
    claimant: null,
  },
  // A ministry of any field, in plain words after a country's name.
  {
    text: "Power was cut to 200,000 homes in Kharkiv, Ukraine's energy ministry said.",
    sentence: 'Power was cut',
    claimant: "Ukraine's energy ministry",
  },
  // A role resolves to the person named with it earlier, even inside another phrase.
  {
    text: [
      'Starmer held talks with German Chancellor Friedrich Merz on Monday.',
      '"Germany stands by Ukraine," the chancellor said.',
    ].join(' '),
    sentence: 'Germany stands',
    claimant: 'Friedrich Merz',
  },
  // A place after a body's whole name is where it is.
  {
    text: 'According to the Department of Health in Leeds, 40 patients were treated.',
    sentence: '40 patients',
    claimant: 'Department of Health',
  },
  // A field of study after "in" is part of an institution's name; a place after the name is not.
  {
    text: 'According to the Institute for Research in Economics, prices rose 5% in October.',
    sentence: 'prices rose',
    claimant: 'Institute for Research in Economics',
  },
  {
    text: 'According to the Institute for Research in Leeds, prices rose 5% in October.',
    sentence: 'prices rose',
    claimant: 'Institute for Research',
  },
  {
    text: '40 patients were treated, the Department of Health in Leeds said.',
    sentence: '40 patients',
    claimant: 'Department of Health',
  },
  // "his lawyer" after the one person the sentence names, known as a person: that person's lawyer…
  {
    text: 'Russian businessman Igor Volkov lost the case. Volkov will appeal, his lawyer said.',
    sentence: 'will appeal',
    claimant: "Igor Volkov's lawyer",
  },
  // …but not when two are named, nor when the name is no one known.
  {
    text: 'Russian businessman Igor Volkov lost the case. Volkov and Petrov will appeal, his lawyer said.',
    sentence: 'will appeal',
    claimant: null,
  },
  { text: 'Sokolov will appeal, his lawyer said.', sentence: 'will appeal', claimant: null },
  // A place after a plain description is where the speaker is, never the speaker.
  {
    text: 'The United Nations human rights monitoring mission in Ukraine says at least 12,300 civilians have been killed.',
    sentence: '12,300',
    claimant: null,
  },
  // Where someone described by their role is, left out of what they are; "he" after them is not the person named before.
  {
    text: [
      'Kremlin spokesman Dmitry Peskov told reporters that no meeting was being prepared.',
      'A Ukrainian commander in the area, who asked not to be named, said his unit was short of artillery shells.',
      '"We fire one shell for every five of theirs," he said.',
    ].join(' '),
    sentence: 'short of artillery',
    claimant: 'Ukrainian commander',
  },
  {
    text: [
      'Kremlin spokesman Dmitry Peskov told reporters that no meeting was being prepared.',
      'A Ukrainian commander in the area, who asked not to be named, said his unit was short of artillery shells.',
      '"We fire one shell for every five of theirs," he said.',
    ].join(' '),
    sentence: 'every five',
    claimant: null,
  },
  // …nor after a speaker who could not be told.
  {
    text: [
      'Dr Matthias Huss said the losses were extreme.',
      'The professor said the official figures may understate recent warming.',
      '"The trend is clearly above what the models expected," she said.',
    ].join(' '),
    sentence: 'models expected',
    claimant: null,
  },
  // A group described by one word and placed in a named region speaks as written; the place never does.
  {
    text: 'Local authorities in the Kharkiv region reported emergency power cuts in 14 districts.',
    sentence: 'emergency power cuts',
    claimant: 'Local authorities in the Kharkiv region',
  },
  {
    text: 'Meanwhile, Ukrainian officials in Kyiv said 14 districts lost power.',
    sentence: '14 districts',
    claimant: 'Ukrainian officials in Kyiv',
  },
  {
    text: 'He told officials in Kyiv that 14 districts lost power.',
    sentence: '14 districts',
    claimant: null,
  },
];

describe('attributed sentences of fresh agency-style articles', () => {
  it.each(CASES)('$sentence → $claimant', ({ text, sentence, claimant }) => {
    const s = analyzeText(text).find((x) => x.text.includes(sentence));
    expect(s, `no sentence holds "${sentence}"`).toBeDefined();
    expect(s!.claimant).toBe(claimant);
  });
});
