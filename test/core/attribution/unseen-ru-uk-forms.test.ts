import { describe, expect, it } from 'vitest';
import { resolveClaimants } from '../../../shared/spotting/claimant';

const claimantOf = (sentence: string) => resolveClaimants([sentence])[0] ?? null;

describe('Russian and Ukrainian speakers named with their office', () => {
  it('names the person after a role and a body, not the body with the person stuck on', () => {
    expect(claimantOf('Председатель Госбанка Ирина Волкова на брифинге заявила, что ставка останется прежней.')).toBe(
      'Ирина Волкова',
    );
    expect(claimantOf('«Дела идут хорошо», — уточнила официальный представитель МВД Ирина Волк.')).toBe('Ирина Волк');
    expect(claimantOf('Черговий синоптик центру Ольга Бойко пояснила, що опади триватимуть.')).toBe('Ольга Бойко');
    expect(claimantOf('Про це в ефірі розповів речник Сил оборони півдня Петро Бондар.')).toBe('Петро Бондар');
    // A role the lexicon does not know, then a body and a man's name only the nominative has: the person.
    expect(claimantOf('Замглавы МИД России Сергей Рябков заявил, что диалог невозможен.')).toBe('Сергей Рябков');
    expect(claimantOf('Фонд Владимира Потанина сообщил о грантах.')).toBe('Фонд Владимира Потанина');
  });

  it('leaves a profession or a role’s place out of the name and finds the person again by surname', () => {
    const doc = resolveClaimants([
      'Політолог Петро Коваль вважає, що вибори відбудуться вчасно.',
      'Як зазначив Коваль, явка буде низькою.',
      'Міський голова Одеси Геннадій Сидоренко зазначив, що порт працює.',
      'Він також додав, що світло є.',
    ]);
    expect(doc).toEqual(['Петро Коваль', 'Петро Коваль', 'Геннадій Сидоренко', 'Геннадій Сидоренко']);
  });

  it('reads a pronoun after an adverb or after the verb that closes a quotation', () => {
    const doc = resolveClaimants([
      'Министр финансов Олег Гранин заявил, что бюджет сбалансирован.',
      'Он также напомнил, что долг снизился.',
      '«Это решение правительства», — сказал он журналистам.',
    ]);
    expect(doc).toEqual(['Олег Гранин', 'Олег Гранин', 'Олег Гранин']);
  });
});

describe('bodies named by an adjective, a preposition or initials with a region', () => {
  it('keeps the noun after a capitalised adjective', () => {
    expect(claimantOf('Как сообщила Северная биржа, торги прошли спокойно.')).toBe('Северная биржа');
    expect(claimantOf('За місяць випущено 60 ракет, повідомляла раніше Одеська міська рада.')).toBe('Одеська міська рада');
    expect(claimantOf('Белый дом опубликовал заявление о пошлинах.')).toBe('Белый дом');
    // A surname of an adjective's form keeps to itself: the adverb after it is no body's noun.
    expect(claimantOf('«Это неправда», — сказала Вишневская накануне.')).toBe('Вишневская');
  });

  it('prints a body’s whole name through a preposition, or no name rather than a cut one', () => {
    expect(claimantOf('Про це повідомила Державна служба з питань праці.')).toBe('Державна служба з питань праці');
    expect(claimantOf('Об этом сообщил Комитет по бюджету Думы в пятницу.')).not.toBe('Комитет');
  });

  it('reads initials and the region they serve, and never a region as a person after a plural verb', () => {
    expect(claimantOf('«Вода піднялася на два метри», — повідомили в ДСНС Полтавщини.')).toBe('ДСНС Полтавщини');
    expect(claimantOf('В МВД Татарстана сообщили, что задержан подозреваемый.')).toBe('МВД Татарстана');
    expect(claimantOf('ЦИК Армении назвал предварительные итоги выборов.')).toBe('ЦИК Армении');
  });

  it('reads a locative body after an opening adverb', () => {
    expect(claimantOf('Ранее в Минобороны РФ заявили о занятии села.')).toBe('Минобороны РФ');
    expect(claimantOf('Тогда в Министерстве юстиции заявили, что иск отклонён.')).toBe('Министерство юстиции');
  });

  it('skips an adjective and its noun between the subject and the verb', () => {
    expect(claimantOf('Генштаб ЗСУ у ранковому зведенні повідомив про 120 боїв.')).toBe('Генштаб ЗСУ');
  });

  it('puts a federal agency’s genitive name back in the nominative', () => {
    expect(claimantOf('По данным Росстата, цены выросли на 0,2%.')).toBe('Росстат');
    expect(claimantOf('Бої тривають, за даними Генштабу, на трьох напрямках.')).toBe('Генштаб');
    expect(claimantOf('По данным Украины, урожай вырос.')).toBeNull();
  });
});

