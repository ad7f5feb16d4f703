import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import { call } from '../../electron/core/dispatch';
import type { HostServices } from '../../electron/core/host';
import type { Verdict } from '../../shared/domain';
import type { OpenPurpose } from '../../shared/host-api';
import { mergePreviewed } from '../helpers/merge';
import { tempDir } from '../helpers/workspace';
import { openContext, useHarness } from './harness';

const { launch, afterTest } = useHarness();

/** Answers the merge dialog's file choice with the path the test queued, as the person would. */
class MergeFileStandIn implements HostServices {
  private readonly files: string[] = [];
  answer(file: string): void {
    this.files.push(file);
  }
  chooseOpen(purpose: OpenPurpose): Promise<string[] | null> {
    const next = purpose === 'merge' ? this.files.shift() : undefined;
    return Promise.resolve(next ? [next] : null);
  }
  chooseSave(): Promise<string | null> {
    return Promise.resolve(null);
  }
}

type Person = CoreContext & { file: string; host: MergeFileStandIn };

function person(dir: string, name: string, actorId: string): Person {
  const ctx = {
    ...openContext(name, path.join(dir, `${name.split(' ')[0]!.toLowerCase()}.claimbench`), actorId),
    host: new MergeFileStandIn(),
  };
  return ctx;
}

const TEXT =
  'The air force said 157 drones and seven missiles were launched on 12 May. The ministry reported 40 injured in the capital.';
const BEN = 'Ben: the air force corrected the figure on 13 May';
const CARA = 'Cara: air force statement of 12 May, archived';

async function share(dir: string, from: Person, name: string): Promise<string> {
  return (await call(from, 'team.share', { target: path.join(dir, `${name}.claimbench-share`) })).path;
}

/** Lena merges Ben's and Cara's share files; they decided the first claim differently. */
async function leadWithConflict() {
  const dir = tempDir('claimbench-e2e-undo-settlement-');
  const lena = person(dir, 'Lena Ortiz', '1e0a000000000001');
  const ben = person(dir, 'Ben Okafor', 'b0b0000000000b02');
  const cara = person(dir, 'Cara Lind', 'ca1a000000000c03');
  afterTest(() => {
    ben.workspace.close();
    cara.workspace.close();
  });
  const seed = await call(lena, 'documents.createFromText', { text: TEXT, title: 'Drone attack' });
  const [claim, other] = (await call(lena, 'claims.list', { documentId: seed.document.id })).items;
  const base = await share(dir, lena, 'base');
  await mergePreviewed(ben, base);
  await mergePreviewed(cara, base);
  const decide = (p: Person, id: string, verdict: Verdict, rationale: string) =>
    call(p, 'claims.setVerdict', { ids: [id], verdict, rationale });
  await decide(ben, claim!.id, 'disputed', BEN);
  await decide(cara, claim!.id, 'sourced', CARA);
  await mergePreviewed(lena, await share(dir, ben, 'ben'));
  await mergePreviewed(lena, await share(dir, cara, 'cara'));
  return { dir, lena, ben, claimId: claim!.id, otherId: other!.id };
}

describe('undo of a conflict’s settlement in the renderer', () => {
  it('a new decision in the queue, then Undo, brings Ben’s and Cara’s sides back as they were', async () => {
    const { lena, claimId } = await leadWithConflict();
    const sidesBefore = (await call(lena, 'conflicts.list', { claimId }))[0]!.sides;
    const { page, bridge, errors } = await launch(lena);
    await page.getByTestId('conflict-badge').waitFor();

    await bridge.emit('menu:conflicts');
    const queue = page.getByRole('dialog', { name: 'Conflicts' });
    await queue.getByTestId('conflict-side').first().waitFor();
    await queue.getByRole('listbox').press('n');
    const decision = queue.getByRole('form', { name: 'New decision' });
    await decision.getByRole('radio', { name: /Unverified/ }).click();
    await decision.getByRole('textbox').fill('Lena: neither figure has a second source');
    await decision.getByRole('button', { name: 'Save decision' }).click();
    await queue.getByText('No conflicts').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('conflict-badge').waitFor({ state: 'detached' });

    await page.keyboard.press('Control+z');
    await page.locator('.notice', { hasText: 'Undone: Resolve conflict' }).waitFor();
    await page.getByTestId('conflict-badge').waitFor();
    expect((await call(lena, 'conflicts.list', { claimId }))[0]!.sides).toEqual(sidesBefore);

    // The queue shows both people's decisions again, each under its author.
    await bridge.emit('menu:conflicts');
    await queue.getByTestId('conflict-side').first().waitFor();
    await expect(queue.locator('[data-testid="conflict-side"][data-author="Ben Okafor"]').textContent()).resolves.toMatch(
      /Disputed.*corrected the figure/,
    );
    await expect(queue.locator('[data-testid="conflict-side"][data-author="Cara Lind"]').textContent()).resolves.toMatch(
      /Sourced.*archived/,
    );
    await page.keyboard.press('Escape');

    // The history says the undo reopened the conflict; it never reads as Lena marking one side's verdict.
    await page.locator(`.claim-row[data-claim-id="${claimId}"]`).click();
    const timeline = page.getByRole('list', { name: 'Claim history' });
    await timeline
      .locator('.history-entry', { hasText: 'Lena Ortiz reopened the conflict: Ben Okafor’s verdict, Disputed' })
      .waitFor();
    await expect(timeline.locator('.history-entry', { hasText: 'Lena Ortiz marked Sourced' }).count()).resolves.toBe(0);
    await expect(timeline.locator('.history-entry', { hasText: 'Lena Ortiz marked Disputed' }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  it('an Undo after a later merge says it reaches back past the merge, and where the merge’s backup is', async () => {
    const { dir, lena, ben, claimId, otherId } = await leadWithConflict();
    await call(lena, 'conflicts.resolve', { claimId, verdict: 'unverified', rationale: 'Lena: no second source' });
    // Later, Ben decides another claim, and Lena merges his file in the app.
    await call(ben, 'claims.setVerdict', { ids: [otherId], verdict: 'sourced', rationale: 'Ben: ministry bulletin' });
    const later = await share(dir, ben, 'ben-later');
    const { page, bridge, errors } = await launch(lena);
    await page.locator('.claim-row').first().waitFor();
    lena.host.answer(later);
    await bridge.emit('menu:merge');
    const dialog = page.getByRole('dialog', { name: 'Review the merge' });
    await dialog.getByTestId('merge-preview').waitFor();
    await page.keyboard.press('Control+Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.notice', { hasText: /^Merged/ }).waitFor();
    await expect(
      page.getByRole('button', { name: /^Undo Resolve conflict, done before the merge of ben-later\.claimbench-share/ }).count(),
    ).resolves.toBe(1);

    await page.keyboard.press('Control+z');
    const notice = page.locator('.notice', { hasText: 'Undone: Resolve conflict' });
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toMatch(
      /This was done before the merge of ben-later\.claimbench-share, which undo does not take back \(to take back the merge, restore the backup taken before it: .+before-merge.+\)\./,
    );
    // The merge stands; the settlement before it is undone.
    expect((await call(lena, 'claims.get', { id: otherId })).verdict).toBe('sourced');
    expect((await call(lena, 'claims.get', { id: claimId })).conflicted).toBe(true);
    expect(errors).toEqual([]);
  });
});
