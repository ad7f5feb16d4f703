import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../electron/core/context';
import { call } from '../../../electron/core/dispatch';
import type { HostServices } from '../../../electron/core/host';
import { displayPath } from '../../../electron/core/display-path';
import { closeAllLibraries } from '../../../electron/core/library/pool';
import { inProcessCore } from '../../../electron/core/process/in-process-core';
import type { Result } from '../../../shared/result';
import { createTestContext, tempDir } from '../../helpers/workspace';

/** Stands in for the person in the host's dialogs: answers opens and saves with these, and records what it opened. */
function dialogs(answers: { open?: string[]; save?: string }, opened: string[] = []): HostServices {
  return {
    chooseOpen: (_purpose, multiple) =>
      Promise.resolve(answers.open ? (multiple ? answers.open : answers.open.slice(0, 1)) : null),
    chooseSave: () => Promise.resolve(answers.save ?? null),
    openPath: (file) => {
      opened.push(file);
      return Promise.resolve();
    },
  };
}

/** What a page's request goes through: the core server's dispatch (caller `page`), here in this process. */
function asPage(ctx: CoreContext) {
  const core = inProcessCore(() => ctx);
  return async <T = Record<string, unknown>>(name: string, input: unknown): Promise<T> => {
    const r = (await core.invoke(name, input)) as Result<T>;
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
}

function refusalOf(ctx: CoreContext, name: string, input: unknown) {
  return inProcessCore(() => ctx).invoke(name, input);
}

function feedFile(dir: string): string {
  const file = path.join(dir, 'feed.json');
  fs.writeFileSync(
    file,
    JSON.stringify([
      {
        '@type': 'ClaimReview',
        url: 'https://checks.example/bleach',
        claimReviewed: 'Drinking bleach cures the flu',
        author: { '@type': 'Organization', name: 'PolitiFact' },
        datePublished: '2020-03-01',
        reviewRating: { '@type': 'Rating', alternateName: 'False' },
      },
    ]),
  );
  return file;
}

/** Every string anywhere in a value: what a page could read from it. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** No string a page received names a place on disk under `dir` (or the system's temp folder). */
function expectNoPaths(value: unknown, ...dirs: string[]) {
  for (const s of strings(value)) for (const dir of dirs) expect(s, JSON.stringify(value)).not.toContain(dir);
}

afterEach(() => closeAllLibraries());

describe('a page names files by tokens and ids, and gets no paths back', () => {
  it('libraries: create, link, import, match, attach and unlink by token and id; the page sees a name and a ~ location', async () => {
    const dir = tempDir();
    const lib = path.join(dir, 'desk.claimbench-library');
    const feed = feedFile(dir);
    const ctx = createTestContext();
    const page = asPage({ ...ctx, host: dialogs({ save: lib, open: [feed] }) });

    const { file: target } = await page<{ file: { token: string; name: string } }>('libraries.chooseNew', {});
    expect(target.name).toBe('desk.claimbench-library');
    const created = await page('libraries.create', { chosen: target.token });
    expect(created).toMatchObject({ name: 'desk.claimbench-library', reviews: 0, id: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(created).not.toHaveProperty('path');
    expect(fs.existsSync(lib)).toBe(true);

    const { files } = await page<{ files: { token: string; names: string[] } }>('libraries.chooseImportFiles', {});
    expect(files.names).toEqual(['feed.json']);
    const imported = await page('libraries.import', { library: created.id, chosen: files.token });
    expect(imported).toMatchObject({ added: 1 });

    const listed = await page<Record<string, unknown>[]>('libraries.list', {});
    expect(listed).toEqual([
      { id: created.id, name: 'desk.claimbench-library', location: expect.any(String), reviews: 1, problem: null },
    ]);
    // The one place a page sees where the file is: for people to read, never accepted back.
    expect(listed[0]!.location).toBe(displayPath(lib));

    const claim = await call(ctx, 'claims.add', { text: 'A senator said drinking bleach cures the flu' });
    const matches = await page<Record<string, unknown>[]>('libraries.matchClaim', { claimId: claim.id });
    expect(matches[0]).toMatchObject({ libraryId: created.id, url: 'https://checks.example/bleach' });
    const badges = await page<Record<string, Record<string, unknown>>>('libraries.badges', { claimIds: [claim.id] });
    expect(badges[claim.id]).toMatchObject({ libraryId: created.id });
    const shownOnly = ({ location: _shown, ...rest }: Record<string, unknown>) => rest;
    expectNoPaths([shownOnly(created), listed.map(shownOnly), matches, badges], dir);

    const source = await page('libraries.attachMatch', {
      claimId: claim.id,
      library: created.id,
      url: 'https://checks.example/bleach',
    });
    expect(source).toMatchObject({ stance: 'context', publisher: 'PolitiFact' });

    expect(await page('libraries.unlink', { library: created.id })).toEqual({ unlinked: 1 });
    expect(await page('libraries.list', {})).toEqual([]);
    // Linking it again by a fresh choice gives the same id: it is derived from the file, not the link.
    const { file: existing } = await asPage({ ...ctx, host: dialogs({ open: [lib] }) })<{ file: { token: string } }>(
      'libraries.chooseExisting',
      {},
    );
    expect(await page('libraries.link', { chosen: existing.token })).toMatchObject({ id: created.id, reviews: 1 });
    ctx.workspace.close();
  });

  it('libraries: a page that sends a path, an unknown id or a token for another purpose is refused and nothing changes', async () => {
    const dir = tempDir();
    const lib = path.join(dir, 'desk.claimbench-library');
    const ctx = createTestContext();
    await call(ctx, 'libraries.create', { path: lib });
    const claim = await call(ctx, 'claims.add', { text: 'Drinking bleach cures the flu' });
    const other = path.join(dir, 'other.claimbench-library');
    const feed = feedFile(dir);
    for (const [name, input] of [
      ['libraries.create', { path: other }],
      ['libraries.link', { path: lib }],
      ['libraries.unlink', { path: lib }],
      ['libraries.import', { path: lib, files: [feed] }],
      ['libraries.import', { library: '0123456789abcdef', files: [feed] }],
      ['libraries.attachMatch', { claimId: claim.id, libraryPath: lib, url: 'https://checks.example/bleach' }],
      ['libraries.link', { chosen: 'f'.repeat(32), path: lib }],
    ] as const) {
      expect(await refusalOf(ctx, name, input), name).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(await refusalOf(ctx, 'libraries.unlink', { library: '0123456789abcdef' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // A token handed out for saving a report cannot create a library there.
    const page = asPage({ ...ctx, host: dialogs({ save: other }) });
    const { file } = await page<{ file: { token: string } }>('report.chooseTarget', { format: 'html' });
    expect(await refusalOf(ctx, 'libraries.create', { chosen: file.token })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(fs.existsSync(other)).toBe(false);
    expect((await call(ctx, 'libraries.list', {})).map((l) => l.path)).toEqual([lib]);
    ctx.workspace.close();
  });

  it('report export: the page chooses the target by token and gets the file name; a path is refused', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'out.csv');
    const ctx = createTestContext();
    await call(ctx, 'claims.add', { text: 'Exports grew by 12 percent in 2023.' });
    const page = asPage({ ...ctx, host: dialogs({ save: target }) });
    const { file } = await page<{ file: { token: string; name: string } }>('report.chooseTarget', { format: 'csv' });
    expect(file.name).toBe('out.csv');
    const exported = await page('report.export', { format: 'csv', chosen: file.token });
    expect(exported).toMatchObject({ name: 'out.csv', claimCount: 1 });
    expect(exported).not.toHaveProperty('path');
    expectNoPaths(exported, dir);
    expect(fs.readFileSync(target, 'utf8')).toContain('Exports grew by 12 percent');

    const elsewhere = path.join(dir, 'elsewhere.csv');
    expect(await refusalOf(ctx, 'report.export', { format: 'csv', path: elsewhere })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(fs.existsSync(elsewhere)).toBe(false);
    ctx.workspace.close();
  });

  it('attachments: the page opens one through the core; it never gets the temporary path, and may not open a path', async () => {
    const ctx = createTestContext();
    const opened: string[] = [];
    const page = asPage({ ...ctx, host: dialogs({}, opened) });
    const claim = await call(ctx, 'claims.add', { text: 'The river flooded 40 homes.' });
    const att = await call(ctx, 'attachments.add', {
      claimId: claim.id,
      name: 'notes.txt',
      base64: Buffer.from('flood notes').toString('base64'),
    });
    expect(await page('attachments.open', { id: att.id })).toEqual({ opened: true, name: 'notes.txt' });
    expect(opened).toHaveLength(1);
    expect(fs.readFileSync(opened[0]!, 'utf8')).toBe('flood notes');
    const exported = await page('attachments.export', { id: att.id });
    expect(exported).toEqual({ name: 'notes.txt', size: 11 });
    expect(await refusalOf({ ...ctx, host: dialogs({}, opened) }, 'host.openPath', { path: opened[0] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(opened).toHaveLength(1);
    ctx.workspace.close();
  });

  it('sharing and similar claims: the page gets names, not paths, and cannot send workspace or transcript paths', async () => {
    const dir = tempDir();
    const ctx = createTestContext();
    const other = createTestContext('Boris');
    const theirs = await call(other, 'claims.add', { text: 'The river flooded 40 homes in Tver last spring.' });
    const mine = await call(ctx, 'claims.add', { text: 'The river flooded 40 homes in Tver last spring, officials said.' });
    const share = path.join(dir, 'ana.claimbench-share');
    const host = { ...dialogs({ save: share }), recentWorkspaces: () => [other.file] };
    const page = asPage({ ...ctx, host });

    const { file } = await page<{ file: { token: string } }>('team.chooseShareTarget', { defaultName: 'ana.claimbench-share' });
    const shared = await page('team.share', { chosen: file.token });
    expect(shared).toMatchObject({ changes: expect.any(Number) });
    expect(shared).not.toHaveProperty('path');
    expect(fs.existsSync(share)).toBe(true);

    const similar = await page<{ items: Record<string, unknown>[] }>('claims.similar', { id: mine.id });
    expect(similar.items).toEqual([expect.objectContaining({ claimId: theirs.id, inThisWorkspace: false })]);
    expect(similar.items[0]).not.toHaveProperty('workspacePath');
    expectNoPaths(similar, other.dir);
    expect(await refusalOf(ctx, 'claims.similar', { id: mine.id, otherWorkspaces: [other.file] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await refusalOf(ctx, 'capture.follow', { sessionId: 'any-session', path: path.join(dir, 'x.txt') })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    ctx.workspace.close();
    other.workspace.close();
  });

  it('the core’s own callers (the CLI) keep paths in and out', async () => {
    const dir = tempDir();
    const lib = path.join(dir, 'desk.claimbench-library');
    const ctx = createTestContext();
    expect(await call(ctx, 'libraries.create', { path: lib })).toMatchObject({ path: lib });
    await call(ctx, 'libraries.import', { path: lib, files: [feedFile(dir)] });
    const claim = await call(ctx, 'claims.add', { text: 'A senator said drinking bleach cures the flu' });
    expect((await call(ctx, 'libraries.matchClaim', { claimId: claim.id }))[0]).toMatchObject({ libraryPath: lib });
    const report = path.join(dir, 'r.md');
    expect(await call(ctx, 'report.export', { format: 'md', path: report })).toMatchObject({ path: report, name: 'r.md' });
    expect(await call(ctx, 'libraries.unlink', { path: lib })).toEqual({ unlinked: 1 });
    ctx.workspace.close();
  });
});
