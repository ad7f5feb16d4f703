import { describe, expect, it } from 'vitest';
import { resolveClaimants } from '../../../shared/spotting/claimant';

const claimantOf = (sentence: string) => resolveClaimants([sentence])[0] ?? null;

describe('pronouns across sentences', () => {
  it('never lets a pronoun stand for a person named after it in its own sentence', () => {
    const ctx = 'Mark Hale asked readers to fund the defence of Ruben Ortiz.';
    expect(resolveClaimants([ctx, 'He described Ortiz as "a man facing prison for telling the truth."'])[1]).toBe('Mark Hale');
    // A name inside the quotation is not the speaker either.
    expect(resolveClaimants([ctx, 'He wrote, "Ortiz is a brave man."'])[1]).toBe('Mark Hale');
  });

  it('takes the one person the sentence before opens with, but not when another opened the one before that', () => {
    expect(
      resolveClaimants([
        'Ruben Ortiz was arrested in May after leaving the clinic run by Nora Diaz.',
        'Mark Hale asked readers to fund the defence of Ortiz.',
        'He described Ortiz as "a man facing prison for telling the truth."',
      ])[2],
    ).toBe('Mark Hale');
    expect(resolveClaimants(['Anna Berg spoke first.', 'Tom Briggs spoke next.', 'He said talks went well.'])[2]).toBeNull();
    // Two people named in the sentence before leave "he" unresolved.
    expect(resolveClaimants(['Olaf Brandt met Tom Briggs.', 'He said talks went well.'])[1]).toBeNull();
  });

  it('does not count a surname used as a modifier as a mention of that person', () => {
    expect(
      resolveClaimants([
        'Nina Park wrote that Tom Cruise had been cut from the film.',
        'Writing in a blog post, Nina Park dubbed the fight over the Cruise video "a skirmish."',
        'She characterized the dispute as "a war without end."',
      ])[2],
    ).toBe('Nina Park');
  });
});

describe('quotations after a closed one', () => {
  it('does not hand a quotation that spanned sentences on to a new one that opens after it', () => {
    expect(
      resolveClaimants([
        'Nina Park wrote: "The fight is old.',
        'It has gone on for years."',
        '"A new obsession is taking hold online."',
      ]),
    ).toEqual(['Nina Park', 'Nina Park', null]);
    // A one-sentence attributed quotation still goes on into the quotation right after it.
    expect(resolveClaimants(['"The fight is old," Nina Park wrote.', '"A new obsession is taking hold online."'])).toEqual([
      'Nina Park',
      'Nina Park',
    ]);
  });
});

describe('a pronoun in a later clause of its own sentence', () => {
  it("stands for the sentence's subject when no rival is named between them", () => {
    expect(
      claimantOf('On May 2, city officials went to the Harbor Street police station, where they claimed the files were stolen.'),
    ).toBe('city officials');
    expect(claimantOf('Anna Berg flew to Oslo, where she said talks went well.')).toBe('Anna Berg');
    expect(claimantOf('City officials met union members, where they claimed the files were stolen.')).toBeNull();
    expect(claimantOf('Anna Berg met Tom Briggs in Oslo, and he said talks went well.')).toBeNull();
    expect(claimantOf('Anna Berg met Briggs, and she said talks went well.')).toBeNull();
  });
});

describe('other verbs of reporting', () => {
  it('reads "came to the conclusion that", but not a conclusion of talks', () => {
    expect(claimantOf('Anna Berg had known Tom Briggs for years, and came to the conclusion that the claims were lies.')).toBe(
      'Anna Berg',
    );
    expect(claimantOf('The two sides came to the conclusion of the talks.')).toBeNull();
  });
});

describe('speakers in long appositions', () => {
  it('reads two roles joined by ", and", a name after a bracketed organisation and a colon after an apposition', () => {
    expect(
      claimantOf(
        'Dr Helen Marsh, director of the Coastal Erosion Survey, and chair of the Northern Flood Council, says the sea wall will fail.',
      ),
    ).toBe('Helen Marsh');
    expect(
      claimantOf('The general secretary of the NFU (National Farmers Union), Peter Cole, has called the tariff "ruinous".'),
    ).toBe('Peter Cole');
    expect(
      resolveClaimants([
        'Anna Berg, chief economist at the lender Nordbank, gave her view of the figures: "Households are running out of savings.',
        'Spending will slow before summer."',
      ]),
    ).toEqual(['Anna Berg', 'Anna Berg']);
  });

  it('gives nothing when the subject before the colon is two people', () => {
    expect(
      claimantOf(
        'Anna Berg, chief economist at Nordbank, and her team published the figures: "Households are running out of savings."',
      ),
    ).toBeNull();
    expect(
      claimantOf('Anna Berg, Tom Briggs, and Lee Chan published the figures: "Households are running out of savings."'),
    ).toBeNull();
  });
});

