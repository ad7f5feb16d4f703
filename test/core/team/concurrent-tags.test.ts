import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { mergeShareFile, previewShareMerge } from '../../../electron/core/team/merge';
import { writeShareFile } from '../../../electron/core/team/write-share';
import type { MergeResult } from '../../../shared/team';
import { describeChange } from '../../../shared/timeline';
import { assertTablesMatchLog } from '../../helpers/tables-match-log';
import { tempDir } from '../../helpers/workspace';
import { snapshot, teammates, type TestContext } from './team-helpers';

const teammate = teammates();

/** Write `from`'s share file, preview it in `to`, then merge exactly what was previewed. */
async function shareInto(from: TestContext, to: TestContext, name: string) {
  const share = writeShareFile(from.workspace, path.join(from.dir, `${name}.claimbench-share`), {
    createdBy: from.workspace.identity().author,
  });
  const preview = await previewShareMerge(to.workspace, share.path);
  const merged: MergeResult = await mergeShareFile(to.workspace, share.path, preview.contentHash);
  return { preview, merged };
}

async function tagsOf(ctx: TestContext, id: string): Promise<string[]> {
  return (await call(ctx, 'claims.get', { id })).tags;
}

async function historyLines(ctx: TestContext, id: string): Promise<string[]> {
  return (await call(ctx, 'claims.history', { id })).filter((e) => e.field === 'tags').map((e) => describeChange(e).summary);
}

/** The lead's workspace with one claim, shared to Ben and Cara, who each start from it. */
async function desk(startingTags: string[] = []) {
  const dir = tempDir();
  const lead = teammate(dir, 'Lead');
  const claim = await call(lead, 'claims.add', { text: 'Turkey blocked the grain corridor in May.' });
  if (startingTags.length > 0) await call(lead, 'claims.tag', { ids: [claim.id], add: startingTags });
  const ben = teammate(dir, 'Ben');
  const cara = teammate(dir, 'Cara');
  await shareInto(lead, ben, 'lead-0');
  await shareInto(lead, cara, 'lead-0');
  return { dir, lead, ben, cara, id: claim.id };
}

describe('concurrent tags merge as a set', () => {
  it('keeps both teammates’ tags, says so in the preview, the claim, the reports and the history', async () => {
    const { lead, ben, cara, id } = await desk();
    await call(ben, 'claims.tag', { ids: [id], add: ['turkey-block'] });
    await call(cara, 'claims.tag', { ids: [id], add: ['needs-second-source'] });

    await shareInto(ben, lead, 'ben');
    const { preview, merged } = await shareInto(cara, lead, 'cara');
    for (const summary of [preview, merged]) {
      const change = summary.items.find((i) => i.id === id)!.changes.find((c) => c.field === 'tags')!;
      expect(change).toMatchObject({
        from: ['turkey-block'],
        to: ['turkey-block', 'needs-second-source'],
        members: { added: ['needs-second-source'], removed: [] },
        author: 'Cara',
        replaces: null,
        overwritesYours: false,
      });
    }
    expect(merged.conflictCount).toBe(0);

    expect(await tagsOf(lead, id)).toEqual(['turkey-block', 'needs-second-source']);
    const csv = (await call(lead, 'report.render', { format: 'csv' })).content;
    expect(csv).toContain('turkey-block');
    expect(csv).toContain('needs-second-source');
    const json = JSON.parse((await call(lead, 'report.render', { format: 'json' })).content) as unknown;
    expect(JSON.stringify(json)).toContain('"tags":["turkey-block","needs-second-source"]');
    expect(await historyLines(lead, id)).toEqual([
      'Ben added the tag “turkey-block”',
      'Cara added the tag “needs-second-source”',
    ]);
    expect(await call(lead, 'claims.list', { tag: 'turkey-block' })).toMatchObject({ total: 1 });
    assertTablesMatchLog(lead.workspace);
  });

  it('gives the same tags whatever the merge order, and every copy equals a replay of its log', async () => {
    const { dir, lead, ben, cara, id } = await desk(['draft', 'energy']);
    // Ben drops "draft" and adds a tag; Cara keeps "draft" untouched and adds another.
    await call(ben, 'claims.tag', { ids: [id], add: ['turkey-block'], remove: ['draft'] });
    await call(cara, 'claims.tag', { ids: [id], add: ['needs-second-source'] });
    const other = teammate(dir, 'Dana');
    await shareInto(lead, other, 'lead-1');

    await shareInto(ben, lead, 'ben');
    await shareInto(cara, lead, 'cara');
    await shareInto(cara, other, 'cara');
    await shareInto(ben, other, 'ben');

    const expected = ['energy', 'turkey-block', 'needs-second-source'];
    expect(await tagsOf(lead, id)).toEqual(expected);
    expect(await tagsOf(other, id)).toEqual(expected);
    expect(snapshot(other.workspace.db).claims).toEqual(snapshot(lead.workspace.db).claims);
    assertTablesMatchLog(lead.workspace);
    assertTablesMatchLog(other.workspace);

    // Ben and Cara exchange too: all four copies agree.
    await shareInto(cara, ben, 'cara');
    await shareInto(ben, cara, 'ben');
    expect(await tagsOf(ben, id)).toEqual(expected);
    expect(await tagsOf(cara, id)).toEqual(expected);
    expect(await historyLines(lead, id)).toEqual([
      'Lead added the tags “draft”, “energy”',
      'Ben added the tag “turkey-block” and removed the tag “draft”',
      'Cara added the tag “needs-second-source”',
    ]);
  });

  it('keeps a tag one side added when the other added and removed the same tag without seeing it', async () => {
    const { lead, ben, cara, id } = await desk();
    await call(ben, 'claims.tag', { ids: [id], add: ['budget'] });
    await call(cara, 'claims.tag', { ids: [id], add: ['budget'] });
    await call(cara, 'claims.tag', { ids: [id], remove: ['budget'] });
    await shareInto(cara, lead, 'cara');
    await shareInto(ben, lead, 'ben');
    expect(await tagsOf(lead, id)).toEqual(['budget']);
    assertTablesMatchLog(lead.workspace);
  });

  it('lets a later local edit supersede the merged tags, and the history reads from the merged set', async () => {
    const { lead, ben, cara, id } = await desk();
    await call(ben, 'claims.tag', { ids: [id], add: ['turkey-block'] });
    await call(cara, 'claims.tag', { ids: [id], add: ['needs-second-source'] });
    await shareInto(ben, lead, 'ben');
    await shareInto(cara, lead, 'cara');

    await call(lead, 'claims.tag', { ids: [id], add: ['checked'], remove: ['turkey-block'] });
    expect(await tagsOf(lead, id)).toEqual(['needs-second-source', 'checked']);
    expect((await historyLines(lead, id)).at(-1)).toBe('Lead added the tag “checked” and removed the tag “turkey-block”');

    // Ben, who has only his own tag, takes the lead's work: the lead's edit had seen his tag, so it stays removed.
    await shareInto(lead, ben, 'lead-1');
    expect(await tagsOf(ben, id)).toEqual(['needs-second-source', 'checked']);
    expect(snapshot(ben.workspace.db).claims).toEqual(snapshot(lead.workspace.db).claims);
    assertTablesMatchLog(ben.workspace);
  });
});
