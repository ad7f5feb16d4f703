import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../shared/text/candidates';
import { labelsInLine, speakerTurns } from '../../../shared/text/speaker-turns';

const labels = (line: string, plainNames = false) =>
  labelsInLine(line, { plainNames }).map((l) => [l.label, line.slice(l.textStart, l.textStart + 12)]);

describe('speaker labels inside a line', () => {
  it('a label after a sentence end starts a turn, as one at the line start does', () => {
    expect(labels('MODERATOR: Welcome to the debate. SMITH: Unemployment fell to 3.5 percent.')).toEqual([
      ['MODERATOR', 'Welcome to t'],
      ['SMITH', 'Unemployment'],
    ]);
    expect(labels('We will see. “Thank you.” SEN. WARREN: That is wrong. JONES (01:02:03): No.')).toEqual([
      ['SEN. WARREN', 'That is wron'],
      ['JONES', 'No.'],
    ]);
    expect(labels('Is that so? Mr. Smith: It is. [00:12:03] Q: And the cost?')).toEqual([
      ['Mr. Smith', 'It is. [00:1'],
      ['Q', 'And the cost'],
    ]);
  });

  it('a title-case name is a label inside a line where it would be one at a line start', () => {
    const line = 'Carter: Taxes rose. Okafor: They fell by 2 percent.';
    expect(labels(line, true)).toEqual([
      ['Carter', 'Taxes rose. '],
      ['Okafor', 'They fell by'],
    ]);
    expect(labels(line, false)).toEqual([]);
  });

  it.each([
    'Note: the figure is disputed. Update: 3 killed.',
    'The meeting starts at 10:30. The ratio was 3:1.',
    'He said so. Note: nobody checked. Source: the ministry.',
    'The office cited Dr. JONES: the study was small.',
    'It was signed by J. SMITH: the deputy minister.',
    'Prices rose in the U.S. GDP grew too, it said: 2 percent.',
    'Three things matter: jobs, wages and prices.',
  ])('ordinary colons stay prose: %s', (line) => {
    expect(labels(line, true)).toEqual([]);
  });

  it('speakerTurns splits an imported transcript at a label inside a line, and its sentences never hold the label', () => {
    const text = [
      'Town hall debate, Springfield',
      'MODERATOR: Welcome to the debate. CARTER: Unemployment fell to 3.5 percent last year, the lowest in 50 years.',
      'OKAFOR: That is not true. The city lost 4,000 jobs in 2023, according to the state labor office.',
      'MODERATOR: Thank you both.',
    ].join('\n');
    const turns = speakerTurns(text);
    expect(turns.map((t) => t.label)).toEqual(['MODERATOR', 'CARTER', 'OKAFOR', 'MODERATOR']);
    expect(text.slice(turns[0]!.start, turns[0]!.end).trim()).toBe('Welcome to the debate.');
    const unemployment = analyzeText(text).find((s) => s.text.includes('Unemployment'))!;
    expect(unemployment.text).toBe('Unemployment fell to 3.5 percent last year, the lowest in 50 years.');
    expect(unemployment.claimant).toBe('Carter');
  });
});
