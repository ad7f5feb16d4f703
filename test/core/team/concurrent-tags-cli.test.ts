import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runClaimbench } from '../../helpers/cli';
import { tempDir } from '../../helpers/workspace';

/** Three people at one desk, each with their own workspace and signing profile, through the real `claimbench`. */
function desk() {
  const dir = tempDir();
  const env = { CLAIMBENCH_PROFILE: path.join(dir, 'profile') };
  const as = (author: string, ...args: string[]) => {
    const r = runClaimbench(['--author', author, ...args], { env });
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    return r.stdout;
  };
  return { as, file: (name: string) => path.join(dir, name), env };
}

describe('claimbench tag with teammates', () => {
  it('keeps both teammates’ tags when the lead merges their files, and the dry run says the tag is added', () => {
    const { as, file, env } = desk();
    const [lead, ben, cara] = [file('lead.claimbench'), file('ben.claimbench'), file('cara.claimbench')];
    as('Lead', 'init', lead);
    const claim = as('Lead', 'add', lead, 'Turkey blocked the grain corridor in May.').trim();
    expect(as('Lead', 'tag', lead, claim, '+draft')).toBe(`${claim} draft\n`);
    as('Lead', 'share', lead, '-o', file('lead-0'));
    for (const [name, ws] of [['Ben', ben], ['Cara', cara]] as const) {
      as(name, 'init', ws);
      as(name, 'merge', ws, file('lead-0'));
    }

    // A tag to remove is written like an option: it is a tag change, not an unknown option.
    expect(as('Ben', 'tag', ben, claim, '+turkey-block', '-draft')).toBe(`${claim} turkey-block\n`);
    expect(as('Cara', 'tag', cara, claim, '+needs-second-source')).toBe(`${claim} draft, needs-second-source\n`);
    as('Ben', 'share', ben, '-o', file('ben-1'));
    as('Cara', 'share', cara, '-o', file('cara-1'));

    as('Lead', 'merge', lead, file('ben-1'));
    const dry = as('Lead', 'merge', lead, file('cara-1'), '--dry-run').split('\n');
    expect(dry).toContainEqual(expect.stringMatching(/^ {8}tags: added needs-second-source {2}\(Cara, \S+Z\)$/));
    as('Lead', 'merge', lead, file('cara-1'));

    const claims = JSON.parse(as('Lead', 'claims', lead, '--json')) as { id: string; tags: string[] }[];
    expect(claims.find((c) => c.id === claim)?.tags).toEqual(['turkey-block', 'needs-second-source']);
    const history = as('Lead', 'history', lead, claim);
    expect(history).toContain('Ben added the tag “turkey-block” and removed the tag “draft”');
    expect(history).toContain('Cara added the tag “needs-second-source”');

    const refused = runClaimbench(['--author', 'Lead', 'tag', lead, claim, 'budget'], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('"budget" is not a tag change: write +TAG to add a tag, -TAG to remove one');
    // Twenty CLI processes, each loading the core.
  }, 300_000);
});
