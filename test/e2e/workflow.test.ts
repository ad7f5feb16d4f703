import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cspForMetaTag } from '../../vite.renderer.config';
import { call } from '../../electron/core/dispatch';
import { newsArticle, openContext, screenshot, type AppPage, type TestContext, useHarness } from './harness';
import { BUILT_ARTICLES } from '../helpers/built-articles';
import { withoutShared } from '../helpers/corpus';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);

const e2e = useHarness();

const launch = (ctx: TestContext, colorScheme: 'light' | 'dark' = 'light'): Promise<AppPage> => e2e.launch(ctx, { colorScheme });

const progressText = (page: Page) => page.getByTestId('progress-text');
const countOf = (page: Page, verdict: string) => page.getByTestId(`count-${verdict}`).locator('.verdict-count-value');
const selectedRow = (page: Page) => page.locator('.claim-list [role="option"][aria-selected="true"]');

async function claimsInDb(ctx: TestContext, documentId?: string) {
  return (await call(ctx, 'claims.list', { documentId, limit: 5_000 })).items;
}

/** Seeds a workspace with one article through the core (not the UI under test): a real one by name, or one written in code. */
async function seedArticle(ctx: TestContext, name: string | number = 'iodine') {
  const article = typeof name === 'number' ? BUILT_ARTICLES[name]! : newsArticle(name);
  const created = await call(ctx, 'documents.createFromText', { text: article.text, title: article.title });
  return { article, document: created.document };
}

