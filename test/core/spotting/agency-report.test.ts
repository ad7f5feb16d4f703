import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../shared/text/candidates';
import { defaultTitle } from '../../../shared/text/title';
import { AGENCY_REPORT, AGENCY_REPORT_LABELS, AID_REPORT, AID_REPORT_LABELS } from './agency-report';

for (const [name, text, labels, title] of [
  [
    'a war report',
    AGENCY_REPORT,
    AGENCY_REPORT_LABELS,
    "Russia pounds Ukraine's power grid before winter as Zelenskyy asks allies for more Patriots",
  ],
  [
    'an aid report',
    AID_REPORT,
    AID_REPORT_LABELS,
    'Aid trucks enter Gaza as ceasefire holds, UN says deliveries still fall short',
  ],
] as const) {
  describe(`${name} through the importer analysis`, () => {
    const sentences = analyzeText(text);
    const find = (start: string) => {
      const s = sentences.find((x) => x.text.startsWith(start));
      if (!s) throw new Error(`no sentence starts with ${JSON.stringify(start)}`);
      return s;
    };

    it('gives every attributed sentence its speaker and no sentence a wrong one', () => {
      const wrong = labels
        .filter((l) => l.claimant !== undefined)
        .map((l) => ({ start: l.start, want: l.claimant, got: find(l.start).claimant }))
        .filter((r) => r.got !== r.want);
      expect(wrong).toEqual([]);
    });

    it('lists the claims and leaves out the caption, credit, byline, "could not" sentences and the reporters\' credit', () => {
      const off = labels
        .filter((l) => l.claim !== undefined)
        .map((l) => ({ start: l.start, want: l.claim, got: find(l.start).checkWorthy }))
        .filter((r) => r.got !== r.want);
      expect(off).toEqual([]);
    });

    it('keeps the leading metadata out of every sentence and takes the headline as the title', () => {
      expect(sentences.some((s) => /^(?:date|source|url)\b/.test(s.text))).toBe(false);
      expect(defaultTitle(text, 'report.txt')).toBe(title);
    });
  });
}

