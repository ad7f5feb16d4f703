import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import type { HostServices } from '../../electron/core/host';
import { tempDir } from '../helpers/workspace';
import { mergePreviewed } from '../helpers/merge';
import { openContext, screenshot, screenshotAtBothSizes, useHarness, type TestContext } from './harness';

const e2e = useHarness();

const HARBOUR = [
  'The city council said the new flood barrier cost 48 million euros, 12 million more than planned in 2019.',
  'According to the port authority, 3,200 ships passed the harbour mouth in 2023, up 14 percent on the year before.',
  'Mayor Lena Ortiz said the barrier will protect 60,000 homes from a once-in-a-century storm surge.',
].join(' ');
const GRAIN = [
  'The ministry said grain exports rose to 4.2 million tonnes in May, the highest since 2021.',
  'Farmers told reporters that 30 percent of the wheat harvest was lost to the drought.',
].join(' ');

async function seed(ctx: TestContext) {
  const harbour = (await call(ctx, 'documents.createFromText', { text: HARBOUR, title: 'Harbour barrier' })).document;
  const grain = (await call(ctx, 'documents.createFromText', { text: GRAIN, title: 'Grain exports' })).document;
  return { harbour, grain };
}

/** What has the keyboard: a short description of document.activeElement. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName ?? '',
      className: typeof el?.className === 'string' ? el.className : '',
      role: el?.getAttribute('role') ?? '',
      name: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '',
      checked: el?.getAttribute('aria-checked') ?? '',
    };
  });

const expectFocusOnList = (page: Page) =>
  expect.poll(async () => (await focused(page)).className, { timeout: 3_000 }).toContain('claim-list');

/** Tab until a radio option has the keyboard; how many Tabs it took. */
async function tabToRadio(page: Page, limit = 30): Promise<number> {
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)).role === 'radio') return i;
  }
  throw new Error('no radio option reached by Tab');
}

/** Stands in for the person at the native file dialogs. */
class OpenFileStandIn implements HostServices {
  constructor(private readonly file: string) {}
  chooseOpen(): Promise<string[] | null> {
    return Promise.resolve([this.file]);
  }
  chooseSave(): Promise<string | null> {
    return Promise.resolve(null);
  }
}

describe('the stance of a new source, from the keyboard', () => {
  it('is one Tab stop on the checked option, arrows choose, and Ctrl+Enter adds the source from it', async () => {
    const ctx = openContext('Ann Lee');
    await seed(ctx);
    const { page, errors } = await e2e.launch(ctx, { colorScheme: 'dark' });
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.locator('.claim-row').first().waitFor();
    const claimId = await page.locator('.claim-row[aria-selected="true"]').first().getAttribute('data-claim-id');

    await page.keyboard.press('l');
    await page.keyboard.type('https://example.org/barrier-costs');
    await tabToRadio(page);
    expect(await focused(page)).toMatchObject({ name: 'Context', checked: 'true' });

    // Arrows move through the options and choose as they go; they never move the claim list.
    await page.keyboard.press('ArrowLeft');
    expect(await focused(page)).toMatchObject({ name: 'Contradicts', checked: 'true' });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toMatchObject({ name: 'Supports', checked: 'true' });
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toMatchObject({ name: 'Context', checked: 'true' });
    await page.keyboard.press('ArrowLeft');
    expect(await focused(page)).toMatchObject({ name: 'Contradicts', checked: 'true' });
    expect(await page.locator('.claim-row[data-claim-id="' + claimId + '"]').getAttribute('aria-selected')).toBe('true');

    // One Tab stop: Tab leaves the group for the Add button, Shift+Tab comes back to the checked option.
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toMatch(/^Add/);
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toMatchObject({ name: 'Contradicts', checked: 'true' });
    await screenshotAtBothSizes(page, 'keyboard-stance-radio');

    await page.keyboard.press('Control+Enter');
    await expect
      .poll(async () => (await call(ctx, 'sources.list', { claimId: claimId! })).map((s) => s.stance))
      .toEqual(['contradicts']);
    await expectFocusOnList(page);
    expect(errors).toEqual([]);
  });
});

describe('Esc in the filter box', () => {
  it('leaves the field with the text kept; Esc on the list then clears it', async () => {
    const ctx = openContext('Ann Lee');
    await seed(ctx);
    const { page, errors } = await e2e.launch(ctx);
    await page.locator('.claim-row').first().waitFor();
    const all = await page.locator('.claim-row').count();

    await page.keyboard.press('/');
    await page.keyboard.type('grain');
    await expect.poll(() => page.locator('.claim-row').count()).toBeLessThan(all);
    await page.keyboard.press('Escape');
    await expectFocusOnList(page);
    expect(await page.getByRole('searchbox', { name: 'Filter claims' }).inputValue()).toBe('grain');
    await page.waitForTimeout(300);
    expect(await page.locator('.claim-row').count()).toBeLessThan(all);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('searchbox', { name: 'Filter claims' }).inputValue()).toBe('');
    await expect.poll(() => page.locator('.claim-row').count()).toBe(all);
    expect(errors).toEqual([]);
  });
});