describe('reports, studies and data as sources', () => {
  it('lets a document, a research team and the supplier of figures speak', () => {
    expect(claimantOf('The study says rents rose 12 percent.')).toBe('the study');
    expect(claimantOf('The researchers found rents rose 12 percent in two years.')).toBe('researchers');
    expect(claimantOf('Rents rose 12 percent, according to the council website.')).toBe('the council website');
    expect(claimantOf('This year the city expects 6 million visitors according to the event website.')).toBe('the event website');
    expect(claimantOf('Sales rose, according to the old man.')).toBeNull();
    expect(claimantOf('Rents rose 12 percent, according to 2021 figures supplied by the Housing Agency.')).toBe('Housing Agency');
    expect(claimantOf('Rents rose 12 percent, according to official data from Statistics Norway.')).toBe('Statistics Norway');
    expect(
      resolveClaimants([
        "The report's authors say iodine levels are falling.",
        'They call for "mandatory iodisation of all bread."',
      ])[1],
    ).toBe("report's authors");
  });

  it('gives nothing for a document that says nothing, an indefinite one, bare figures or a plain "found"', () => {
    expect(claimantOf('The report said nothing about rents.')).toBeNull();
    expect(claimantOf('A report said rents rose.')).toBeNull();
    expect(claimantOf('Rents rose 12 percent, according to figures.')).toBeNull();
    expect(claimantOf('The police found the car in a ditch.')).toBeNull();
    expect(claimantOf('Olaf Brandt is said to be furious about the merger.')).toBeNull();
  });
});

describe("an organisation's own voice", () => {
  it('reads "received reports that" and keeps later "we" statements in the organisation\'s voice after a quoted person', () => {
    expect(
      resolveClaimants([
        'Today the Open Maps Foundation has received reports that access to its site is being restored.',
        'Earlier, the court published its ruling, and shortly after, we received reports that access was restored.',
        '"We are delighted," said Ana Ruiz, the foundation\'s director.',
        'We will keep appealing to the European court.',
        'We asked the Open Maps Foundation for comment.',
      ]),
    ).toEqual(['Open Maps Foundation', 'Open Maps Foundation', 'Ana Ruiz', 'Open Maps Foundation', null]);
    expect(claimantOf('Police received a call about a fire.')).toBeNull();
    expect(
      resolveClaimants(['The ministry said 40 drones were shot down.', 'We contacted the ministry for details.'])[1],
    ).toBeNull();
  });
});

describe('who speaks in Russian', () => {
  it('reads a Latin-script name or a handle after a role, and a name after "в своём блоге"', () => {
    expect(claimantOf('Глава компании John Smith заявил, что продажи выросли.')).toBe('John Smith');
    expect(claimantOf('Пользователь Twitter kotik88 сообщает, что мост закрыт.')).toBe('kotik88');
    expect(claimantOf('Как сообщил в своём блоге Alexei Navalny, суд перенесли.')).toBe('Alexei Navalny');
    expect(claimantOf('СМИ приводят неподтверждённые данные о числе погибших.')).toBe('СМИ');
    expect(claimantOf('Он привёл пример из практики.')).toBeNull();
  });

  it('lets "по его словам" stand for a man named mid-sentence whose name can only be nominative, but not for a case form', () => {
    expect(
      resolveClaimants([
        'Однако водитель автобуса Тимур Гаджиев остаётся при своём мнении.',
        'По его словам, дорогу не ремонтировали десять лет.',
      ])[1],
    ).toBe('Тимур Гаджиев');
    expect(
      resolveClaimants(['Встреча с Тимуром Гаджиевым прошла в Казани.', 'По его словам, дорогу не ремонтировали десять лет.'])[1],
    ).toBeNull();
  });

  it("keeps a role's genitive complement out of the name after it", () => {
    expect(claimantOf('Представитель Путина Дмитрий Песков заявил, что встреча не запланирована.')).toBe('Дмитрий Песков');
    // (The canonical name leaves the patronymic out.)
    expect(claimantOf('Министр иностранных дел Мария Владимировна Захарова заявила, что визит отменён.')).toBe('Мария Захарова');
    expect(claimantOf('По словам представителя Путина Дмитрия Пескова, встреча не запланирована.')).toBe('Дмитрий Песков');
  });

  it('resolves "Представитель Путина" to the spokesperson named nearby, else prints the role phrase, never Putin', () => {
    expect(
      resolveClaimants([
        'Пресс-секретарь президента Дмитрий Песков заявил, что график плотный.',
        'Представитель Путина подчеркнул, что встреча не запланирована.',
      ]),
    ).toEqual(['Дмитрий Песков', 'Дмитрий Песков']);
    expect(claimantOf('Представитель Путина подчеркнул, что встреча не запланирована.')).toBe('Представитель Путина');
    // In the genitive the role phrase cannot be printed, and the person it belongs to is not the speaker.
    expect(claimantOf('По словам представителя Путина, встреча не запланирована.')).toBeNull();
    expect(claimantOf('По словам министра Сергея Лаврова, встреча не запланирована.')).toBe('Сергей Лавров');
  });

  it("prints an English possessive role when no one holding it was named, and the object of 'told' never speaks", () => {
    expect(claimantOf("Putin's spokesman said no meeting was planned.")).toBe("Putin's spokesman");
    expect(
      resolveClaimants([
        'Kremlin spokesman Dmitry Peskov arrived in Paris.',
        "Putin's spokesman said no meeting was planned.",
      ])[1],
    ).toBe('Dmitry Peskov');
    expect(claimantOf("The company's spokesman said no meeting was planned.")).toBeNull();
    expect(claimantOf('Peskov told Reuters that no meeting was planned.')).toBe('Peskov');
  });
});
