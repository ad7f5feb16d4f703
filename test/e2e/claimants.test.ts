import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { WAR_REPORT } from '../core/attribution/article';
import { openContext, screenshot, useHarness } from './harness';

const e2e = useHarness();

describe('claimant filter with counts', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`suggests each claimant with its claim count and filters by it (${colorScheme})`, async () => {
      const ctx = openContext('Ann Lee');
      const imported = await call(ctx, 'ingest.importFile', {
        name: 'forum.txt',
        dataBase64: Buffer.from(WAR_REPORT).toString('base64'),
      });
      expect(imported.status).toBe('imported');
      const counts = await call(ctx, 'claims.claimants', {});
      const putin = counts.find((c) => c.claimant === 'Vladimir Putin')!;
      const { page, errors } = await e2e.launch(ctx, { colorScheme });
      await page.locator('.claim-list').focus();
      await page.keyboard.press('f');
      const popover = page.getByRole('dialog', { name: 'Filter claims' });
      await popover.waitFor();
      const options = popover.locator('[data-testid="claimant-counts"] option');
      await expect.poll(() => options.count()).toBe(counts.length);
      expect(await options.first().getAttribute('label')).toBe(`${counts[0]!.claimant} (${counts[0]!.count})`);
      await popover.getByLabel('Claimant').fill('Vladimir Putin');
      await screenshot(page, `claimant-filter-${colorScheme}-1440`);
      await page.setViewportSize({ width: 1024, height: 640 });
      await screenshot(page, `claimant-filter-${colorScheme}-1024`);
      await popover.getByRole('button', { name: 'Apply' }).click();
      await page.locator('.claims-pane .pane-count').getByText(`${putin.count} claims`).waitFor();
      expect(errors).toEqual([]);
    });
  }

  it('takes part of a name: a surname in any case means the one claimant it starts a word of', async () => {
    const ctx = openContext('Ann Lee');
    await call(ctx, 'ingest.importFile', { name: 'forum.txt', dataBase64: Buffer.from(WAR_REPORT).toString('base64') });
    const putin = (await call(ctx, 'claims.claimants', {})).find((c) => c.claimant === 'Vladimir Putin')!;
    const { page, errors } = await e2e.launch(ctx, { colorScheme: 'light' });
    // The document in view is the pane's title, not a filter with no chip to remove.
    await page.locator('.doc-list [role="option"]').nth(1).click();
    await page.locator('.claims-pane .pane-title').getByText('Putin says', { exact: false }).waitFor();
    const badge = page.locator('#claims-filter-trigger .toolbar-chip-count');
    expect(await badge.count()).toBe(0);
    await page.locator('.claim-list').focus();
    await page.keyboard.press('f');
    const popover = page.getByRole('dialog', { name: 'Filter claims' });
    await popover.getByLabel('Claimant').fill('nobody-at-all');
    await expect
      .poll(() => popover.getByTestId('claimant-matches').textContent())
      .toBe('No claimant named “nobody-at-all” here.');
    await popover.getByLabel('Claimant').fill('putin');
    await expect
      .poll(() => popover.getByTestId('claimant-matches').textContent())
      .toBe(`Will filter by this claimant:${putin.claimant} (${putin.count})`);
    await screenshot(page, 'claimant-filter-partial-1440');
    await popover.getByLabel('Claimant').press('Enter');
    await page.locator('.claims-pane .pane-count').getByText(`${putin.count} claims`).waitFor();
    await expect.poll(() => badge.textContent()).toContain('1');
    await page.keyboard.press('f');
    await expect.poll(() => popover.getByLabel('Claimant').inputValue()).toBe('Vladimir Putin');
    expect(errors).toEqual([]);
  });

  it('the tag filter works the same way: part of a tag, suggestions with counts, several to pick from', async () => {
    const ctx = openContext('Ann Lee');
    await call(ctx, 'ingest.importFile', { name: 'forum.txt', dataBase64: Buffer.from(WAR_REPORT).toString('base64') });
    const ids = (await call(ctx, 'claims.list', { limit: 6 })).items.map((c) => c.id);
    await call(ctx, 'claims.tag', { ids: ids.slice(0, 3), add: ['needs-second-source'] });
    await call(ctx, 'claims.tag', { ids: ids.slice(3, 5), add: ['needs-translation'] });
    await call(ctx, 'claims.tag', { ids: ids.slice(5, 6), add: ['casualties'] });
    const { page, errors } = await e2e.launch(ctx, { colorScheme: 'dark' });
    await page.locator('.claim-list').focus();
    await page.keyboard.press('f');
    const popover = page.getByRole('dialog', { name: 'Filter claims' });
    const options = popover.locator('[data-testid="tag-counts"] option');
    await expect.poll(() => options.count()).toBe(3);
    expect(await options.first().getAttribute('label')).toBe('needs-second-source (3)');
    expect(await popover.getByLabel('Tag').getAttribute('placeholder')).toBe('3 tags');
    // A part of two tags waits for a pick; Enter applies nothing yet.
    await popover.getByLabel('Tag').fill('needs');
    await expect
      .poll(() => popover.getByTestId('tag-matches').textContent())
      .toBe('2 tags match; pick one:needs-second-source (3)needs-translation (2)');
    await page.setViewportSize({ width: 1024, height: 640 });
    await screenshot(page, 'tag-filter-partial-1024-dark');
    await popover.getByLabel('Tag').press('Enter');
    await expect(popover.isVisible()).resolves.toBe(true);
    // A part of one tag, in any case, means that tag.
    await popover.getByLabel('Tag').fill('SECOND');
    await expect
      .poll(() => popover.getByTestId('tag-matches').textContent())
      .toBe('Will filter by this tag:needs-second-source (3)');
    await popover.getByLabel('Tag').press('Enter');
    await page.locator('.claims-pane .pane-count').getByText('3 claims').waitFor();
    await page.keyboard.press('f');
    await expect.poll(() => popover.getByLabel('Tag').inputValue()).toBe('needs-second-source');
    expect(errors).toEqual([]);
  });
});
