import { describe, expect, it } from 'vitest';
import { claimantKind, type ClaimantKind } from '../../../shared/spotting/attribution/claimant-kind';
import { resolveClaimants } from '../../../shared/spotting/claimant';

const kinds = (names: string[]) => Object.fromEntries(names.map((n) => [n, claimantKind(n)]));
const all = (names: string[], kind: ClaimantKind) => Object.fromEntries(names.map((n) => [n, kind]));

describe('a claimant typed by hand', () => {
  it('is a body when its name ends in a word for one, in English', () => {
    const bodies = [
      'Wikimedia Foundation',
      'Wikimedia Foundation, Inc.',
      'Ministry of Defence',
      'Russian Defence Ministry',
      'Committee to Protect Journalists',
      'Example Agency',
      'Ukrainian Air Force',
      'Armed Forces of Ukraine',
      'Metropolitan Police',
      'Kyiv City Council',
      'Office of the President',
      'Department of Health',
      'World Bank',
      'Security Service of Ukraine',
      'Ukrainian Army',
      'Government of Canada',
      'Supreme Court',
      'Harvard University',
      'Acme Inc',
      'Acme Ltd',
      'Reuters',
      'NATO',
      'Moscow',
    ];
    expect(kinds(bodies)).toEqual(all(bodies, 'body'));
  });

  it('is a body when it is a description ("the …") or a group that is an institution', () => {
    const bodies = [
      'the air force',
      'the ministry',
      "the mayor's office",
      'the central bank',
      'the company',
      'local authorities',
      'police',
    ];
    expect(kinds(bodies)).toEqual(all(bodies, 'body'));
  });

  it('is a body in Russian and Ukrainian', () => {
    const bodies = [
      'Министерство обороны России',
      'Минобороны',
      'МИД России',
      'Служба безопасности Украины',
      'Верховный суд',
      'Государственная Дума',
      'Офис президента',
      'Міністерство оборони України',
      'Національна поліція',
      'Генеральний штаб ЗСУ',
      'власти',
    ];
    expect(kinds(bodies)).toEqual(all(bodies, 'body'));
  });

  it('is a person when it names one, with or without a title or an office', () => {
    const people = [
      'Mark Rathbun',
      'Joe Biden',
      'President Biden',
      'Dr. Anna Schmidt',
      'Kremlin spokesperson Dmitry Peskov',
      'President of the European Commission',
      'Minister of Defence',
      'Prime Minister Keir Starmer',
      'the governor',
      'the prime minister',
      'Mark',
      'zyalt',
      'Дмитрий Песков',
      'Пресс-секретарь Кремля Дмитрий Песков',
      'Володимир Зеленський',
      // A surname that starts like a body's initials ("ЕС") is still a surname.
      'Сергей Есенин',
      '',
      '   ',
    ];
    expect(kinds(people)).toEqual(all(people, 'person'));
  });
});

describe('a claimant that is a group of people, not one person', () => {
  it('is a group, in English and in Russian, typed with a capital or not', () => {
    const groups = [
      'officials',
      'witnesses',
      'researchers',
      'Researchers',
      'the researchers',
      'Local officials',
      'очевидцы',
      'эксперты',
    ];
    expect(kinds(groups)).toEqual(all(groups, 'group'));
  });

  it('stays a body when the group is an institution, and a person when a capital starts a name', () => {
    expect(kinds(['Police', 'СМИ', 'the ministry', 'Mark Rathbun', 'Nature'])).toEqual({
      Police: 'body',
      СМИ: 'body',
      'the ministry': 'body',
      'Mark Rathbun': 'person',
      Nature: 'person',
    });
  });
});

describe('a claimant attribution found at import', () => {
  it('is typed as attribution read it: bodies as bodies, people as people', () => {
    const names = resolveClaimants([
      'The Wikimedia Foundation said the site had 1.5 billion unique visitors a month.',
      'According to the air force, 14 of the 17 drones were shot down overnight.',
      'Mark Rathbun said the figure was wrong by at least 40 percent.',
      'Министерство обороны России заявило, что сбило 20 беспилотников.',
      'Президент России Владимир Путин заявил, что урожай рекордный.',
    ]);
    expect(names).toEqual([
      'Wikimedia Foundation',
      'the air force',
      'Mark Rathbun',
      'Министерство обороны России',
      'Владимир Путин',
    ]);
    expect(names.map((n) => claimantKind(n!))).toEqual(['body', 'body', 'person', 'body', 'person']);
  });
});