describe('descriptions of a body', () => {
  it('takes "ведомство" for a ministry named before, never for an exchange', () => {
    expect(
      resolveClaimants(['Как сообщила Северная биржа, торги прошли спокойно.', 'В ведомстве прогнозируют рост.'])[1],
    ).toBeNull();
    expect(resolveClaimants(['Министерство энергетики сообщило о росте добычи.', 'В ведомстве прогнозируют рост.'])[1]).toBe(
      'Министерство энергетики',
    );
  });

  it('prints a press office named by whose it is, and never the body it writes about', () => {
    const doc = resolveClaimants([
      'Ленинский районный суд Казани вынес приговор.',
      'Об этом сообщила пресс-служба судов Татарстана.',
    ]);
    expect(doc[1]).toBe('пресс-служба судов Татарстана');
  });

  it('gives a statement with no one named to whoever spoke just before', () => {
    const doc = resolveClaimants([
      'Ночью сбиты 40 беспилотников, сообщило Министерство обороны России.',
      'Кроме того, уничтожены две авиабомбы, говорится в сообщении.',
      '«Цілі уражено», — йдеться в повідомленні.',
    ]);
    expect(doc).toEqual(['Министерство обороны России', 'Министерство обороны России', 'Министерство обороны России']);
    expect(claimantOf('Кроме того, уничтожены две авиабомбы, говорится в сообщении.')).toBeNull();
  });
});

describe('verbs of saying', () => {
  it('reads "назвал", "напомнил", "пообещал", "вважає" and "попередив"', () => {
    expect(claimantOf('Министр Олег Гранин пообещал снизить налоги.')).toBe('Олег Гранин');
    expect(claimantOf('Юрист Андрей Зимин назвал приговор «слишком мягким».')).toBe('Андрей Зимин');
    expect(claimantOf('Пресс-секретарь Кремля Дмитрий Песков напомнил, что решение принимает суд.')).toBe('Дмитрий Песков');
    expect(claimantOf('Еколог Андрій Плига вважає, що ліси затримують воду.')).toBe('Андрій Плига');
    expect(claimantOf('Укргідрометцентр попередив, що дощі триватимуть.')).toBe('Укргідрометцентр');
  });
});

