import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { openContext, screenshot, useHarness } from './harness';

const { launch } = useHarness();

describe('correcting a claimant', () => {
  it('offers to rename every other claim naming them, as one action Ctrl+Z takes back', async () => {
    const ctx = openContext('Ann Lee');
    const ids: string[] = [];
    for (const text of ['Exports doubled since 2022.', 'Inflation will fall below 6 percent.', 'The harvest was a record.']) {
      ids.push((await call(ctx, 'claims.add', { text, claimant: 'Vladimir Vladimirovich Putin' })).id);
    }
    const other = await call(ctx, 'claims.add', { text: 'Talks resume on 10 December.', claimant: 'Dmitry Peskov' });
    const claimants = async () =>
      Promise.all([...ids, other.id].map(async (id) => (await call(ctx, 'claims.get', { id })).claimant));
    const { page, errors } = await launch(ctx);
    await page.locator(`.claim-list [role="option"][data-claim-id="${ids[0]}"]`).click();
    const field = page.getByLabel('Claimant', { exact: true });
    await field.fill('Vladimir Putin');
    await field.press('Enter');
    const notice = page.getByRole('status').filter({ hasText: '2 other claims still name “Vladimir Vladimirovich Putin”.' });
    await notice.waitFor();
    await screenshot(page, 'rename-claimant-offer-1440');
    await notice.getByRole('button', { name: 'Rename to “Vladimir Putin”' }).click();
    await expect.poll(claimants).toEqual(['Vladimir Putin', 'Vladimir Putin', 'Vladimir Putin', 'Dmitry Peskov']);
    const before = ['Vladimir Putin', 'Vladimir Vladimirovich Putin', 'Vladimir Vladimirovich Putin', 'Dmitry Peskov'];
    // The notice that says what was renamed takes it back, as Ctrl+Z does.
    const renamed = page.getByRole('status').filter({ hasText: 'Renamed 2 claims to “Vladimir Putin”.' });
    await renamed.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(claimants).toEqual(before);
    await page.locator('.claim-list').focus();
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(claimants).toEqual(['Vladimir Putin', 'Vladimir Putin', 'Vladimir Putin', 'Dmitry Peskov']);
    await page.keyboard.press('Control+z');
    await expect.poll(claimants).toEqual(before);
    expect(errors).toEqual([]);
  });
});
