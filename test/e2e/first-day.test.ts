import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { BUILT_ARTICLES } from '../helpers/built-articles';
import { openContext, screenshotAtBothSizes, useHarness, type TestContext } from './harness';

const e2e = useHarness();

async function seed(ctx: TestContext) {
  const article = BUILT_ARTICLES[0]!;
  await call(ctx, 'documents.createFromText', { text: article.text, title: article.title });
  return (await call(ctx, 'claims.list', { limit: 100 })).items;
}

const count = (page: Page) => page.locator('.claims-pane .pane-count');
const chips = (page: Page) => page.locator('.filter-chips .chip');

describe('what a checker on the first day hits', () => {
  it('Esc on the list clears the multi-selection first, then every filter, as the shortcuts help says', async () => {
    const ctx = openContext('Ana Ruiz');
    const claims = await seed(ctx);
    await call(ctx, 'claims.setVerdict', { ids: [claims[0]!.id, claims[1]!.id], verdict: 'sourced' });
    const { page, errors } = await e2e.launch(ctx);
    await count(page)
      .filter({ hasText: `${claims.length} claims` })
      .waitFor();

    await page.getByTestId('count-sourced').click();
    await page.getByTestId('filter-chip-verdict').waitFor();
    await page.getByRole('button', { name: /^Filter/ }).click();
    await page.getByLabel('No source yet').check();
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByTestId('filter-chip-noSource').waitFor();
    await count(page)
      .filter({ hasText: /^2 claims$/ })
      .waitFor();

    await page.locator('.claim-list').focus();
    await page.keyboard.press('x');
    const bar = page.getByRole('toolbar', { name: /selected claim/ });
    await bar.waitFor();
    await page.keyboard.press('Escape');
    await bar.waitFor({ state: 'detached' });
    expect(await chips(page).count()).toBe(2);

    await page.keyboard.press('Escape');
    await expect.poll(() => chips(page).count()).toBe(0);
    await count(page)
      .filter({ hasText: `${claims.length} claims` })
      .waitFor();
    expect(await page.getByTestId('count-sourced').getAttribute('aria-pressed')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('claim-list'))).toBe(true);

    // A filter that matches nothing: the empty list's advice holds (focus rests on the count just clicked).
    await page.getByTestId('count-disputed').click();
    await page.getByText('No claims match').waitFor();
    expect(await page.locator('.claims-pane .empty-state').innerText()).toContain('press Esc to clear it');
    await page.keyboard.press('Escape');
    await count(page)
      .filter({ hasText: `${claims.length} claims` })
      .waitFor();
    expect(await chips(page).count()).toBe(0);

    // In the filter field, Esc leaves the field with the text kept; Esc on the list then drops it.
    await page.keyboard.press('Control+f');
    await page.keyboard.type('harbour');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('claim-list'))).toBe(true);
    expect(await page.getByPlaceholder('Filter claims').inputValue()).toBe('harbour');
    await page.keyboard.press('Escape');
    await count(page)
      .filter({ hasText: `${claims.length} claims` })
      .waitFor();
    expect(await page.getByPlaceholder('Filter claims').inputValue()).toBe('');

    await page.locator('.claim-list').focus();
    await page.keyboard.press('?');
    await page
      .getByRole('dialog', { name: /shortcuts/i })
      .getByText('Clear the selection, or else every filter')
      .waitFor();
    expect(errors).toEqual([]);
  });

  it('says what each verdict means where a checker meets the word: verdict buttons, header counts, filter menu', async () => {
    const ctx = openContext('Ana Ruiz');
    const claims = await seed(ctx);
    const { page, errors } = await e2e.launch(ctx);
    await page.locator(`.claim-list [data-claim-id="${claims[0]!.id}"]`).click();

    const picker = page.locator('.detail-pane .verdict-picker');
    const buttons = await picker
      .getByRole('radio')
      .evaluateAll((els) => els.map((el) => [el.getAttribute('title'), el.getAttribute('aria-keyshortcuts')]));
    expect(buttons).toEqual([
      ['Sourced: checked, a source supports it (S)', 's'],
      ['Disputed: checked, the evidence contradicts it (D)', 'd'],
      ['Unverified: checked, could not verify (U)', 'u'],
    ]);

    // The header's counts: Unverified is a decision, Not reviewed none yet.
    expect(await page.getByTestId('count-unverified').getAttribute('title')).toBe(
      'Unverified: checked, could not verify. Click to show only these claims.',
    );
    expect(await page.getByTestId('count-unreviewed').getAttribute('title')).toBe(
      'Not reviewed: nobody has decided yet. Click to show only these claims.',
    );

    // The filter menu: under the verdict, every state a line each, then the meaning of the one chosen.
    await page.getByRole('button', { name: /^Filter/ }).click();
    const menu = page.getByRole('dialog', { name: 'Filter claims' });
    const meaning = menu.getByTestId('verdict-meaning');
    expect(await meaning.locator('span').allInnerTexts()).toEqual([
      'Sourced: checked, a source supports it',
      'Disputed: checked, the evidence contradicts it',
      'Unverified: checked, could not verify',
      'Not reviewed: nobody has decided yet',
    ]);
    await screenshotAtBothSizes(page, 'filter-verdict-meanings');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ colorScheme: 'light' });
    await menu.getByLabel('Verdict').selectOption('disputed');
    expect(await meaning.innerText()).toBe('Disputed: checked, the evidence contradicts it');
    expect(await menu.getByLabel('Verdict').evaluate((el) => el.getAttribute('aria-describedby'))).toBe(
      await meaning.getAttribute('id'),
    );

    // In the list, the word under each claim carries its meaning too.
    expect(await page.locator('.claim-row-verdict').first().getAttribute('title')).toBe('Not reviewed: nobody has decided yet');
    expect(errors).toEqual([]);
  });

  it('names the source in the undo notices for editing and removing it, as adding does', async () => {
    const ctx = openContext('Ana Ruiz');
    const claims = await seed(ctx);
    await call(ctx, 'sources.add', {
      claimId: claims[0]!.id,
      url: 'https://www.port-authority.example/annual',
      stance: 'supports',
    });
    const { page, errors } = await e2e.launch(ctx);
    await page.locator(`.claim-list [data-claim-id="${claims[0]!.id}"]`).click();
    const source = page.locator('.detail-pane .source-item').first();
    await source.getByRole('combobox').selectOption('contradicts');
    await expect
      .poll(async () => (await call(ctx, 'claims.evidence', { id: claims[0]!.id })).sources[0]?.stance)
      .toBe('contradicts');
    await page.locator('.claim-list').focus();
    await page.keyboard.press('Control+z');
    await page.locator('.notice', { hasText: 'Undone: Edit source “port-authority.example”' }).waitFor();

    await page.getByRole('button', { name: /^Remove source/ }).click();
    await expect.poll(async () => (await call(ctx, 'claims.evidence', { id: claims[0]!.id })).sources).toEqual([]);
    await page.locator('.claim-list').focus();
    await page.keyboard.press('Control+z');
    await page.locator('.notice', { hasText: 'Undone: Delete source “port-authority.example”' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('says when Ctrl+Z undid something on a claim outside the list shown, and Show takes the checker there', async () => {
    const ctx = openContext('Ana Ruiz');
    const claims = await seed(ctx);
    await call(ctx, 'documents.createFromText', {
      text: 'The port handled 4.2 million tonnes of grain in May, the authority said.',
      title: 'Port figures',
    });
    const { page, errors } = await e2e.launch(ctx);
    await page.locator(`.claim-list [data-claim-id="${claims[1]!.id}"]`).click();
    const rationale = page.getByLabel('Rationale', { exact: true });
    await rationale.fill('Checked against the ministry release.');
    await rationale.press('Control+Enter');
    await expect
      .poll(async () => (await call(ctx, 'claims.get', { id: claims[1]!.id })).rationale)
      .toBe('Checked against the ministry release.');

    // In another document, Ctrl+Z takes the rationale back without leaving it, and says so.
    await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: 'Port figures' }).click();
    await page.locator('.claims-pane .pane-title', { hasText: 'Port figures' }).waitFor();
    await page.locator('.claim-list').focus();
    await page.keyboard.press('Control+z');
    const notice = page.locator('.notice', { hasText: 'a claim not in this list.' });
    await notice.waitFor();
    expect(await call(ctx, 'claims.get', { id: claims[1]!.id })).toMatchObject({ rationale: '' });
    expect(await page.locator('.claims-pane .pane-title').textContent()).toContain('Port figures');

    await notice.getByRole('button', { name: 'Show' }).click();
    await expect
      .poll(() => page.locator('.claim-list [role="option"][aria-selected="true"]').getAttribute('data-claim-id'))
      .toBe(claims[1]!.id);
    expect(errors).toEqual([]);
  });
});
