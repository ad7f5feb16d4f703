import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { BUILT_ARTICLES } from '../helpers/built-articles';
import { openContext, screenshot, useHarness } from './harness';
import { clippedIn } from './layout-checks';

const e2e = useHarness();

/**
 * How the page sits in the window: the app is exactly the window's height and nothing scrolled it
 * (only its panes scroll). Read as one line so a failure says which view broke it.
 */
const pageFit = (page: Page) =>
  page.evaluate(() => {
    const root = document.documentElement;
    const scrolled = [root, document.body, document.getElementById('root')!].map((el) => el.scrollTop).filter((top) => top !== 0);
    return `${root.scrollHeight} of ${innerHeight} px tall, scrolled ${scrolled.length ? scrolled.join('/') : 0}`;
  });
const FITS_640 = '640 of 640 px tall, scrolled 0';

/** An element's box, for "inside the window" checks with a readable failure. */
const box = async (page: Page, selector: string) => {
  const b = (await page.locator(selector).first().boundingBox())!;
  return { top: Math.round(b.y), bottom: Math.round(b.y + b.height), width: Math.round(b.width) };
};

describe('the app at 1024x640 never scrolls as a page', () => {
  it('fits the window in the list, document, session and live-capture views, while typing too', async () => {
    const ctx = openContext('Ana Ruiz');
    const article = BUILT_ARTICLES[0]!;
    const { document } = await call(ctx, 'documents.createFromText', { text: article.text, title: article.title });
    const claims = (await call(ctx, 'claims.list', { documentId: document.id, limit: 100 })).items;
    await call(ctx, 'claims.setVerdict', { ids: [claims[0]!.id], verdict: 'sourced', rationale: 'The annual report.' });
    await call(ctx, 'sources.add', { claimId: claims[0]!.id, url: 'https://example.org/report', stance: 'supports' });
    const { page, errors } = await e2e.launch(ctx);
    await page.setViewportSize({ width: 1024, height: 640 });

    // The list, a claim selected: the detail pane is far longer than the window.
    await page.locator('.doc-row', { hasText: article.title }).click();
    await page.locator(`.claim-list [data-claim-id="${claims[0]!.id}"]`).click();
    await page.locator('.detail-pane .verdict-picker').waitFor();
    expect(await pageFit(page)).toBe(FITS_640);
    await page.getByLabel('Rationale').click();
    await page.keyboard.type(' Page 4, table 2.');
    expect(await pageFit(page)).toBe(FITS_640);

    await page.locator('.claim-list').focus();
    await page.keyboard.press('v');
    await page.locator('.document-pane').waitFor();
    expect(await pageFit(page)).toBe(FITS_640);
    await page.keyboard.press('v');
    await page.locator('.claim-list').waitFor();

    // A session over the workspace's claims, then one capturing a debate live.
    await page.locator('.claim-list').focus();
    await page.keyboard.press('g');
    let dialog = page.getByRole('dialog', { name: 'Start a checking session' });
    await dialog.getByLabel('Name').fill('Morning papers');
    await dialog.getByRole('radio', { name: /Every claim in the workspace/ }).check();
    await dialog.getByRole('button', { name: 'Start session' }).click();
    await page.getByTestId('current-claim').waitFor();
    expect(await pageFit(page)).toBe(FITS_640);
    await page.getByRole('button', { name: 'End session' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'End session' }).click();
    await page.getByRole('dialog', { name: 'Session summary' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Session summary' }).waitFor({ state: 'hidden' });

    await page.keyboard.press('g');
    dialog = page.getByRole('dialog', { name: 'Start a checking session' });
    await dialog.getByLabel('Name').fill('Debate night');
    await dialog.getByRole('checkbox', { name: /Live capture/ }).check();
    await dialog.getByLabel('Transcript title').fill('Debate, 10 September');
    await dialog.getByRole('radio', { name: /Only what is captured live/ }).check();
    await dialog.getByRole('button', { name: 'Start session' }).click();
    await page.getByText('No claims captured yet').waitFor();
    expect(await pageFit(page)).toBe(FITS_640);
    await screenshot(page, 'capture-1024-empty');

    // The speaker field and the transcript box lie inside the window, the box wide enough to read.
    const capture = page.locator('#capture-input');
    const speaker = await box(page, '.capture-speaker-field .field-input');
    const transcript = await box(page, '#capture-input');
    expect(speaker.bottom).toBeLessThanOrEqual(640);
    expect(transcript.bottom).toBeLessThanOrEqual(640);
    expect(transcript.width).toBeGreaterThanOrEqual(240);
    // The capture toolbar's words and buttons are whole: nothing cut, nothing past the pane.
    expect(await clippedIn(page, '.capture-head')).toEqual([]);

    await page.getByLabel('Speaker').fill('Helen Carter');
    await capture.click();
    for (const line of [
      'Unemployment fell to 3.9 percent last year, the lowest in two decades.',
      'RUIZ: That is not true. We lost 40,000 manufacturing jobs in 2025 alone, according to the Labor Department.',
      'CARTER: The state budget grew by 12 percent while taxes stayed flat.',
    ]) {
      await capture.pressSequentially(line);
      await capture.press('Enter');
    }
    await page.locator('[data-testid="captured-sentence"]', { hasText: 'state budget' }).waitFor();
    await capture.pressSequentially('I think we can do better than that, frankly');
    await page.getByTestId('current-claim').waitFor();
    expect(await pageFit(page)).toBe(FITS_640);
    expect(await clippedIn(page, '.capture-head')).toEqual([]);
    expect((await box(page, '#capture-input')).bottom).toBeLessThanOrEqual(640);
    await screenshot(page, 'capture-1024-typing');
    // The current claim scrolls inside its card, and its decisions stay in view at the card's foot.
    const card = await box(page, '.session-current');
    const done = (await page.getByRole('button', { name: /^Done/ }).boundingBox())!;
    expect(Math.round(done.y)).toBeGreaterThanOrEqual(card.top);
    expect(Math.round(done.y + done.height)).toBeLessThanOrEqual(card.bottom);

    // A window made larger and smaller again leaves nothing scrolled.
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(await pageFit(page)).toBe('900 of 900 px tall, scrolled 0');
    await page.setViewportSize({ width: 1024, height: 640 });
    expect(await pageFit(page)).toBe(FITS_640);
    expect(errors).toEqual([]);
  }, 60_000);
});
