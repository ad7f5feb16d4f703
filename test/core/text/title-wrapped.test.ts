import { describe, expect, it } from 'vitest';
import { defaultTitle } from '../../../shared/text/title';

describe('the title of a pasted text with no headline', () => {
  it('is never the first line of a hard-wrapped sentence', () => {
    const statement =
      'The Federal Open Market Committee has decided to lower its target for the\n' +
      'federal funds rate 75 basis points to 3-1/2 percent.  Recent information\n' +
      'indicates a deepening of the housing contraction.';
    expect(defaultTitle(statement)).toBe('Untitled document');
    expect(defaultTitle(statement, 'fomc-2008-01-22.txt')).toBe('fomc-2008-01-22');
    // The next line goes on with a capital, but a line ending in "at" leads on to it.
    expect(
      defaultTitle('Russia fired 157 drones and missiles at\nUkraine overnight, the air force said in a long statement.'),
    ).toBe('Untitled document');
  });

  it('is a short first sentence read whole across the wrap, or a headline', () => {
    expect(defaultTitle('Russia fired 157 drones at\nthe capital overnight. More\ntext follows here.')).toBe(
      'Russia fired 157 drones at the capital overnight.',
    );
    expect(defaultTitle('Strikes hit Kyiv\nKYIV (AP) — Russia fired 157 drones overnight.')).toBe('Strikes hit Kyiv');
    expect(defaultTitle('Prices rose.\nThen they fell.')).toBe('Prices rose.');
    // A headline may end in a phrasal verb's particle.
    expect(defaultTitle('Energy price caps kick in\nLONDON (Reuters) — Household bills fell 12 percent.')).toBe(
      'Energy price caps kick in',
    );
  });
});
