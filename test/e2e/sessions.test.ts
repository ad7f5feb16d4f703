import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { newsArticle, openContext, screenshot, type TestContext, useHarness } from './harness';
import { expectAxeCleanInBothThemes } from './axe';
import { withoutShared } from '../helpers/corpus';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);

const e2e = useHarness();
const { launch } = e2e;

const captureBox = (page: Page) => page.locator('#capture-input');
const queueRows = (page: Page) => page.locator('.queue-row[data-claim-id]');
const currentClaimId = (page: Page) => page.getByTestId('current-claim').getAttribute('data-claim-id');

async function startFromDialog(page: Page, options: { capture?: string; scope: RegExp; name: string }) {
  await page.keyboard.press('g');
  const dialog = page.getByRole('dialog', { name: 'Start a checking session' });
  await dialog.waitFor();
  await dialog.getByLabel('Name').fill(options.name);
  if (options.capture) {
    await dialog.getByRole('checkbox', { name: /Live capture/ }).check();
    await dialog.getByLabel('Transcript title').fill(options.capture);
  }
  await dialog.getByRole('radio', { name: options.scope }).check();
  return dialog;
}

/** The one session in the workspace, read from the core. */
async function onlySession(ctx: TestContext) {
  const all = await call(ctx, 'sessions.list', {});
  expect(all).toHaveLength(1);
  return all[0]!;
}

