import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { withoutShared } from '../helpers/corpus';
import { newsArticle, openContext, screenshotAtBothSizes, type TestContext, useHarness } from './harness';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);

const e2e = useHarness();

/** Three real articles, each its own document; the claims of All claims in list order. */
async function seed(ctx: TestContext) {
  const docs = [];
  for (const name of ['iodine', 'taxes', 'afghan']) {
    const article = newsArticle(name);
    docs.push((await call(ctx, 'documents.createFromText', { text: article.text, title: article.title })).document);
  }
  const all = (await call(ctx, 'claims.list', { limit: 500 })).items;
  expect(all.length).toBeGreaterThan(45);
  return { docs, all };
}

const rows = (page: Page) => page.locator('.claim-list [role="option"]');
const selectedId = (page: Page) => page.locator('.claim-list [aria-selected="true"]').getAttribute('data-claim-id');
const paneTitle = (page: Page) => page.locator('.claims-pane .pane-title').innerText();
const detailTitle = (page: Page) => page.locator('.detail-pane .pane-title').innerText();
const documentOption = (page: Page, title: string) =>
  page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: title });

/** The selected row lies wholly inside the list's visible box. */
async function selectedRowInView(page: Page): Promise<boolean> {
  const list = await page.locator('.claim-list').boundingBox();
  const row = await page.locator('.claim-list [aria-selected="true"]').boundingBox();
  return !!list && !!row && row.y >= list.y - 1 && row.y + row.height <= list.y + list.height + 1;
}

/** j, `times` times, from the list's first claim. */
async function moveDown(page: Page, times: number) {
  await page.locator('.claim-list').focus();
  for (let i = 0; i < times; i++) await page.keyboard.press('j');
}

