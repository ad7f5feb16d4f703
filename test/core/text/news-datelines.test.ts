import { afterEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../electron/core/context';
import { call } from '../../../electron/core/dispatch';
import { analyzeText } from '../../../shared/text/candidates';
import { datelineEnd, isDatelineOnly } from '../../../shared/text/dateline';
import { isoDate } from '../../../shared/text/dates';
import { documentDate, nonProseKind } from '../../../shared/text/news-structure';
import { defaultTitle } from '../../../shared/text/title';
import { createTestContext } from '../../helpers/workspace';

/** The analysed sentence that starts with `start`, with the text its anchor covers in the document. */
function sentenceAt(text: string, start: string) {
  const s = analyzeText(text).find((x) => x.text.startsWith(start));
  if (!s) throw new Error(`no sentence starts with ${JSON.stringify(start)}`);
  return { ...s, covered: text.slice(s.anchor.start, s.anchor.end), kinds: s.reasons.map((r) => r.kind) };
}

const LEAD_EN = 'The harbour authority said 14 ships were waiting to load grain at the port.';

describe('photo credits from news agencies', () => {
  const credits = [
    'REUTERS/Stringer',
    'REUTERS/Maxim Shemetov',
    'AP Photo/Efrem Lukatsky',
    'Maxim Shemetov/Reuters',
    'Sergei Supinsky/AFP via Getty Images',
    'AFP via Getty Images',
    'Name Surname/AFP',
    'Фото: Михаил Климентьев / РИА Новости',
    'Михаил Климентьев / РИА Новости',
    'Фото: ТАСС',
    'REUTERS/Evgenia Novozhenina/File Photo',
    'Sputnik/Gavriil Grigorov/Pool via REUTERS',
    'Photograph: Gavriil Grigorov/AP',
    '© Сергей Бобылев/ТАСС',
    'Genya SAVILOV / AFP',
    'EPA-EFE/SERGEI ILNITSKY',
    'AP Photo/Evgeniy Maloletka, File',
    'Kremlin.ru/Handout via REUTERS',
  ];

  it('are credits wherever they stand and never become claims', () => {
    for (const credit of credits) {
      expect([credit, nonProseKind(credit)]).toEqual([credit, 'credit']);
      // Kept whole: never cut as if it opened with a dateline ("EPA-EFE" is not "PLACE - AGENCY").
      expect([credit, sentenceAt(`${LEAD_EN}\n\n${credit}`, credit).text]).toEqual([credit, credit]);
      // On its own line under a caption, between paragraphs, and as the last line of the file.
      const caption = 'Photo: A grain carrier in the port of Odesa, 2 December 2026.';
      for (const text of [
        `${LEAD_EN}\n\n${caption} ${credit}\n\n${LEAD_EN}`,
        `${LEAD_EN}\n\n${credit}\n\n${LEAD_EN} It was the third delay this month.`,
        `${LEAD_EN}\n\n${credit}`,
      ]) {
        const listed = analyzeText(text)
          .filter((s) => s.checkWorthy)
          .map((s) => s.text);
        expect(listed.filter((t) => t.includes(credit.replace(/^Фото: /, '')))).toEqual([]);
      }
    }
  });

  it('closing a dated caption on the same line, the whole line is a credit', () => {
    expect(nonProseKind('A cargo ship in the port of Novorossiysk, 2 December 2026 REUTERS/Stringer')).toBe('credit');
  });

  it('leaves prose that names an agency with a slash alone', () => {
    for (const prose of [
      'Support for the plan fell to 38 percent in 2026, according to a Reuters/Ipsos Poll.',
      'A Reuters/Ipsos poll showed that 40 percent of voters approve of the deal.',
      'The port handled 3 million tonnes in 2025, the agency said.',
    ])
      expect([prose, nonProseKind(prose)]).toEqual([prose, null]);
  });
});

describe('datelines', () => {
  it('are taken out of the claim: its text and anchor start where the story does', () => {
    const cases: [string, string][] = [
      [
        'MOSCOW, 3 December 2026 (Reuters) - ',
        'Russian President Vladimir Putin said Russia exported 60 million tonnes of grain.',
      ],
      ['KYIV, Ukraine (AP) — ', 'Russia launched 465 drones and 32 missiles at Ukraine overnight, the air force said.'],
      ['WASHINGTON, Dec. 3 — ', 'The Senate voted 52 to 48 to approve the bill on Tuesday.'],
      ['BEIJING, 2026-12-03 (Xinhua) -- ', 'China exported 12 percent more steel in November than a year earlier.'],
      ['МОСКВА, 3 декабря. /ТАСС/. ', 'Президент России Владимир Путин заявил, что Россия экспортировала 60 млн тонн зерна.'],
      ['Москва, 3 декабря — РИА Новости. ', 'Экспорт зерна из России вырос на 12 процентов за год, сообщил Минсельхоз.'],
      ['MOSCOW/KYIV, Dec 3 (Reuters) - ', 'Russia and Ukraine exchanged 150 prisoners of war on Wednesday, both sides said.'],
      ['МОСКВА, 3 декабря. ИНТЕРФАКС - ', 'Инфляция в России в ноябре составила 0,5 процента, сообщил Росстат.'],
      ['(Bloomberg) -- ', 'Oil rose 3 percent on Wednesday after OPEC agreed to cut output.'],
      ['Киев, 3 грудня — ', 'Україна експортувала 40 мільйонів тонн зерна за рік, повідомив міністр.'],
      // The month cut short, as RIA and UNIAN write it.
      ['МОСКВА, 9 янв - РИА Новости. ', 'Экспорт газа через Украину сократился на 20 процентов, сообщил «Газпром».'],
      ['КИЇВ, 3 груд. — УНІАН. ', 'Україна експортувала 40 мільйонів тонн зерна за рік, повідомив міністр.'],
    ];
    for (const [dateline, sentence] of cases) {
      const text = `Grain exports hit a record\n\n${dateline}${sentence}\n\n${LEAD_EN}`;
      const s = sentenceAt(text, sentence.slice(0, 12));
      expect(s.text).toBe(sentence);
      expect(s.covered).toBe(sentence);
      expect(s.anchor.exact).toBe(sentence);
      expect(s.anchor.start).toBe(text.indexOf(dateline) + dateline.length);
      expect(s.checkWorthy).toBe(true);
      // A dateline the segmenter cut off as a sentence of its own ("… — РИА Новости.") is a dateline, never a claim.
      const rest = analyzeText(text).filter((x) => x.text.startsWith(dateline.trim().slice(0, 5)));
      expect(rest.map((x) => [x.checkWorthy, x.reasons[0]!.kind])).toEqual(rest.map(() => [false, 'dateline']));
    }
  });

  it('gives the claimant of the sentence after the dateline', () => {
    const text = `MOSCOW, 3 December 2026 (Reuters) - Kremlin spokesman Dmitry Peskov said 14 ships were waiting in the port.`;
    const s = sentenceAt(text, 'Kremlin spokesman');
    expect(s.claimant).toBe('Dmitry Peskov');
  });

  it('alone, are never claims', () => {
    for (const line of [
      '3 декабря 2026 года, Москва.',
      'Москва, 3 декабря — РИА Новости.',
      'МОСКВА, 9 янв - РИА Новости.',
      'Москва, 3 сент. — ТАСС.',
      'Saturday, October 9, 2010',
      'Суббота, 9 октября 2010 года',
      '3 December 2026, Moscow.',
      '2026-12-03',
      'December 3, 2026 10:35 AM GMT+2',
      'Updated 10:35 AM EST, Wed December 3, 2026',
      'Опубликовано: 3 декабря 2026, 14:05',
      'Обновлено 03.12.2026 14:05 (МСК)',
      '3 дек 2026, 14:05',
      'December 3, 2026 10:35 AM GMT+2Updated 2 hours ago',
      '3 Dec 2026 · 4 min read',
      'Reuters | 3 December 2026',
      '3 декабря 2026, 14:05 · Политика',
    ]) {
      expect([line, isDatelineOnly(line), nonProseKind(line)]).toEqual([line, true, 'dateline']);
      const s = sentenceAt(`Rekordnyi urozhai: the harvest\n\n${line}\n\n${LEAD_EN}`, line);
      expect([line, s.checkWorthy, s.kinds[0], s.claimant]).toEqual([line, false, 'dateline', null]);
      expect(s.kinds.filter((k) => k === 'dateline')).toHaveLength(1);
    }
  });

  it('leave a sentence that merely starts with a city or a date alone', () => {
    const text = [
      'Moscow said on Tuesday that it had shipped 60 million tonnes of grain this season.',
      'Kyiv, the capital, was hit by 12 drones overnight, the air force said.',
      'May 5, 2025 was the hottest day on record in Moscow, the weather service said.',
      '3 декабря Путин заявил, что урожай составил 130 млн тонн.',
      'AP — the news agency — reported that 40 ships were waiting in the port.',
    ].join('\n\n');
    for (const start of ['Moscow said', 'Kyiv, the capital', 'May 5, 2025', '3 декабря Путин', 'AP — the news']) {
      const s = sentenceAt(text, start);
      expect([start, datelineEnd(s.text), s.checkWorthy]).toEqual([start, 0, true]);
    }
    expect(sentenceAt(text, 'Moscow said').claimant).toMatch(/^(?:Moscow|Kremlin)$/);
  });

  it('with the page furniture beside them, are not a headline either', () => {
    const text =
      'December 3, 2026 10:35 AM GMT+2 Updated 2 hours ago\n\nRussia exported 60 million tonnes of grain, the ministry said.';
    // (Read as the leading metadata's date line: not a sentence at all.)
    expect(analyzeText(text).some((s) => s.checkWorthy && s.text.includes('2026'))).toBe(false);
    expect(documentDate(text)).toBe('2026-12-03');
    // A statement beside a date is still a statement.
    expect(nonProseKind('Russia exported 5 million tonnes | 3 December 2026')).toBeNull();
  });

  it('are never a title', () => {
    expect(
      defaultTitle('Saturday, October 9, 2010\nGrain exports hit a record\n\nRussia exported 60 million tonnes.', 'x.txt'),
    ).toBe('Grain exports hit a record');
    expect(defaultTitle('3 декабря 2026 года, Москва.\n\nПутин заявил о рекордном урожае.', 'putin-ru.txt')).toBe('putin-ru');
  });
});

describe('the document date', () => {
  it('comes from the first dateline or date line with a year when the metadata gives none', () => {
    const cases: [string, string | null][] = [
      [`Grain exports hit a record\n\nMOSCOW, 3 December 2026 (Reuters) - ${LEAD_EN}`, '2026-12-03'],
      [`Путин заявил о рекорде\n\n3 декабря 2026 года, Москва. Президент заявил о рекорде.`, '2026-12-03'],
      [`Headline here\nSaturday, October 9, 2010\n\n${LEAD_EN}`, '2010-10-09'],
      [`Заголовок\n\nКИЕВ, 3 грудня 2026 року — Україна експортувала зерно.`, '2026-12-03'],
      [`Headline\n\n2026-12-03\n\n${LEAD_EN}`, '2026-12-03'],
      [`Headline\n\n03.12.2026\n\n${LEAD_EN}`, '2026-12-03'],
      // The metadata's date wins over a dateline.
      [`date 2025-09-05 10:00\n\nMOSCOW, 3 December 2026 (Reuters) - ${LEAD_EN}`, '2025-09-05'],
      // No year in the dateline, and a date inside prose is not the story's date.
      [`Headline\n\nMOSCOW, Dec. 3 (Reuters) - ${LEAD_EN} It was built on 5 May 2001.`, null],
    ];
    for (const [text, date] of cases) expect([text, documentDate(text)]).toEqual([text, date]);
  });

  it('reads English, Russian, Ukrainian and numeric dates, and nothing that is not one', () => {
    expect(isoDate('3 December 2026')).toBe('2026-12-03');
    expect(isoDate('Dec. 3, 2026')).toBe('2026-12-03');
    expect(isoDate('3 декабря 2026 года')).toBe('2026-12-03');
    expect(isoDate('3 грудня 2026 року')).toBe('2026-12-03');
    expect(isoDate('03.12.2026')).toBe('2026-12-03');
    expect(isoDate('about 5, 2025 and Dec 3, 2026')).toBe('2026-12-03');
    expect(isoDate('3 слона 2026')).toBeNull();
    expect(isoDate('45.13.2026')).toBeNull();
  });

  let ctx: (CoreContext & { dir: string }) | undefined;
  afterEach(() => ctx?.workspace.close());

  it('is set at import from the dateline, and no claim or title starts with it', async () => {
    ctx = createTestContext();
    const text = [
      'Путин заявил о рекордном урожае зерна',
      '',
      '3 декабря 2026 года, Москва. Президент России Владимир Путин заявил, что Россия экспортировала 60 млн тонн зерна.',
      '',
      'Фото: Михаил Климентьев / РИА Новости',
      '',
      'Редактор: Иван Петров',
    ].join('\n');
    const r = await call(ctx, 'ingest.importFile', { name: 'putin-ru.txt', dataBase64: Buffer.from(text).toString('base64') });
    expect(r.status, r.error?.message).toBe('imported');
    expect(r.document!.publishedAt).toBe('2026-12-03');
    expect(r.document!.title).toBe('Путин заявил о рекордном урожае зерна');
    const { items } = await call(ctx, 'claims.list', { documentId: r.document!.id, limit: 100 });
    const texts = items.map((c) => c.text);
    expect(texts.some((t) => /^3 декабря|Климентьев|Редактор/.test(t))).toBe(false);
    const putin = items.find((c) => c.text.startsWith('Президент России'));
    expect(putin?.claimant).toBe('Владимир Путин');
    const anchor = putin!.anchor!;
    expect(text.slice(anchor.start, anchor.end)).toBe(putin!.text);
  });
});

describe('reporters credits and bylines', () => {
  it('are bylines, not claims', () => {
    for (const line of [
      'Reporting by Anna Petrova; editing by John Smith',
      'Writing by Anna Petrova; Editing by John Smith',
      'Additional reporting by Anna Petrova in Kyiv',
      'Редактор: Иван Петров',
      'Автор: Анна Петрова',
      'Автор Анна Петрова',
      'By Jane Roe, Reuters · 3 min read',
      'By Jane Roe | Reuters | December 3, 2026 10:35 AM',
      'Автор: Анна Петрова · 3 мин чтения',
    ]) {
      expect([line, nonProseKind(line)]).toEqual([line, 'byline']);
      const s = sentenceAt(`${LEAD_EN}\n\n${line}`, line.slice(0, 10));
      expect([line, s.checkWorthy, s.claimant]).toEqual([line, false, null]);
    }
    expect(nonProseKind('By Jane Roe | The government cut taxes by 5 percent')).toBeNull();
  });
});

describe('notes about the text itself', () => {
  it('are never claims', () => {
    for (const note of [
      'This interview has been edited for length and clarity.',
      'The conversation was lightly edited and condensed.',
      "Editor's note: this story was updated on 4 December with the ministry's reply.",
      'Интервью публикуется в сокращении.',
      'Текст інтерв’ю скорочено.',
    ])
      expect([note, nonProseKind(note)]).toEqual([note, 'editor_note']);
    const spotted = analyzeText(
      'Port traffic fell 12 percent in May, the ministry said.\n\nThis interview has been edited for length.\n',
    );
    expect(spotted.map((s) => s.checkWorthy)).toEqual([true, false]);
  });

  it('leave sentences about other stories, reports and interviews alone', () => {
    for (const prose of [
      'The story has been widely shared, with 40,000 reposts.',
      'The report was corrected after the ministry found 12 errors.',
      'The interview was broadcast to 3 million viewers.',
    ])
      expect([prose, nonProseKind(prose)]).toEqual([prose, null]);
  });
});
