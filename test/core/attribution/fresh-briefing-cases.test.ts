/**
 * Attributed sentences in styles of wire roundups, council stories, press-conference write-ups, parliament
 * sketches, fact checks and reports heavy with indirect speech, written for these tests and read through the
 * importer's analysis: the sentence holding `sentence` must carry `claimant` (null: no claimant, since a wrong
 * name is worse than none).
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../shared/text/candidates';

interface Case {
  text: string;
  sentence: string;
  claimant: string | null;
}

const CASES: Case[] = [
  // "reports", "claims", "notes" after a preposition or an article are nouns, not a verb with a subject before them.
  {
    text: 'Pressed on reports that two hospitals had cancelled surgery, Doyle said she had not seen those reports.',
    sentence: 'not seen those reports',
    claimant: 'Doyle',
  },
  {
    text: 'Questioned about claims that the audit was rushed, Ms Rowe said the auditors had been given six months.',
    sentence: 'given six months',
    claimant: 'Rowe',
  },
  // A spokesperson for a body named with "the", as written.
  {
    text: 'A spokesperson for the FBI said the suspect had been released on bail.',
    sentence: 'released on bail',
    claimant: 'spokesperson for the FBI',
  },
  {
    text: 'The new rules are not a ban, a spokesman for the Home Office said.',
    sentence: 'not a ban',
    claimant: 'spokesman for the Home Office',
  },
  // A name behind a descriptor after "of" is not the subject of the sentence.
  {
    text: 'The chief executive of battery maker Voltaris has denied misleading shareholders about the delays.',
    sentence: 'misleading shareholders',
    claimant: null,
  },
  {
    text: 'The head of tech giant Nexora told investors the merger would close in March.',
    sentence: 'merger would close',
    claimant: null,
  },
  // What a business is, capitalised only because it opens the sentence, is not part of its name.
  {
    text: 'Developer Castlegate Homes says the estate will include 120 affordable homes. Castlegate Homes said construction would begin next spring.',
    sentence: 'affordable homes',
    claimant: 'Castlegate Homes',
  },
  {
    text: 'Retailer Brightwell Stores said sales fell 4% in the quarter.',
    sentence: 'sales fell',
    claimant: 'Brightwell Stores',
  },
  // A surname with a small Arabic article is a name, and "he" goes on with it.
  {
    text: 'OPEC Secretary General Haitham al-Ghais rejected that forecast. "The IEA has consistently underestimated demand," al-Ghais told a conference in Riyadh. He said the world would need an extra 2.2 million barrels per day.',
    sentence: '2.2 million barrels',
    claimant: 'Haitham al-Ghais',
  },
  {
    text: "Egypt's president, Abdel Fattah el-Sisi, said the canal had earned $9.4bn last year.",
    sentence: 'canal had earned',
    claimant: 'Abdel Fattah el-Sisi',
  },
  // "conceded that", "believes that": verbs of saying before what was said.
  {
    text: 'Kessler conceded that the timing of the announcement could have been better.',
    sentence: 'timing of the announcement',
    claimant: 'Kessler',
  },
  {
    text: 'Professor Anna Lund believes that a third of the wells are contaminated.',
    sentence: 'wells are contaminated',
    claimant: 'Anna Lund',
  },
  {
    text: 'Kim Min-Woo conceded a penalty in the 62nd minute.',
    sentence: 'penalty',
    claimant: null,
  },
  // A weekday opening a newspaper's name is part of it.
  {
    text: 'Sunday Times reported that the deal had collapsed.',
    sentence: 'deal had collapsed',
    claimant: 'Sunday Times',
  },
  // A party and a role before a name say who the person is; "he" then goes on with that person.
  {
    text: 'Liberal Democrat councillor James Whitfield, who voted against, said the decision was wrong. He said the two schools in the area were already full.',
    sentence: 'already full',
    claimant: 'James Whitfield',
  },
  {
    text: 'Labour MP Sarah Owen said 300 homes in her constituency stood empty.',
    sentence: 'stood empty',
    claimant: 'Sarah Owen',
  },
  // Where something was said, set off by commas between the speaker and the verb.
  {
    text: 'The Food Standards Agency, in its annual report, said 12% of samples failed.',
    sentence: 'samples failed',
    claimant: 'Food Standards Agency',
  },
  {
    text: 'Tesco, in a statement, said prices would fall in January.',
    sentence: 'prices would fall',
    claimant: 'Tesco',
  },
  {
    text: 'The painting is believed to be worth £2m.',
    sentence: 'worth £2m',
    claimant: null,
  },
];

describe('attributed sentences from briefings, councils, parliament and fact checks', () => {
  it.each(CASES)('$sentence → $claimant', ({ text, sentence, claimant }) => {
    const s = analyzeText(text).find((x) => x.text.includes(sentence));
    expect(s, `no sentence holds "${sentence}"`).toBeDefined();
    expect(s!.claimant).toBe(claimant);
  });
});
