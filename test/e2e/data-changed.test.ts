import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call, invoke } from '../../electron/core/dispatch';
import { FolderSync } from '../../electron/shell/folder-sync';
import { dataChanged } from '../../shared/events';
import { tempDir } from '../helpers/workspace';
import { openContext, screenshot, type TestContext, useHarness } from './harness';

const e2e = useHarness();
const { launch, afterTest } = e2e;

const selectedRow = (page: Page) => page.locator('.claim-list [role="option"][aria-selected="true"]');
const row = (page: Page, id: string) => page.locator(`.claim-list [role="option"][data-claim-id="${id}"]`);
const similarItem = (page: Page, text: string) =>
  page.getByRole('list', { name: 'Similar claims' }).locator('.similar-item', { hasText: text });

const FIRST = 'The unemployment rate fell to 3.4 percent in January, the lowest level in fifty years.';
const SECOND = 'Unemployment fell to 3.4 percent in January, its lowest level in fifty years.';

/** A teammate with an actor id of their own, in a workspace file of their own. */
function teammate(name: string, actorId: string): TestContext {
  const ctx = openContext(name, path.join(tempDir('claimbench-e2e-'), `${actorId}.claimbench`), actorId);
  afterTest(() => ctx.workspace.close());
  return ctx;
}

describe('data-changed: what a write touched refreshes what reads it, and nothing resets', () => {
  it('after a verdict change, the similar-claims panel of another claim shows the new verdict', async () => {
    const ctx = openContext('Ann Lee');
    const first = await call(ctx, 'claims.add', { text: FIRST });
    const second = await call(ctx, 'claims.add', { text: SECOND });
    const { page, bridge, errors } = await launch(ctx);

    await row(page, first.id).click();
    await similarItem(page, 'its lowest level').waitFor();
    expect(await similarItem(page, 'its lowest level').getByText('Disputed').count()).toBe(0);

    // Mark the other claim disputed from the keyboard, then come back: its verdict shows, not the cached one.
    await row(page, second.id).click();
    await expect.poll(() => selectedRow(page).getAttribute('data-claim-id')).toBe(second.id);
    await page.keyboard.press('d');
    await expect.poll(async () => (await call(ctx, 'claims.get', { id: second.id })).verdict).toBe('disputed');
    await row(page, first.id).click();
    await similarItem(page, 'its lowest level').getByText('Disputed').waitFor();

    // A change the page did not make arrives only as a data-changed event carrying what it touched.
    const result = await invoke(ctx, 'claims.setVerdict', { ids: [second.id], verdict: 'sourced' });
    expect(result).toMatchObject({
      ok: true,
      value: { updated: 1 },
      touched: { claim: [second.id], actor: [expect.any(String)] },
    });
    const touched = result.touched!;
    const callsBefore = bridge.calls.length;
    await bridge.emit(dataChanged(touched));
    await similarItem(page, 'its lowest level').getByText('Sourced').waitFor();
    // Only reads that depend on claims were refetched.
    const refetched = new Set(bridge.calls.slice(callsBefore).map((c) => c.name));
    expect(refetched).toContain('claims.similar');
    expect(refetched).not.toContain('identity.get');
    expect(refetched).not.toContain('view.get');
    await screenshot(page, 'data-changed-similar');
    expect(errors).toEqual([]);
  });

  it('after a folder sync, the scope, filter, selection and open session view stay', async () => {
    const folder = tempDir('claimbench-shared-');
    const ana = openContext('Ana Ruiz');
    const ben = teammate('Ben Okoro', 'e2e0c0ffee0000b2');
    const budget = await call(ana, 'documents.createFromText', {
      title: 'Budget speech',
      text: 'Taxes went up by 12 percent last year. Spending on schools doubled since 2019. The deficit fell to 2 percent of output.',
    });
    await call(ana, 'documents.createFromText', { title: 'Trade memo', text: 'Exports grew by 40 percent in a decade.' });
    const budgetClaims = (await call(ana, 'claims.list', { documentId: budget.document.id })).items;
    expect(budgetClaims.length).toBeGreaterThan(1);

    // Both link the folder; the shell's real folder sync carries changes between them.
    await call(ana, 'team.sync.link', { folder });
    await call(ben, 'team.sync.link', { folder });
    const { page, bridge, errors } = await launch(ana);
    const anaSync = new FolderSync({
      actorId: () => ana.identity.get().actorId,
      onDataChanged: (touched) => void bridge.emit(dataChanged(touched)),
      debounceMs: 50,
    });
    const benSync = new FolderSync({ actorId: () => ben.identity.get().actorId, debounceMs: 50 });
    afterTest(() => anaSync.detach());
    afterTest(() => benSync.detach());
    anaSync.attach(ana.workspace);
    benSync.attach(ben.workspace);
    expect((await call(ben, 'claims.list', {})).total).toBe((await call(ana, 'claims.list', {})).total);

    // Scope to the budget speech, filter it, select a claim.
    await page.locator('.doc-row', { hasText: 'Budget speech' }).click();
    await page.locator('.doc-row.is-selected', { hasText: 'Budget speech' }).waitFor();
    await page.getByLabel('Filter claims').fill('percent');
    const target = budgetClaims.find((c) => c.text.includes('deficit'))!;
    await row(page, target.id).click();
    await expect.poll(() => selectedRow(page).getAttribute('data-claim-id')).toBe(target.id);
    // The filter has applied once every row shown holds the word.
    const listed = page.locator('.claim-list [role="option"]');
    const expectedRows = budgetClaims.filter((c) => c.text.includes('percent')).length;
    await expect.poll(() => listed.count()).toBe(expectedRows);
    const rowsBefore = await listed.count();

    // Ben disputes that very claim in his copy; his change file reaches Ana through the folder.
    await call(ben, 'claims.setVerdict', { ids: [target.id], verdict: 'disputed', rationale: 'Revised figures say 3 percent.' });
    benSync.sync();
    anaSync.sync();
    await expect.poll(async () => (await call(ana, 'claims.get', { id: target.id })).verdict).toBe('disputed');
    await expect.poll(() => page.getByRole('radio', { name: /Disputed/ }).getAttribute('aria-checked')).toBe('true');
    await page.locator('.detail-pane').getByText('Revised figures say 3 percent.').first().waitFor();
    expect(await page.locator('.doc-row.is-selected').innerText()).toContain('Budget speech');
    expect(await page.getByLabel('Filter claims').inputValue()).toBe('percent');
    expect(await selectedRow(page).getAttribute('data-claim-id')).toBe(target.id);
    expect(await page.locator('.claim-list [role="option"]').count()).toBe(rowsBefore);
    await screenshot(page, 'data-changed-after-sync');

    // A checking session open on screen stays open, on the same claim, through the next sync.
    await page.keyboard.press('Escape');
    await page.keyboard.press('g');
    const dialog = page.getByRole('dialog', { name: 'Start a checking session' });
    await dialog.getByLabel('Name').fill('Budget check');
    await dialog.getByRole('radio', { name: /Every claim in the workspace/ }).check();
    await dialog.getByRole('button', { name: 'Start session' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const current = await page.getByTestId('current-claim').getAttribute('data-claim-id');
    // The saved view is read once per opened workspace: a second read would mean the page was reset.
    const viewReads = bridge.calls.filter((c) => c.name === 'view.get').length;
    expect(current).not.toBeNull();
    const other = budgetClaims.find((c) => c.id !== current && c.id !== target.id) ?? budgetClaims[0]!;
    await call(ben, 'claims.update', { id: other.id, patch: { rationale: 'Ben looked at this one too.' } });
    benSync.sync();
    anaSync.sync();
    await expect
      .poll(async () => (await call(ana, 'claims.get', { id: other.id })).rationale)
      .toBe('Ben looked at this one too.');
    await page.waitForTimeout(300);
    expect(await page.getByTestId('current-claim').getAttribute('data-claim-id')).toBe(current);
    expect(bridge.calls.filter((c) => c.name === 'view.get')).toHaveLength(viewReads);
    await screenshot(page, 'data-changed-session-after-sync');
    expect(errors).toEqual([]);
  });
});
