import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { openContext, useHarness } from './harness';

const { launch } = useHarness();

const selectedId = (page: Page) =>
  page.locator('.claim-list [role="option"][aria-selected="true"]').getAttribute('data-claim-id');
const focusedInList = (page: Page) => page.evaluate(() => !!document.activeElement?.closest('.claim-list'));

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
});
