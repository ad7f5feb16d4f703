import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { withoutShared } from '../helpers/corpus';
import { axeFindings } from './axe';
import { newsArticle, openContext, screenshot, screenshotAtBothSizes, type TestContext, useHarness } from './harness';

const e2e = useHarness();

const progressText = (page: Page) => page.getByTestId('progress-text');
const countOf = (page: Page, state: string) => page.getByTestId(`count-${state}`).locator('.verdict-count-value');
const selectedRow = (page: Page) => page.locator('.claim-list [role="option"][aria-selected="true"]');

async function claimsInDb(ctx: TestContext, documentId?: string) {
  return (await call(ctx, 'claims.list', { documentId, limit: 5_000 })).items;
}

async function seed(ctx: TestContext, name = 'iodine') {
  const article = newsArticle(name);
  const created = await call(ctx, 'documents.createFromText', { text: article.text, title: article.title });
  return { article, document: created.document };
}

/** Light and dark at the two window sizes the app is checked at. */
async function screenshotsAtSizes(page: Page, name: string) {
  for (const [w, h] of [
    [1024, 640],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await screenshot(page, `${name}-${w}-${scheme}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });
}

// Seeded with Wikinews articles from ../shared/corpus.
describe.skipIf(withoutShared(import.meta.url))(
  'Not reviewed, sessions, duplicates and the threshold in the built renderer',
  () => {
    it('shows Not reviewed as its own state, and u on an untouched claim is a decision that counts', async () => {
      const ctx = openContext('Ann Lee');
      const { document } = await seed(ctx);
      const { page, errors } = await e2e.launch(ctx);
      const claims = await claimsInDb(ctx);
      const n = claims.length;
      await page.locator('.doc-row', { hasText: document.title }).first().click();
      await progressText(page)
        .filter({ hasText: `0 of ${n} reviewed` })
        .waitFor();
      expect(await countOf(page, 'unreviewed').innerText()).toBe(String(n));
      expect(await countOf(page, 'unverified').innerText()).toBe('0');
      await page.locator('.claim-row-verdict', { hasText: 'Not reviewed' }).first().waitFor();
      expect(await page.getByRole('radiogroup', { name: 'Verdict (not reviewed yet)' }).count()).toBe(1);

      // u on the untouched first claim: recorded, with author and time, and counted as progress.
      await page.locator('.claim-list').focus();
      const first = await selectedRow(page).getAttribute('data-claim-id');
      await page.keyboard.press('u');
      await progressText(page)
        .filter({ hasText: `1 of ${n} reviewed` })
        .waitFor();
      expect(await countOf(page, 'unverified').innerText()).toBe('1');
      expect(await countOf(page, 'unreviewed').innerText()).toBe(String(n - 1));
      const history = await call(ctx, 'claims.history', { id: first! });
      expect(history.filter((h) => h.field === 'verdict').map((h) => [h.author, h.from, h.to])).toEqual([
        ['Ann Lee', null, 'unverified'],
      ]);
      await page
        .getByRole('radio', { name: /Unverified/ })
        .and(page.locator('[aria-checked="true"]'))
        .waitFor();

      // The Not reviewed count is a filter toggle: the list holds the claims nobody decided.
      await page.getByTestId('count-unreviewed').click();
      await page.locator('.claims-pane .pane-count', { hasText: `${n - 1} claims` }).waitFor();
      await page.locator('.chip', { hasText: 'Only Not reviewed' }).waitFor();
      expect(await page.locator(`.claim-list [data-claim-id="${first}"]`).count()).toBe(0);
      await screenshotsAtSizes(page, 'not-reviewed');
      await page.getByTestId('count-unreviewed').click();
      await page.locator('.claims-pane .pane-count', { hasText: `${n} claims` }).waitFor();
      expect(errors).toEqual([]);
    });

    it('starts a session on the claims not reviewed, capture from an empty queue, decided ones only when asked', async () => {
      const ctx = openContext('Ann Lee');
      const { document } = await seed(ctx, 'warming');
      const claims = await claimsInDb(ctx);
      await call(ctx, 'claims.setVerdict', { ids: [claims[0]!.id], verdict: 'sourced' });
      await call(ctx, 'claims.setVerdict', { ids: [claims[1]!.id], verdict: 'unverified' });
      const { page, errors } = await e2e.launch(ctx);
      await page.locator('.doc-row', { hasText: document.title }).first().click();

      const open = async () => {
        await page.keyboard.press('g');
        const dialog = page.getByRole('dialog', { name: 'Start a checking session' });
        await dialog.waitFor();
        return dialog;
      };
      let dialog = await open();
      await dialog.getByRole('radio', { name: /The current document/ }).check();
      // Ticking live capture moves the scope to "only what is captured": no article claims up front.
      await dialog.getByRole('checkbox', { name: /Live capture/ }).check();
      expect(await dialog.getByRole('radio', { name: /Only what is captured live/ }).isChecked()).toBe(true);
      expect(await dialog.getByRole('checkbox', { name: /Include claims already decided/ }).isDisabled()).toBe(true);
      await dialog.getByRole('checkbox', { name: /Live capture/ }).uncheck();
      await dialog.getByRole('radio', { name: /The current document/ }).check();
      await screenshot(page, 'session-start-include-decided-light');
      await dialog.getByRole('button', { name: 'Start session' }).click();
      await dialog.waitFor({ state: 'hidden' });
      let sessions = await call(ctx, 'sessions.list', {});
      expect(sessions[0]!.counts.total).toBe(claims.length - 2);

      dialog = await open();
      await dialog.getByRole('radio', { name: /The current document/ }).check();
      await dialog.getByRole('checkbox', { name: /Include claims already decided/ }).check();
      await dialog.getByRole('button', { name: 'Start session' }).click();
      await dialog.waitFor({ state: 'hidden' });
      sessions = await call(ctx, 'sessions.list', {});
      expect(sessions.find((s) => s.status === 'active')!.counts.total).toBe(claims.length);

      dialog = await open();
      await dialog.getByRole('radio', { name: /The current document/ }).check();
      await dialog.getByRole('checkbox', { name: /Live capture/ }).check();
      await dialog.getByRole('button', { name: 'Start session' }).click();
      await dialog.waitFor({ state: 'hidden' });
      sessions = await call(ctx, 'sessions.list', {});
      const capture = sessions.find((s) => s.status === 'active')!;
      expect(capture.captureDocumentId).not.toBeNull();
      expect(capture.counts.total).toBe(0);
      expect(errors).toEqual([]);
    });

    it('asks before importing a duplicate and before deleting a document; Activity marks what was deleted', async () => {
      const ctx = openContext('Ann Lee');
      const { article, document } = await seed(ctx, 'taxes');
      const claims = await claimsInDb(ctx);
      await call(ctx, 'claims.setVerdict', { ids: [claims[0]!.id, claims[1]!.id], verdict: 'disputed' });
      await call(ctx, 'notes.add', { claimId: claims[0]!.id, text: 'Asked the tax office.' });
      const { page, errors } = await e2e.launch(ctx);

      const paste = async () => {
        await page.keyboard.press('n');
        const dialog = page.getByRole('dialog', { name: 'New document' });
        await dialog.getByLabel('Text', { exact: true }).fill(article.text);
        await dialog.getByRole('button', { name: 'Create document' }).click();
        const ask = page.getByRole('alertdialog', { name: 'Already in the workspace' });
        await ask.waitFor();
        expect(await ask.innerText()).toContain(`“${document.title}”`);
        return { dialog, ask };
      };
      let { dialog, ask } = await paste();
      await screenshot(page, 'duplicate-ask-light');
      expect(await axeFindings(page, '[role="alertdialog"]')).toEqual([]);
      await ask.getByRole('button', { name: 'Skip' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(await call(ctx, 'documents.list', {})).toHaveLength(1);

      ({ dialog, ask } = await paste());
      await ask.getByRole('button', { name: 'Import anyway' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(async () => (await call(ctx, 'documents.list', {})).length).toBe(2);
      await page.keyboard.press('Control+z');
      await expect.poll(async () => (await call(ctx, 'documents.list', {})).length).toBe(1);

      // Delete asks first, with what goes with the document.
      await page.locator('.doc-row', { hasText: document.title }).first().click();
      await page.getByRole('button', { name: `Actions for ${document.title}` }).click();
      await page.getByRole('menuitem', { name: 'Delete document…' }).click();
      const confirm = page.getByRole('alertdialog', { name: `Delete “${document.title}”?` });
      await confirm.waitFor();
      await confirm
        .getByTestId('delete-document-impact')
        .filter({ hasText: `${claims.length} claims go with it, 2 decisions (verdicts) among them, and 1 note.` })
        .waitFor();
      await screenshot(page, 'delete-document-ask-light');
      expect(await axeFindings(page, '[role="alertdialog"]')).toEqual([]);
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot(page, 'delete-document-ask-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await confirm.getByRole('button', { name: 'Keep document' }).click();
      expect(await call(ctx, 'documents.list', {})).toHaveLength(1);
      await page.getByRole('button', { name: `Actions for ${document.title}` }).click();
      await page.getByRole('menuitem', { name: 'Delete document…' }).click();
      await confirm.getByRole('button', { name: 'Delete document' }).click();
      await expect.poll(async () => (await call(ctx, 'documents.list', {})).length).toBe(0);

      await page.keyboard.press('h');
      const feed = page.getByRole('dialog', { name: 'Workspace activity' });
      await feed.waitFor();
      await feed.locator('.activity-item.is-deleted').first().waitFor();
      const live = await feed.locator('.activity-item:not(.is-deleted)').allInnerTexts();
      // Nothing about the deleted article's claims reads like a live claim.
      for (const c of claims) for (const line of live) expect(line).not.toContain(c.text.slice(0, 40));
      expect(await feed.locator('.activity-item.is-deleted button.activity-open').count()).toBe(0);
      await screenshot(page, 'activity-deleted-light');
      expect(await axeFindings(page, '[role="dialog"]')).toEqual([]);
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot(page, 'activity-deleted-dark');
      expect(errors).toEqual([]);
    });

    it('re-applies a new threshold to the open document and takes it back in one undo', async () => {
      const ctx = openContext('Ann Lee');
      const { document } = await seed(ctx, 'soccer');
      const before = await claimsInDb(ctx, document.id);
      await call(ctx, 'claims.setVerdict', { ids: [before[0]!.id], verdict: 'sourced' });
      const { page, errors } = await e2e.launch(ctx);
      await page.locator('.doc-row', { hasText: document.title }).first().click();
      await page.keyboard.press('v');
      await page.locator('.document-pane .doc-para').first().waitFor();
      await page.getByRole('slider', { name: 'Threshold' }).fill('1');
      await expect.poll(async () => (await claimsInDb(ctx, document.id)).map((c) => c.id)).toEqual([before[0]!.id]);
      const notice = page.locator('.notice', { hasText: /Threshold 1\.00 in the only document: .*removed; 1 kept because someone worked on it/ });
      await notice.waitFor();
      // The notice sits under the document, never over its text.
      const [strip, pane] = await Promise.all([
        page.getByTestId('notices').boundingBox(),
        page.locator('.document-pane').boundingBox(),
      ]);
      expect(strip!.y).toBeGreaterThanOrEqual(pane!.y + pane!.height - 0.5);
      await screenshotAtBothSizes(page, 'threshold-reapplied');
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.emulateMedia({ colorScheme: 'light' });
      await notice.getByRole('button', { name: 'Undo' }).click();
      await expect.poll(async () => (await claimsInDb(ctx, document.id)).length).toBe(before.length);
      await expect.poll(() => page.getByTestId('threshold-value').textContent()).not.toBe('1.00');
      expect(errors).toEqual([]);
    });
  },
);
