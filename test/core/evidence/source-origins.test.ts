import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call, invoke } from '../../../electron/core/dispatch';
import { validateChangeRow } from '../../../electron/core/team/validate-change';
import { createTestContext, tempDir } from '../../helpers/workspace';
import { mergePreviewed } from '../../helpers/merge';
import { person } from '../team/team-helpers';

const open: { workspace: { close(): void } }[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.workspace.close();
});
function ctxFor(name = 'Ann') {
  const ctx = createTestContext(name);
  open.push(ctx);
  return ctx;
}

const ARCHIVE = 'https://web.archive.org/web/20240504000000/https://example.org/briefing';
const today = () => new Date().toISOString().slice(0, 10);

describe('source origins: publisher, dates and an archived copy', () => {
  it('stores the date accessed and an archived copy, and dates a new link today unless told otherwise', async () => {
    const ctx = ctxFor();
    const claim = await call(ctx, 'claims.add', { text: 'Drones struck the port overnight.' });
    const full = await call(ctx, 'sources.add', {
      claimId: claim.id,
      url: 'https://example.org/briefing',
      publisher: 'Air Force Command',
      publishedAt: '2024-05-03',
      accessedAt: '2024-05-04',
      archiveUrl: ARCHIVE,
      stance: 'contradicts',
    });
    expect(full).toMatchObject({
      publisher: 'Air Force Command',
      publishedAt: '2024-05-03',
      accessedAt: '2024-05-04',
      archiveUrl: ARCHIVE,
    });

    const link = await call(ctx, 'sources.add', { claimId: claim.id, pasted: 'https://example.org/other' });
    expect(link).toMatchObject({ url: 'https://example.org/other', accessedAt: today(), archiveUrl: null, stance: 'context' });

    // A pasted passage keeps the origin it was given: its link, publisher and dates.
    const passage = await call(ctx, 'sources.add', {
      claimId: claim.id,
      pasted: 'Fourteen of seventeen drones were destroyed.',
      url: 'https://example.org/briefing#p3',
      publisher: 'Air Force Command',
      publishedAt: '2024-05-03',
    });
    expect(passage).toMatchObject({
      excerpt: 'Fourteen of seventeen drones were destroyed.',
      url: 'https://example.org/briefing#p3',
      publisher: 'Air Force Command',
      accessedAt: today(),
    });
    const noLink = await call(ctx, 'sources.add', { claimId: claim.id, pasted: 'A passage from a printed leaflet.' });
    expect(noLink.accessedAt).toBeNull();

    const edited = await call(ctx, 'sources.update', { id: noLink.id, patch: { archiveUrl: ARCHIVE, accessedAt: '2024-06-01' } });
    expect(edited).toMatchObject({ archiveUrl: ARCHIVE, accessedAt: '2024-06-01' });
    const cleared = await call(ctx, 'sources.update', { id: noLink.id, patch: { archiveUrl: '', accessedAt: null } });
    expect(cleared).toMatchObject({ archiveUrl: null, accessedAt: null });
  });

  it('refuses a non-http archive link or a date that is not ISO, naming the field, and stores nothing', async () => {
    const ctx = ctxFor();
    const claim = await call(ctx, 'claims.add', { text: 'The port handled 4.2 million tonnes of grain.' });
    const refusals: [Record<string, string>, RegExp][] = [
      [{ archiveUrl: 'javascript:alert(1)' }, /^Archived copy: Only http:\/\/ and https:\/\//],
      [{ archiveUrl: 'file:///etc/passwd' }, /^Archived copy: Only http/],
      [{ archiveUrl: 'not a link' }, /^Archived copy: .*not a web address/],
      [{ accessedAt: '03/05/2024' }, /^Date accessed: .*YYYY-MM-DD/],
      [{ accessedAt: '2024-02-30' }, /^Date accessed: .*not a real calendar date/],
    ];
    for (const [fields, message] of refusals) {
      const r = await invoke(ctx, 'sources.add', { claimId: claim.id, url: 'https://example.org/a', ...fields });
      expect(r.ok, JSON.stringify(fields)).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(message);
    }
    expect(await call(ctx, 'sources.list', { claimId: claim.id })).toEqual([]);
  });

  it('travels to a teammate like the other source fields, and a teammate’s bad value is refused', async () => {
    const dir = tempDir();
    const ana = person(dir, 'Ana');
    const ben = person(dir, 'Ben');
    open.push(ana, ben);
    const claim = await call(ana, 'claims.add', { text: 'Drones struck the port overnight.' });
    const source = await call(ana, 'sources.add', {
      claimId: claim.id,
      url: 'https://example.org/briefing',
      accessedAt: '2024-05-04',
      archiveUrl: ARCHIVE,
    });
    const share = await call(ana, 'team.share', { target: path.join(dir, 'ana.claimbench-share') });
    await mergePreviewed(ben, share.path);
    expect((await call(ben, 'sources.list', { claimId: claim.id }))[0]).toMatchObject({
      id: source.id,
      accessedAt: '2024-05-04',
      archiveUrl: ARCHIVE,
    });

    // Ben edits the archive link; Ana gets the edit back.
    await call(ben, 'sources.update', { id: source.id, patch: { archiveUrl: 'https://archive.ph/abcd' } });
    const back = await call(ben, 'team.share', { target: path.join(dir, 'ben.claimbench-share') });
    await mergePreviewed(ana, back.path);
    expect((await call(ana, 'sources.list', { claimId: claim.id }))[0]!.archiveUrl).toBe('https://archive.ph/abcd');

    const row = (field: string, value: unknown) => ({
      hlc: '2024-05-04T10:00:00.000Z-0000-0123456789abcdef',
      entity: 'source',
      entity_id: source.id,
      field,
      value: JSON.stringify(value),
      actor_id: '0123456789abcdef',
      author: 'Mallory',
      action_id: null,
      action_label: null,
      supersedes: '[]',
    });
    expect(() => validateChangeRow(row('archiveUrl', 'javascript:alert(1)'))).toThrow(/archiveUrl is not an http\(s\) link/);
    expect(() => validateChangeRow(row('accessedAt', 'yesterday'))).toThrow(/accessedAt is not an ISO date/);
    expect(() => validateChangeRow(row('archiveUrl', ARCHIVE))).not.toThrow();
  });
});
