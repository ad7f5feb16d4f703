import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { BUILT_ARTICLES } from '../helpers/built-articles';
import { openContext, useHarness, type TestContext } from './harness';

const e2e = useHarness();

async function seed(ctx: TestContext) {
  const article = BUILT_ARTICLES[0]!;
  await call(ctx, 'documents.createFromText', { text: article.text, title: article.title });
  return (await call(ctx, 'claims.list', { limit: 100 })).items;
}

const count = (page: Page) => page.locator('.claims-pane .pane-count');
const chips = (page: Page) => page.locator('.filter-chips .chip');

describe('what a checker on the first day hits', () => {
  it('Esc on the list clears the multi-selection first, then every filter, as the shortcuts help says', async () => {
    const ctx = openContext('Ana Ruiz');
    const claims = await seed(ctx);
    await call(ctx, 'claims.setVerdict', { ids: [claims[0]!.id, claims[1]!.id], verdict: 'sourced' });
    const { page, errors } = await e2e.launch(ctx);
    await count(page)
      .filter({ hasText: `${claims.length} claims` })
      .waitFor();

    await page.getByTestId('count-sourced').click();
    await page.getByTestId('filter-chip-verdict').waitFor();
    await page.getByRole('button', { name: /^Filter/ }).click();
    await page.getByLabel('No source yet').check();
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByTestId('filter-chip-noSource').waitFor();
    await count(page)
      .filter({ hasText: /^2 claims$/ })
      .waitFor();

    await page.locator('.claim-list').focus();
    await page.keyboard.press('x');
    const bar = page.getByRole('toolbar', { name: /selected claim/ });
    await bar.waitFor();
    await page.keyboard.press('Escape');
    await bar.waitFor({ state: 'detached' });
    expect(await chips(page).count()).toBe(2);

    await page.keyboard.press('Escape');
    await expect.poll(() => chips(page).count()).toBe(0);
    await count(page)
      .filter({ hasText: `${claims.length} claims` })
      .waitFor();
    expect(await page.getByTestId('count-sourced').getAttribute('aria-pressed')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('claim-list'))).toBe(true);

    // A filter that matches nothing: the empty list's advice holds (focus rests on the count just clicked).
    await page.getByTestId('count-disputed').click();
    await page.getByText('No claims match').waitFor();
    expect(await page.locator('.claims-pane .empty-state').innerText()).toContain('press Esc to clear it');
    await page.keyboard.press('Escape');
    await count(page)
      .filter({ hasText: `${claims.length} claims` })
      .waitFor();
    expect(await chips(page).count()).toBe(0);

    // In the filter field, Esc drops the text and goes back to the list.
    await page.keyboard.press('Control+f');
    await page.keyboard.type('harbour');
    await page.keyboard.press('Escape');
    await count(page)
      .filter({ hasText: `${claims.length} claims` })
      .waitFor();
    expect(await page.getByPlaceholder('Filter claims').inputValue()).toBe('');

    await page.locator('.claim-list').focus();
    await page.keyboard.press('?');
    await page
      .getByRole('dialog', { name: /shortcuts/i })
      .getByText('Clear the selection, or else every filter')
      .waitFor();
    expect(errors).toEqual([]);
  });
});
