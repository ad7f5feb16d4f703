/**
 * Attributed sentences in styles of news desks not covered elsewhere (long features, police reports, central-bank
 * stories, tech regulation, interview write-ups, live blogs), written for these tests and read through the
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
  // Titles of police ranks, councils and trades are dropped before a name.
  {
    text: 'Detective Chief Inspector Laura Pennington, of the Homicide and Major Enquiry Team, said the two were known to each other.',
    sentence: 'known to each other',
    claimant: 'Laura Pennington',
  },
  {
    text: 'Councillor Hannah Bright said residents had complained for months.',
    sentence: 'complained',
    claimant: 'Hannah Bright',
  },
  {
    text: 'Meteorologist Aidan McGivern says the strongest winds will ease after dark.',
    sentence: 'strongest winds',
    claimant: 'Aidan McGivern',
  },
  {
    text: '"We are not convinced," Executive Vice-President Henna Virkkunen said at a news conference.',
    sentence: 'not convinced',
    claimant: 'Henna Virkkunen',
  },
  // One word after an organisation's word is the organisation's name.
  {
    text: 'Network Rail said it had no current plans to extend the platform.',
    sentence: 'no current plans',
    claimant: 'Network Rail',
  },
  // A kin or role word, lower-case or a capitalised title, before a name set off by commas.
  {
    text: "His daughter, Ann Redmore, said her father had kept the ship's bell in the shed.",
    sentence: 'ship',
    claimant: 'Ann Redmore',
  },
  {
    text: 'The West Yorkshire Mayor, Tracy Brabin, said the unit would receive an extra 1.5 million pounds.',
    sentence: 'extra 1.5 million',
    claimant: 'Tracy Brabin',
  },
  {
    text: 'Its senior policy manager, Claudia Canelles Quaroni, said companies needed clearer rules.',
    sentence: 'clearer rules',
    claimant: 'Claudia Canelles Quaroni',
  },
  // A body's own relative clause stands between it and its verb; what follows the verb is what was said.
  {
    text: 'The Computer and Communications Industry Association, which represents large tech firms, said the Digital Services Act was being applied inconsistently.',
    sentence: 'applied inconsistently',
    claimant: 'Computer and Communications Industry Association',
  },
  {
    text: 'A spokesperson for the Irish Data Protection Commission, which oversees privacy law, said it was in contact with the commission.',
    sentence: 'in contact',
    claimant: 'spokesperson for the Irish Data Protection Commission',
  },
  // Figures and whose they are, closing the sentence.
  {
    text: 'Mortgage rates have fallen from a peak of 7.8% in 2023 to about 6.4%, data from Freddie Mac show.',
    sentence: 'Mortgage rates',
    claimant: 'Freddie Mac',
  },
  {
    text: 'Knife crime rose by 9% in the year to June, figures from the Office for National Statistics show.',
    sentence: 'Knife crime',
    claimant: 'Office for National Statistics',
  },
  // Unnamed speakers described by whose they are.
  { text: 'A police spokesperson said a knife had been recovered.', sentence: 'a knife', claimant: 'police spokesperson' },
  {
    text: "The suspect's family said in a statement that they were devastated.",
    sentence: 'devastated',
    claimant: "the suspect's family",
  },
  // "she" after a person named at the start of the same sentence is that person, not someone who spoke before.
  {
    text: [
      'David Ormsby, a former councillor, said the village had been shrinking for decades.',
      'Chloe Barker, 29, and her partner moved to the village in 2022 because, she said, a house cost less than a flat across the river.',
    ].join(' '),
    sentence: 'cost less',
    claimant: 'Chloe Barker',
  },
  // ("the statement" two sentences after another source spoke may be anyone's.)
  {
    text: [
      'The Fed said in a statement that inflation had eased.',
      "Traders now price in a 60% chance of a cut, according to CME Group's FedWatch tool.",
      'Two policymakers dissented.',
      'Lisa Cook and Austan Goolsbee voted for a quarter-point cut, the statement said.',
    ].join(' '),
    sentence: 'quarter-point',
    claimant: null,
  },
  // A byline and a reporter's credit name no speaker.
  {
    text: [
      'By Marcus Delaney and Priya Raman',
      'WASHINGTON, Dec 9 (Reuters) - The Federal Reserve left interest rates unchanged on Wednesday.',
      'Marcus Delaney reported from Washington; Priya Raman reported from New York; Editing by Paul Simao',
    ].join('\n'),
    sentence: 'reported from Washington',
    claimant: null,
  },
  // "his lawyer" whose client cannot be told (the name after the verb, known or not, is most often the client's):
  // the role phrase as written, never the last person who spoke; the statement quoted next is the lawyer's.
  {
    text: [
      'His barrister, Richard Fane KC, told the court that his client believed the vessels existed.',
      'In a statement read outside court, his lawyer said Pellew would appeal.',
      '"Mr Pellew maintains his innocence. He will be asking the Court of Appeal to look again," the statement said.',
    ].join(' '),
    sentence: 'would appeal',
    claimant: 'his lawyer',
  },
  {
    text: [
      'In a statement read outside court, his lawyer said Pellew would appeal.',
      '"Mr Pellew maintains his innocence. He will be asking the Court of Appeal to look again," the statement said.',
    ].join(' '),
    sentence: 'Court of Appeal',
    claimant: 'his lawyer',
  },
  // A word for a business right after one business spoke is that business; never a public body.
  {
    text: 'Pacific Gas & Electric said one of its lines had lost power. The utility said it was cooperating with investigators.',
    sentence: 'cooperating',
    claimant: 'Pacific Gas & Electric',
  },
  {
    text: 'The Federal Communications Commission said the outage lasted an hour. The carrier said it was cooperating.',
    sentence: 'cooperating',
    claimant: null,
  },
  // A study named by where it was published speaks as written; the journal only published it.
  {
    text: 'A study published in The Lancet found that vaccine hesitancy was linked to low trust in government.',
    sentence: 'vaccine hesitancy',
    claimant: 'a study published in The Lancet',
  },
  // A panel's name goes on past "on": it is an organisation's word.
  {
    text: 'The ice sheet holds enough water to raise sea levels by 58 metres, according to the Intergovernmental Panel on Climate Change.',
    sentence: '58 metres',
    claimant: 'Intergovernmental Panel on Climate Change',
  },
  // A pronoun after a comma stands for the sentence's subject only when that is surely a name: a lone capitalised
  // first word may be any word. With nobody named before, no claimant; with someone named before, that person.
  { text: 'Last year, she said, sales doubled.', sentence: 'sales doubled', claimant: null },
  { text: 'Twelve people, he said, were taken to hospital.', sentence: 'Twelve people', claimant: null },
  { text: 'Sales fell by a third, she said.', sentence: 'Sales fell', claimant: null },
  {
    text: 'Maria Lopez runs a bakery in Leeds. Six weeks after she won a national prize, she says sales have doubled.',
    sentence: 'sales have doubled',
    claimant: 'Maria Lopez',
  },
  {
    text: 'Maria Lopez runs a bakery in Leeds. "My assistant says we need a second oven," she says.',
    sentence: 'second oven',
    claimant: 'Maria Lopez',
  },
  {
    text: 'Tom Barker went to the station, where he said the trains were late.',
    sentence: 'trains were late',
    claimant: 'Tom Barker',
  },
];

describe('attributed sentences from news desks of other styles', () => {
  it.each(CASES)('$sentence → $claimant', ({ text, sentence, claimant }) => {
    const s = analyzeText(text).find((x) => x.text.includes(sentence));
    expect(s, `no sentence holds "${sentence}"`).toBeDefined();
    expect(s!.claimant).toBe(claimant);
  });
});
