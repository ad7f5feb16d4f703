import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { focusRingCut } from './layout-checks';
import { openContext, screenshot, screenshotAtBothSizes, useHarness, type TestContext } from './harness';

const e2e = useHarness();

const HARBOUR = [
  'The city council said the new flood barrier cost 48 million euros, 12 million more than planned in 2019.',
  'According to the port authority, 3,200 ships passed the harbour mouth in 2023, up 14 percent on the year before.',
  'Mayor Lena Ortiz said the barrier will protect 60,000 homes from a once-in-a-century storm surge.',
].join(' ');

async function seed(ctx: TestContext) {
  return (await call(ctx, 'documents.createFromText', { text: HARBOUR, title: 'Harbour barrier' })).document;
}

/** The class of the element that has the keyboard ("" for the page body). */
const focusedClass = (page: Page) =>
  page.evaluate(() => (document.activeElement === document.body ? '' : (document.activeElement?.className ?? '')));

/** Whether `selector`'s box lies wholly inside the visible part of the detail pane's scroller. */
const inDetailView = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const scroller = el?.closest('.detail-scroll') ?? document.querySelector('.detail-scroll');
    if (!el || !scroller) return false;
    const r = el.getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
  }, selector);

describe('what the keyboard is on, and that it shows', () => {
  it('draws the whole focus ring on a row of Activity and on a session’s button in the Sessions dialog', async () => {
    const ctx = openContext('Ann Lee');
    await seed(ctx);
    const first = (await call(ctx, 'claims.list', { limit: 1 })).items[0]!;
    await call(ctx, 'claims.setVerdict', { ids: [first.id], verdict: 'disputed', rationale: 'The council’s own table says 52.' });
    await call(ctx, 'sessions.start', { name: 'Morning check' }).then((s) => call(ctx, 'sessions.pause', { id: s.id }));
    await call(ctx, 'sessions.start', { name: 'Evening check' });
    const { page, bridge, errors } = await e2e.launch(ctx, { colorScheme: 'dark' });
    await page.setViewportSize({ width: 1024, height: 640 });
    // A running session comes back on screen; Esc leaves it for the list.
    await page.locator('#session-workbench').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.claim-row').first().waitFor();

    await page.locator('.claim-list').focus();
    await page.keyboard.press('h');
    const activity = page.getByRole('dialog', { name: 'Workspace activity' });
    await activity.locator('.activity-open').first().waitFor();
    for (let i = 0; i < 5 && !(await focusedClass(page)).includes('activity-open'); i++) await page.keyboard.press('Tab');
    expect(await focusedClass(page)).toContain('activity-open');
    expect(await focusRingCut(page)).toBe('');
    await screenshotAtBothSizes(page, 'focus-ring-activity-row');
    await page.keyboard.press('Escape');
    await activity.waitFor({ state: 'detached' });

    await bridge.emit('menu:sessions');
    const sessions = page.getByRole('dialog', { name: 'Checking sessions' });
    // (Leaving the running session paused it: its button resumes it.)
    const open = sessions.getByRole('button', { name: /^Resume Evening check/ });
    await open.waitFor();
    await open.focus();
    // Focused from the keyboard, as Tab would: the ring is the one :focus-visible draws.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toMatch(/Resume/);
    expect(await focusRingCut(page)).toBe('');
    await screenshotAtBothSizes(page, 'focus-ring-sessions-open');
    expect(errors).toEqual([]);
  });

  it('after v and after starting a session, the keyboard is on the new view, not on the page', async () => {
    const ctx = openContext('Ann Lee');
    await seed(ctx);
    const { page, errors } = await e2e.launch(ctx, { colorScheme: 'dark' });
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.locator('.claim-row').first().waitFor();
    await page.locator('.claim-list').focus();

    await page.keyboard.press('v');
    await page.locator('.doc-scroll').waitFor();
    await expect.poll(() => focusedClass(page)).toContain('doc-scroll');
    expect(await focusRingCut(page)).toBe('');
    await screenshot(page, 'focus-after-document-view-1024-dark');
    await page.keyboard.press('v');
    await page.locator('.doc-scroll').waitFor({ state: 'detached' });
    await expect.poll(() => focusedClass(page)).toContain('claim-list');

    await page.keyboard.press('g');
    const start = page.getByRole('dialog', { name: 'Start a checking session' });
    await start.waitFor();
    await start.getByLabel('Name').fill('Harbour figures');
    await page.keyboard.press('Control+Enter');
    await start.waitFor({ state: 'detached' });
    await page.locator('#session-workbench').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('session-workbench');
    expect(await focusRingCut(page)).toBe('');
    await screenshotAtBothSizes(page, 'focus-after-session-start');
    expect(errors).toEqual([]);
  });

  it('brings a source just added into view, says so, and shows its whole title on focus', async () => {
    const ctx = openContext('Ann Lee');
    await seed(ctx);
    const { page, errors } = await e2e.launch(ctx, { colorScheme: 'dark' });
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.locator('.claim-row').first().waitFor();
    const title = 'Constitutional Court of the Republic: decision on the harbour barrier budget, full text and annexes';

    await page.locator('.claim-list').focus();
    await page.keyboard.press('l');
    await page.keyboard.type('https://example.org/court/decision-2019-48');
    await page.getByPlaceholder('Title (optional)').fill(title);
    await page.keyboard.press('Control+Enter');
    const added = page.locator('.source-item.is-new');
    await added.waitFor();
    await expect.poll(() => inDetailView(page, '.source-item.is-new')).toBe(true);
    await page.locator('.notice', { hasText: `Added the source “${title}” (Context).` }).waitFor();
    await screenshot(page, 'source-added-in-view-1024-dark');

    // Two lines in the list; the whole title when it has the keyboard, and the title (then the link) on hover.
    const link = added.locator('.source-title');
    expect(await link.getAttribute('title')).toBe(`${title}\nhttps://example.org/court/decision-2019-48`);
    await link.focus();
    const whole = await link.evaluate((el) => el.scrollHeight <= el.clientHeight + 1);
    expect(whole).toBe(true);
    await screenshotAtBothSizes(page, 'source-title-focused');
    expect(errors).toEqual([]);
  });
});
