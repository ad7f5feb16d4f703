import { describe, expect, it } from 'vitest';
import { attributeSentences, resolveClaimants } from '../../../shared/spotting/claimant';
import { nominativeRu } from '../../../shared/spotting/attribution/registry';
import { analyzeText } from '../../../shared/text/candidates';
import { leadingMetadata, nonProseKind } from '../../../shared/text/news-structure';
import { defaultTitle } from '../../../shared/text/title';
import { WAR_REPORT } from './article';

const byText = (text: string) => new Map(analyzeText(text).map((s) => [s.text, s]));

describe('attribution in English', () => {
  it('names speakers with titles and roles, bodies, groups and resolves pronouns and descriptions', () => {
    const s = byText(WAR_REPORT);
    const who = (start: string) => [...s.values()].find((x) => x.text.startsWith(start))?.claimant;
    expect(who('Russian President Vladimir Putin said')).toBe('Vladimir Putin');
    expect(who('"If some troops appear')).toBe('Vladimir Putin');
    expect(who('The Russian leader also said')).toBe('Vladimir Putin');
    expect(who('Kremlin spokesperson')).toBe('Dmitry Peskov');
    expect(who("Ukraine's air force")).toBe("Ukraine's air force");
    expect(who('Of those, 120 drones')).toBe("Ukraine's air force");
    expect(who('In Ryazan')).toBe('local social media channels');
    expect(who('Regional administration head')).toBe('Serhii Lysak');
    expect(who('Ukrainian President Volodymyr Zelenskyy told')).toBe('Volodymyr Zelenskyy');
    // A quotation over two sentences takes the speaker named where it closes, for both halves.
    expect(who('"We are talking')).toBe('Volodymyr Zelenskyy');
    expect(who('It will definitely not be single digits')).toBe('Volodymyr Zelenskyy');
  });

  it('prefers no claimant to a wrong one', () => {
    const c = resolveClaimants([
      '"The shelling went on all night," the AFP news agency reported.',
      'In Ryazan, explosions were reported overnight.',
      'Joe Biden met Angela Merkel.',
      'He said the talks went well.',
      'Recent reports have revealed that the plan failed.',
      'Kim Min-Woo conceded a penalty in the 62nd minute.',
      'Both the school district and the police department have asserted that religion was not a factor.',
    ]);
    expect(c).toEqual([null, null, null, null, null, null, null]);
  });

  it('reads signed quotations, gerunds after a name and quotations that go on after an attributed sentence', () => {
    expect(
      resolveClaimants([
        '"So far, it is a long game." - Matthew Ingram',
        'It quoted critics, with Caitlin Boswell stating: "People need this."',
        'Colette Heald noted the findings show pollution matters.',
        '"A cleanup would improve yields by 10 percent.',
        'Ozone is something we understand."',
      ]),
    ).toEqual(['Matthew Ingram', 'Caitlin Boswell', 'Colette Heald', 'Colette Heald', 'Colette Heald']);
  });

  it('takes a capital standing for its government as a body that "it" can refer to', () => {
    expect(resolveClaimants(['Moscow denied the report on Friday.', 'It said 40 drones were shot down.'])).toEqual([
      'Moscow',
      'Moscow',
    ]);
  });

  it('uses one canonical name per person in a document', () => {
    const c = resolveClaimants([
      'Russian President Vladimir Putin arrived in Vladivostok.',
      'Putin said the economy grew 4 percent.',
      '"We will respond," the Russian leader said.',
      'He added that talks were possible.',
    ]);
    expect(c.slice(1)).toEqual(['Vladimir Putin', 'Vladimir Putin', 'Vladimir Putin']);
  });

  it('takes a full name in an apposition over its role, and drops business titles', () => {
    expect(
      resolveClaimants([
        "Mozilla's CTO, Brendan Eich, acknowledged that this is not a complete solution.",
        'OkCupid co-founder and CEO Sam Yagan had donated $500.',
        'Yagan claims he did not know about it.',
      ]),
    ).toEqual(['Brendan Eich', null, 'Sam Yagan']);
  });

  it('does not merge a lone word used long before with a full name met much later', () => {
    const filler = Array.from({ length: 12 }, (_, i) => `The browser had ${i + 2} million users.`);
    const c = resolveClaimants([
      'Mozilla reported that revenue rose 33%.',
      ...filler,
      'Air Mozilla streams public meetings.',
      'Mozilla said revenue rose.',
    ]);
    expect(c[0]).toBe('Mozilla');
    expect(c[c.length - 1]).toBe('Mozilla');
    // In a headline and its lead the surname may come first.
    expect(resolveClaimants(['Putin says talks are possible', 'Russian President Vladimir Putin spoke in Vladivostok.'])[0]).toBe(
      'Vladimir Putin',
    );
  });

  it('continues "he" with the subject of the sentence before, and reads one person with two roles', () => {
    expect(
      resolveClaimants(['Harry Kane won the Budweiser Man of the Match award.', 'He said, "It felt good out there."']),
    ).toEqual([null, 'Harry Kane']);
    expect(
      resolveClaimants(['American academic and professor Marc Lamont Hill commented, "Hoping for a national conversation."']),
    ).toEqual(['Marc Lamont Hill']);
    expect(resolveClaimants(['Joe Biden and Senator Mark Kelly said the bill would pass.'])).toEqual([null]);
  });

  it('finds the speaker of a colon after an opening phrase', () => {
    expect(
      resolveClaimants([
        'Prime Minister Rishi Sunak spoke in the Commons.',
        'During questions on Wednesday, Sunak defended the record whilst promising an update: "We are working intensely."',
        'Writing in a blog post, Matthew Ingram of The Globe and Mail dubbed the conflict: "Scientology vs. the Internet".',
      ]),
    ).toEqual([null, 'Rishi Sunak', 'Matthew Ingram']);
  });

  it('reads "found that" and "showed that" as findings, and nothing else after them', () => {
    expect(
      resolveClaimants([
        'The researchers found that ozone caused 46 percent of the damage.',
        'Police found the body on Monday.',
        'The data showed a rise.',
      ]),
    ).toEqual(['researchers', null, null]);
  });

  it('gives a statement and an unquoted "we" to the body that was speaking, and nothing when none was', () => {
    expect(
      resolveClaimants([
        "Ukraine's Energy Ministry said gas facilities were hit overnight.",
        'We have recorded 40 attacks on energy facilities since the start of the month.',
        '"Repairs will take weeks," the statement said.',
      ]),
    ).toEqual(["Ukraine's Energy Ministry", "Ukraine's Energy Ministry", "Ukraine's Energy Ministry"]);
    expect(
      resolveClaimants([
        "Ukraine's Energy Ministry said Russia had hit gas facilities overnight.",
        '"We have recorded 40 attacks on energy facilities this month."',
      ]),
    ).toEqual(["Ukraine's Energy Ministry", "Ukraine's Energy Ministry"]);
    expect(
      resolveClaimants([
        "Ukraine's Energy Ministry said Russia had hit gas facilities overnight.",
        '"Gas is scarce this winter."',
      ]),
    ).toEqual(["Ukraine's Energy Ministry", null]);
    expect(resolveClaimants(['We have recorded 40 attacks since Monday.'])).toEqual([null]);
    // A person's "we" outside quotation marks is not theirs to print, and a report is its own source, never the last speaker.
    expect(
      resolveClaimants([
        'Serhii Lysak said two people were injured.',
        'We have recorded 40 attacks.',
        'The report says damage was heavy.',
      ]),
    ).toEqual(['Serhii Lysak', null, 'the report']);
  });

  it('reads agency-style attributions: participial appositions, abbreviated titles, names with "for the", verbs of calling', () => {
    expect(
      resolveClaimants([
        'Belgorod regional Gov. Vyacheslav Gladkov said on Telegram that one person was killed.',
        'The governor said power was cut to 3,000 homes.',
        'French President Emmanuel Macron, speaking after the meeting in Paris, said 26 countries had pledged troops.',
        'The Institute for the Study of War said in its daily update that Russia was preparing an offensive.',
        'Ukrainian Foreign Minister Andrii Sybiha called the attack "a deliberate act of terror".',
        "Poland's armed forces said they scrambled jets.",
        "Ukraine's military intelligence agency, known as HUR, said it had struck an oil depot.",
        'Residents called the police.',
      ]),
    ).toEqual([
      'Vyacheslav Gladkov',
      'Vyacheslav Gladkov',
      'Emmanuel Macron',
      'Institute for the Study of War',
      'Andrii Sybiha',
      "Poland's armed forces",
      "Ukraine's military intelligence agency",
      null,
    ]);
    // A body described with no article and no one named before it is too vague to print.
    expect(resolveClaimants(['Forces said the town had fallen.'])).toEqual([null]);
  });

  it('gives a study or a letter to its owner: "X\'s analysis concluded", "The Home Office letter reads"', () => {
    expect(
      resolveClaimants([
        'PC World\'s recent analysis of its own web traffic concluded, "Internet Explorer is now third.',
        'It might be a statistical blip."',
        'The Home Office letter reads "we may extend the questionnaire".',
        'The letter reads well.',
      ]),
    ).toEqual(['PC World', 'PC World', 'Home Office', null]);
  });

  it('reports which sentences are attributed and which sit inside a quotation', () => {
    const a = attributeSentences(['"First part.', 'Second part," Anna Smith said.', 'Plain text.']);
    expect(a.map((x) => x.quoted > 0.3)).toEqual([true, true, false]);
    expect(a[0]!.viaQuote).toBe(true);
    expect(a[2]!.claimant).toBeNull();
  });
});

