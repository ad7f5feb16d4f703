import { describe, expect, it } from 'vitest';
import { resolveClaimants } from '../../../shared/spotting/claimant';

const claimantOf = (sentence: string) => resolveClaimants([sentence])[0] ?? null;

describe('attribution forms that news and reports use', () => {
  it('reads a subject set off from its verb by a comma, and a person speaking for an organisation', () => {
    expect(claimantOf('The Internet security firm Netwatch, has said that 40 flaws were found this year.')).toBe('Netwatch');
    expect(claimantOf('Anna Berg for the Northern Water Board, says levels are falling.')).toBe('Anna Berg');
    // A clause before the comma is no subject.
    expect(claimantOf('In Kyiv, said the mayor, the dam held.')).not.toBe('Kyiv');
  });

  it('lets a share of a group and a document by a body speak, but not an object of a preposition', () => {
    expect(claimantOf('Nearly 60% of respondents said they used the tool daily.')).toBe('respondents');
    expect(claimantOf('A 2019 report by the National Audit Office noted that costs had doubled.')).toBe('National Audit Office');
    expect(claimantOf('A letter seen by the Daily Mail says the plan was dropped.')).toBeNull();
  });

  it("reads verbs of describing with a quotation, a city reasoning, a gerund of proclaiming and an organisation's manifesto", () => {
    expect(claimantOf('Maria Lopez characterized the vote as "a turning point for the region."')).toBe('Maria Lopez');
    expect(claimantOf('Maria Lopez characterized the vote as a turning point.')).toBeNull();
    expect(claimantOf('The city reasoned, "the fee makes it a commercial activity."')).toBe('the city');
    expect(claimantOf('The treaty was signed with Prime Minister Ana Ruiz proclaiming, "We stand together."')).toBe('Ana Ruiz');
    expect(claimantOf('According to Acme\'s manifesto, "the project is open to everyone."')).toBe('Acme');
  });

  it('reads Russian and Ukrainian verbs of urging and publishing', () => {
    expect(claimantOf('Министр финансов Антон Петров призвал банки снизить ставки.')).toBe('Антон Петров');
    expect(claimantOf('Міністр Олена Шевчук закликала громади економити воду.')).toBe('Олена Шевчук');
  });

  it('resolves "the governor" to a region\'s administration head and "глава региона" to its governor', () => {
    expect(
      resolveClaimants([
        'Regional administration head Serhii Lysak said two people were injured.',
        'The governor said both were in hospital.',
      ]),
    ).toEqual(['Serhii Lysak', 'Serhii Lysak']);
    expect(
      resolveClaimants([
        'Губернатор Рязанской области Павел Малков сообщил, что обломки упали на территорию предприятия.',
        'Как отметил глава региона, пострадавших нет.',
      ]),
    ).toEqual(['Павел Малков', 'Павел Малков']);
    // Without a governor named before, "the governor" is nobody.
    expect(
      resolveClaimants(['Serhii Lysak said two people were injured.', 'The governor said both were in hospital.'])[1],
    ).toBeNull();
  });

  it('skips a relative clause or a participle between a speaker and the verb, and reads "the region\'s governor" after the words', () => {
    const ctx = [
      'Russian President Vladimir Putin spoke in Vladivostok on Friday.',
      'Ryazan Governor Pavel Malkov was there too.',
    ];
    const third = (x: string) => resolveClaimants([...ctx, x])[2];
    expect(third('Putin, who spoke at the forum, said troops would be targets.')).toBe('Vladimir Putin');
    expect(third('U.S. President Donald Trump, asked about the comments, said he would call Putin.')).toBe('Donald Trump');
    expect(third("The strike killed two people, the region's governor said.")).toBe('Pavel Malkov');
    expect(third('The strike killed two people, the mayor said.')).toBeNull();
  });

  it('reads an accusation as said by its accuser, and a programme as a body', () => {
    expect(claimantOf('Hamas accused Israel of delaying the entry of shelters, a charge Israel denied.')).toBe('Hamas');
    expect(claimantOf('The minister was accused of lying.')).toBeNull();
    expect(claimantOf('According to the World Food Programme, half a million people face hunger.')).toBe('World Food Programme');
  });

  it('reads a Russian role qualified by a body before a name, and never names the outlet an interview was given to', () => {
    expect(claimantOf('Пресс-секретарь Кремля Дмитрий Песков позже заявил, что переговоры поставлены на паузу.')).toBe(
      'Дмитрий Песков',
    );
    expect(claimantOf('Президент Украины Владимир Зеленский в интервью AFP заявил, что речь идет о тысячах военных.')).toBe(
      'Владимир Зеленский',
    );
    expect(claimantOf('В интервью AFP заявил, что речь идет о тысячах военных.')).toBeNull();
    expect(claimantOf('Комитет защиты журналистов заявил, что их 20.')).toBe('Комитет защиты журналистов');
  });

  it('reads Telegram channels as a group that reports, never the place before them', () => {
    expect(claimantOf('В Рязани местные телеграм-каналы сообщили о взрывах у завода.')).toBe('телеграм-каналы');
    expect(claimantOf('У Рязані місцеві телеграм-канали повідомили про вибухи.')).toBe('телеграм-канали');
  });
});
