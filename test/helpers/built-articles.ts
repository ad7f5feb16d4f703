/**
 * News articles written for the tests, so tests that need realistic documents run on a fresh
 * clone without ../shared. Same shape as the GUM gold articles: paragraphs joined by blank lines,
 * sentences inside a paragraph by single spaces, and the gold sentence list.
 */
import type { GoldArticle } from './corpus';

function article(name: string, title: string, paragraphs: string[][]): GoldArticle {
  return {
    name,
    title,
    text: paragraphs.map((p) => p.join(' ')).join('\n\n'),
    sentences: paragraphs.flat(),
  };
}

export const BUILT_ARTICLES: readonly GoldArticle[] = [
  article('built_harbour', 'Harbour authority reports record cargo year', [
    [
      'The Northport harbour authority said on Tuesday that it handled 14.2 million tonnes of cargo in 2023, a record for the port.',
      'Director Maria Okafor told reporters that container traffic rose by 8% compared with the previous year.',
    ],
    [
      'According to the authority, 1,240 ships called at the port, up from 1,105 in 2022.',
      'Okafor said the new deep-water berth, which cost €310 million, was responsible for most of the growth.',
      'She added that the port now employs 3,400 people directly.',
    ],
    [
      'Environmental groups questioned the figures.',
      'Dr. Lena Brandt of the Coastal Trust said dredging had reduced fish stocks in the estuary by a third since 2019.',
      'The authority rejected that claim, saying its own survey found no decline.',
    ],
  ]),
  article('built_school', 'City council approves school building plan', [
    [
      'The city council voted 31 to 12 on Monday to approve a plan to build four new primary schools by 2027.',
      'Mayor Tom Reyes said the plan would create 2,000 school places and cost the city $96 million.',
    ],
    [
      'Opposition councillor Priya Nair said the estimate was too low.',
      'She claimed that similar projects in neighbouring towns had overrun their budgets by 40% on average.',
      'Reyes replied that the council had already secured half of the money from the national government.',
    ],
    [
      'Construction is expected to begin in March.',
      'The council said about 600 pupils currently travel more than five kilometres to school.',
    ],
  ]),
  article('built_rail', 'Regional rail line reopens after flood repairs', [
    [
      'The coastal rail line between Ashby and Merton reopened on Friday after being closed for eleven weeks.',
      'The operator said repairs to the washed-out embankment cost £4.5 million.',
    ],
    [
      'Transport minister James Holt said 18,000 passengers used the line every day before the floods.',
      'He said trains would run every 30 minutes from next month.',
      'Passenger groups welcomed the reopening but said fares had risen by 6% since January.',
    ],
  ]),
];

/** Check-worthy debate lines written for the tests: figures, attributions, comparisons. */
export const BUILT_DEBATE_CLAIMS: readonly string[] = [
  'Unemployment fell to 3.9% last year, the lowest rate in two decades.',
  'We created 1.4 million manufacturing jobs in the last four years.',
  'My opponent voted to cut the education budget by $12 billion in 2019.',
  'Crime in our largest cities went up by 30% during his time in office.',
  'The average family now pays $2,100 more a year for groceries than in 2020.',
  'Our state has the highest minimum wage in the country at $16.50 an hour.',
  'Half of all new homes built last year were bought by investors, not families.',
  'Exports to China doubled between 2015 and 2022, according to the trade office.',
];

/** Russian news text using only characters every Cyrillic code page has (KOI8-R, IBM866 and ISO-8859-5 lack « » and —). */
export const BUILT_RUSSIAN =
  'Правительство заявило, что инфляция в марте составила 7,4%. Центральный банк сохранил ключевую ставку.\n\n' +
  'По данным Росстата, цены на продукты выросли на 12 процентов. "Это рекорд за десять лет", - сказал экономист.';