describe('sources given in another sentence or another case', () => {
  it('gives "Об этом сообщил X" to the sentence before, unless that one names its own source', () => {
    const doc = resolveClaimants([
      'Ленинский районный суд Казани приговорил бывшего мэра к восьми годам колонии.',
      'Об этом сообщила пресс-служба судов Татарстана.',
      'Кроме того, осужденный оштрафован, уточнили в пресс-службе.',
    ]);
    expect(doc).toEqual(['пресс-служба судов Татарстана', 'пресс-служба судов Татарстана', 'пресс-служба судов Татарстана']);
    const own = resolveClaimants(['Губернатор Олег Ремизов заявил, что дорога закрыта.', 'Об этом сообщило ТАСС.']);
    expect(own[0]).toBe('Олег Ремизов');
  });

  it('finds a body named before in another case without its initials', () => {
    const doc = resolveClaimants([
      'Повітряні сили ЗСУ повідомили, що Росія запустила 50 дронів.',
      'За даними Повітряних сил, знешкоджено 40 з них.',
    ]);
    expect(doc[1]).toBe('Повітряні сили ЗСУ');
  });

  it('puts a capitalised adjective of a locative body back in the nominative', () => {
    expect(claimantOf('В Следственном комитете России заявили, что дело передано в суд.')).toBe('Следственный комитет России');
    expect(claimantOf('В Государственной думе заявили, что закон принят.')).toBe('Государственная дума');
  });

  it('reads "градоначальник" for the mayor named before and a news agency in the genitive', () => {
    const doc = resolveClaimants([
      'Мэр Курска Игорь Куцак заявил, что ремонт начнется в мае.',
      'По словам градоначальника, пострадали 30 домов.',
    ]);
    expect(doc[1]).toBe('Игорь Куцак');
    expect(claimantOf('По данным Интерфакса, имущество арестовано.')).toBe('Интерфакс');
  });
});

describe('descriptions that open a sentence capitalised', () => {
  it('resolves "Губернатор" and "Глава региона" to the governor named before, never printing the description', () => {
    const doc = resolveClaimants([
      'Губернатор Курской области Олег Ремизов заявил о трех пострадавших.',
      'Губернатор добавил, что ремонт начнется завтра.',
      'Глава региона уточнил, что школы закрыты.',
    ]);
    expect(doc).toEqual(['Олег Ремизов', 'Олег Ремизов', 'Олег Ремизов']);
    expect(claimantOf('Губернатор добавил, что ремонт начнется завтра.')).toBeNull();
    expect(claimantOf('Генеральный штаб ВСУ сообщил о 140 боях.')).toBe('Генеральный штаб ВСУ');
  });

  it('resolves "регулятор" to the central bank and a capitalised "Ведомство" to the ministry, never printing either', () => {
    const doc = resolveClaimants([
      'Банк России по итогам заседания снизил ставку до 15%.',
      '«Давление снижается», — говорится в пресс-релизе регулятора.',
      'Регулятор также уточнил, что инфляция замедлилась.',
      'Министерство финансов сообщило о дефиците бюджета.',
      'Ведомство уточнило, что долг не вырос.',
    ]);
    expect(doc).toEqual([null, 'Банк России', 'Банк России', 'Министерство финансов', 'Министерство финансов']);
    expect(claimantOf('Ведомство уточнило, что долг не вырос.')).toBeNull();
    expect(claimantOf('Регулятор также уточнил, что инфляция замедлилась.')).toBeNull();
  });

  it('prints no name for one unnamed source, nor the outlet it spoke to', () => {
    expect(claimantOf('Источник в силовых структурах рассказал ТАСС, что задержаны двое.')).toBeNull();
    expect(claimantOf('Как передает ТАСС, задержаны двое.')).toBe('ТАСС');
  });
});

describe('Ukrainian forms that Russian reads otherwise', () => {
  it('reads "пояснив", "заявив" after a quotation as a verb in the past, not a Russian gerund', () => {
    const doc = resolveClaimants([
      'Економіст Олег Устенко вважає рішення виправданим.',
      '«Ставка підтримує гривню», — пояснив він.',
      'На його думку, курс залишиться стабільним.',
    ]);
    expect(doc).toEqual(['Олег Устенко', 'Олег Устенко', 'Олег Устенко']);
    expect(claimantOf('Павел Дуров отказался это сделать, заявив, что не будет.')).toBe('Павел Дуров');
  });

  it('gives "йдеться в заяві фонду" to the fund the same sentence opens with', () => {
    expect(claimantOf('Міжнародний валютний фонд схвалив черговий транш, йдеться в заяві фонду.')).toBe(
      'Міжнародний валютний фонд',
    );
    expect(claimantOf('Транш схвалено, йдеться в заяві фонду.')).toBeNull();
  });
});

