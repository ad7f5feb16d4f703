import { describe, expect, it } from 'vitest';
import { resolveClaimants } from '../../../shared/spotting/claimant';

const claimantOf = (sentence: string) => resolveClaimants([sentence])[0] ?? null;

describe('whom and where one spoke is never the speaker (Russian and Ukrainian)', () => {
  it('ends the speaker after an inverted verb before a dative addressee', () => {
    expect(claimantOf('Как рассказал Песков агентству ТАСС, в порту ожидают 14 судов.')).toBe('Песков');
    expect(claimantOf('«Мы никогда не собирали столько пшеницы», — сказал Путин журналистам в Сочи.')).toBe('Путин');
    expect(claimantOf('Как отметил Песков изданию РБК, переговоры продолжатся.')).toBe('Песков');
    expect(claimantOf('Как пояснил Песков телеканалу «Россия 24», переговоры продолжатся.')).toBe('Песков');
    expect(claimantOf('Об этом сообщил Песков «Интерфаксу».')).toBe('Песков');
    expect(claimantOf('Об этом сообщил Песков ТАСС.')).toBe('Песков');
    expect(claimantOf('Как сообщила РИА Новости Захарова, визит отменён.')).toBe('Захарова');
    // (An outlet that speaks is still read as one; the source it cites comes first.)
    expect(claimantOf('Как сообщает РИА Новости, визит отменён.')).toBe('РИА Новости');
    expect(claimantOf('Об этом сообщает ТАСС со ссылкой на Пескова.')).toBe('Песков');
    expect(claimantOf('Корреспондент ТАСС Иван Петров сообщил, что визит отменён.')).toBe('Иван Петров');
    expect(claimantOf('Об этом заявил глава МИД Сергей Лавров РИА Новости.')).toBe('Сергей Лавров');
    expect(claimantOf('Об этом заявил глава МИД Сергей Лавров журналистам.')).toBe('Сергей Лавров');
    expect(claimantOf('Как заявил глава Минфина Антон Силуанов «Известиям», бюджет сбалансирован.')).toBe('Антон Силуанов');
    expect(
      claimantOf('Как рассказал губернатор Белгородской области Вячеслав Гладков агентству ТАСС, повреждены три жилых дома.'),
    ).toBe('Вячеслав Гладков');
  });

  it('ends the speaker before a place, a time or an occasion', () => {
    expect(claimantOf('Переговоры продолжатся, сказал Песков во вторник.')).toBe('Песков');
    expect(claimantOf('Как сообщил Песков на брифинге в Москве, переговоры продолжатся.')).toBe('Песков');
    expect(claimantOf('Переговоры продолжатся, сообщил Песков в интервью РБК.')).toBe('Песков');
    expect(claimantOf('Об этом заявил Рамзан Кадыров в интервью «Первому каналу».')).toBe('Рамзан Кадыров');
  });

  it('skips an addressee or an adjunct between an inverted verb and its speaker', () => {
    expect(claimantOf('Об этом заявил агентству ТАСС Песков.')).toBe('Песков');
    expect(claimantOf('Об этом сообщил корреспонденту ТАСС Дмитрий Песков.')).toBe('Дмитрий Песков');
    expect(claimantOf('Об этом рассказал в интервью РБК министр финансов Антон Силуанов.')).toBe('Антон Силуанов');
    expect(claimantOf('Об этом сообщил в эфире «Россия 24» министр финансов Антон Силуанов.')).toBe('Антон Силуанов');
    expect(claimantOf('Об этом заявил в интервью Первому каналу Рамзан Кадыров.')).toBe('Рамзан Кадыров');
    expect(claimantOf('Как рассказал «Интерфаксу» Дмитрий Песков, сделка продлена.')).toBe('Дмитрий Песков');
    expect(
      claimantOf(
        '«Мы это обсудили», — сказал в эксклюзивном интервью Русской службе «Голоса Америки» лидер Меджлиса Рефат Чубаров.',
      ),
    ).toBe('Рефат Чубаров');
    // (A Latin-script name after the adjunct speaks; an outlet's name in it does not.)
    expect(claimantOf('Как сообщил в своём блоге Alexei Navalny, суд перенесли.')).toBe('Alexei Navalny');
    expect(claimantOf('Об этом заявил изданию The Guardian Алексей Навальный.')).toBe('Алексей Навальный');
  });

  it('skips an addressee or an adjunct between the subject and its verb', () => {
    expect(claimantOf('Путин в Сочи заявил, что урожай рекордный.')).toBe('Путин');
    expect(claimantOf('В Сочи Путин заявил, что урожай рекордный.')).toBe('Путин');
    expect(claimantOf('Песков во вторник заявил, что переговоры возобновятся.')).toBe('Песков');
    expect(claimantOf('Песков журналистам заявил, что переговоры возобновятся.')).toBe('Песков');
    expect(claimantOf('Песков агентству ТАСС сообщил, что переговоры возобновятся.')).toBe('Песков');
    expect(claimantOf('Путин в беседе с журналистами заявил, что сделка продлена.')).toBe('Путин');
    expect(claimantOf('Губернатор Курской области Алексей Смирнов в своём Telegram-канале написал, что атака отражена.')).toBe(
      'Алексей Смирнов',
    );
    // A preposition inside the role is no adjunct, and neither is a first name after it.
    expect(claimantOf('Депутат от КПРФ Сергей Казанков заявил, что голосовал ошибочно.')).toBe('Сергей Казанков');
  });

  it('never names the one spoken to, even a person', () => {
    expect(claimantOf('Путин сказал Пескову, что переговоры продолжатся.')).toBe('Путин');
    expect(claimantOf('Как сказал Пескову Путин, переговоры продолжатся.')).toBe('Путин');
    expect(claimantOf('Песков сообщил главе МИД Сергею Лаврову, что сделка продлена.')).toBe('Песков');
    // No one else speaks here: none rather than the addressee.
    const addressee = claimantOf('Об этом сказал Пескову журналист.');
    expect(addressee === null || !addressee.includes('Песк')).toBe(true);
  });

  it('lets a body in the locative speak after a plural verb, past whom it told', () => {
    expect(claimantOf('Как сообщили журналистам в Минобороны, атака отражена.')).toBe('Минобороны');
    expect(claimantOf('Как сообщили агентству ТАСС в Минобороны России, атака отражена.')).toBe('Минобороны России');
    expect(claimantOf('Об этом сообщили «Интерфаксу» в Минобороны России.')).toBe('Минобороны России');
    expect(claimantOf('Переговоры продолжатся, заявили в Кремле журналистам.')).toBe('Кремль');
    // The outlet told is not the speaker; a press office is named by whose it is, and gives none when that is a description.
    expect(claimantOf('Об этом сообщили РИА Новости в пресс-службе ведомства.')).toBeNull();
    expect(claimantOf('Об этом сообщили журналистам в пресс-службе Кремля.')).toBe('Пресс-служба Кремля');
  });

  it("puts a ministry's short name in the genitive back in the nominative, and 'ведомство' resolves to it", () => {
    expect(
      resolveClaimants([
        'По данным Минсельхоза, урожай пшеницы составил 92 млн тонн.',
        'Глава министерства Оксана Лут отметила, что это рекорд.',
        'По данным ведомства, экспорт вырос.',
      ]),
    ).toEqual(['Минсельхоз', 'Оксана Лут', 'Минсельхоз']);
    expect(claimantOf('По данным Минобороны, атака отражена.')).toBe('Минобороны');
    expect(claimantOf('За даними Мінфіну, дефіцит знизився.')).toBe('Мінфін');
    // A surname that only starts like one is still a person.
    expect(claimantOf('По словам Минина, дефицит снизился.')).toBe('Минин');
  });

  it('keeps an opening adverb and a region out of the name', () => {
    expect(claimantOf('Ранее Песков сообщил РБК, что визит отменён.')).toBe('Песков');
    expect(claimantOf('Глава Чечни Рамзан Кадыров сообщил в Telegram, что атака отражена.')).toBe('Рамзан Кадыров');
  });

  it('gives none when a second speaker stands with the first', () => {
    expect(claimantOf('Путин с Эрдоганом заявили, что сделка продлена.')).toBeNull();
    expect(claimantOf('Заявили Путин с Эрдоганом, что сделка продлена.')).toBeNull();
  });

  it('reads Ukrainian addressees and adjuncts the same way', () => {
    expect(claimantOf('Переговори тривають, повідомив журналістам Зеленський.')).toBe('Зеленський');
    expect(claimantOf('Як розповів Зеленський агентству Укрінформ, переговори тривають.')).toBe('Зеленський');
    expect(claimantOf('Переговори тривають, сказав Зеленський журналістам у Києві.')).toBe('Зеленський');
    expect(claimantOf('Зеленський журналістам повідомив, що переговори тривають.')).toBe('Зеленський');
    expect(claimantOf('Зеленський під час брифінгу повідомив, що переговори тривають.')).toBe('Зеленський');
    expect(claimantOf('Про це повідомив журналістам речник Повітряних сил Юрій Ігнат.')).toBe('Юрій Ігнат');
    expect(claimantOf('Як повідомила Повітряним силам ЗСУ пресслужба, атака відбита.')).toBeNull();
  });

  it('keeps the sources that only look like adjuncts', () => {
    expect(claimantOf('Ранее СМИ сообщали о сделке.')).toBe('СМИ');
    expect(claimantOf('Россия дала Украине кредит, сообщает Лента.ру.')).toBe('Лента.ру');
    expect(claimantOf('Об этом сообщило Министерство обороны России.')).toBe('Министерство обороны России');
  });

  it('prints one canonical name for the agency-style article', () => {
    const c = resolveClaimants([
      'Президент России Владимир Путин заявил во вторник, что Россия экспортировала 60 млн тонн зерна за сезон.',
      '«Мы никогда не собирали столько пшеницы», — сказал Путин журналистам в Сочи.',
      'Пресс-секретарь Кремля Дмитрий Песков сообщил, что переговоры с Турцией возобновятся 10 декабря.',
      'Как рассказал Песков агентству ТАСС, в порту Новороссийска ожидают 14 судов.',
    ]);
    expect(c).toEqual(['Владимир Путин', 'Владимир Путин', 'Дмитрий Песков', 'Дмитрий Песков']);
  });
});

describe('English addressees', () => {
  it('never names the outlet or the people told', () => {
    expect(
      resolveClaimants([
        'Kremlin spokesman Dmitry Peskov said the talks would resume.',
        'Peskov told state news agency TASS that 14 ships were waiting.',
      ])[1],
    ).toBe('Dmitry Peskov');
    expect(claimantOf('"We have never harvested so much wheat," Putin told reporters in Sochi.')).toBe('Putin');
  });
});