describe('checking sessions in the built renderer', () => {
  it('captures a live debate from typed and pasted chunks, by hand, and keeps the draft across a reload', async () => {
    const ctx = openContext('Ann Lee');
    const { page, errors } = await launch(ctx);

    const dialog = await startFromDialog(page, {
      name: 'Debate night',
      capture: 'Debate, 10 September',
      scope: /Only what is captured live/,
    });
    await screenshot(page, 'sessions-start-dialog');
    await expectAxeCleanInBothThemes(page, 'start dialog');
    await dialog.getByRole('button', { name: 'Start session' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const session = await onlySession(ctx);
    expect(session).toMatchObject({ name: 'Debate night', status: 'active', counts: { total: 0 } });
    expect(session.captureDocumentId).not.toBeNull();
    await page.getByText('No claims captured yet').waitFor();
    await page.getByText('Paste or type what is being said below', { exact: false }).waitFor();
    await screenshot(page, 'sessions-capture-empty');

    // A script feeds the transcript: typed lines, a pasted multi-line chunk, a sentence cut mid-way.
    await page.keyboard.press('c');
    await expect.poll(() => captureBox(page).evaluate((el) => el === document.activeElement)).toBe(true);
    await captureBox(page).pressSequentially('MODERATOR: Good evening and welcome to the debate.');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="captured-sentence"]', { hasText: 'Good evening' }).waitFor();
    // The label names its speaker in title case, never in capitals.
    await expect.poll(() => page.getByLabel('Speaker').inputValue()).toBe('Moderator');

    await captureBox(page).fill(
      'HARRIS: We created 800,000 manufacturing jobs in the last four years.\nUnemployment fell to 3.4 percent, the lowest in fifty years. And I',
    );
    await captureBox(page).press('Enter');
    await page.getByTestId('capture-tail').filter({ hasText: 'waiting for the end of the sentence' }).waitFor();
    await captureBox(page).pressSequentially('believe the economy grew by 2.8 percent last year.');
    await captureBox(page).press('Shift+Enter');
    await captureBox(page).pressSequentially('TRUMP: Wages went up 40 percent for the bottom tenth under my administration');
    await captureBox(page).press('Enter');
    await page.getByTestId('capture-tail').filter({ hasText: 'Wages went up' }).waitFor();
    await page.getByRole('button', { name: 'End sentence' }).click();
    await page.getByTestId('capture-tail').waitFor({ state: 'detached' });

    // A claim by hand in two keystrokes' worth: the speaker is remembered from the last chunk.
    expect(await page.getByLabel('Speaker').inputValue()).toBe('Trump');
    await captureBox(page).pressSequentially('Crime is the lowest it has been');
    await captureBox(page).press('Control+Enter');
    await page
      .locator('[data-testid="captured-sentence"]', { hasText: 'Crime is the lowest' })
      .filter({ hasText: 'Claim by hand' })
      .waitFor();

    const queue = await call(ctx, 'sessions.queue', { id: session.id });
    const feed = await call(ctx, 'capture.feed', { sessionId: session.id });
    expect(feed.openTail).toBe('');
    const byHand = queue.items.find((i) => i.claim.text === 'Crime is the lowest it has been');
    expect(byHand).toMatchObject({ speaker: 'Trump' });
    expect(queue.items.map((i) => i.speaker)).toEqual(expect.arrayContaining(['Harris', 'Trump']));
    // Every captured claim is in the queue on screen, each with its speaker.
    await expect.poll(() => queueRows(page).count()).toBe(queue.total);
    for (const item of queue.items) {
      const row = page.locator(`.queue-row[data-claim-id="${item.claim.id}"]`);
      expect(await row.locator('.queue-row-speaker').innerText()).toBe(`· ${item.speaker}`);
    }
    await page
      .locator('[data-testid="captured-sentence"]')
      .nth(feed.total - 1)
      .waitFor();
    expect(await page.locator('[data-testid="captured-sentence"]').count()).toBe(feed.total);
    expect(await page.locator('[data-testid="captured-sentence"][data-claim-id]').count()).toBe(
      feed.sentences.filter((s) => s.claimId).length,
    );
    // The spotter passed over the greeting: one click makes it a claim.
    const greeting = feed.sentences.find((s) => s.text.startsWith('Good evening'))!;
    expect(greeting.claimId).toBeNull();
    await page.getByRole('button', { name: /Make a claim: Good evening/ }).click();
    await expect.poll(async () => (await call(ctx, 'sessions.queue', { id: session.id })).total).toBe(queue.total + 1);
    await expect.poll(() => queueRows(page).count()).toBe(queue.total + 1);
    // The current claim shows with its speaker, and the detail pane shows the same claim.
    const now = await call(ctx, 'sessions.get', { id: session.id });
    await expect.poll(() => currentClaimId(page)).toBe(now.currentClaimId);
    const current = (await call(ctx, 'sessions.queue', { id: session.id })).items.find((i) => i.claim.id === now.currentClaimId)!;
    expect(await page.getByTestId('current-speaker').innerText()).toBe(current.speaker);
    expect(await page.locator('.detail-pane .claim-text-input').inputValue()).toBe(current.claim.text);
    await screenshot(page, 'sessions-capture-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'sessions-capture-dark');
    await expectAxeCleanInBothThemes(page, 'capture panel');

    // At 1024×640 the session bar, the current claim, several queued claims, a few lines of the feed and the box all fit.
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.emulateMedia({ colorScheme: 'dark' });
    const room = await page.evaluate(() => {
      const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
      const list = box('.queue-list');
      const rows = [...document.querySelectorAll('.queue-row')].filter((r) => {
        const b = r.getBoundingClientRect();
        return b.top >= list.top - 1 && b.bottom <= list.bottom + 1;
      }).length;
      const line = parseFloat(getComputedStyle(document.querySelector('.capture-sentence')!).lineHeight);
      const pane = box('.session-pane');
      return {
        rows,
        feedLines: box('.capture-feed').height / line,
        headHeight: box('.capture-head').height,
        boxInPane: box('.capture-box').bottom <= pane.bottom + 1,
      };
    });
    expect(room.rows).toBeGreaterThanOrEqual(2);
    expect(room.feedLines).toBeGreaterThanOrEqual(4);
    expect(room.headHeight).toBeLessThan(40);
    expect(room.boxInPane).toBe(true);
    await screenshot(page, 'sessions-capture-1024-dark');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ colorScheme: 'light' });

    // Typed but not submitted: the draft survives a reload, and the session comes back by itself.
    const unsent = 'HARRIS: The deficit was cut in half';
    await captureBox(page).fill('');
    await captureBox(page).pressSequentially(unsent);
    await expect.poll(async () => (await call(ctx, 'capture.draft.get', { sessionId: session.id })).text).toBe(unsent);
    await page.reload();
    await captureBox(page).waitFor();
    await expect.poll(() => captureBox(page).inputValue()).toBe(unsent);
    expect(await page.getByLabel('Speaker').inputValue()).toBe('Trump');
    await expect.poll(() => currentClaimId(page)).toBe(now.currentClaimId);
    // Submitting it clears the stored draft with the chunk.
    await captureBox(page).press('Enter');
    await expect.poll(async () => (await call(ctx, 'capture.draft.get', { sessionId: session.id })).text).toBe('');
    expect(await captureBox(page).inputValue()).toBe('');
    expect(errors).toEqual([]);
  });

  it('the Session menu opens the start dialog, with live capture ticked for Start Live Capture', async () => {
    const ctx = openContext('Ann Lee');
    const { page, bridge, errors } = await launch(ctx);
    const dialog = page.getByRole('dialog', { name: 'Start a checking session' });
    await bridge.emit('menu:start-capture');
    await expect.poll(() => dialog.getByRole('checkbox', { name: /Live capture/ }).isChecked()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await bridge.emit('menu:start-session');
    await expect.poll(() => dialog.getByRole('checkbox', { name: /Live capture/ }).isChecked()).toBe(false);
    await page.keyboard.press('Escape');
    await bridge.emit('menu:sessions');
    await page.getByRole('dialog', { name: 'Checking sessions' }).waitFor();
    expect(errors).toEqual([]);
  });

  it.skipIf(noShared)(
    'works through a queue from the keyboard, pauses, resumes after a reload and ends with a correct summary',
    { timeout: 120_000 },
    async () => {
      const ctx = openContext('Ann Lee');
      const article = newsArticle('iodine');
      await call(ctx, 'documents.createFromText', { text: article.text, title: article.title });
      const { page, errors } = await launch(ctx);

      const dialog = await startFromDialog(page, { name: 'Morning papers', scope: /Every claim in the workspace/ });
      // Wall-clock bounds for the active time: the session starts after this and stays paused at least from when
      // "Paused" shows until Resume is pressed.
      const startPressed = Date.now();
      let pausedAtLeastMs = 0;
      let pausedSince = 0;
      const pauseShown = () => (pausedSince = Date.now());
      const resumePressed = () => (pausedAtLeastMs += Date.now() - pausedSince);
      await dialog.getByRole('button', { name: 'Start session' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const session = await onlySession(ctx);
      const total = session.counts.total;
      expect(total).toBeGreaterThan(5);
      await page
        .getByTestId('session-progress')
        .filter({ hasText: `0 of ${total} done` })
        .waitFor();
      const first = await call(ctx, 'sessions.queue', { id: session.id, limit: 10 });
      await expect.poll(() => currentClaimId(page)).toBe(first.items[0]!.claim.id);

      // s then Enter: a verdict and done; d Enter; q skips; m needs more time; k goes back.
      await page.keyboard.press('s');
      await expect.poll(async () => (await call(ctx, 'claims.get', { id: first.items[0]!.claim.id })).verdict).toBe('sourced');
      await page.keyboard.press('Enter');
      await page
        .getByTestId('session-progress')
        .filter({ hasText: `1 of ${total} done` })
        .waitFor();
      await expect.poll(() => currentClaimId(page)).toBe(first.items[1]!.claim.id);
      await page.keyboard.press('d');
      await expect.poll(async () => (await call(ctx, 'claims.get', { id: first.items[1]!.claim.id })).verdict).toBe('disputed');
      await page.keyboard.press('Enter');
      await page
        .getByTestId('session-progress')
        .filter({ hasText: `2 of ${total} done` })
        .waitFor();
      // Each key once its claim is on screen, as a person reads the claim before deciding.
      await expect.poll(() => currentClaimId(page)).toBe(first.items[2]!.claim.id);
      await page.keyboard.press('q');
      await page.getByTestId('session-skipped').filter({ hasText: '1' }).waitFor();
      await expect.poll(() => currentClaimId(page)).toBe(first.items[3]!.claim.id);
      await page.keyboard.press('m');
      await page.getByTestId('session-later').filter({ hasText: '1' }).waitFor();
      await expect.poll(() => currentClaimId(page)).toBe(first.items[4]!.claim.id);
      await page.keyboard.press('k');
      await expect.poll(() => currentClaimId(page)).toBe(first.items[3]!.claim.id);
      await page.locator('.queue-row.is-current .queue-state', { hasText: 'Needs more time' }).waitFor();
      await page.keyboard.press('j');
      await expect.poll(() => currentClaimId(page)).toBe(first.items[4]!.claim.id);
      await page.keyboard.press('u');
      await page.keyboard.press('Enter');
      await page
        .getByTestId('session-progress')
        .filter({ hasText: `3 of ${total} done` })
        .waitFor();
      const mid = await call(ctx, 'sessions.get', { id: session.id });
      expect(mid.counts).toMatchObject({ done: 3, skipped: 1, later: 1, pending: total - 5 });
      await page.locator('.queue-row.is-done .queue-row-verdict', { hasText: 'Sourced' }).first().waitFor();
      await screenshot(page, 'sessions-queue-light');
      await expectAxeCleanInBothThemes(page, 'session mode');
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot(page, 'sessions-queue-dark');
      await page.emulateMedia({ colorScheme: 'light' });

      // Pause and resume with Shift+P; the clock stands still while paused.
      await page.keyboard.press('Shift+P');
      await page.getByTestId('session-status').filter({ hasText: 'Paused' }).waitFor();
      pauseShown();
      await expect.poll(async () => (await call(ctx, 'sessions.get', { id: session.id })).status).toBe('paused');
      const pausedClock = await page.getByTestId('session-clock').innerText();
      await page.waitForTimeout(1_200);
      expect(await page.getByTestId('session-clock').innerText()).toBe(pausedClock);
      resumePressed();
      await page.keyboard.press('Shift+P');
      await page.getByTestId('session-status').filter({ hasText: 'Running' }).waitFor();

      // Esc leaves session mode and pauses the session: time away is not the session's, nor the current claim's.
      // The header says so and brings it back running.
      const onClaim = (await call(ctx, 'sessions.get', { id: session.id })).currentClaimId;
      const claimTime = async () =>
        (await call(ctx, 'sessions.queue', { id: session.id, limit: 100 })).items.find((i) => i.claim.id === onClaim)!.timeMs;
      await page.keyboard.press('Escape');
      await page.locator('.claims-pane').waitFor();
      await expect.poll(async () => (await call(ctx, 'sessions.get', { id: session.id })).status).toBe('paused');
      const back = page.locator('.session-back', { hasText: 'Morning papers' });
      await back.filter({ hasText: /Paused \d+:\d\d/ }).waitFor();
      expect(await back.getAttribute('title')).toContain('paused while you work elsewhere');
      pauseShown();
      const awayElapsed = (await call(ctx, 'sessions.get', { id: session.id })).elapsedMs;
      const awayClaimTime = await claimTime();
      await page.waitForTimeout(1_200);
      expect((await call(ctx, 'sessions.get', { id: session.id })).elapsedMs).toBe(awayElapsed);
      expect(await claimTime()).toBe(awayClaimTime);
      resumePressed();
      await back.click();
      await page.getByTestId('current-claim').waitFor();
      await page.getByTestId('session-status').filter({ hasText: 'Running' }).waitFor();
      await expect.poll(async () => (await call(ctx, 'sessions.get', { id: session.id })).status).toBe('active');

      // A reload: the running session is back, with its progress and its current claim.
      const before = await call(ctx, 'sessions.get', { id: session.id });
      await page.reload();
      await page
        .getByTestId('session-progress')
        .filter({ hasText: `3 of ${total} done` })
        .waitFor();
      await expect.poll(() => currentClaimId(page)).toBe(before.currentClaimId);

      // Paused, left and reloaded: not reopened on its own, but one click away in the header.
      await page.keyboard.press('Shift+P');
      await page.getByTestId('session-status').filter({ hasText: 'Paused' }).waitFor();
      pauseShown();
      await page.keyboard.press('Escape');
      await page.locator('.claims-pane').waitFor();
      await page.reload();
      await page.locator('.claims-pane').waitFor();
      // At 1024 px the way back is an icon, and every verdict count in the header stays whole beside it.
      await page.setViewportSize({ width: 1024, height: 640 });
      const clipped = await page.evaluate(() => {
        const slot = document.querySelector('.header-center')!.getBoundingClientRect();
        return [...document.querySelectorAll('.verdict-count')]
          .map((el) => el.getBoundingClientRect())
          .filter((r) => r.left < slot.left - 0.5 || r.right > slot.right + 0.5).length;
      });
      expect(clipped).toBe(0);
      await screenshot(page, 'sessions-paused-header-1024');
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.locator('.session-back', { hasText: 'Morning papers' }).filter({ hasText: 'paused' }).click();
      await page.getByTestId('session-status').filter({ hasText: 'Paused' }).waitFor();
      resumePressed();
      await page.keyboard.press('Shift+P');
      await page.getByTestId('session-status').filter({ hasText: 'Running' }).waitFor();

      // The sessions list shows it with its progress.
      await page.keyboard.press('Shift+G');
      const list = page.getByRole('dialog', { name: 'Checking sessions' });
      await list
        .locator('.sessions-item', { hasText: 'Morning papers' })
        .filter({ hasText: `3 of ${total} done` })
        .waitFor();
      await screenshot(page, 'sessions-list');
      await page.keyboard.press('Escape');
      await list.waitFor({ state: 'hidden' });

      // End: the summary's figures are the core's.
      await page.getByRole('button', { name: 'End session' }).click();
      const confirm = page.getByRole('alertdialog', { name: 'End “Morning papers”?' });
      await confirm.getByText(/claims are still open/).waitFor();
      await screenshot(page, 'sessions-end-confirm');
      await confirm.getByRole('button', { name: 'End session' }).click();
      const summaryDialog = page.getByRole('dialog', { name: 'Session summary' });
      await summaryDialog.waitFor();
      await expect.poll(async () => (await call(ctx, 'sessions.get', { id: session.id })).status).toBe('ended');
      const summary = await call(ctx, 'sessions.summary', { id: session.id });
      expect(summary).toMatchObject({ reviewed: 3, skipped: 1, later: 1, pending: total - 5 });
      // Active time counted once, paused time (with a reload in it) never.
      expect(pausedAtLeastMs).toBeGreaterThan(1_200);
      expect(summary.durationMs).toBeGreaterThan(0);
      expect(summary.durationMs).toBeLessThanOrEqual(Date.now() - startPressed - pausedAtLeastMs);
      expect((await call(ctx, 'sessions.get', { id: session.id })).elapsedMs).toBe(summary.durationMs);
      const figure = (id: string) => summaryDialog.getByTestId(`summary-${id}`).innerText();
      await summaryDialog
        .getByTestId('summary-reviewed')
        .filter({ hasText: String(summary.reviewed) })
        .waitFor();
      // Not a live capture: nothing was captured, so no "Captured 0".
      expect(await summaryDialog.getByTestId('summary-captured').count()).toBe(0);
      expect(await figure('skipped')).toBe(String(summary.skipped));
      expect(await figure('later')).toBe(String(summary.later));
      expect(await figure('pending')).toBe(String(summary.pending));
      for (const v of ['sourced', 'disputed', 'unverified'] as const) {
        expect(await summaryDialog.getByTestId(`summary-verdict-${v}`).locator('.summary-verdict-value').innerText()).toBe(
          String(summary.verdicts[v]),
        );
      }
      expect(summary.verdicts).toEqual({ sourced: 1, disputed: 1, unverified: 1 });
      expect(await summaryDialog.locator('.summary-open-item').count()).toBe(summary.openItems.length);
      await screenshot(page, 'sessions-summary-light');
      await expectAxeCleanInBothThemes(page, 'summary');
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot(page, 'sessions-summary-dark');
      await page.emulateMedia({ colorScheme: 'light' });

      // "Export report…" opens the export dialog for this session.
      await summaryDialog.getByRole('button', { name: 'Export report…' }).click();
      await page.getByRole('dialog', { name: 'Export report' }).waitFor();
      const activity = await call(ctx, 'activity.list', {});
      expect(JSON.stringify(activity)).toContain('End session “Morning papers”');
      expect(errors).toEqual([]);
    },
  );
});
