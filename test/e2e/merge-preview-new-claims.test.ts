import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import { call } from '../../electron/core/dispatch';
import type { HostServices } from '../../electron/core/host';
import type { OpenPurpose } from '../../shared/host-api';
import { withoutShared } from '../helpers/corpus';
import { mergePreviewed } from '../helpers/merge';
import { tempDir } from '../helpers/workspace';
import { newsArticle, openContext, screenshotAtBothSizes, useHarness } from './harness';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);

/** Stands in for the person in the file dialog: answers with the share file the test names. */
class ShareChooser implements HostServices {
  next: string | null = null;
  chooseOpen(_purpose: OpenPurpose): Promise<string[] | null> {
    return Promise.resolve(this.next ? [this.next] : null);
  }
  chooseSave(): Promise<string | null> {
    return Promise.resolve(null);
  }
}

const { launch, afterTest } = useHarness();

/**
 * Mara's workspace and Ben's share file: Ben imported a document of his own (many new claims, none
 * reviewed) and added a claim he decided, with a source and a note.
 */
async function teammatesShare() {
  const dir = tempDir('claimbench-e2e-merge-new-');
  const mara: CoreContext & { file: string } = openContext('Mara Quinn', path.join(dir, 'mara.claimbench'), 'a1a0000000000a01');
  const ben = openContext('Ben Ortiz', path.join(dir, 'ben.claimbench'), 'b0b0000000000b02');
  afterTest(() => ben.workspace.close());
  const defector = newsArticle('defector');
  await call(mara, 'documents.createFromText', { text: defector.text, title: defector.title });
  const base = await call(mara, 'team.share', { target: path.join(dir, 'base.claimbench-share') });
  await mergePreviewed(ben, base.path);

  const iodine = newsArticle('iodine');
  const doc = await call(ben, 'documents.createFromText', { text: iodine.text, title: iodine.title });
  const decided = await call(ben, 'claims.add', {
    documentId: doc.document.id,
    text: 'Iodised salt is sold in every Australian supermarket, a health agency survey found.',
  });
  await call(ben, 'claims.setVerdict', { ids: [decided.id], verdict: 'sourced', rationale: 'The study’s own summary.' });
  await call(ben, 'sources.add', {
    claimId: decided.id,
    url: 'https://health.example.org/iodine-study',
    title: 'National Iodine Nutrition Study',
    stance: 'supports',
  });
  await call(ben, 'notes.add', { claimId: decided.id, text: 'Asked the authors for the school list.' });
  const share = await call(ben, 'team.share', { target: path.join(dir, 'ben.claimbench-share') });
  return { mara: { ...mara, host: Object.assign(new ShareChooser(), { next: share.path }) }, decidedId: decided.id };
}

/** How many of the listed items are wholly in view inside the dialog, above its pinned footer. */
function itemsInView(page: Page): Promise<number> {
  return page.evaluate(() => {
    const dialog = document.querySelector('[role="dialog"]')!.getBoundingClientRect();
    const footer = document.querySelector('.team-footer')!.getBoundingClientRect();
    const bottom = Math.min(dialog.bottom, footer.top);
    return [...document.querySelectorAll('[data-testid="merge-item"]')].filter((li) => {
      const r = li.getBoundingClientRect();
      return r.top >= dialog.top && r.bottom <= bottom;
    }).length;
  });
}

describe.skipIf(noShared)('the merge preview of a teammate’s new claims', () => {
  it('shows what each new claim arrives with, and lists several at once in a small window', async () => {
    const { mara, decidedId } = await teammatesShare();
    const expected = await call(mara, 'team.mergePreview', { path: mara.host.next! });
    const { page, bridge, errors } = await launch(mara);
    await page.locator('.claim-row').first().waitFor();

    await bridge.emit('menu:merge');
    const dialog = page.getByRole('dialog', { name: 'Review the merge' });
    await dialog.getByTestId('merge-preview').waitFor();
    const items = dialog.getByTestId('merge-item');
    await expect(items.count()).resolves.toBe(expected.items.length);

    // The claim Ben decided shows his verdict and the evidence that comes with it.
    const decidedText = expected.items.find((i) => i.id === decidedId)!.label;
    const decided = items.filter({ hasText: decidedText.slice(0, 50) });
    await expect(decided.getAttribute('data-status')).resolves.toBe('new');
    await expect(decided.getByTestId('merge-new-claim').textContent()).resolves.toBe('Sourced1 source · 1 note');
    // It comes before the claims nobody has worked on yet.
    await expect(
      items
        .filter({ has: page.locator('.team-item-entity', { hasText: /^Claim$/ }) })
        .first()
        .textContent(),
    ).resolves.toContain(decidedText.slice(0, 50));
    // A claim he only imported arrives not reviewed, with nothing else.
    const imported = items
      .filter({ hasNotText: decidedText.slice(0, 50) })
      .filter({ has: page.locator('.team-item-entity', { hasText: /^Claim$/ }) })
      .first();
    await expect(imported.getByTestId('merge-new-claim').textContent()).resolves.toBe('Not reviewed');
    // Ben's row under By person says the same of each claim.
    const benRow = dialog.getByTestId('merge-person').filter({ hasText: 'Ben Ortiz' });
    await benRow.locator('summary').click();
    await expect(
      benRow
        .locator('.team-item', { hasText: decidedText.slice(0, 50) })
        .getByTestId('merge-new-claim')
        .textContent(),
    ).resolves.toBe('Sourced1 source · 1 note');
    await benRow.locator('summary').click();

    // Room for the list: at 1024×640 the first screen shows several claims, not one.
    await page.setViewportSize({ width: 1024, height: 640 });
    expect(await itemsInView(page)).toBeGreaterThanOrEqual(5);
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(await itemsInView(page)).toBeGreaterThanOrEqual(8);
    await expect(dialog.textContent()).resolves.toMatch(/backup of this workspace is taken before anything changes/);
    await screenshotAtBothSizes(page, 'merge-preview-new-claims');
    expect(errors).toEqual([]);
  });
});
