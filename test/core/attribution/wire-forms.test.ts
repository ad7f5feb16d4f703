import { describe, expect, it } from 'vitest';
import { resolveClaimants } from '../../../shared/spotting/claimant';

const claimantOf = (sentence: string) => resolveClaimants([sentence])[0] ?? null;

describe('speakers introduced with "a"', () => {
  it('never hands an unnamed spokesperson the name of one named before', () => {
    const claimants = resolveClaimants([
      'Tomas Berg, the party spokesman, said the count was rigged.',
      'The Electoral Commission said it had received 40 complaints.',
      '"We found no sign of fraud," a Commission spokesperson said.',
    ]);
    expect(claimants[0]).toBe('Tomas Berg');
    expect(claimants[2]).toBe('Commission spokesperson');
  });

  it('prints "a spokesperson for" a body as written', () => {
    expect(claimantOf('A spokesperson for Nordrail said trains would run again on Monday.')).toBe('spokesperson for Nordrail');
    expect(claimantOf('A spokesman said trains would run again on Monday.')).toBeNull();
  });
});

describe('descriptions of bodies', () => {
  it('resolves "the company" to a business introduced in an apposition', () => {
    const claimants = resolveClaimants([
      'Gridco, the regional power operator, said 9,000 homes had no electricity.',
      'Repairs would take two days, the company said.',
    ]);
    expect(claimants).toEqual(['Gridco', 'Gridco']);
  });

  it('leaves "the company" or "the agency" empty when nothing fits, instead of printing the description', () => {
    expect(claimantOf('Repairs would take two days, the company said.')).toBeNull();
    expect(claimantOf('The agency said it would appeal.')).toBeNull();
  });

  it('resolves "the agency" to the public body the sentence before opened with', () => {
    const claimants = resolveClaimants([
      'The Food Standards Administration opened an inquiry into the dairy.',
      'The agency said it had found listeria in two batches.',
    ]);
    expect(claimants[1]).toBe('Food Standards Administration');
    // …but not to a business: "the agency" is no word for it.
    expect(
      resolveClaimants([
        'Gridco, the power operator, said 9,000 homes were cut off.',
        'The agency said more cuts were likely.',
      ])[1],
    ).toBeNull();
  });

  it('names an organisation by its name after what it is, not by that word', () => {
    expect(claimantOf('Rain will continue until Friday, the state weather agency METRA said.')).toBe('METRA');
  });

  it('reads "the bureau" as the only bureau that spoke, however long ago', () => {
    const filler = Array.from({ length: 12 }, (_, i) => `Voters in district ${i + 1} queued for hours.`);
    const claimants = resolveClaimants([
      'The Central Vote Bureau said turnout was 58%.',
      ...filler,
      'The bureau said final results would come on Tuesday.',
    ]);
    expect(claimants[claimants.length - 1]).toBe('Central Vote Bureau');
  });

  it('takes a group with no article as the speaker', () => {
    expect(claimantOf('Two bridges collapsed overnight, local authorities said on Monday.')).toBe('local authorities');
    expect(claimantOf('Oil prices fell about 1% after the talks, traders said.')).toBe('traders');
  });
});

