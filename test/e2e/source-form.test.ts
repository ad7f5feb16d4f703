import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { openContext, screenshot, screenshotAtBothSizes, useHarness, type TestContext } from './harness';

const e2e = useHarness();

const ARTICLE = [
  'Drones struck the port of Odesa overnight, the regional governor said.',
  'He said 14 drones were shot down and two buildings were damaged in the city.',
  'The port handled 4.2 million tonnes of grain in May, according to the ministry.',
].join(' ');

async function seed(ctx: TestContext) {
  const { document } = await call(ctx, 'documents.createFromText', { text: ARTICLE, title: 'Drone strike on Odesa port' });
  const first = (await call(ctx, 'claims.add', { text: 'He said 14 drones were shot down.', documentId: document.id })).id;
  const other = await call(ctx, 'documents.createFromText', { text: 'Air defence report.', title: 'Air defence report' });
  await call(ctx, 'claims.add', {
    text: 'Air defence units said 14 drones were shot down over the Odesa region on Tuesday.',
    documentId: other.document.id,
  });
  return { first };
}

const detail = (page: Page) => page.locator('.detail-pane');
const form = (page: Page) => detail(page).getByRole('form', { name: 'Add a source' });

/** Scroll the detail pane (only it, not the window) so the source form is in view. */
const scrollToForm = (el: Element) => {
  const pane = el.closest('.detail-scroll');
  if (pane) pane.scrollTop += el.getBoundingClientRect().top - pane.getBoundingClientRect().top - 120;
};

describe('the source form', () => {
  it('records a pasted passage with its origin, starts every source as context, and shows each stance once', async () => {
    const ctx = openContext('Ann Lee');
    const { first } = await seed(ctx);
    const { page, errors } = await e2e.launch(ctx);
    await page.locator('.claim-row', { hasText: '14 drones were shot down.' }).click();
    const paste = detail(page).locator('#source-paste-input');
    await paste.waitFor();

    // Nothing pasted: the form stays short, and the stance is context.
    expect(await form(page).getByLabel('Publisher').count()).toBe(0);
    expect(await form(page).getByRole('radio', { name: 'Context' }).getAttribute('aria-checked')).toBe('true');

    // A pasted passage gets its origin fields, including the link it came from.
    await paste.fill('The air force said 14 of 17 drones were destroyed over the Odesa region.');
    // Accessed starts at today on the checker's calendar, shown in the field rather than an empty mm/dd/yyyy.
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    expect(await form(page).getByLabel('Accessed').inputValue()).toBe(today);
    await screenshotAtBothSizes(page, 'source-form-accessed-today', async () => {
      await detail(page).locator('.section-sources .section-title').evaluate(scrollToForm);
    });
    await page.emulateMedia({ colorScheme: 'light' });
    await form(page).getByLabel('Link to the passage').fill('https://example.org/briefing?id=42');
    await form(page).getByLabel('Publisher').fill('Air Force Command');
    await form(page).getByLabel('Published').fill('2024-05-03');
    await form(page).getByLabel('Accessed').fill('2024-05-04');
    await form(page).getByLabel('Archived copy').fill('https://web.archive.org/web/20240504/https://example.org/briefing?id=42');
    await form(page).getByRole('radio', { name: 'Contradicts' }).click();
    await detail(page).locator('.section-sources .section-title').evaluate(scrollToForm);
    await screenshot(page, 'source-form-filled-1440-light');
    await page.setViewportSize({ width: 1024, height: 640 });
    await detail(page).locator('.section-sources .section-title').evaluate(scrollToForm);
    await screenshot(page, 'source-form-filled-1024-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'source-form-filled-1024-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1440, height: 900 });
    await form(page).getByRole('button', { name: /^Add/ }).click();
    await detail(page).locator('.source-excerpt', { hasText: '14 of 17 drones' }).waitFor();

    const [passage] = await call(ctx, 'sources.list', { claimId: first });
    expect(passage).toMatchObject({
      url: 'https://example.org/briefing?id=42',
      publisher: 'Air Force Command',
      publishedAt: '2024-05-03',
      accessedAt: '2024-05-04',
      archiveUrl: 'https://web.archive.org/web/20240504/https://example.org/briefing?id=42',
      stance: 'contradicts',
      excerpt: 'The air force said 14 of 17 drones were destroyed over the Odesa region.',
    });

    // The form is empty again and the stance is back to context: nothing carries over.
    expect(await paste.inputValue()).toBe('');
    expect(await form(page).getByRole('radio', { name: 'Context' }).getAttribute('aria-checked')).toBe('true');
    expect(await form(page).getByRole('radio', { name: 'Contradicts' }).getAttribute('aria-checked')).toBe('false');

    // A link needs no second link field; it is read today unless the checker says otherwise.
    await paste.fill('https://example.org/governor-statement');
    expect(await form(page).getByLabel('Link to the passage').count()).toBe(0);
    expect(await form(page).getByLabel('Accessed').inputValue()).toBe(today);
    await form(page).getByLabel('Publisher').fill('Odesa regional administration');
    await paste.press('Control+Enter');
    await detail(page).locator('.source-item', { hasText: 'Odesa regional administration' }).waitFor();
    const sources = await call(ctx, 'sources.list', { claimId: first });
    expect(sources[1]).toMatchObject({
      url: 'https://example.org/governor-statement',
      stance: 'context',
      accessedAt: today,
      archiveUrl: null,
    });

    // Each source shows its stance once: the control that also changes it.
    const item = detail(page).locator('.source-item').first();
    expect(await item.locator('.stance-badge').count()).toBe(0);
    expect(await item.locator('select.stance-select').inputValue()).toBe('contradicts');
    await item.getByRole('link', { name: 'Archived copy' }).waitFor();
    expect(await item.locator('.source-meta').first().textContent()).toContain('published 2024-05-03');

    // A bad archive link is refused with a message, and nothing is stored.
    await paste.fill('https://example.org/another');
    await form(page).getByLabel('Archived copy').fill('javascript:alert(1)');
    await paste.press('Control+Enter');
    await detail(page).getByRole('alert').waitFor();
    expect(await call(ctx, 'sources.list', { claimId: first })).toHaveLength(2);

    await detail(page).locator('.section-sources .section-title').evaluate(scrollToForm);
    await screenshot(page, 'source-list-1440-light');

    // Similar claims: the other sentences of this article (15–46 % alike) are left out; the
    // other document's claim is listed with what it shares.
    const similar = detail(page).locator('.similar-item');
    await similar.first().waitFor();
    expect(await similar.count()).toBe(1);
    expect(await similar.locator('.similar-text').textContent()).toContain('Air defence units said 14 drones');
    expect(await similar.locator('.similar-why').textContent()).toMatch(/^Shares 14 and .*“drones”/);
    await similar.evaluate(scrollToForm);
    await screenshot(page, 'similar-claims-1440-light');
    expect(errors).toEqual([]);
  });
});
