import { describe, expect, it } from 'vitest';
import { resolveClaimants } from '../../../shared/spotting/claimant';

describe('one canonical name per person', () => {
  it('keeps the first full name when a longer form with a patronymic comes later (English)', () => {
    const c = resolveClaimants([
      'Russian President Vladimir Putin said on Tuesday that Russia exported 60 million tonnes of grain.',
      'Putin denied the figures.',
      'President Putin claimed that no port had been targeted.',
      'Vladimir Vladimirovich Putin also said inflation would fall below 6 percent next year.',
    ]);
    expect(c).toEqual(['Vladimir Putin', 'Vladimir Putin', 'Vladimir Putin', 'Vladimir Putin']);
  });

  it('keeps the first full name when a longer form with a patronymic comes later (Russian)', () => {
    const c = resolveClaimants([
      'Президент России Владимир Путин заявил, что урожай рекордный.',
      'Путин также сказал, что экспорт вырос.',
      'Владимир Владимирович Путин также заявил, что инфляция снизится.',
    ]);
    expect(c).toEqual(['Владимир Путин', 'Владимир Путин', 'Владимир Путин']);
  });

  it('leaves the patronymic out even when the long form comes first', () => {
    expect(
      resolveClaimants(['Vladimir Vladimirovich Putin said the harvest was a record.', 'Putin added that exports had doubled.']),
    ).toEqual(['Vladimir Putin', 'Vladimir Putin']);
  });

  it('prefers a first name to an initial, whichever comes first', () => {
    expect(
      resolveClaimants([
        'V. Putin said the harvest was a record.',
        'Vladimir Putin added that exports had doubled.',
        'Putin said inflation would fall.',
      ]),
    ).toEqual(['Vladimir Putin', 'Vladimir Putin', 'Vladimir Putin']);
  });

  it('never merges a later full name with another first name, and leaves a shared surname alone unresolved', () => {
    expect(
      resolveClaimants([
        'Biden said on Monday that talks would resume.',
        'Joe Biden said the deal was close.',
        'Hunter Biden said he had not been consulted.',
        'Biden added that the talks went well.',
      ]),
    ).toEqual(['Joe Biden', 'Joe Biden', 'Hunter Biden', null]);
  });

  it('does not let a longer later form replace the first one (a different surname stays apart)', () => {
    expect(
      resolveClaimants([
        'Dmitry Peskov said the talks would resume.',
        'Dmitry Sergeyevich Peskov told reporters that 14 ships were waiting.',
        'Peskov said Ukraine had not answered.',
      ]),
    ).toEqual(['Dmitry Peskov', 'Dmitry Peskov', 'Dmitry Peskov']);
  });
});

describe('one name per body', () => {
  it('takes a ministry’s short and full names for the same body, whichever comes first', () => {
    expect(
      resolveClaimants([
        'Минобороны РФ сообщило о перехвате 40 беспилотников.',
        'Министерство обороны РФ сообщило, что сбиты 12 ракет.',
        'МИД России заявил о протесте.',
        'Министерство иностранных дел России сообщило, что посол вызван.',
      ]),
    ).toEqual(['Минобороны РФ', 'Минобороны РФ', 'МИД России', 'МИД России']);
    expect(
      resolveClaimants([
        'Міністерство закордонних справ України повідомило, що посла викликано.',
        'МЗС України заявило про протест.',
      ]),
    ).toEqual(['Міністерство закордонних справ України', 'Міністерство закордонних справ України']);
  });
});
