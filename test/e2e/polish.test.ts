import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { BUILT_ARTICLES } from '../helpers/built-articles';
import { openContext, screenshot, useHarness, type TestContext } from './harness';
import { clippedIn, selectedRowInView } from './layout-checks';

const e2e = useHarness();

async function seed(ctx: TestContext) {
  const article = BUILT_ARTICLES[0]!;
  await call(ctx, 'documents.createFromText', { text: article.text, title: article.title });
  return (await call(ctx, 'claims.list', { limit: 100 })).items;
}

const selectedId = (page: Page) =>
  page.locator('.claim-list [role="option"][aria-selected="true"]').getAttribute('data-claim-id');

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('header, empty state, filter chips and undo notices', () => {
  it('labels every header control, each icon different, and lists every import format when empty', async () => {
    const ctx = openContext('Ana Ruiz');
    const { page, errors } = await e2e.launch(ctx);
    await page.getByText('Nothing to check yet').waitFor();
    const empty = await page.locator('.claims-pane .empty-state').innerText();
    const emptyDocuments = await page.locator('.documents-pane .empty-state').innerText();
    for (const format of ['.txt', '.md', '.html', '.docx', '.pdf']) {
      expect(empty).toContain(format);
      expect(emptyDocuments).toContain(format);
    }

    const controls = await page.locator('.app-header button').evaluateAll((buttons) =>
      buttons.map((b) => ({
        name: (b.getAttribute('aria-label') ?? b.textContent ?? '').trim(),
        text: (b.textContent ?? '').trim(),
        icon: b.querySelector('svg')?.getAttribute('class') ?? '',
      })),
    );
    expect(controls.length).toBeGreaterThan(6);
    for (const c of controls) expect(c.name, `a header button with icon ${c.icon}`).not.toBe('');
    const iconOnly = controls.filter((c) => c.text === '');
    expect(new Set(iconOnly.map((c) => c.icon)).size, JSON.stringify(iconOnly)).toBe(iconOnly.length);

    // Icon-only controls say what they are in a tooltip as well.
    for (const name of ['Sessions', 'Workspace activity', 'Export report']) {
      await page.getByRole('button', { name, exact: true }).hover();
      await page.locator('.tooltip', { hasText: name }).waitFor();
      await page.mouse.move(400, 400);
      await page.keyboard.press('Escape');
    }
    expect(errors).toEqual([]);
  });

  it('at 1024×640 shows a checked verdict’s whole word, one focus ring on the tags, and the New document form above its buttons', async () => {
    const ctx = openContext('Ana Ruiz');
    const [first] = await seed(ctx);
    await call(ctx, 'claims.setVerdict', { ids: [first!.id], verdict: 'unverified' });
    const { page, errors } = await e2e.launch(ctx);
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.locator('.claim-row').first().click();
    await page.locator('.detail-pane .verdict-option[aria-checked="true"]').waitFor();
    expect(await clippedIn(page, '.detail-pane .verdict-picker')).toEqual([]);
    // The tag editor shows one focus ring, around the whole editor.
    await page.locator('.claim-list').focus();
    await page.keyboard.press('t');
    await page.locator('.tag-input:focus').waitFor();
    expect(await page.locator('.tag-input').evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('none');
    expect(await page.locator('.tag-editor').evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'New document' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New document' });
    await dialog.locator('.document-text-input').fill(BUILT_ARTICLES.map((a) => a.text).join('\n\n'));
    const text = (await dialog.locator('.document-text-input').boundingBox())!;
    const actions = (await dialog.locator('.form-actions').boundingBox())!;
    expect(text.y + text.height).toBeLessThanOrEqual(actions.y);
    await screenshot(page, 'new-document-1024');
    expect(errors).toEqual([]);
  });

  it('keeps a session in hand in the header at 1024 px without cutting the progress or the counts', async () => {
    const ctx = openContext('Ana Ruiz');
    await seed(ctx);
    await call(ctx, 'sessions.start', { name: 'Evening check of the harbour figures' });
    const { page, errors } = await e2e.launch(ctx);
    await page.setViewportSize({ width: 1024, height: 640 });
    // A running session comes back on screen; Esc returns to the list with the session in hand.
    await page.getByTestId('session-clock').waitFor();
    await page.keyboard.press('Escape');
    // At 1024 px the button says the session's state and clock (leaving paused it); the tooltip names the session.
    const back = page.locator('.session-back').filter({ hasText: /Paused \d+:\d{2}/ });
    await back.waitFor();
    expect(await back.getAttribute('title')).toMatch(
      /^Back to Evening check of the harbour figures: paused while you work elsewhere; going back resumes it \(\d+:\d{2} in the session\)$/,
    );
    expect(await clippedIn(page, '.app-header')).toEqual([]);
    await screenshot(page, 'polish-session-header-1024');
    expect(errors).toEqual([]);
  });

  it('shows a chip for the “No source yet” filter that removes it, and the filter row holds at 1024 px', async () => {
    const ctx = openContext('Ana Ruiz');
    const claims = await seed(ctx);
    await call(ctx, 'sources.add', { claimId: claims[0]!.id, url: 'https://example.org/port', stance: 'supports' });
    const { page, errors } = await e2e.launch(ctx);
    await page.setViewportSize({ width: 1024, height: 640 });
    const count = page.locator('.claims-pane .pane-count');
    await count.filter({ hasText: `${claims.length} claims` }).waitFor();

    await page.getByRole('button', { name: /^Filter/ }).click();
    await page.getByLabel('No source yet').check();
    await page.getByRole('button', { name: 'Apply' }).click();
    const chip = page.getByTestId('filter-chip-noSource');
    await chip.waitFor();
    await count.filter({ hasText: `${claims.length - 1} claims` }).waitFor();
    await page.getByTestId('count-unreviewed').click();
    await page.getByTestId('filter-chip-verdict').waitFor();
    expect(await clippedIn(page, '.claims-filters')).toEqual([]);
    expect(await selectedRowInView(page)).toBe(true);
    await screenshot(page, 'polish-filter-chips-1024');

    await chip.click();
    await chip.waitFor({ state: 'detached' });
    await page.getByTestId('filter-chip-verdict').click();
    await count.filter({ hasText: `${claims.length} claims` }).waitFor();
    expect(await page.locator('.filter-chips .chip').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('names the claim in the undo and redo notices, selects it, and keeps notices off a dialog’s buttons', async () => {
    const ctx = openContext('Ana Ruiz');
    const claims = await seed(ctx);
    const { page, errors } = await e2e.launch(ctx);
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.locator('.claim-list').focus();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    const third = claims[2]!;
    await expect.poll(() => selectedId(page)).toBe(third.id);
    await page.keyboard.press('d');
    await expect.poll(async () => (await call(ctx, 'claims.get', { id: third.id })).verdict).toBe('disputed');
    await page.keyboard.press('Home');
    await expect.poll(() => selectedId(page)).toBe(claims[0]!.id);

    await page.keyboard.press('Control+z');
    const opening = third.text.slice(0, 20);
    const undone = page.locator('.notice', { hasText: 'Undone: Mark disputed — “' });
    await undone.waitFor();
    expect(await undone.innerText()).toContain(opening);
    await expect.poll(() => selectedId(page)).toBe(third.id);
    expect((await call(ctx, 'claims.get', { id: third.id })).verdict).toBeNull();

    await page.keyboard.press('Home');
    await page.keyboard.press('Control+Shift+z');
    await page.locator('.notice', { hasText: 'Redone: Mark disputed — “' }).waitFor();
    await expect.poll(() => selectedId(page)).toBe(third.id);

    // The notices are still up when a dialog opens: none may sit over its buttons.
    await page.keyboard.press('Control+e');
    const dialog = page.getByRole('dialog', { name: 'Export report' });
    await dialog.waitFor();
    const notices = await page.locator('.notice').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
    expect(notices.length).toBeGreaterThan(0);
    for (const button of await dialog.getByRole('button').all()) {
      const box = (await button.boundingBox())!;
      for (const notice of notices) expect(overlaps(notice, box), await button.innerText()).toBe(false);
    }
    await screenshot(page, 'polish-notice-over-dialog-1024');
    expect(errors).toEqual([]);
  });
});