describe('speakers named only as the subject of the sentence', () => {
  it('"X defended the plan, saying …" and "X shared her view: “…”" are X; a sentence opening otherwise is not', () => {
    expect(
      resolveClaimants([
        'Prime Minister Rishi Sunak defended the plan, saying it would halve the backlog.',
        'Local resident Maria Lopez shared her perspective: "We have waited three years for this road."',
        'The results were clear: "Nobody won."',
        'Writing in a blog post, the analyst described the result: "A landslide."',
        'The team won the match, scoring twice.',
      ]),
    ).toEqual(['Rishi Sunak', 'Maria Lopez', null, null, null]);
  });
});

describe('organisations named by their initials', () => {
  it('reads an acronym opening a sentence as a speaker, and the question word as none', () => {
    expect(
      resolveClaimants([
        'WHO say iodine deficiency is the main preventable cause of brain damage.',
        'Who said the vote was rigged?',
      ]),
    ).toEqual(['WHO', null]);
  });
});

describe('attribution in Russian and Ukrainian', () => {
  it('handles word order, genitive cues and descriptions without printing a case form', () => {
    expect(
      resolveClaimants([
        'Министерство обороны России сообщило, что сбито 40 беспилотников.',
        'По данным ведомства, атака была отражена.',
        'Об этом заявил глава МИД России Сергей Лавров.',
        'По словам Лаврова, переговоры продолжатся.',
        'По словам Марии Захаровой, это провокация.',
        'Как отметил пресс-секретарь Кремля Дмитрий Песков, решение не принято.',
        '«Мы не согласны», — сообщило Минобороны.',
        'В российском министерстве финансов утверждают, что кредит не выдавался.',
      ]),
    ).toEqual([
      'Министерство обороны России',
      'Министерство обороны России',
      'Сергей Лавров',
      'Сергей Лавров',
      'Мария Захарова',
      'Дмитрий Песков',
      'Минобороны',
      'Министерство финансов России',
    ]);
    expect(
      resolveClaimants([
        'Міністерство оборони України повідомило про 12 збитих ракет.',
        'За даними відомства, атака тривала три години.',
        'Президент Володимир Зеленський заявив, що Україна відповість.',
        'За словами Зеленського, втрати значні.',
      ]),
    ).toEqual(['Міністерство оборони України', 'Міністерство оборони України', 'Володимир Зеленський', 'Володимир Зеленський']);
  });

  it('reads Ukrainian cues (повідомив, за словами, за даними) in either order, with bodies that did not speak yet', () => {
    expect(
      resolveClaimants([
        'Повітряні сили ЗСУ повідомили, що збили 120 дронів.',
        'Про це повідомив голова обласної військової адміністрації Сергій Лисак.',
        'Він повідомив, що двоє людей поранені.',
        'Президент України Володимир Зеленський прибув до Києва.',
        'За словами Зеленського, сили будуть великими.',
        'Міністерство оборони України опублікувало звіт.',
        'За даними відомства, росіяни втратили 900 солдатів.',
        'За даними Reuters, переговори відкладено.',
        'За словами очевидців, вибухи було чути вночі.',
      ]),
    ).toEqual([
      'Повітряні сили ЗСУ',
      'Сергій Лисак',
      'Сергій Лисак',
      null,
      'Володимир Зеленський',
      null,
      'Міністерство оборони України',
      'Reuters',
      // A group in the genitive is never printed as a case form: it is put back in the nominative.
      'очевидці',
    ]);
  });

  it('reads long Russian names of bodies, inverted verbs and plural groups', () => {
    expect(
      resolveClaimants([
        'У нее будет необычный вкус, считает глава Центра исследований федерального и регионального рынков Вадим Дробиз.',
        'Крепость водки зависит от региона, отмечают эксперты.',
        'Заключенные журналисты в России Комитет защиты журналистов считает, что два журналиста находятся в заключении.',
        'Борис Стомахин, редактор газеты «Радикальная политика», был арестован в 2006 году.',
        'Виктор Янукович и Реджеп Эрдоган заявили о партнёрстве.',
      ]),
    ).toEqual(['Вадим Дробиз', 'эксперты', 'Комитет защиты журналистов', null, null]);
  });

  it('gives words after "сообщил сам Трамп:" without quotation marks to him, and "по мнению делегации ОБСЕ" to the initials', () => {
    expect(
      resolveClaimants([
        'Дональд Трамп прилетел в Париж.',
        'Об этом сообщил журналистам сам Трамп:',
        'Я не уверен, что у нас будет встреча в Париже.',
        'Вместе с тем, по мнению делегации ОБСЕ, кампания выявила ряд проблем.',
        'Власти перечислили меры:',
        'Школы закрыты.',
      ]),
    ).toEqual([null, 'Дональд Трамп', 'Дональд Трамп', 'ОБСЕ', null, null]);
  });

  it('puts a body named in the locative back in the nominative, and reads pronouns after "по его словам"', () => {
    expect(
      resolveClaimants([
        'В Кремле заявили, что встреча не состоится.',
        'В ходе встречи стороны заявили о сотрудничестве.',
        'Глава Республики Крым Сергей Аксёнов сообщил, что стрельбу устроил студент.',
        'Аксёнов также уточнил, что жертв 18.',
        'По его словам, жители показали тела.',
        'У міністерстві оборони повідомили про атаку.',
        'Архитектор Ираклий Лолашвили сказал, что голосовал за НАТО.',
        'Ранее Коммерсантъ писал, что встречу отменили.',
      ]),
    ).toEqual([
      'Кремль',
      null,
      'Сергей Аксёнов',
      'Сергей Аксёнов',
      'Сергей Аксёнов',
      'Міністерство оборони',
      'Ираклий Лолашвили',
      'Коммерсантъ',
    ]);
  });

  it('takes undeclined sources as written after genitive and locative cues', () => {
    expect(
      resolveClaimants([
        'По данным Reuters со ссылкой на официальных лиц, они погибли.',
        'В СК РФ уже подтвердили эту информацию.',
        'По данным ТАСС, взрывов было два.',
      ]),
    ).toEqual(['Reuters', 'СК РФ', 'ТАСС']);
  });

  it('turns a genitive name into the nominative only when the endings leave no doubt', () => {
    expect(nominativeRu('Сергея Лаврова')).toBe('Сергей Лавров');
    expect(nominativeRu('Марии Захаровой')).toBe('Мария Захарова');
    expect(nominativeRu('Дмитрия Пескова')).toBe('Дмитрий Песков');
    expect(nominativeRu('Зеленского')).toBe('Зеленский');
    expect(nominativeRu('Володимира Зеленського')).toBe('Володимир Зеленський');
    expect(nominativeRu('Тараса Шевченка')).toBe('Тарас Шевченко');
    expect(nominativeRu('ведомства')).toBeNull();
  });
});