describe('news structure around the prose', () => {
  const kindOf = (text: string, start: string) => {
    const s = analyzeText(text).find((x) => x.text.startsWith(start))!;
    return { listed: s.checkWorthy, kinds: s.reasons.map((r) => r.kind), claimant: s.claimant };
  };

  it('takes the line right above a photo credit as its caption, whatever its verb, and leaves a paragraph before a blank line alone', () => {
    const credit = 'Contributor/Getty Images';
    const caption = 'Firefighters put out a blaze at a warehouse hit by drones in Odesa.';
    expect(kindOf(`${caption}\n${credit}\n\nThe port was hit twice.`, 'Firefighters').kinds[0]).toBe('caption');
    // The same sentence closing a paragraph, a blank line before an unrelated credit: prose.
    const prose = kindOf(`${caption}\n\n${credit}\n\nThe port was hit twice.`, 'Firefighters');
    expect(prose.kinds).not.toContain('caption');
    expect(prose.listed).toBe(true);
  });

  it("reads the reporters' closing credit as a byline without a claimant", () => {
    for (const line of [
      'Olena Kovalenko reported from Kyiv.',
      'Jane Roe and John Doe contributed from Brussels.',
      'Associated Press writer Jane Roe in Kyiv contributed to this report.',
      '(Reporting by Jane Roe; Editing by John Doe)',
      'Sarah Mills reported from Jerusalem; additional reporting by Omar Haddad in Cairo.',
    ]) {
      const s = kindOf(`The port was hit twice, officials said.\n\n${line}`, line.slice(0, 12));
      expect([line, s.kinds[0], s.listed, s.claimant]).toEqual([line, 'byline', false, null]);
    }
    // A reporter's finding in a sentence of its own is prose.
    expect(kindOf('Olena Kovalenko reported that 12 drones were shot down.', 'Olena').kinds).not.toContain('byline');
  });

  it('resolves "the company" to the business named before and a body named without its country to the full name', () => {
    const text = [
      "Ukraine's national grid operator Ukrenergo said blackouts were introduced in seven regions.",
      'According to the company, repairs could take weeks.',
      "Ukraine's General Staff said 12 drones were shot down.",
      '"The refinery was hit twice," the General Staff said.',
    ].join('\n\n');
    expect(analyzeText(text).map((s) => s.claimant)).toEqual([
      'Ukrenergo',
      'Ukrenergo',
      "Ukraine's General Staff",
      "Ukraine's General Staff",
    ]);
  });

  it('scores higher the quotation its headline repeats', () => {
    const body =
      '"If troops appear there, we proceed from the fact that these will be legitimate targets," Putin told the forum.';
    const lead = 'Russian President Vladimir Putin spoke at a forum on Friday.';
    const withEcho = kindOf(`Putin says troops would be "legitimate targets"\n\n${lead}\n\n${body}`, '"If troops');
    const without = kindOf(`Putin speaks at a forum\n\n${lead}\n\n${body}`, '"If troops');
    expect(withEcho.kinds).toContain('headline_quote');
    expect(without.kinds).not.toContain('headline_quote');
  });

  it('takes a caption closed by a bracketed credit, reads "the region\'s governor, X, said", and does not list what no one would say', () => {
    const text = [
      'Smoke rises from the roof of a government building in Kyiv, Ukraine, Sunday, Sept. 7, 2025. (AP Photo/Jane Roe)',
      "The region's governor, Alexander Bogomaz, said only that air defences had destroyed several drones.",
      'It did not mention the government building.',
      'The AP was unable to verify the claims of either side.',
    ].join('\n\n');
    const s = analyzeText(text);
    expect(s[0]!.reasons[0]!.kind).toBe('caption');
    expect(s[2]!.claimant).toBe('Alexander Bogomaz');
    expect(s.map((x) => x.checkWorthy)).toEqual([false, false, true, false, false]);
  });

  it('weighs "could not disclose" only when the sentence says nothing else first', () => {
    const lead = 'Ukrainian President Volodymyr Zelenskyy spoke to reporters in Kyiv on Friday.';
    const figures =
      '"It will not be single digits, but in the thousands," Zelenskyy said, adding that he could not disclose details.';
    const debris = 'Governor Pavel Malkov said debris from a drone fell on the grounds of an enterprise but did not name it.';
    const silence = 'He said he could not disclose how many troops would be sent.';
    const s = analyzeText([lead, figures, debris, silence].join('\n\n'));
    expect(s.map((x) => x.reasons.some((r) => r.kind === 'no_statement'))).toEqual([false, false, false, true]);
    expect(s.map((x) => x.checkWorthy).slice(1)).toEqual([true, true, false]);
  });

  it('does not list sentences about the reporting itself', () => {
    const lines = [
      'Russia launched 157 drones overnight, the air force said.',
      'This story has been updated with comments from the Kremlin.',
      'AFP has contacted the ministry for comment.',
      'Reuters was not able to independently verify the report.',
      'An earlier version of this story misstated the number of drones.',
      'The sources declined to be named because they were not authorized to speak to the media.',
      'The trial continues.',
    ];
    const s = analyzeText(lines.join('\n\n'));
    expect(s.map((x) => x.checkWorthy)).toEqual([true, false, false, false, false, false, false]);
    // An anonymous source's claim is still a claim.
    expect(
      analyzeText('A Ukrainian official, speaking on condition of anonymity, said 12 soldiers were killed.')[0]!.checkWorthy,
    ).toBe(true);
    expect(s.slice(1).every((x) => x.reasons.some((r) => r.kind === 'newsroom' || r.kind === 'no_statement'))).toBe(true);
  });

  it('finds the headline under a caption and its credit, and reads a present-tense caption with a date as a caption', () => {
    const text = [
      'date 2025-09-05',
      '',
      'Russian President Vladimir Putin speaks at a forum, Sept. 5 2025, in Vladivostok, Russia.',
      'Contributor/Getty',
      '',
      'Putin says Western troops in Ukraine would be "legitimate targets"',
      '',
      'Firefighters battle a blaze at a warehouse after a Russian strike in Kyiv on Sept. 7, 2025.',
    ].join('\n');
    const s = analyzeText(text);
    expect(s.map((x) => x.reasons[0]!.kind)).toEqual(['caption', 'credit', 'headline', 'caption']);
    expect(defaultTitle(text, 'a.txt')).toBe('Putin says Western troops in Ukraine would be "legitimate targets"');
  });

  it('does not list a Russian sentence saying that details could not be disclosed', () => {
    const s = analyzeText('Зеленский заявил, что речь идет о тысячах военных.\n\nПодробности он раскрыть не смог.');
    expect(s.map((x) => x.checkWorthy)).toEqual([true, false]);
  });
});
