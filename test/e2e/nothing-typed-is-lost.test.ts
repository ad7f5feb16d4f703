import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { openContext, useHarness } from './harness';

const { launch } = useHarness();

const selectedId = (page: Page) =>
  page.locator('.claim-list [role="option"][aria-selected="true"]').getAttribute('data-claim-id');
const focusedInList = (page: Page) => page.evaluate(() => !!document.activeElement?.closest('.claim-list'));

/** Two claims, the first with a stored source, in the app; `select` clicks a claim and waits until it is selected. */
async function twoClaimsOneSource() {
  const ctx = openContext('Ann Lee');
  const first = await call(ctx, 'claims.add', { text: 'The barrier cost 48 million euros, 12 million more than planned.' });
  const second = await call(ctx, 'claims.add', { text: 'Sea levels at the harbour rose by 21 centimetres since 1950.' });
  await call(ctx, 'sources.add', { claimId: first.id, url: 'https://council.example/minutes', publisher: 'Harbour Council' });
  const { page, errors } = await launch(ctx);
  const select = async (id: string) => {
    await page.locator(`.claim-list [role="option"][data-claim-id="${id}"]`).click();
    await expect.poll(() => selectedId(page)).toBe(id);
  };
  return { ctx, first, second, page, errors, select };
}