describe('people named in wire copy', () => {
  it('keeps the particles of a name', () => {
    expect(claimantOf('"Stay indoors," weather service spokesman Luis de la Vega told radio listeners.')).toBe('Luis de la Vega');
    expect(claimantOf('Aid is on its way, Commission President Anna van der Berg said.')).toBe('Anna van der Berg');
  });

  it('takes a name set off after a description of the person as the speaker', () => {
    expect(claimantOf('The mayor of the coastal town, Irene Salas, said 40 homes were flooded.')).toBe('Irene Salas');
    expect(claimantOf('A retired nurse from Leeds, Mary Holt, said she lost her savings.')).toBe('Mary Holt');
  });

  it('reads a person known by two surnames as the one named in full', () => {
    const claimants = resolveClaimants([
      'Regional leader Juan Garcia Moreno visited the flooded town.',
      'Garcia Moreno said the toll would rise.',
    ]);
    expect(claimants[1]).toBe('Juan Garcia Moreno');
  });

  it('reads the judge, and a passive "was quoted as saying"', () => {
    expect(
      resolveClaimants([
        'Judge Ruth Mahler said the defendant had shown no remorse.',
        '"You lied to them," the judge told the court.',
      ])[1],
    ).toBe('Ruth Mahler');
    expect(claimantOf('Governor Ian Pell was quoted as saying the budget was safe.')).toBe('Ian Pell');
  });

  it("takes an appeal as its subject's claim", () => {
    expect(claimantOf('Foreign Minister Petra Lind called on allies to send more air defences.')).toBe('Petra Lind');
    expect(claimantOf('Petra Lind called the meeting to order.')).toBeNull();
  });

  it('does not read declaring mourning as saying anything', () => {
    expect(claimantOf('Mayor Irene Salas declared three days of mourning.')).toBeNull();
    expect(claimantOf('Mayor Irene Salas declared that the town would rebuild.')).toBe('Irene Salas');
  });

  it('lets "she said" go on with the person who spoke as the subject, unless another person is named with her', () => {
    const claimants = resolveClaimants([
      'Prosecutor Lena Ward argued that the fund had lied to investors.',
      'She said the losses ran to millions.',
    ]);
    expect(claimants[1]).toBe('Lena Ward');
    // "He" or "she" may then be either person, and no claimant beats a wrong one.
    expect(
      resolveClaimants([
        'Prosecutor Lena Ward argued that Tom Briggs had lied to investors.',
        'She said the losses ran to millions.',
      ])[1],
    ).toBeNull();
    // Someone named before the speaker leaves it open.
    expect(
      resolveClaimants([
        'Tom Briggs was in court on Monday.',
        'Briggs sat still as prosecutor Lena Ward argued that he had lied.',
        'He said the losses ran to millions.',
      ])[2],
    ).toBeNull();
  });
});

describe('more wire forms', () => {
  it('reads a body described by its owner', () => {
    expect(claimantOf("A drone hit the reactor hall, the UN's nuclear watchdog said.")).toBe("UN's nuclear watchdog");
  });

  it('takes the owner of a named tool as the source, not the tool', () => {
    expect(claimantOf("Traders see a 60% chance of a cut, according to Mercer Group's RateWatch tool.")).toBe('Mercer Group');
    expect(claimantOf('Traders see a 60% chance of a cut, according to the RateWatch tool.')).toBeNull();
  });

  it('skips a relative clause between a speaker and the verb, even one with a verb of saying', () => {
    expect(claimantOf('Governor Paul Kerr, who has argued for a cut, said inflation would fade.')).toBe('Paul Kerr');
  });

  it('reads a school or an academy with "of" in its name whole', () => {
    expect(claimantOf('Damage exceeds $170 billion, according to the Kyiv School of Economics.')).toBe(
      'Kyiv School of Economics',
    );
  });

  it('never prints a bare word for an outlet read back from a longer description', () => {
    expect(claimantOf('The average rate rose to 6.9%, the mortgage finance agency said.')).toBeNull();
  });

  it('lets "she said" stand for the one person a sentence opened with after her titles', () => {
    const claimants = resolveClaimants([
      'Asked about the talks, Kremlin spokesman Oleg Brin said they had failed.',
      'Foreign Ministry spokeswoman Irina Sova went further.',
      '"The West must rein in its proxies," she said.',
    ]);
    expect(claimants[2]).toBe('Irina Sova');
  });
});

describe('places and roles around a speaker', () => {
  it('reads the sheriff as the sheriff named before', () => {
    expect(
      resolveClaimants([
        'Sheriff Dana Cole told reporters deputies were knocking on doors.',
        '"Leave now," the sheriff said.',
      ])[1],
    ).toBe('Dana Cole');
  });

  it('does not take a two-word place after "in" for a person who could be "she"', () => {
    const claimants = resolveClaimants([
      '"The flames were right behind us," said Kelli Moss, who fled her home in Pacific Heights.',
      'She said traffic was so heavy that people ran.',
    ]);
    expect(claimants[1]).toBe('Kelli Moss');
  });
});

describe('openings and appositions', () => {
  it("skips a person's age set off by commas", () => {
    expect(claimantOf('Rosa Blanco, 67, said the water rose in minutes.')).toBe('Rosa Blanco');
  });

  it('never takes a participle opening the sentence for a name', () => {
    expect(claimantOf('Asked about the deal, he said: "It is off."')).toBeNull();
    expect(
      resolveClaimants(['Minister Karl Obst said talks would go on.', 'Asked about the deal, he said: "It is off."'])[1],
    ).toBe('Karl Obst');
  });

  it('takes a group with a relative clause after it as the speaker', () => {
    expect(claimantOf('Officials, who spoke on condition of anonymity, said the plan was dead.')).toBe('Officials');
  });
});
