import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { BUILT_ARTICLES } from '../helpers/built-articles';
import { openContext, screenshot, useHarness, type TestContext } from './harness';

const e2e = useHarness();

async function seed(ctx: TestContext) {
  const article = BUILT_ARTICLES[0]!;
  await call(ctx, 'documents.createFromText', { text: article.text, title: article.title });
  return (await call(ctx, 'claims.list', { limit: 100 })).items;
}

const detailScrollTop = (page: Page) => page.locator('.detail-scroll').evaluate((el) => el.scrollTop);
const selectedId = (page: Page) =>
  page.locator('.claim-list [role="option"][aria-selected="true"]').getAttribute('data-claim-id');

/**
 * Each verdict button is inside the detail body's visible area and is what a click at its middle
 * reaches (nothing drawn over it); the answer names what is wrong, for a readable failure.
 */
const verdictInView = (page: Page) =>
  page.evaluate(() => {
    const body = document.querySelector('.detail-scroll')!.getBoundingClientRect();
    const problems: string[] = [];
    for (const button of document.querySelectorAll<HTMLElement>('.verdict-picker [role="radio"]')) {
      const r = button.getBoundingClientRect();
      const name = button.textContent ?? '';
      if (r.top < body.top || r.bottom > body.bottom) problems.push(`${name} at ${Math.round(r.top - body.top)}px`);
      else if (!button.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)))
        problems.push(`${name} covered`);
    }
    return problems.join(', ') || 'in view';
  });

/** The gap between the verdict buttons' bottom and a field's top: negative when the field is under them. */
const clearanceBelowVerdict = (page: Page, selector: string) =>
  page.evaluate((selector) => {
    const verdict = document.querySelector('.verdict-picker')!.getBoundingClientRect();
    return document.querySelector(selector)!.getBoundingClientRect().top - verdict.bottom;
  }, selector);

describe('the detail pane while deciding', () => {
  it('keeps the verdict in view while the rationale is typed and a source pasted, and opens each claim at its top', async () => {
    const ctx = openContext('Ana Ruiz');
    const claims = await seed(ctx);
    const [first, second] = claims;
    const { page, errors } = await e2e.launch(ctx);
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.locator(`.claim-list [role="option"][data-claim-id="${first!.id}"]`).click();
    await expect.poll(() => selectedId(page)).toBe(first!.id);

    await page.getByRole('radio', { name: /Sourced/ }).click();
    await page.getByTestId('claim-warning').waitFor();
    const rationale = page.getByLabel('Rationale', { exact: true });
    await rationale.click();
    await page.keyboard.type('The authority’s annual report gives 14.2 million tonnes.');
    // At this size the rationale sits below the fold, so reaching it scrolled the body.
    await screenshot(page, 'verdict-in-view-1024x640-light');
    expect(await detailScrollTop(page)).toBeGreaterThan(0);
    expect(await verdictInView(page)).toBe('in view');
    expect(await clearanceBelowVerdict(page, '.section-rationale textarea')).toBeGreaterThanOrEqual(0);

    // Changing one's mind is one click away, and the typed rationale is kept.
    await page.getByRole('radio', { name: /Disputed/ }).click();
    await expect.poll(async () => (await call(ctx, 'claims.get', { id: first!.id })).verdict).toBe('disputed');
    await expect
      .poll(async () => (await call(ctx, 'claims.get', { id: first!.id })).rationale)
      .toBe('The authority’s annual report gives 14.2 million tonnes.');

    // The source box at the bottom: Tab order and focus bring it into view, the verdict stays.
    const sourceBox = page.getByPlaceholder('Paste a link (https://…) or the passage you relied on');
    await sourceBox.focus();
    await page.keyboard.type('https://example.org/northport-annual-report-2023');
    expect(await verdictInView(page)).toBe('in view');

    // j and k open the next and previous claim at their top, wherever the last one was scrolled to.
    await page.keyboard.press('Escape');
    await page.locator('.claim-list').focus();
    expect(await detailScrollTop(page)).toBeGreaterThan(0);
    await page.keyboard.press('j');
    await expect.poll(() => selectedId(page)).toBe(second!.id);
    await expect.poll(() => detailScrollTop(page)).toBe(0);
    await page.locator('.detail-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await page.keyboard.press('k');
    await expect.poll(() => selectedId(page)).toBe(first!.id);
    await expect.poll(() => detailScrollTop(page)).toBe(0);
    expect(errors).toEqual([]);
  });

  it('keeps the verdict in view at 1440x900 in the dark theme when the sources are reached', async () => {
    const ctx = openContext('Ana Ruiz');
    const claims = await seed(ctx);
    const { page, errors } = await e2e.launch(ctx, { colorScheme: 'dark' });
    await page.locator(`.claim-list [role="option"][data-claim-id="${claims[0]!.id}"]`).click();
    await page.getByRole('radio', { name: /Sourced/ }).click();
    await page.getByTestId('claim-warning').waitFor();
    await page.getByLabel('Rationale', { exact: true }).click();
    await page.keyboard.type('The authority’s annual report gives 14.2 million tonnes.');
    await page.getByPlaceholder('Paste a link (https://…) or the passage you relied on').click();
    await screenshot(page, 'verdict-in-view-1440x900-dark');
    expect(await detailScrollTop(page)).toBeGreaterThan(0);
    expect(await verdictInView(page)).toBe('in view');
    expect(await clearanceBelowVerdict(page, '.section-sources .evidence-form')).toBeGreaterThanOrEqual(0);
    expect(errors).toEqual([]);
  });
});
