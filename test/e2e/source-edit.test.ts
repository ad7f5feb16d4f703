import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { openContext, screenshotAtBothSizes, useHarness, type TestContext } from './harness';

const e2e = useHarness();

async function seed(ctx: TestContext) {
  const { document } = await call(ctx, 'documents.createFromText', {
    text: 'The port handled 4.2 million tonnes of grain in May, the authority said.',
    title: 'Port figures',
  });
  const claimId = (
    await call(ctx, 'claims.add', { text: 'The port handled 4.2 million tonnes of grain in May.', documentId: document.id })
  ).id;
  const link = await call(ctx, 'sources.add', {
    claimId,
    url: 'https://www.port-autority.example/annual',
    publisher: 'Port Autority',
    // A month-only date, which a date input cannot hold: editing other fields must keep it.
    publishedAt: '2024-05',
    accessedAt: '2024-06-02',
    stance: 'supports',
  });
  const passage = await call(ctx, 'sources.add', {
    claimId,
    pasted: 'Grain exports through the port reached 4.2 million tonnes in May, the highest this year.',
    url: 'https://ministry.example/bulletin/2024-06',
    publisher: 'Ministry of Agriculture',
    archiveUrl: 'https://web.archive.org/web/20240610/https://ministry.example/bulletin/2024-06',
  });
  return { claimId, link, passage };
}

const item = (page: Page, n: number) => page.locator('.detail-pane .source-item').nth(n);
const editForm = (page: Page) => page.locator('.detail-pane').getByRole('form', { name: /^Edit source/ });
const focusedName = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id ?? null);

/** Scroll the detail pane (only it, not the window) so the sources are in view. */
const scrollToSources = (el: Element) => {
  const pane = el.closest('.detail-scroll');
  if (pane) pane.scrollTop += el.getBoundingClientRect().top - pane.getBoundingClientRect().top - 12;
};

describe('editing a source in place', () => {
  it('saves only the changed fields as one undo step; Esc keeps what was typed, Cancel leaves the source as it was', async () => {
    const ctx = openContext('Ana Ruiz');
    const { claimId, link } = await seed(ctx);
    const sources = async () => call(ctx, 'sources.list', { claimId });
    const stored = await sources();
    const { page, errors } = await e2e.launch(ctx);
    await page.locator(`.claim-list [data-claim-id="${claimId}"]`).click();
    const first = item(page, 0);
    await first.getByText('Port Autority').waitFor();

    // Keyboard only: the Edit button opens the form with the link field focused.
    const editButton = first.getByRole('button', { name: 'Edit source port-autority.example' });
    await editButton.focus();
    await page.keyboard.press('Enter');
    await editForm(page).waitFor();
    const linkField = editForm(page).getByLabel('Link', { exact: true });
    expect(await linkField.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await linkField.inputValue()).toBe('https://www.port-autority.example/annual');
    expect(await editForm(page).getByLabel('Published').inputValue()).toBe('2024-05');
    expect(await editForm(page).getByLabel('Accessed').inputValue()).toBe('2024-06-02');

    // Esc with something typed leaves the field, as everywhere: the keyboard is back on the list, the form stays open
    // with the typing, and nothing is saved.
    await page.keyboard.type('-typo');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.claim-list'))).toBe(true);
    expect(await linkField.inputValue()).toBe('-typohttps://www.port-autority.example/annual');
    expect(await sources()).toEqual(stored);

    // Cancel throws the typing away and gives focus back to the Edit button.
    await editForm(page)
      .getByRole('button', { name: /^Cancel/ })
      .click();
    expect(await editForm(page).count()).toBe(0);
    expect(await focusedName(page)).toBe('Edit source port-autority.example');
    expect(await sources()).toEqual(stored);
    await first.getByText('Port Autority').waitFor();

    // Esc with nothing typed closes the form the same way.
    await page.keyboard.press('Enter');
    await editForm(page).waitFor();
    await page.keyboard.press('Escape');
    expect(await editForm(page).count()).toBe(0);
    expect(await focusedName(page)).toBe('Edit source port-autority.example');

    // A link the core refuses is said inline, and the form stays open with what was typed.
    await page.keyboard.press('Enter');
    await editForm(page).getByLabel('Archived copy').fill('javascript:alert(1)');
    await editForm(page).getByLabel('Archived copy').press('Control+Enter');
    await expect.poll(async () => editForm(page).getByRole('alert').textContent()).toMatch(/^Archived copy: /);
    expect(await editForm(page).getByLabel('Archived copy').inputValue()).toBe('javascript:alert(1)');
    expect(await sources()).toEqual(stored);
    await editForm(page).getByLabel('Archived copy').fill('');

    // Save with Ctrl+Enter: the list shows the new link and publisher, and the core holds them.
    await linkField.fill('https://www.port-authority.example/annual');
    await editForm(page).getByLabel('Publisher').fill('Port Authority');
    await editForm(page).getByLabel('Publisher').press('Control+Enter');
    await first.getByText('Port Authority ·').waitFor();
    expect(await first.locator('a.source-title').getAttribute('href')).toBe('https://www.port-authority.example/annual');
    expect(await first.locator('.source-meta').first().textContent()).toBe(
      'Port Authority · published 2024-05 · accessed 2024-06-02 · port-authority.example · added by Ana Ruiz',
    );
    expect(await focusedName(page)).toBe('Edit source port-authority.example');
    const [edited] = await sources();
    expect(edited).toEqual({
      ...stored[0],
      url: 'https://www.port-authority.example/annual',
      publisher: 'Port Authority',
      updatedAt: edited!.updatedAt,
    });
    expect(edited!.id).toBe(link.id);

    // One Ctrl+Z puts both fields back, and the notice names the source.
    await page.keyboard.press('Control+z');
    await page.locator('.notice', { hasText: 'Undone: Edit source “port-autority.example”' }).waitFor();
    await first.getByText('Port Autority ·').waitFor();
    const [undone] = await sources();
    expect(undone).toMatchObject({ url: 'https://www.port-autority.example/annual', publisher: 'Port Autority' });
    expect(errors).toEqual([]);
  });

  it('shows a passage in the form, and fits at 1024×640 and 1440×900 in light and dark', async () => {
    const ctx = openContext('Ana Ruiz');
    const { claimId } = await seed(ctx);
    const { page, errors } = await e2e.launch(ctx);
    await page.locator(`.claim-list [data-claim-id="${claimId}"]`).click();
    const second = item(page, 1);
    await second.getByRole('button', { name: /^Edit source/ }).click();
    await editForm(page).waitFor();
    expect(await editForm(page).getByLabel('Passage', { exact: true }).inputValue()).toMatch(/^Grain exports through the port/);
    expect(await editForm(page).getByLabel('Link to the passage').inputValue()).toBe('https://ministry.example/bulletin/2024-06');
    // The form never overflows its item sideways (no field cut off at the right).
    await screenshotAtBothSizes(page, 'source-edit-form', async () => {
      await page.locator('.detail-pane .section-sources .section-title').evaluate(scrollToSources);
      const overflow = await editForm(page).evaluate((form) =>
        [...form.querySelectorAll('input, textarea, button')].some(
          (el) => el.getBoundingClientRect().right > form.getBoundingClientRect().right + 0.5,
        ),
      );
      expect(overflow).toBe(false);
    });
    expect(errors).toEqual([]);
  });
});