describe('groups in the genitive plural', () => {
  it('puts "по данным спасателей", "по мнению экспертов", "за даними синоптиків" back in the nominative', () => {
    expect(claimantOf('По данным спасателей, под обломками трое.')).toBe('спасатели');
    expect(claimantOf('По мнению экспертов, рынок стабилен.')).toBe('эксперты');
    expect(claimantOf('За даними синоптиків, у горах до 60 мм опадів.')).toBe('синоптики');
    // Not a group's word, or a group with more words after it: no name made up.
    expect(claimantOf('По данным переписи, населения стало меньше.')).toBeNull();
  });

  it('reads "вспоминает" closing a quotation', () => {
    expect(
      resolveClaimants(['Жительница дома Ольга Смирнова рассказала о хлопке.', '«Стены затряслись», — вспоминает она.'])[1],
    ).toBe('Ольга Смирнова');
  });
});

describe("the author's words inside a Russian quotation", () => {
  it('reads "«…, — отметил X. — …»" as X speaking, not the speaker of the quotation before', () => {
    const doc = resolveClaimants([
      'Глава делегации Олег Гранин заявил, что переговоры прошли хорошо.',
      '«Мы обменялись документами», — сказал он журналистам.',
      '«Мы готовы к диалогу, — отметил министр Иван Петров. — Но без ультиматумов».',
      '«Все решено, — сказав він, — і крапка».',
    ]);
    expect(doc.slice(0, 3)).toEqual(['Олег Гранин', 'Олег Гранин', 'Иван Петров']);
    expect(doc[3]).not.toBe('Олег Гранин');
  });
});

describe('wire sign-offs, short names and descriptions of bodies', () => {
  it('reads a neuter past verb and a verb of opinion', () => {
    expect(claimantOf('Ранее Минобороны сообщало о 56 сбитых беспилотниках за сутки.')).toBe('Минобороны');
    expect(claimantOf('Эксперт Высшей школы экономики Анна Лисовская полагает, что запасы увеличат цены.')).toBe(
      'Анна Лисовская',
    );
  });

  it('puts the General Staff’s short name and an undeclined company name in the nominative', () => {
    expect(claimantOf('За даними Генштабу ЗСУ, за минулу добу відбулося 143 бойові зіткнення.')).toBe('Генштаб ЗСУ');
    expect(claimantOf('В Укренерго зазначили, що графіки відключень не застосовуватимуться.')).toBe('Укренерго');
  });

  it('never reads "ведомство" past a body that spoke since', () => {
    const doc = resolveClaimants([
      'По данным Минобороны, ночью сбиты 40 беспилотников.',
      'Ипотечное кредитование за месяц сократилось на 12%, сообщил Центробанк.',
      'В ведомстве пояснили, что спрос на льготную ипотеку снижается.',
    ]);
    expect(doc).toEqual(['Минобороны', 'Центробанк', null]);
  });

  it('reads the dateline’s agency signing off as no one’s claim', () => {
    const doc = resolveClaimants([
      'МОСКВА, 5 дек — РИА Новости.',
      'Занятия в школе переведены на дистанционный формат.',
      'Об этом сообщает РИА Новости.',
    ]);
    expect(doc).toEqual([null, null, null]);
    // Another outlet's report is still its source.
    expect(resolveClaimants(['Занятия в школе отменены.', 'Об этом сообщает ТАСС.'])).toEqual(['ТАСС', 'ТАСС']);
  });

  it('prints no bare word for an outlet whose quoted title is left out', () => {
    expect(claimantOf('Об этом пишет газета «Коммерсантъ».')).toBeNull();
    expect(claimantOf('Как сообщает издание, сделка закрыта.')).toBeNull();
    expect(resolveClaimants(['Сделка закрыта, сообщает ТАСС.', 'Как уточнило агентство, покупатель не раскрыт.'])[1]).not.toBe(
      'агентство',
    );
  });
});