describe('v in All claims', () => {
  it('opens the claim’s document, and a second v (or Esc) comes back to All claims on the same claim', async () => {
    const ctx = openContext('Ann Lee');
    const { grain } = await seed(ctx);
    const { page, errors } = await e2e.launch(ctx);
    await page.locator('.claim-row').first().waitFor();
    const grainClaim = (await call(ctx, 'claims.list', { documentId: grain.id, limit: 5 })).items[0]!;
    await page.locator(`.claim-row[data-claim-id="${grainClaim.id}"]`).click();
    await page.locator('.claim-list').focus();
    const allSelected = () => page.locator('#doc-option-all').getAttribute('aria-selected');

    for (const back of ['v', 'Escape']) {
      await page.keyboard.press('v');
      await page.locator('.doc-scroll').waitFor();
      expect(await allSelected()).toBe('false');
      await page.keyboard.press(back);
      await page.locator('.doc-scroll').waitFor({ state: 'detached' });
      expect(await allSelected()).toBe('true');
      await expect.poll(() => page.locator('.claim-row[aria-selected="true"]').getAttribute('data-claim-id')).toBe(grainClaim.id);
      await expectFocusOnList(page);
    }

    // Inside a document, v goes on switching between that document's list and its text.
    await page.locator(`#doc-option-${grain.id}`).click();
    await page.locator('.claim-list').focus();
    await page.keyboard.press('v');
    await page.locator('.doc-scroll').waitFor();
    await page.keyboard.press('v');
    await page.locator('.doc-scroll').waitFor({ state: 'detached' });
    expect(await page.locator(`#doc-option-${grain.id}`).getAttribute('aria-selected')).toBe('true');
    expect(errors).toEqual([]);
  });
});