describe('leaving a field with Esc', () => {
  it('saves a typed rationale, and keeps a note not yet added with its claim across j and k', async () => {
    const ctx = openContext('Ann Lee');
    const first = await call(ctx, 'claims.add', { text: 'The barrier cost 48 million euros, 12 million more than planned.' });
    const second = await call(ctx, 'claims.add', { text: 'Sea levels at the harbour rose by 21 centimetres since 1950.' });
    const { page, errors } = await launch(ctx);
    await page.locator(`.claim-list [role="option"][data-claim-id="${first.id}"]`).click();
    await expect.poll(() => selectedId(page)).toBe(first.id);

    const rationale = page.getByLabel('Rationale', { exact: true });
    await rationale.click();
    await page.keyboard.type('The council minutes put it at 48 million.');
    await page.keyboard.press('Escape');
    await expect
      .poll(async () => (await call(ctx, 'claims.get', { id: first.id })).rationale)
      .toBe('The council minutes put it at 48 million.');
    await expect.poll(() => focusedInList(page)).toBe(true);
    expect(await rationale.inputValue()).toBe('The council minutes put it at 48 million.');

    // A note typed but not added stays in its box for this claim, and only this claim.
    const note = page.locator('#note-input');
    await note.click();
    await page.keyboard.type('Ask the port authority for the 2023 figures');
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedInList(page)).toBe(true);
    await page.keyboard.press('j');
    await expect.poll(() => selectedId(page)).toBe(second.id);
    expect(await page.locator('#note-input').inputValue()).toBe('');
    await page.keyboard.press('k');
    await expect.poll(() => selectedId(page)).toBe(first.id);
    await expect.poll(() => page.locator('#note-input').inputValue()).toBe('Ask the port authority for the 2023 figures');
    expect(await call(ctx, 'notes.list', { claimId: first.id })).toHaveLength(0);
    expect(errors).toEqual([]);
  });

  it('keeps a source being added and a source edit left open with their claim across a click elsewhere', async () => {
    const { ctx, first, second, page, errors, select } = await twoClaimsOneSource();
    await select(first.id);

    // A source half typed into the add form, with a title and a stance.
    await page.locator('#source-paste-input').fill('https://budget.example/2024/barrier');
    await page.getByRole('textbox', { name: 'Source title (optional)' }).fill('Budget line 14');
    await page.getByRole('radio', { name: /Supports/ }).click();
    // An edit of the existing source, left open with a new publisher typed.
    await page.getByRole('button', { name: 'Edit source council.example' }).click();
    const editForm = page.getByRole('form', { name: 'Edit source council.example' });
    await editForm.getByLabel('Publisher').fill('Harbour Council (minutes)');

    await select(second.id);
    expect(await page.locator('#source-paste-input').inputValue()).toBe('');
    expect(await page.getByRole('form', { name: /^Edit source/ }).count()).toBe(0);

    await select(first.id);
    await expect.poll(() => page.locator('#source-paste-input').inputValue()).toBe('https://budget.example/2024/barrier');
    expect(await page.getByRole('textbox', { name: 'Source title (optional)' }).inputValue()).toBe('Budget line 14');
    expect(await page.getByRole('radio', { name: /Supports/ }).getAttribute('aria-checked')).toBe('true');
    expect(await editForm.getByLabel('Publisher').inputValue()).toBe('Harbour Council (minutes)');
    expect(await call(ctx, 'sources.list', { claimId: first.id })).toHaveLength(1);

    // Found again by j and k, the open edit leaves the keyboard on the list: j and k go on moving, and type nothing.
    await page.locator('.claim-list').focus();
    await page.keyboard.press('j');
    await expect.poll(() => selectedId(page)).toBe(second.id);
    await page.keyboard.press('k');
    await expect.poll(() => selectedId(page)).toBe(first.id);
    await editForm.waitFor();
    await page.keyboard.press('j');
    await expect.poll(() => selectedId(page)).toBe(second.id);
    await page.keyboard.press('k');
    await expect.poll(() => selectedId(page)).toBe(first.id);
    expect(await editForm.getByLabel('Link', { exact: true }).inputValue()).toBe('https://council.example/minutes');

    // Cancel throws the edit away for good: back again, the source shows as stored.
    await editForm.getByRole('button', { name: /^Cancel/ }).click();
    await select(second.id);
    await select(first.id);
    await page.locator('.detail-pane .source-item', { hasText: 'Harbour Council' }).waitFor();
    expect(await page.getByRole('form', { name: /^Edit source/ }).count()).toBe(0);

    // Adding the source empties the form for good too.
    await page.locator('#source-paste-input').press('Control+Enter');
    await expect.poll(async () => (await call(ctx, 'sources.list', { claimId: first.id })).length).toBe(2);
    await select(second.id);
    await select(first.id);
    expect(await page.locator('#source-paste-input').inputValue()).toBe('');
    expect(errors).toEqual([]);
  });

  it('keeps a note, a source being added and a source edit left open across a reload of the window', async () => {
    const { ctx, first, second, page, errors, select } = await twoClaimsOneSource();
    await select(first.id);
    await page.locator('#note-input').fill('Ask the port authority for the 2023 figures');
    await page.locator('#source-paste-input').fill('https://budget.example/2024/barrier');
    await page.getByRole('radio', { name: /Supports/ }).click();
    await page.getByRole('button', { name: 'Edit source council.example' }).click();
    await page
      .getByRole('form', { name: 'Edit source council.example' })
      .getByLabel('Publisher')
      .fill('Harbour Council (minutes)');
    // A stored draft of the wrong shape (another version, a hand edit) is dropped, never shown.
    await page.evaluate((id) => {
      const notes = JSON.parse(localStorage.getItem('claimbench.unsent.notes') ?? '{}') as Record<string, unknown>;
      localStorage.setItem('claimbench.unsent.notes', JSON.stringify({ ...notes, [id]: { text: 5 } }));
    }, second.id);

    await page.reload();
    await select(second.id);
    expect(await page.locator('#note-input').inputValue()).toBe('');
    await select(first.id);
    await expect.poll(() => page.locator('#note-input').inputValue()).toBe('Ask the port authority for the 2023 figures');
    expect(await page.locator('#source-paste-input').inputValue()).toBe('https://budget.example/2024/barrier');
    expect(await page.getByRole('radio', { name: /Supports/ }).getAttribute('aria-checked')).toBe('true');
    const editForm = page.getByRole('form', { name: 'Edit source council.example' });
    expect(await editForm.getByLabel('Publisher').inputValue()).toBe('Harbour Council (minutes)');
    expect(await call(ctx, 'notes.list', { claimId: first.id })).toHaveLength(0);

    // What was sent or cancelled does not come back with the next reload.
    await page.locator('#note-input').press('Control+Enter');
    await expect.poll(async () => (await call(ctx, 'notes.list', { claimId: first.id })).length).toBe(1);
    await editForm.getByRole('button', { name: /^Cancel/ }).click();
    await page.reload();
    await select(first.id);
    await expect.poll(() => page.locator('#source-paste-input').inputValue()).toBe('https://budget.example/2024/barrier');
    expect(await page.locator('#note-input').inputValue()).toBe('');
    expect(await page.getByRole('form', { name: /^Edit source/ }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('empties the note box and returns to the list the moment a note is sent, however slow the answer', async () => {
    const ctx = openContext('Ann Lee');
    const first = await call(ctx, 'claims.add', { text: 'The barrier cost 48 million euros, 12 million more than planned.' });
    const { page, errors } = await launch(ctx);
    await page.locator(`.claim-list [role="option"][data-claim-id="${first.id}"]`).click();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 300,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await page.locator('#note-input').click();
    await page.keyboard.type('Ask the port authority for the 2023 figures');
    await page.keyboard.press('Control+Enter');
    // At once: an empty box and the keyboard on the list, so a key pressed next is a command, never half a note.
    expect(await page.locator('#note-input').inputValue()).toBe('');
    expect(await focusedInList(page)).toBe(true);
    await expect
      .poll(async () => (await call(ctx, 'notes.list', { claimId: first.id })).map((n) => n.text))
      .toEqual(['Ask the port authority for the 2023 figures']);
    expect(await page.locator('#note-input').inputValue()).toBe('');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    expect(errors).toEqual([]);
  });
});