describe('reasons shown for a sentence', () => {
  it('never shows the same signal twice with opposite signs, and marks only a headline that stands alone', () => {
    const s = analyzeText(WAR_REPORT);
    for (const x of s) {
      const kinds = x.reasons.map((r) => r.kind);
      expect(kinds.includes('attribution') && kinds.includes('attributed')).toBe(false);
      expect(kinds.includes('stated_figure') && kinds.includes('figure')).toBe(false);
    }
    const said = s.find((x) => x.text.startsWith('Russian President Vladimir Putin said'))!;
    expect(said.reasons.filter((r) => r.kind === 'attributed')).toHaveLength(1);
    expect(s[0]!.reasons.some((r) => r.kind === 'headline')).toBe(true);
    // Metadata, then a body whose first sentence introduces a quotation.
    const body = analyzeText(
      'date 2025-09-05\n\nRussian President Vladimir Putin said on Friday:\n\n"Western troops would be legitimate targets."',
    );
    expect(body[0]!.text).toBe('Russian President Vladimir Putin said on Friday:');
    expect(body.some((x) => x.reasons.some((r) => r.kind === 'headline'))).toBe(false);
  });
});

describe('news structure', () => {
  it('takes the date and title from leading metadata and keeps it, captions and credits out of claims', () => {
    expect(leadingMetadata(WAR_REPORT).date).toBe('2025-09-05');
    expect(defaultTitle(WAR_REPORT, 'report.txt')).toBe('Putin says Western troops in Ukraine would be "legitimate targets"');
    const sentences = analyzeText(WAR_REPORT);
    expect(sentences.some((s) => /date 2025|example\.org/.test(s.text))).toBe(false);
    const caption = sentences.find((s) => s.text.includes('speaks during the plenary session'))!;
    expect(caption.checkWorthy).toBe(false);
    expect(caption.reasons[0]!.kind).toBe('caption');
    expect(sentences.find((s) => s.text.includes('Contributor/Getty'))!.checkWorthy).toBe(false);
    expect(sentences.find((s) => s.text.includes('could not disclose'))!.checkWorthy).toBe(false);
    const unclear = analyzeText('It was not immediately clear how many of the 40 drones reached Moscow.')[0]!;
    expect(unclear.reasons.map((r) => r.kind)).toContain('no_statement');
    const figures = sentences.find((s) => s.text.startsWith('It will definitely not be single digits'))!;
    expect(figures.reasons.map((r) => r.kind)).toContain('sourced_figure');
  });

  it('reads YAML front matter and a line that is only a date as metadata, and never titles a document with its byline', () => {
    const front =
      '---\ntitle: Putin warns\ndate: 2025-09-05\n---\nRussian President Vladimir Putin said troops would be targets.';
    expect(leadingMetadata(front)).toMatchObject({ title: 'Putin warns', date: '2025-09-05' });
    expect(analyzeText(front).map((x) => x.text)).toEqual(['Russian President Vladimir Putin said troops would be targets.']);
    const dated = 'September 5, 2025 at 4:20 PM EDT\n\nRussian President Vladimir Putin said troops would be targets.';
    expect(leadingMetadata(dated).date).toBe('2025-09-05');
    expect(analyzeText(dated)[0]!.text.startsWith('Russian')).toBe(true);
    // Prose that mentions a date is not metadata.
    expect(leadingMetadata('On September 5, 2025 the talks failed.\n\nMore text.').bodyStart).toBe(0);
    expect(
      defaultTitle(
        'By JANE DOE and JOHN ROE\n\nVLADIVOSTOK, Russia (AP) — Putin said on Friday that troops would be targets.',
        '2025-09-05-putin.txt',
      ),
    ).toBe('2025-09-05-putin');
    expect(defaultTitle('By JANE DOE\nPutin warns the West\n\nPutin said so.', null)).toBe('Putin warns the West');
  });

  it('titles from a headline or the file name, never a sentence cut short', () => {
    const long =
      'The committee decided on Tuesday, after a long and heated debate that lasted well into the night, to raise rates.\nIt was the third rise.';
    expect(defaultTitle(long, '2025-09-05_rates.txt')).toBe('2025-09-05 rates');
    expect(defaultTitle(long)).not.toContain('…');
    expect(defaultTitle('Date palms grow in the desert.')).toBe('Date palms grow in the desert.');
    expect(leadingMetadata('Date palms grow in the desert.').bodyStart).toBe(0);
  });

  it('recognises captions, credits and bylines, and leaves prose alone', () => {
    expect(
      nonProseKind('Ukrainian President Volodymyr Zelenskyy attends a press conference in Kyiv, Ukraine, Aug. 24, 2025.'),
    ).toBe('caption');
    expect(nonProseKind('Anadolu/Getty Images')).toBe('credit');
    expect(
      nonProseKind(
        'Vladimir Putin speaks at a forum in Vladivostok, Russia, Friday, Sept. 5, 2025. (Sergei Bobylev, Sputnik, Kremlin Pool Photo via AP)',
      ),
    ).toBe('caption');
    expect(nonProseKind('Photo: Reuters')).toBe('credit');
    expect(nonProseKind('By Anna Smith and John Doe, Reuters')).toBe('byline');
    expect(nonProseKind('*Figures as of 9 a.m. local time.')).toBe('footnote');
    expect(nonProseKind('¹ Source: the central bank.')).toBe('footnote');
    expect(nonProseKind('Putin said on Sept. 5, 2025, in Vladivostok that 26 countries would send troops.')).toBeNull();
    expect(nonProseKind('The air force said 40 drones were shot down.')).toBeNull();
  });
});
