import { describe, expect, it } from 'vitest';
import { defaultSpotter } from '../../../shared/spotting/index';
import { isShortAnswer, participantsMasked } from '../../../shared/spotting/turns';
import { analyzeText, speakerAt } from '../../../shared/text/candidates';
import { resolveSpeaker } from '../../../shared/text/speaker-names';
import { speakerLabel, speakerTurns } from '../../../shared/text/speaker-turns';

/** Transcripts written for these tests, one per label format. */
const TOWN_HALL = [
  'Town hall debate on regional transport',
  '',
  "MODERATOR: Good evening. Tonight's candidates are Governor Helen Carter and State Senator David Okafor.",
  '',
  'CARTER: Thank you. When I took office, the transit authority had a deficit of 340 million dollars.',
  '',
  'OKAFOR: Fares went up 28 percent in 2024. Governor Carter cut night service on 17 lines.',
  '',
  'MODERATOR: Governor, is that right?',
  '',
  'CARTER: No. We cut night service on four lines, not seventeen.',
  '',
  'OKAFOR: The state auditor said the bond was underfunded by 600 million.',
  '',
  'MODERATOR: Senator Okafor, your plan would make buses free. Bus ridership in the state fell 12 percent in 2023.',
  '',
  'CARTER: Yes, it is.',
].join('\n');

const INTERVIEW = [
  '[00:00:05] Q: Minister, how many schools did the programme build?',
  '[00:00:12] A: We built 212 schools in four years, twice the target.',
  '[00:01:03] Q: And the cost?',
  '[00:01:09] A: The programme cost 1.4 billion euros.',
  '[00:01:30] Q: Thank you.',
].join('\n');

const HEARING = [
  'CHAIR (Maria Lopez): The committee will come to order.',
  'Mr. Smith: Thank you, Madam Chair.',
  'Mr. Smith: The agency spent 45 million dollars on consultants in 2022.',
  'Dr. Patel: That figure is wrong; consultants cost 19 million dollars.',
  'Mr. Smith: I think we should look at it again.',
].join('\n');

const claims = (text: string) => analyzeText(text).filter((s) => s.checkWorthy);
const find = (text: string, start: string) => analyzeText(text).find((s) => s.text.startsWith(start))!;

describe('speaker labels', () => {
  it.each([
    ['CARTER: No.', 'CARTER'],
    ['Mr. Smith: Thank you.', 'Mr. Smith'],
    ['[00:12:03] Q: And the cost?', 'Q'],
    ['MODERATOR (Lester Holt): Welcome.', 'MODERATOR (Lester Holt)'],
    ['Kamala Harris (01:02:03): Thank you.', 'Kamala Harris'],
    ['SEN. WARREN: That is wrong.', 'SEN. WARREN'],
  ])('%s', (line, label) => {
    const found = speakerLabel(line);
    expect(found?.label).toBe(label);
    // The spoken text starts right after the label's colon and space.
    expect(line.slice(found!.textStart)).toBe(line.split(': ').slice(1).join(': '));
  });

  it('reads plain names only where names are expected, and never a note', () => {
    expect(speakerLabel('Smith: We cut taxes.')).toBeNull();
    expect(speakerLabel('Smith: We cut taxes.', { plainNames: true })?.label).toBe('Smith');
    for (const line of ['Note: the figure is disputed.', 'Update: 3 killed', 'In 2020: a record year', 'HTTP://EXAMPLE.COM'])
      expect(speakerLabel(line, { plainNames: true })).toBeNull();
  });

  it('splits a transcript into turns that end where the next label starts', () => {
    const turns = speakerTurns(INTERVIEW);
    expect(turns.map((t) => t.label)).toEqual(['Q', 'A', 'Q', 'A', 'Q']);
    expect(INTERVIEW.slice(turns[1]!.start, turns[1]!.end).trim()).toBe('We built 212 schools in four years, twice the target.');
  });
});

describe('speaker names', () => {
  it('resolves a label to the name its introduction gives, else to the label in title case', () => {
    expect(resolveSpeaker('CARTER', TOWN_HALL)).toEqual({ name: 'Helen Carter', role: null });
    expect(resolveSpeaker('OKAFOR', TOWN_HALL)).toEqual({ name: 'David Okafor', role: null });
    expect(resolveSpeaker('CARTER', 'CARTER: We cut taxes. Governor Carter said so.')).toEqual({ name: 'Carter', role: null });
    expect(resolveSpeaker('MODERATOR', TOWN_HALL)).toEqual({ name: 'Moderator', role: 'moderator' });
    expect(resolveSpeaker('MODERATOR (Lester Holt)', '')).toEqual({ name: 'Lester Holt', role: 'moderator' });
    expect(resolveSpeaker('SEN. WARREN', '')).toEqual({ name: 'Sen. Warren', role: null });
    expect(resolveSpeaker("O'BRIEN", '')).toEqual({ name: "O'Brien", role: null });
    expect(resolveSpeaker('Mr. Smith', 'Our witness is John Smith of the audit office.').name).toBe('John Smith');
  });
});

