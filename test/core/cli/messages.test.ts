import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, withoutShared } from '../../helpers/corpus';
import { runClaimbench } from '../../helpers/cli';
import { tempDir } from '../../helpers/workspace';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);

function workspaceWithClaim(text = 'Crime in the city rose by 12 percent between 2019 and 2022.') {
  const dir = tempDir();
  const ws = path.join(dir, 'desk.claimbench');
  expect(runClaimbench(['init', ws]).code).toBe(0);
  const added = runClaimbench(['add', ws, text]);
  expect(added.code, added.stderr).toBe(0);
  return { dir, ws, claimId: added.stdout.trim() };
}

function verdictOf(ws: string, claimId: string): string | null {
  const claims = JSON.parse(runClaimbench(['claims', ws, '--json']).stdout) as { id: string; verdict: string | null }[];
  return claims.find((c) => c.id === claimId)!.verdict;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('what the command line says', () => {
  it('warns about a weak verdict on stderr, saying what is missing and how to add it, and keeps the verdict', () => {
    const { ws, claimId } = workspaceWithClaim();

    const sourced = runClaimbench(['mark', ws, claimId, 'sourced']);
    expect(sourced.code).toBe(0);
    expect(sourced.stdout.trim()).toBe(`${claimId} sourced`);
    expect(sourced.stderr.trim()).toBe(
      `warning: Marked sourced, but no source is attached yet. Add one: claimbench source add ${ws} ${claimId} --url URL --stance supports`,
    );
    expect(verdictOf(ws, claimId)).toBe('sourced');

    const disputed = runClaimbench(['mark', ws, claimId, 'disputed']);
    expect(disputed.code).toBe(0);
    expect(disputed.stderr).toMatch(
      /^warning: Marked disputed, but there is neither a contradicting source nor a written rationale\./,
    );
    expect(disputed.stderr).toContain(`claimbench mark ${ws} ${claimId} disputed --rationale`);
    expect(verdictOf(ws, claimId)).toBe('disputed');

    const argued = runClaimbench(['mark', ws, claimId, 'disputed', '--rationale', 'The police figures show a fall.']);
    expect([argued.code, argued.stderr]).toEqual([0, '']);
    const unverified = runClaimbench(['mark', ws, claimId, 'unverified']);
    expect([unverified.code, unverified.stderr]).toEqual([0, '']);
  });

  it('takes a verdict in any letter case, and refuses an unknown one in plain words', () => {
    const { ws, claimId } = workspaceWithClaim();
    const capital = runClaimbench(['mark', ws, claimId, 'Disputed', '--rationale', 'Police figures show a fall.']);
    expect([capital.code, capital.stdout.trim()]).toEqual([0, `${claimId} disputed`]);
    expect(verdictOf(ws, claimId)).toBe('disputed');

    const unknown = runClaimbench(['mark', ws, claimId, 'true']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('claimbench: verdict must be sourced, disputed or unverified, not "true"');
    expect(verdictOf(ws, claimId)).toBe('disputed');

    const filter = runClaimbench(['claims', ws, '--verdict', 'maybe']);
    expect(filter.stderr.trim()).toBe('claimbench: verdict must be sourced, disputed, unverified or unreviewed, not "maybe"');
    expect(runClaimbench(['claims', ws, '--verdict', 'DISPUTED']).stdout).toContain(claimId);
  });

  it('refuses an empty claim without the schema library’s wording', () => {
    const { ws } = workspaceWithClaim();
    const empty = runClaimbench(['add', ws, '']);
    expect(empty.code).toBe(1);
    expect(empty.stderr.trim()).toBe('claimbench: text must not be empty');
  });

  it.skipIf(noShared)('names a file it cannot import once, in words without parser internals', () => {
    const { dir, ws } = workspaceWithClaim();
    const zero = path.join(dir, 'zero-length.docx');
    fs.writeFileSync(zero, '');
    const xxe = path.join(CORPUS_DIR, 'fixtures/docx/apache-poi/ExternalEntityInText.docx');
    const one = path.join(dir, 'one.txt');
    fs.writeFileSync(one, 'Unemployment fell to 4.1 percent in March, the lowest figure since 2001.\n');
    const r = runClaimbench(['import', ws, zero, xxe, one]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ {2}1 claim of 1 sentence {2}one$/m);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^zero-length\.docx (is empty|has no text)/);
    expect(lines[0]!.match(/zero-length\.docx/g)).toHaveLength(1);
    expect(lines.slice(1, 3)).toEqual([
      'ExternalEntityInText.docx: This Word file is damaged, or was made by a program that does not write Word files the way Word does. Open it in Word (or LibreOffice) and save it again as .docx, or paste its text.',
      'Details: its text is not well-formed Word XML',
    ]);
    expect(r.stderr).not.toMatch(/xmldom|entity not found/);
    expect(lines[3]).toBe('claimbench: 2 of 3 files could not be imported; nothing was stored for them');
  });

  it('refuses to share over an existing file unless --force, and counts in the right number', () => {
    const { dir, ws } = workspaceWithClaim();
    const out = path.join(dir, 'desk.claimbench-share');
    fs.writeFileSync(out, 'an earlier file');
    const refused = runClaimbench(['share', ws, '-o', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      `claimbench: ${out} already exists; choose another name with -o, or add --force to overwrite it`,
    );
    expect(fs.readFileSync(out, 'utf8')).toBe('an earlier file');

    const forced = runClaimbench(['share', ws, '-o', out, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toMatch(/: 1 change, 0 documents, \d+ bytes, sha256 [0-9a-f]{64}$/m);
    expect(fs.readFileSync(out).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('says how to make a share file when given a workspace to merge', () => {
    const { ws } = workspaceWithClaim();
    const other = workspaceWithClaim('Turnout was 71 percent.').ws;
    const r = runClaimbench(['merge', ws, other, '--dry-run']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('it is a workspace, not a share file');
    expect(r.stderr).toContain('claimbench share WORKSPACE -o FILE');
  });

  it('says "edited on both sides" for a conflict from edits apart in time, and explains its * marker', async () => {
    const { dir, ws: ana, claimId } = workspaceWithClaim('Turnout was 71 percent.');
    const ben = path.join(dir, 'ben.claimbench');
    const s1 = path.join(dir, 'ana.claimbench-share');
    expect(runClaimbench(['init', ben], { env: { CLAIMBENCH_AUTHOR: 'Ben' } }).code).toBe(0);
    expect(runClaimbench(['share', ana, '-o', s1]).code).toBe(0);
    expect(runClaimbench(['merge', ben, s1], { env: { CLAIMBENCH_AUTHOR: 'Ben' } }).code).toBe(0);
    runClaimbench(['mark', ana, claimId, 'sourced', '--rationale', 'Electoral commission']);
    await sleep(2100);
    runClaimbench(['mark', ben, claimId, 'disputed', '--rationale', 'Counted spoiled ballots'], {
      env: { CLAIMBENCH_AUTHOR: 'Ben' },
    });
    const s2 = path.join(dir, 'ben.claimbench-share');
    expect(runClaimbench(['share', ben, '-o', s2], { env: { CLAIMBENCH_AUTHOR: 'Ben' } }).code).toBe(0);
    const merged = runClaimbench(['merge', ana, s2]);
    expect(merged.stdout).toContain('1 conflicted claim to resolve');

    const listed = runClaimbench(['conflicts', ana]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(
      new RegExp(
        `^${claimId} {2}decision \\(verdict and rationale edited on both sides, [2-9] s apart, neither seeing the other’s change\\)`,
      ),
    );
    expect(listed.stdout).not.toContain('at the same time');
    expect(listed.stdout).toMatch(/^ {2}\* /m);
    expect(listed.stdout.trim().split('\n').at(-1)).toBe(
      `* the side the claim shows until someone settles it. Keep a side: claimbench resolve ${ana} CLAIM --keep PERSON; or decide anew: claimbench resolve ${ana} CLAIM VERDICT --rationale TEXT`,
    );
  });
});