describe.skipIf(noShared)('the claim list keeps the checker’s place', () => {
  it('keeps the selected claim through a search and its clearing, and through filter chips that still list it', async () => {
    const ctx = openContext('Ann Lee');
    const { all } = await seed(ctx);
    const target = all[30]!;
    for (const i of [5, 18, 30, 41]) {
      await call(ctx, 'claims.update', { id: all[i]!.id, patch: { rationale: 'Asked the Committee’s press office.' } });
    }
    const matches = (await call(ctx, 'claims.list', { query: 'Committee' })).items.map((c) => c.id);
    expect(matches.indexOf(target.id)).toBeGreaterThan(0);
    await call(ctx, 'claims.setVerdict', { ids: [all[10]!.id, all[35]!.id, all[50]!.id], verdict: 'disputed' });
    await call(ctx, 'claims.tag', { ids: [all[5]!.id, target.id], add: ['budget'] });
    const { page, errors } = await e2e.launch(ctx);
    await rows(page).first().waitFor();
    await moveDown(page, 30);
    await expect.poll(() => selectedId(page)).toBe(target.id);

    // "/" and a word the selected claim matches: it stays selected, in view, wherever it now sits.
    await page.keyboard.press('/');
    await page.keyboard.type('Committee');
    await page.locator('.claims-pane .pane-count').getByText(`${matches.length} claims`, { exact: true }).waitFor();
    await expect.poll(() => detailTitle(page)).toBe(`Claim ${matches.indexOf(target.id) + 1} of ${matches.length}`);
    expect(await selectedId(page)).toBe(target.id);
    expect(await selectedRowInView(page)).toBe(true);
    await screenshotAtBothSizes(page, 'list-place-search-keeps-claim', async () => {
      await expect.poll(() => selectedRowInView(page)).toBe(true);
    });
    await page.emulateMedia({ colorScheme: 'light' });

    // Clearing the search keeps it too, scrolled back into view in the whole list.
    await page.getByRole('button', { name: 'Clear filter' }).click();
    await expect.poll(() => detailTitle(page)).toBe(`Claim 31 of ${all.length}`);
    expect(await selectedId(page)).toBe(target.id);
    await expect.poll(() => selectedRowInView(page)).toBe(true);

    // A tag chip that lists it keeps it; removing the chip keeps it.
    await page.locator('.claim-list').focus();
    await page.keyboard.press('f');
    const popover = page.getByRole('dialog', { name: 'Filter claims' });
    await popover.getByLabel('Tag').fill('budget');
    await popover.getByLabel('Tag').press('Enter');
    await page.getByTestId('filter-chip-tag').waitFor();
    await expect.poll(() => detailTitle(page)).toBe('Claim 2 of 2');
    expect(await selectedId(page)).toBe(target.id);
    await page.getByTestId('filter-chip-tag').click();
    await expect.poll(() => detailTitle(page)).toBe(`Claim 31 of ${all.length}`);
    expect(await selectedId(page)).toBe(target.id);

    // A verdict chip that drops it: the selection moves to the listed claim that followed it.
    await page.getByTestId('count-disputed').click();
    await expect.poll(() => detailTitle(page)).toBe('Claim 2 of 3');
    expect(await selectedId(page)).toBe(all[35]!.id);
    await page.getByTestId('filter-chip-verdict').click();
    await expect.poll(() => detailTitle(page)).toBe(`Claim 36 of ${all.length}`);
    expect(await selectedId(page)).toBe(all[35]!.id);
    await expect.poll(() => selectedRowInView(page)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('remembers the selected claim of each scope, All claims and every document, while the window is open', async () => {
    const ctx = openContext('Ann Lee');
    const { docs, all } = await seed(ctx);
    const target = all[30]!;
    const [first] = docs;
    const inFirst = (await call(ctx, 'claims.list', { documentId: first!.id })).items;
    const { page, errors } = await e2e.launch(ctx);
    await rows(page).first().waitFor();
    await moveDown(page, 30);
    await expect.poll(() => selectedId(page)).toBe(target.id);

    // A document not visited yet opens at its first claim; move to its fourth.
    await documentOption(page, first!.title).click();
    await expect.poll(() => paneTitle(page)).toBe(first!.title);
    await expect.poll(() => selectedId(page)).toBe(inFirst[0]!.id);
    await moveDown(page, 3);
    await expect.poll(() => selectedId(page)).toBe(inFirst[3]!.id);

    // Back to All claims: claim 31 again, in view; back to the document: its fourth claim again.
    await documentOption(page, 'All claims').click();
    await expect.poll(() => detailTitle(page)).toBe(`Claim 31 of ${all.length}`);
    expect(await selectedId(page)).toBe(target.id);
    await expect.poll(() => selectedRowInView(page)).toBe(true);
    await documentOption(page, first!.title).click();
    await expect.poll(() => detailTitle(page)).toBe(`Claim 4 of ${inFirst.length}`);
    expect(await selectedId(page)).toBe(inFirst[3]!.id);

    // v on a claim of All claims opens its document's text at that claim, whatever was last selected there.
    await documentOption(page, 'All claims').click();
    await expect.poll(() => selectedId(page)).toBe(target.id);
    const inTarget = (await call(ctx, 'claims.list', { documentId: target.documentId! })).items;
    const at = inTarget.findIndex((c) => c.id === target.id);
    expect(at).toBeGreaterThan(0);
    await page.locator('.claim-list').focus();
    await page.keyboard.press('v');
    await expect.poll(() => detailTitle(page)).toBe(`Claim ${at + 1} of ${inTarget.length}`);
    await page.locator('.document-pane').waitFor();
    expect(errors).toEqual([]);
  });

  it('says a search in a document looked in that document only, and searches all claims with one click', async () => {
    const ctx = openContext('Ann Lee');
    const { docs } = await seed(ctx);
    const [first, second] = docs;
    const elsewhere = (await call(ctx, 'claims.list', { documentId: second!.id })).items[2]!;
    await call(ctx, 'claims.update', { id: elsewhere.id, patch: { rationale: 'Confirmed with the ombudsman’s office.' } });
    expect((await call(ctx, 'claims.list', { documentId: first!.id, query: 'ombudsman' })).total).toBe(0);
    expect((await call(ctx, 'claims.list', { query: 'ombudsman' })).total).toBe(1);
    const { page, errors } = await e2e.launch(ctx);
    await documentOption(page, first!.title).click();
    await rows(page).first().waitFor();
    await page.locator('.claim-list').focus();
    await page.keyboard.press('/');
    await page.keyboard.type('ombudsman');

    const empty = page.locator('.claims-pane .empty-state');
    await empty.getByText('No claims in this document match').waitFor();
    expect(await empty.locator('.empty-body').innerText()).toBe(
      `The search looks only in “${first!.title}”; 1 claim in other documents matches. Press Esc to clear the filter.`,
    );
    await screenshotAtBothSizes(page, 'list-place-search-in-document');
    await page.emulateMedia({ colorScheme: 'light' });

    await empty.getByRole('button', { name: 'Search all claims' }).click();
    await expect.poll(() => paneTitle(page)).toBe('All claims');
    await expect.poll(() => selectedId(page)).toBe(elsewhere.id);
    expect(await page.locator('.filter-input').inputValue()).toBe('ombudsman');
    expect(await rows(page).count()).toBe(1);

    // Where no other document matches either, there is nothing to offer.
    await documentOption(page, first!.title).click();
    await page.locator('.filter-input').fill('zanzibarian');
    await empty.getByText(/no other document has a match either/).waitFor();
    expect(await empty.getByRole('button').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('shows how many claims were captured only in the summary of a live-capture session', async () => {
    const ctx = openContext('Ann Lee');
    const article = newsArticle('iodine');
    await call(ctx, 'documents.createFromText', { text: article.text, title: article.title });
    const review = await call(ctx, 'sessions.start', { name: 'Morning papers' });
    await call(ctx, 'sessions.end', { id: review.id });
    const live = await call(ctx, 'sessions.start', { name: 'Evening debate', capture: { title: 'Evening debate' } });
    await call(ctx, 'capture.append', {
      sessionId: live.id,
      text: 'Unemployment fell to 4.1 percent in March, the lowest rate in a decade.',
      speaker: 'Senator Ortiz',
      byHand: true,
    });
    await call(ctx, 'sessions.end', { id: live.id });
    const captured = (await call(ctx, 'sessions.summary', { id: live.id })).captured;
    expect(captured).toBe(1);
    const { page, errors } = await e2e.launch(ctx);
    await rows(page).first().waitFor();

    const openSummary = async (name: string) => {
      await page.locator('.claim-list').focus();
      await page.keyboard.press('Shift+G');
      const list = page.getByRole('dialog', { name: 'Checking sessions' });
      await list.getByRole('button', { name: `Summary of ${name}` }).click();
      const summary = page.getByRole('dialog', { name: 'Session summary' });
      await summary.getByTestId('summary-reviewed').waitFor();
      return summary;
    };
    let summary = await openSummary('Morning papers');
    expect(await summary.getByTestId('summary-captured').count()).toBe(0);
    expect(await summary.locator('.summary-figure dt').allInnerTexts()).not.toContain('Captured');
    await screenshotAtBothSizes(page, 'list-place-summary-no-capture');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Escape');
    await summary.waitFor({ state: 'hidden' });

    summary = await openSummary('Evening debate');
    expect(await summary.getByTestId('summary-captured').innerText()).toBe('1');
    expect(errors).toEqual([]);
  });
});