describe('an imported transcript', () => {
  it('gives every sentence of a turn its speaker, named as introduced, with the label outside the claim', () => {
    const spotted = analyzeText(TOWN_HALL);
    for (const s of spotted) {
      expect(TOWN_HALL.slice(s.anchor.start, s.anchor.end)).toBe(s.text);
      expect(s.text).not.toMatch(/^(?:MODERATOR|CARTER|OKAFOR):/);
    }
    const deficit = find(TOWN_HALL, 'When I took office');
    expect(deficit).toMatchObject({ claimant: 'Helen Carter', checkWorthy: true });
    // The anchor starts after "CARTER: Thank you. ", so the document view highlights only the claim.
    expect(TOWN_HALL.slice(deficit.anchor.start - 19, deficit.anchor.start)).toBe('CARTER: Thank you. ');
    expect(find(TOWN_HALL, 'Fares went up')).toMatchObject({ claimant: 'David Okafor', checkWorthy: true });
  });

  it('keeps the speaker as claimant of a source they report', () => {
    expect(find(TOWN_HALL, 'The state auditor said')).toMatchObject({ claimant: 'David Okafor', checkWorthy: true });
  });

  it('never makes a claim of a short answer or a moderator’s question, but may of a moderator’s statement of fact', () => {
    const texts = claims(TOWN_HALL).map((s) => s.text);
    for (const t of [
      'No.',
      'Thank you.',
      'Yes, it is.',
      'Governor, is that right?',
      'Senator Okafor, your plan would make buses free.',
    ])
      expect(texts).not.toContain(t);
    expect(find(TOWN_HALL, "Tonight's candidates").checkWorthy).toBe(false);
    expect(find(TOWN_HALL, 'Bus ridership in the state fell')).toMatchObject({ claimant: 'Moderator', checkWorthy: true });
    expect(find(TOWN_HALL, 'No.').reasons[0]!.kind).toBe('short_answer');
  });

  it('scores what a participant did without the weight past debates gave their name', () => {
    const cut = find(TOWN_HALL, 'Governor Carter cut night service');
    expect(cut.checkWorthy).toBe(true);
    expect(cut.claimant).toBe('David Okafor');
    expect(cut.score).toBeGreaterThan(defaultSpotter().score(cut.text).score);
    expect(participantsMasked(cut.text, ['Helen Carter', 'David Okafor'])).toBe('Governor Doe cut night service on 17 lines.');
  });

  it('reads an interview with timecodes and Q/A labels', () => {
    expect(claims(INTERVIEW).map((s) => [s.claimant, s.text])).toEqual([
      // "A:" says an answer follows, not whose: the claims are listed with no claimant rather than "A".
      [null, 'We built 212 schools in four years, twice the target.'],
      [null, 'The programme cost 1.4 billion euros.'],
    ]);
  });

  it('reads a hearing with honorifics and a chair named in parentheses', () => {
    const spotted = analyzeText(HEARING);
    expect(find(HEARING, 'The committee will come to order.').claimant).toBe('Maria Lopez');
    expect(find(HEARING, 'The agency spent')).toMatchObject({ claimant: 'Mr. Smith', checkWorthy: true });
    expect(find(HEARING, 'That figure is wrong')).toMatchObject({ claimant: 'Dr. Patel' });
    expect(spotted.find((s) => s.text.startsWith('Thank you, Madam Chair'))!.checkWorthy).toBe(false);
    // A selection made into a claim by hand gets the speaker of its turn.
    expect(speakerAt(HEARING, HEARING.indexOf('45 million'))).toBe('Mr. Smith');
    expect(speakerAt(HEARING, 0)).toBeNull();
  });

  it('short answers are recognised by their words, not their length', () => {
    for (const s of ['No.', 'Yes, it is.', 'Thank you.', 'Thank you very much, senator.', 'No, that is not true.'])
      expect(isShortAnswer(s)).toBe(true);
    for (const s of ['Taxes went up.', 'No tax rose.', 'Yes, taxes rose 4 percent.', 'Thank you for 40 new buses.'])
      expect(isShortAnswer(s)).toBe(false);
  });
});