describe('focus after an action', () => {
  it('returns to the list after Activity, after the filter popover’s Apply, and after Search all claims', async () => {
    const ctx = openContext('Ann Lee');
    const { harbour } = await seed(ctx);
    const { page, errors } = await e2e.launch(ctx);
    await page.locator('.claim-row').first().waitFor();

    await page.keyboard.press('h');
    const activity = page.getByRole('dialog', { name: 'Workspace activity' });
    await activity.waitFor();
    await page.keyboard.press('Escape');
    await activity.waitFor({ state: 'detached' });
    await expectFocusOnList(page);
    await page.keyboard.press('h');
    await activity.waitFor();
    await activity.getByRole('button', { name: 'Close' }).focus();
    await page.keyboard.press('Enter');
    await activity.waitFor({ state: 'detached' });
    await expectFocusOnList(page);

    await page.keyboard.press('f');
    const popover = page.locator('.filter-popover, [data-radix-popper-content-wrapper]').first();
    await popover.waitFor();
    await page.getByLabel('No source yet').check();
    await page.getByRole('button', { name: 'Apply' }).press('Enter');
    await page.getByTestId('filter-chip-noSource').waitFor();
    await expectFocusOnList(page);
    await page.keyboard.press('Escape');
    await page.getByTestId('filter-chip-noSource').waitFor({ state: 'detached' });

    // A search inside a document that only other documents match: its "Search all claims" keeps the keyboard.
    await page.locator(`#doc-option-${harbour.id}`).click();
    await page.keyboard.press('/');
    await page.keyboard.type('grain');
    const searchAll = page.getByRole('button', { name: 'Search all claims' });
    await searchAll.waitFor();
    await searchAll.focus();
    await page.keyboard.press('Enter');
    await searchAll.waitFor({ state: 'detached' });
    await expectFocusOnList(page);
    expect(await page.locator('#doc-option-all').getAttribute('aria-selected')).toBe('true');
    expect(errors).toEqual([]);
  });

  it('returns to the list after a merge is applied, and the new decision starts on the pre-checked verdict', async () => {
    const dir = tempDir('claimbench-e2e-keys-team-');
    const ana = openContext('Ana Ruiz', path.join(dir, 'ana.claimbench'), 'a11ce0000000a001');
    const ben = openContext('Ben Okafor', path.join(dir, 'ben.claimbench'), 'b0b0000000000b02');
    const { harbour } = await seed(ana);
    await mergePreviewed(ben, (await call(ana, 'team.share', { target: path.join(dir, 'base.claimbench-share') })).path);
    const [clash] = (await call(ana, 'claims.list', { documentId: harbour.id, limit: 5 })).items;
    await call(ana, 'claims.setVerdict', { ids: [clash!.id], verdict: 'sourced', rationale: 'Council minutes.' });
    await call(ben, 'claims.setVerdict', { ids: [clash!.id], verdict: 'disputed', rationale: 'The audit says otherwise.' });
    // The merge brings a new document too: the list reloads under the keyboard.
    await call(ben, 'documents.createFromText', { text: 'Bakers said bread prices rose 12 percent in June.', title: 'Bread' });
    const share = (await call(ben, 'team.share', { target: path.join(dir, 'ben.claimbench-share') })).path;
    ben.workspace.close();

    const ctx = { ...ana, host: new OpenFileStandIn(share) };
    const { page, bridge, errors } = await e2e.launch(ctx);
    await page.locator('.claim-row').first().waitFor();
    await bridge.emit('menu:merge');
    const dialog = page.getByRole('dialog', { name: 'Review the merge' });
    await dialog.getByTestId('merge-preview').waitFor();
    await page.keyboard.press('Control+Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.notice', { hasText: /^Merged/ }).waitFor();
    await expectFocusOnList(page);

    await page.keyboard.press('Control+Shift+K');
    const queue = page.getByRole('dialog', { name: 'Conflicts' });
    await queue.getByTestId('conflict-side').first().waitFor();
    await queue.getByRole('listbox').press('n');
    const decision = queue.getByRole('form', { name: 'New decision' });
    await decision.waitFor();
    const checked = (await decision.getByRole('radio', { checked: true }).textContent())?.trim();
    await expect.poll(async () => (await focused(page)).checked).toBe('true');
    expect((await focused(page)).name).toBe(checked);
    await page.keyboard.press('ArrowRight');
    expect((await focused(page)).checked).toBe('true');
    expect((await focused(page)).name).not.toBe(checked);
    await screenshotAtBothSizes(page, 'keyboard-new-decision-radio');
    // On a short window the rationale, reached by Tab, is in view above the form's pinned buttons.
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.keyboard.press('Tab');
    const rationale = decision.getByRole('textbox', { name: 'Rationale' });
    await expect.poll(() => rationale.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = (await rationale.boundingBox())!;
    const actions = (await decision.locator('.form-actions').boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(actions.y + 1);
    await screenshot(page, 'keyboard-new-decision-rationale-1024');
    expect(errors).toEqual([]);
  });
});

describe('keyboard paths to the documents and the team', () => {
  it('Shift+D goes to the documents pane, where arrows, Home and End pick one and Enter goes back to its claims', async () => {
    const ctx = openContext('Ann Lee');
    const { harbour, grain } = await seed(ctx);
    const { page, errors } = await e2e.launch(ctx);
    await page.locator('.claim-row').first().waitFor();
    const selected = (id: string) => page.locator(`#doc-option-${id}`).getAttribute('aria-selected');

    await page.keyboard.press('Shift+D');
    expect((await focused(page)).className).toContain('doc-list');
    await page.keyboard.press('End');
    await expect.poll(() => selected(grain.id)).toBe('true');
    await page.keyboard.press('Home');
    await expect.poll(() => page.locator('#doc-option-all').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => selected(harbour.id)).toBe('true');
    await screenshotAtBothSizes(page, 'keyboard-documents-pane');
    await page.keyboard.press('Enter');
    await expectFocusOnList(page);
    expect(await selected(harbour.id)).toBe('true');
    expect(errors).toEqual([]);
  });

  it('opens Share and Merge from teammate with a key each, listed in the shortcuts', async () => {
    const ctx = openContext('Ann Lee');
    await seed(ctx);
    const { page, errors } = await e2e.launch(ctx);
    await page.locator('.claim-row').first().waitFor();

    // The Team menu names the keys beside its items.
    await page.getByRole('button', { name: 'Team' }).click();
    for (const [item, key] of [
      ['Share…', 'Ctrl+Shift+E'],
      ['Merge from teammate…', 'Ctrl+Shift+M'],
    ] as const) {
      expect(await page.getByRole('menuitem', { name: new RegExp(item) }).innerText()).toContain(key);
    }
    await screenshotAtBothSizes(page, 'keyboard-team-menu');
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'detached' });

    await page.keyboard.press('Control+Shift+E');
    const shareDialog = page.getByRole('dialog', { name: /^Share/ });
    await shareDialog.waitFor();
    await page.keyboard.press('Escape');
    await shareDialog.waitFor({ state: 'detached' });
    await expectFocusOnList(page);

    await page.keyboard.press('Control+Shift+M');
    const mergeDialog = page.getByRole('dialog', { name: /merge/i });
    await mergeDialog.waitFor();
    await page.keyboard.press('Escape');
    await mergeDialog.waitFor({ state: 'detached' });

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const label of ['Share…', 'Merge from teammate…', 'Go to the documents pane']) {
      await help.locator('.shortcut-row', { hasText: label }).first().waitFor();
    }
    expect(errors).toEqual([]);
  });
});
