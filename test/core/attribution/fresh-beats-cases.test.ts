/**
 * Attributed sentences from news articles on beats other than war (elections, disasters, courts, company results,
 * public health, sport, diplomacy), written for these tests and read through the importer's analysis: the
 * sentence holding `sentence` must carry `claimant` (null: no claimant, since a wrong name is worse than none).
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../shared/text/candidates';

interface Case {
  text: string;
  sentence: string;
  claimant: string | null;
}

const CASES: Case[] = [
  // A name with a letter outside ASCII is a person's name, and its surname alone is that person later.
  {
    text: 'The Social Democrats of Prime Minister Nina Štrukelj came second. "It is far too early," said Štrukelj, 52.',
    sentence: 'far too early',
    claimant: 'Nina Štrukelj',
  },
  {
    text: 'Chief Executive Örjan Ålund spoke first. Ålund said sales rose 4% in the quarter.',
    sentence: 'sales rose',
    claimant: 'Örjan Ålund',
  },
  // A family name written first ("Lee Soo-jin"), used alone later.
  {
    text: 'South Korean President Lee Soo-jin met the prime minister. Lee said the two countries had "turned a page".',
    sentence: 'turned a page',
    claimant: 'Lee Soo-jin',
  },
  // "They" is the last body or group that spoke; one of another number in between is no reason to reach past it.
  {
    text: [
      'Police said there had been no serious incidents.',
      'A spokesman for the interior ministry, Rok Petek, said 14 complaints had been filed.',
      'The electoral commission said its website had been attacked in the afternoon.',
      'They said no data had been lost.',
    ].join(' '),
    sentence: 'no data',
    claimant: null,
  },
  // A group and where it is, or whom it belongs to, speaks as written.
  {
    text: 'Officials at the commission said the website had been attacked. They said no data had been lost.',
    sentence: 'no data',
    claimant: 'Officials at the commission',
  },
  { text: 'Members of the committee said the bill was dead.', sentence: 'the bill', claimant: 'Members of the committee' },
  { text: 'Critics say the plan would cost 1.2 billion euros a year.', sentence: 'the plan', claimant: 'Critics' },
  // Whom something was told to is never the speaker.
  {
    text: 'His barrister, Richard Fane KC, told the court that his client believed the vessels were under construction.',
    sentence: 'his client',
    claimant: 'Richard Fane',
  },
  // "his lawyer" when the sentence names a known person after it: whose lawyer cannot be told, so the role as written.
  {
    text: [
      'Graham Pellew, 58, was convicted in October.',
      'Judge Helen Ashworth told him he had shown no remorse.',
      'In a statement, his lawyer said Pellew would appeal.',
    ].join(' '),
    sentence: 'would appeal',
    claimant: 'his lawyer',
  },
  // An apposition after a possessive and a relation: the full name speaks.
  {
    text: 'His neighbour, Maria Esposito, said the only road out was jammed for two hours.',
    sentence: 'the only road',
    claimant: 'Maria Esposito',
  },
  {
    text: 'His agent, Jorge Mendes Silva, said the substance came from a cream.',
    sentence: 'the substance',
    claimant: 'Jorge Mendes Silva',
  },
  // An ampersand and a field joined by "and" stay inside an organisation's name.
  {
    text: 'Pacific Gas & Electric said in a filing that one of its lines had lost power.',
    sentence: 'lost power',
    claimant: 'Pacific Gas & Electric',
  },
  {
    text: 'The fire had burned 22,000 acres, according to the California Department of Forestry and Fire Protection.',
    sentence: '22,000 acres',
    claimant: 'California Department of Forestry and Fire Protection',
  },
  {
    text: 'Two doses are about 97% effective, according to the U.S. Centers for Disease Control and Prevention.',
    sentence: '97%',
    claimant: 'U.S. Centers for Disease Control and Prevention',
  },
  { text: 'Prices rose, said the Ministry of Finance and John Smith.', sentence: 'Prices rose', claimant: null },
  // A speaker with the place of work after the name; the next "she" is that speaker, not the place.
  {
    text: [
      '"Trust cannot be rebuilt with posters," said the study\'s lead author, Elena Marsh of the London School of Hygiene & Tropical Medicine.',
      'She said the findings should not be read as proof.',
    ].join(' '),
    sentence: 'the findings',
    claimant: 'Elena Marsh',
  },
  // ", said investors had lost patience": a bare plural after the verb opens what was said.
  {
    text: 'Another analyst, who declined to be named, said investors had lost patience with the management.',
    sentence: 'lost patience',
    claimant: null,
  },
  { text: 'Prices will rise, said analysts.', sentence: 'Prices will rise', claimant: 'analysts' },
  // What a named body is, written after its name, is no part of the name.
  { text: 'The IG Metall union said it would fight any forced redundancies.', sentence: 'would fight', claimant: 'IG Metall' },
  // A word that fits any body is not read past another body named since.
  {
    text: [
      "UNICEF, the UN children's agency, said funding cuts had forced it to scale back programmes.",
      'The WHO has set a goal of eliminating measles in five regions by 2030.',
      'Only one region had ever reached that status, the agency noted.',
    ].join(' '),
    sentence: 'Only one region',
    claimant: null,
  },
  // A group described by its trade is a business: "the company" later.
  {
    text: 'German industrial group Veltra said it would cut 4,000 jobs. Net income fell to 212 million euros, the company said in a statement.',
    sentence: 'Net income',
    claimant: 'Veltra',
  },
  // The court beat: the prosecution, the defence and papers filed in a case speak as written.
  {
    text: 'According to the prosecution, Pellew spent at least 6 million pounds.',
    sentence: '6 million',
    claimant: 'prosecution',
  },
  { text: 'The defence argued that Pellew had been misled by a partner.', sentence: 'misled', claimant: 'defence' },
  {
    text: 'Court documents show that he transferred 11 million pounds to Cyprus.',
    sentence: '11 million',
    claimant: 'Court documents',
  },
  { text: 'Records show that 12 people died.', sentence: '12 people', claimant: null },
  // Initials in brackets after a body's name; then "the federation".
  {
    text: 'Almeida has been suspended, the Portuguese Football Federation (FPF) said. He tested positive after a match, the federation said.',
    sentence: 'tested positive',
    claimant: 'Portuguese Football Federation',
  },
  // Unnamed people who know, as written.
  {
    text: 'Both clubs had made offers of around 60 million euros, according to people familiar with the matter.',
    sentence: 'offers',
    claimant: 'people familiar with the matter',
  },
  {
    text: 'The deal is worth $3 billion, a person familiar with the plans said.',
    sentence: '$3 billion',
    claimant: 'a person familiar with the plans',
  },
  // A survey named by who ran it; a study closing its sentence.
  {
    text: 'A Gallup Korea survey released last week found that 58% of respondents had an unfavourable view.',
    sentence: '58%',
    claimant: 'Gallup Korea',
  },
  {
    text: 'A study was published on Monday. Parents who distrust health authorities were three times as likely to delay vaccines, the study showed.',
    sentence: 'three times',
    claimant: 'the study',
  },
  // A joint statement speaks as written.
  {
    text: 'The two leaders agreed to set up a hotline, according to a joint statement.',
    sentence: 'hotline',
    claimant: 'the joint statement',
  },
  // "the official" right after "a senior … official" spoke is that official.
  {
    text: [
      'The two leaders did not discuss compensation, a senior Japanese government official said.',
      'Asked whether Tokyo would contribute, the official said that was "not on the table."',
    ].join(' '),
    sentence: 'not on the table',
    claimant: 'senior Japanese government official',
  },
  // An age and an apposition between the name and the verb.
  {
    text: 'Opposition leader Tomaž Rebernik led the count. Rebernik, 47, a former finance minister, told supporters that voters had chosen change.',
    sentence: 'chosen change',
    claimant: 'Tomaž Rebernik',
  },
  // A group with a relative clause and no commas; a verb right after "who" is the clause's own.
  {
    text: 'Investors who gathered outside the court said they had been offered returns of up to 12% a year.',
    sentence: 'returns',
    claimant: 'Investors',
  },
  {
    text: 'A study was published on Monday. Parents who said they did not trust health authorities were three times as likely to delay vaccines, the study showed.',
    sentence: 'three times',
    claimant: 'the study',
  },
  // Declaring an emergency is an act, not a statement.
  {
    text: 'Gov. Ellen Park declared a state of emergency for the county on Tuesday evening.',
    sentence: 'state of emergency',
    claimant: null,
  },
  // The Prime Minister's office by its door number or its street; the department's spokesperson with "and" in its name.
  { text: 'No 10 said there were no plans to change the policy.', sentence: 'no plans', claimant: 'No 10' },
  { text: 'Downing Street said hospitals needed the income.', sentence: 'needed the income', claimant: 'Downing Street' },
  {
    text: "The Prime Minister's official spokesman told reporters that charges were a matter for trusts.",
    sentence: 'matter for trusts',
    claimant: "Prime Minister's official spokesman",
  },
  {
    text: 'A Department of Health and Social Care spokesperson said £1.5 billion was being invested.',
    sentence: '£1.5 billion',
    claimant: 'Department of Health and Social Care spokesperson',
  },
  // A relative named by a first name alone, and the quotation she goes on with.
  {
    text: 'Labour MP Richard Dunn said the charges were unfair. His wife, Margaret, said she had paid £600 to park. "Nobody chooses to be in hospital," she said.',
    sentence: 'paid £600',
    claimant: 'Margaret',
  },
  {
    text: 'Labour MP Richard Dunn said the charges were unfair. His wife, Margaret, said she had paid £600 to park. "Nobody chooses to be in hospital," she said.',
    sentence: 'Nobody chooses',
    claimant: 'Margaret',
  },
  // "points out" is a verb of saying; a chair set off by commas names the person.
  {
    text: 'Their health spokesperson, Helen Morgan, points out that Wales scrapped charges in 2011.',
    sentence: 'Wales scrapped',
    claimant: 'Helen Morgan',
  },
  { text: 'Its chair, Linda Moss, said ticket prices had risen by 15%.', sentence: 'ticket prices', claimant: 'Linda Moss' },
  {
    text: "The Hartwell City Supporters' Trust said fans had lost faith.",
    sentence: 'lost faith',
    claimant: "Hartwell City Supporters' Trust",
  },
  // "She" after two people are named stands for the one a pronoun or a title has told is a woman, never for a man.
  {
    text: [
      'Shadow health secretary Victoria Lane said the party would support a free vote.',
      'She says the cost would be small.',
      'Labour MP Richard Dunn said the charges were unfair.',
      'He told the BBC he expected support.',
      'Lane and Dunn both spoke at a rally outside Parliament on Tuesday.',
      'She says more than 100 MPs have signed a letter.',
    ].join(' '),
    sentence: '100 MPs',
    claimant: 'Victoria Lane',
  },
  {
    text: 'Mr Dunn said the charges were unfair. "Nobody chooses to be in hospital," she said.',
    sentence: 'Nobody chooses',
    claimant: null,
  },
  // Data of a union not named: the description alone cannot tell whose.
  { text: 'According to the union data, 40% of nurses paid to park at work.', sentence: '40% of nurses', claimant: null },
  // Figures opening the sentence speak for whoever supplied them.
  {
    text: 'Figures from Action Fraud show that investment fraud cost victims £650 million last year.',
    sentence: '£650 million',
    claimant: 'Action Fraud',
  },
  // Whose spokesman it is must fit: another's is not the one named before.
  {
    text: "Putin's spokesman said the talks were over. Zelensky's spokesman said they had not begun.",
    sentence: 'not begun',
    claimant: "Zelensky's spokesman",
  },
  // The party before a politician's full name is no part of it.
  {
    text: 'Republican Greg Voss said he would never vote to cut Social Security.',
    sentence: 'never vote',
    claimant: 'Greg Voss',
  },
  // A person's full name before "of" and the body they are from is the speaker.
  {
    text: 'Prof Julia Steinberger of the University of Lausanne said the official figures may understate recent warming.',
    sentence: 'understate',
    claimant: 'Prof Julia Steinberger',
  },
  // "and" inside a body's whole name written after "the".
  {
    text: 'Separately, the US National Oceanic and Atmospheric Administration said October was the second-warmest October.',
    sentence: 'second-warmest',
    claimant: 'US National Oceanic and Atmospheric Administration',
  },
  // What a business is, between "the" and its name, after "according to".
  {
    text: 'Both campaigns have spent a combined $210 million on advertising, according to the tracking firm AdImpact.',
    sentence: '$210 million',
    claimant: 'AdImpact',
  },
  // A weak verb of reporting closing the sentence with when it was said; a project is a body.
  {
    text: 'Emissions from fossil fuels are expected to rise by 0.8% this year, the Global Carbon Project estimated last month.',
    sentence: '0.8%',
    claimant: 'Global Carbon Project',
  },
  { text: 'Smith continued last year.', sentence: 'Smith', claimant: null },
  // Experts who forecast make a claim of theirs; anyone else expecting does not.
  {
    text: "Analysts at Barclays expect the company's cloud revenue to overtake its licence business by 2028.",
    sentence: 'overtake',
    claimant: 'Analysts at Barclays',
  },
  { text: 'NOAA scientists estimate there is a 97% chance of a record.', sentence: '97%', claimant: 'NOAA scientists' },
  { text: 'Residents expect the worst this winter.', sentence: 'Residents', claimant: null },
  // A company publishing its accounts is no source speaking.
  { text: 'Rival Covalent reports its results on Thursday.', sentence: 'Covalent', claimant: null },
];

describe('attributed sentences of fresh articles beyond war news', () => {
  it.each(CASES)('$sentence → $claimant', ({ text, sentence, claimant }) => {
    const s = analyzeText(text).find((x) => x.text.includes(sentence));
    expect(s, `no sentence holds "${sentence}"`).toBeDefined();
    expect(s!.claimant).toBe(claimant);
  });
});