describe('the verdict workflow in the built renderer', () => {
  it('asks for the checker’s name on first launch and records it as the author', async () => {
    const ctx = openContext(null);
    const { page, errors } = await launch(ctx);

    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toBe(cspForMetaTag());
    expect(csp).toContain("script-src 'self'");

    const dialog = page.getByRole('dialog', { name: 'Welcome to Claimbench' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(true);
    await screenshot(page, 'first-launch-light');

    await dialog.getByLabel('Your name').fill('Ann Lee');
    await dialog.getByRole('button', { name: 'Start checking' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(ctx.identity.get().author).toBe('Ann Lee');
    await page.locator('.author-name', { hasText: 'Ann Lee' }).waitFor();
    await page.getByText('Nothing to check yet').waitFor();
    await page.getByText('No documents yet').waitFor();
    await screenshot(page, 'empty-light');
    expect(errors).toEqual([]);
  });

  it.skipIf(noShared)('turns a pasted news article into claims and sets verdicts from the keyboard', async () => {
    const ctx = openContext('Ann Lee');
    const { page, errors } = await launch(ctx);
    const article = newsArticle('iodine');

    await page.keyboard.press('n');
    const dialog = page.getByRole('dialog', { name: 'New document' });
    await dialog.getByLabel('Text', { exact: true }).fill(article.text);
    await dialog.getByRole('button', { name: 'Create document' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const docs = await call(ctx, 'documents.list', {});
    expect(docs).toHaveLength(1);
    expect(docs[0]!.title).toBe(article.title);
    const stored = await claimsInDb(ctx);
    expect(stored.length).toBeGreaterThan(5);
    for (const claim of stored) expect(article.text).toContain(claim.anchor!.exact);
    await page.locator('.claims-pane .pane-count', { hasText: `${stored.length} claims` }).waitFor();
    await page.locator('.doc-row.is-selected', { hasText: article.title }).waitFor();
    expect(await progressText(page).innerText()).toBe(`0 of ${stored.length} reviewed`);
    expect(await selectedRow(page).getAttribute('data-claim-id')).toBe(stored[0]!.id);

    await page.keyboard.press('s');
    await page.keyboard.press('j');
    await page.keyboard.press('d');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('s');
    await page.keyboard.press('k');
    // u on an untouched claim is a decision ("checked, could not verify"): it counts as progress.
    await page.keyboard.press('u');
    await progressText(page)
      .filter({ hasText: `4 of ${stored.length} reviewed` })
      .waitFor();
    expect(await countOf(page, 'sourced').innerText()).toBe('2');
    expect(await countOf(page, 'disputed').innerText()).toBe('1');
    expect(await countOf(page, 'unverified').innerText()).toBe('1');
    expect(await countOf(page, 'unreviewed').innerText()).toBe(String(stored.length - 4));

    const after = await claimsInDb(ctx);
    expect(after.slice(0, 5).map((c) => c.verdict)).toEqual(['sourced', 'disputed', 'unverified', 'sourced', null]);
    expect(await call(ctx, 'stats.get', {})).toMatchObject({ reviewed: 4, sourced: 2, disputed: 1, unverified: 1 });

    // The detail pane follows the selection (claim 3) and shows its history in words.
    await page.keyboard.press('k');
    await page.locator('.detail-pane .history-summary', { hasText: 'Ann Lee marked Disputed' }).waitFor();
    expect(await page.locator('.detail-pane .claim-text-input').inputValue()).toBe(after[1]!.text);
    expect(await page.getByRole('radio', { name: /Disputed/ }).getAttribute('aria-checked')).toBe('true');
    await screenshot(page, 'populated-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'populated-dark');

    // Pasting the same article again asks first; "Import anyway" adds the second copy.
    await page.keyboard.press('n');
    await dialog.getByLabel('Text', { exact: true }).fill(article.text);
    await dialog.getByRole('button', { name: 'Create document' }).click();
    const ask = page.getByRole('alertdialog', { name: 'Already in the workspace' });
    await ask.getByText(`“${article.title}”`).waitFor();
    expect(await call(ctx, 'documents.list', {})).toHaveLength(1);
    await ask.getByRole('button', { name: 'Import anyway' }).click();
    await expect.poll(async () => (await call(ctx, 'documents.list', {})).length).toBe(2);
    expect(errors).toEqual([]);
  });

  it('edits, adds and deletes claims, with undo and redo from the keyboard and the menu', async () => {
    const ctx = openContext('Ann Lee');
    const { document: doc } = await seedArticle(ctx, 0);
    const { page, bridge, errors } = await launch(ctx);
    await page.locator('.doc-row', { hasText: doc.title }).click();
    const before = await claimsInDb(ctx, doc.id);

    // Edit the second claim's text. Ctrl+Z inside the field is the field's own text undo.
    const textField = page.locator('.detail-pane .claim-text-input');
    await selectedRow(page).waitFor();
    await page.keyboard.press('j');
    await expect.poll(() => textField.inputValue()).toBe(before[1]!.text);
    await page.keyboard.press('e');
    await expect.poll(() => textField.evaluate((el) => el === document.activeElement)).toBe(true);
    await textField.press('End');
    await textField.pressSequentially(' XYZ');
    await textField.press('Control+z');
    expect(bridge.calls.some((c) => c.name === 'edit.undo')).toBe(false);
    const edited = 'Researchers found that almost half of Australian children are mildly iodine deficient.';
    await textField.fill(edited);
    await textField.press('Control+Enter');
    await expect.poll(async () => (await call(ctx, 'claims.get', { id: before[1]!.id })).text).toBe(edited);
    await page.locator('.claim-row.is-selected', { hasText: edited }).waitFor();

    // Add a claim by hand: it joins this document and becomes the selection.
    await page.keyboard.press('a');
    const addDialog = page.getByRole('dialog', { name: 'Add a claim' });
    await addDialog.getByLabel('Claim', { exact: true }).fill('Iodised salt is mandatory in Australian bread.');
    await addDialog.getByLabel('Claimant (optional)').fill('Cres Eastman');
    await addDialog.getByRole('button', { name: 'Add claim' }).click();
    await addDialog.waitFor({ state: 'hidden' });
    const withAdded = await claimsInDb(ctx, doc.id);
    expect(withAdded).toHaveLength(before.length + 1);
    const added = withAdded.find((c) => c.text === 'Iodised salt is mandatory in Australian bread.');
    expect(added).toMatchObject({ claimant: 'Cres Eastman', anchor: null, createdBy: 'Ann Lee' });
    await expect.poll(() => selectedRow(page).getAttribute('data-claim-id')).toBe(added!.id);

    // Delete it with the keyboard, then undo and redo.
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await claimsInDb(ctx, doc.id)).length).toBe(before.length);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await claimsInDb(ctx, doc.id)).some((c) => c.id === added!.id)).toBe(true);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await claimsInDb(ctx, doc.id)).some((c) => c.id === added!.id)).toBe(false);
    await page.locator('.claims-pane .pane-count', { hasText: `${before.length} claims` }).waitFor();

    // The shell's Edit menu does the same.
    await bridge.emit('menu:undo');
    await expect.poll(async () => (await claimsInDb(ctx, doc.id)).length).toBe(before.length + 1);
    await page.locator('.claims-pane .pane-count', { hasText: `${before.length + 1} claims` }).waitFor();
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await call(ctx, 'claims.get', { id: before[1]!.id })).text).toBe(before[1]!.text);
    await page.locator('.detail-pane .claim-text-input').first().waitFor();

    const history = await call(ctx, 'claims.history', { id: before[1]!.id });
    expect(history.filter((h) => h.field === 'text').map((h) => h.to)).toEqual([edited, before[1]!.text]);
    expect(errors).toEqual([]);
  });

  it.skipIf(noShared)('filters with /, never treats typed letters as shortcuts, and lists every shortcut on ?', async () => {
    const ctx = openContext('Ann Lee');
    await seedArticle(ctx);
    const { page, errors } = await launch(ctx);
    const all = await claimsInDb(ctx);
    await page.locator('.claims-pane .pane-count', { hasText: `${all.length} claims` }).waitFor();

    await page.keyboard.press('/');
    const filter = page.getByRole('searchbox', { name: 'Filter claims' });
    await expect.poll(() => filter.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('salt');
    const matching = (await call(ctx, 'claims.list', { query: 'salt' })).total;
    expect(matching).toBeGreaterThan(0);
    expect(matching).toBeLessThan(all.length);
    await page.locator('.claims-pane .pane-count', { hasText: `${matching} claim` }).waitFor();
    for (const row of await page.locator('.claim-row-text').allInnerTexts()) expect(row.toLowerCase()).toContain('salt');
    // "s", "a", "l", "t" went into the field: no verdict changed.
    expect((await call(ctx, 'stats.get', {})).reviewed).toBe(0);

    // Esc leaves the field with the search kept; Esc on the list clears it.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('claim-list'))).toBe(true);
    expect(await filter.inputValue()).toBe('salt');
    await page.locator('.claims-pane .pane-count', { hasText: `${matching} claim` }).waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.claims-pane .pane-count', { hasText: `${all.length} claims` }).waitFor();
    expect(await filter.inputValue()).toBe('');

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    for (const label of ['Next claim', 'Previous claim', 'Undo', 'Redo', 'Leave the field, back to the list']) {
      await help.getByText(label, { exact: true }).waitFor();
    }
    await screenshot(page, 'shortcuts-light');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
  });

  it('keeps everything across a reload and when the file is reopened in a fresh core', async () => {
    const ctx = openContext('Ann Lee');
    const { document: doc } = await seedArticle(ctx, 1);
    const { page, bridge, errors } = await launch(ctx, 'dark');
    const total = (await claimsInDb(ctx)).length;
    // Verdict keys act on the selected claim: wait until there is one.
    await page.locator('.claim-list [aria-selected="true"]').waitFor();
    await page.keyboard.press('s');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('d');
    await progressText(page)
      .filter({ hasText: `2 of ${total} reviewed` })
      .waitFor();

    await page.reload();
    await progressText(page)
      .filter({ hasText: `2 of ${total} reviewed` })
      .waitFor();
    expect(await countOf(page, 'disputed').innerText()).toBe('1');

    // Close the core, reopen the same file from scratch, and point the page at it.
    ctx.workspace.close();
    const reopened = openContext('Ann Lee', ctx.file);
    e2e.afterTest(() => reopened.workspace.close());
    bridge.setContext(reopened);
    await page.reload();
    await progressText(page)
      .filter({ hasText: `2 of ${total} reviewed` })
      .waitFor();
    await page.locator('.doc-row', { hasText: doc.title }).waitFor();
    const rows = await claimsInDb(reopened);
    expect(rows.slice(0, 3).map((c) => c.verdict)).toEqual(['sourced', null, 'disputed']);
    expect(await call(reopened, 'stats.get', {})).toMatchObject({ total, reviewed: 2, sourced: 1, disputed: 1 });
    await screenshot(page, 'reopened-dark');
    expect(errors).toEqual([]);
  });
});
