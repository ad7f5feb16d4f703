import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runClaimbench } from '../../helpers/cli';
import { tempDir } from '../../helpers/workspace';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `claimbench merge --dry-run` as two people use it, each with their own signing profile. */
function desk() {
  const dir = tempDir();
  const env = { CLAIMBENCH_PROFILE: path.join(dir, 'profile') };
  const as = (author: string, ...args: string[]) => {
    const r = runClaimbench(['--author', author, ...args], { env });
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    return r.stdout;
  };
  const file = (name: string) => path.join(dir, name);
  return { as, file };
}

describe('claimbench merge --dry-run', () => {
  it('shows both sides of a conflict whichever wins on timing, counts as it lists, and says when a change settles one', async () => {
    const { as, file } = desk();
    const [mara, ben] = [file('mara.claimbench'), file('ben.claimbench')];
    as('Mara Lind', 'init', mara);
    const turnout = as('Mara Lind', 'add', mara, 'Turnout was 71 percent in 2019.').trim();
    const crime = as('Mara Lind', 'add', mara, 'Crime rose 12 percent last year.').trim();
    as('Mara Lind', 'share', mara, '-o', file('m1'));
    as('Ben Okafor', 'init', ben);
    as('Ben Okafor', 'merge', ben, file('m1'));

    as('Ben Okafor', 'mark', ben, turnout, 'disputed', '--rationale', 'The commission says 67 percent');
    as('Ben Okafor', 'source', 'add', ben, turnout, '--url', 'https://example.org/commission', '--stance', 'contradicts');
    as('Ben Okafor', 'mark', ben, crime, 'sourced', '--rationale', 'Police annual report');
    await sleep(1100);
    // Mara decides later: her side wins on timing, and is the one the claim shows until settled.
    as('Mara Lind', 'mark', mara, turnout, 'unverified', '--rationale', 'Could not reach the commission');
    as('Ben Okafor', 'share', ben, '-o', file('b1'));

    const dry = as('Mara Lind', 'merge', mara, file('b1'), '--dry-run').split('\n');
    expect(dry).toContain('  Ben Okafor: 0 new, 1 changed, 1 conflicting (5 changes)');
    const at = dry.findIndex((l) => l.startsWith('  conflicting claim ') && l.includes(turnout));
    expect(at).toBeGreaterThan(0);
    expect(dry[at + 1]).toBe(
      '      conflict on verdict and rationale: both sides are kept; until someone settles it the claim shows Mara Lind’s decision (*)',
    );
    expect(dry.slice(at + 2, at + 4).sort()).toEqual([
      expect.stringMatching(/^ {8}Ben Okafor, \S+Z: disputed {2}rationale: The commission says 67 percent$/),
      expect.stringMatching(/^ {6}\* Mara Lind \(yours\), \S+Z: unverified {2}rationale: Could not reach the commission$/),
    ]);
    expect(dry[at + 4]).toMatch(/^ {8}source added: https:\/\/example\.org\/commission {2}\(Ben Okafor, /);
    // One changed claim listed for "1 changed"; a never-decided verdict is "not reviewed", nobody's.
    const changed = dry.filter((l) => l.startsWith('  changed '));
    expect(changed).toEqual([expect.stringContaining(crime)]);
    expect(dry).toContainEqual(expect.stringMatching(/^ {8}verdict: not reviewed → sourced {2}\(Ben Okafor, \S+Z\)$/));
    expect(dry).toContainEqual(expect.stringMatching(/^ {8}rationale: \(none\) → Police annual report {2}\(Ben Okafor, \S+Z\)$/));
    expect(dry.join('\n')).not.toContain('∅');

    // Both merge; Ben settles the conflict by keeping his side; Mara's preview says so.
    as('Mara Lind', 'merge', mara, file('b1'));
    as('Mara Lind', 'share', mara, '-o', file('m2'));
    as('Ben Okafor', 'merge', ben, file('m2'));
    as('Ben Okafor', 'resolve', ben, turnout, '--keep', 'Ben Okafor');
    as('Ben Okafor', 'share', ben, '-o', file('b2'));
    const settling = as('Mara Lind', 'merge', mara, file('b2'), '--dry-run').split('\n');
    const item = settling.findIndex((l) => l.includes(turnout));
    expect(settling[item]).toMatch(/^ {2}changed {5}claim/);
    expect(settling[item + 1]).toMatch(
      /^ {6}settles the conflict on verdict and rationale: keeps Ben Okafor’s disputed \(Ben Okafor, \S+Z\)$/,
    );
    expect(settling).toContain('  Ben Okafor: 0 new, 1 changed, 0 conflicting (2 changes)');
  });

  it('says what verdict and evidence a teammate’s new claim arrives with', () => {
    const { as, file } = desk();
    const [mara, ben] = [file('mara.claimbench'), file('ben.claimbench')];
    as('Mara Lind', 'init', mara);
    as('Mara Lind', 'share', mara, '-o', file('m1'));
    as('Ben Okafor', 'init', ben);
    as('Ben Okafor', 'merge', ben, file('m1'));
    const decided = as('Ben Okafor', 'add', ben, 'Bread prices rose 9 percent in March.').trim();
    as('Ben Okafor', 'mark', ben, decided, 'sourced', '--rationale', 'Statistics office, table 4');
    as('Ben Okafor', 'source', 'add', ben, decided, '--url', 'https://example.org/stats', '--stance', 'supports');
    const bare = as('Ben Okafor', 'add', ben, 'The mill employs 300 people.').trim();
    as('Ben Okafor', 'share', ben, '-o', file('b1'));

    const dry = as('Mara Lind', 'merge', mara, file('b1'), '--dry-run').split('\n');
    const line = (id: string) => dry[dry.findIndex((l) => l.startsWith('  new ') && l.includes(id)) + 1];
    expect(line(decided)).toBe('      arrives sourced · 1 source');
    expect(line(bare)).toBe('      arrives not reviewed');
  });
});
