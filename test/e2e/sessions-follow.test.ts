/**
 * Following a transcript file from the app: the host stand-in answers the file chooser, a script
 * appends labelled debate lines, the claims appear in the session's queue, Stop ends it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { OpenPurpose } from '../../shared/host-api';
import { stopFollowers } from '../../electron/core/capture/follow';
import { call } from '../../electron/core/dispatch';
import type { HostServices } from '../../electron/core/host';
import { debateSentences, sleep } from '../helpers/capture';
import { tempDir } from '../helpers/workspace';
import { openContext, screenshot, useHarness } from './harness';
import { expectAxeCleanInBothThemes } from './axe';
import { withoutShared } from '../helpers/corpus';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);

/** Stands in for the person in the native open dialog. */
class OpenDialogStandIn implements HostServices {
  answer: string[] | null = null;
  readonly asked: OpenPurpose[] = [];
  chooseOpen(purpose: OpenPurpose): Promise<string[] | null> {
    this.asked.push(purpose);
    return Promise.resolve(this.answer);
  }
  chooseSave(): Promise<string | null> {
    return Promise.resolve(null);
  }
}

const e2e = useHarness();

const queueRows = (page: Page) => page.locator('.queue-row[data-claim-id]');
const followStatus = (page: Page) => page.getByTestId('follow-status');

describe('following a transcript file in the built renderer', () => {
  it.skipIf(noShared)(
    'follows a file the host chooser picked: lines a script appends become claims in the queue; Stop ends it',
    async () => {
      const host = new OpenDialogStandIn();
      const ctx = { ...openContext('Ann Lee'), host };
      const session = await call(ctx, 'sessions.start', { name: 'Debate night', capture: { title: 'Debate, 10 September' } });
      const { page, errors } = await e2e.launch(ctx);
      e2e.afterTest(() => stopFollowers(ctx.workspace));
      const panel = page.getByRole('region', { name: 'Live capture' });
      await panel.waitFor();

      const worthy = debateSentences().filter((d) => d.checkWorthy && d.text.length < 160);
      const file = path.join(tempDir('claimbench-follow-e2e-'), 'debate.txt');
      fs.writeFileSync(file, `MODERATOR: Good evening and welcome to the debate.\n`);
      host.answer = [file];

      // The speaker typed in the capture box speaks the file's unlabelled lines.
      await page.getByLabel('Speaker').fill('MODERATOR');
      await expect.poll(async () => (await call(ctx, 'capture.draft.get', { sessionId: session.id })).speaker).toBe('MODERATOR');
      await page.locator('#session-workbench').focus();
      await page.keyboard.press('Shift+F');
      await followStatus(page).filter({ hasText: 'Following debate.txt · 1 line' }).waitFor();
      expect(host.asked).toEqual(['transcript']);
      expect(await panel.getByRole('button', { name: /Follow a transcript file/ }).count()).toBe(0);

      // A script writes the debate as it is said: labelled lines, one cut in two writes.
      const script = [`HARRIS: ${worthy[0]!.text}`, `TRUMP: ${worthy[1]!.text}`, worthy[2]!.text, `HARRIS: ${worthy[3]!.text}`];
      for (const line of script.slice(0, 3)) {
        fs.appendFileSync(file, `${line}\n`);
        await sleep(150);
      }
      const last = `${script[3]!}\n`;
      fs.appendFileSync(file, last.slice(0, 20));
      await followStatus(page).filter({ hasText: '· 4 lines' }).waitFor();
      fs.appendFileSync(file, last.slice(20));
      await followStatus(page).filter({ hasText: '· 5 lines' }).waitFor({ timeout: 5_000 });

      // The claims are in the queue with their speakers, without a reload.
      const queue = await call(ctx, 'sessions.queue', { id: session.id });
      expect(queue.total).toBeGreaterThanOrEqual(1);
      await expect.poll(() => queueRows(page).count(), { timeout: 5_000 }).toBe(queue.total);
      const speakers = queue.items.map((i) => i.speaker);
      expect(speakers.every((s) => s === 'Harris' || s === 'Trump')).toBe(true);
      await page.locator('[data-testid="captured-sentence"]', { hasText: worthy[3]!.text.slice(0, 40) }).waitFor();
      await screenshot(page, 'sessions-follow-light');
      await expectAxeCleanInBothThemes(page, 'capture panel', '.capture-panel');
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot(page, 'sessions-follow-dark');
      await page.emulateMedia({ colorScheme: 'light' });

      // Leaving the session view while following keeps the session running and the file followed.
      await page.keyboard.press('Escape');
      await page.locator('.session-back').waitFor();
      const away = (await call(ctx, 'capture.feed', { sessionId: session.id, limit: 1 })).chunkCount;
      fs.appendFileSync(file, `TRUMP: ${worthy[5]!.text}\n`);
      await expect
        .poll(async () => (await call(ctx, 'capture.feed', { sessionId: session.id, limit: 1 })).chunkCount, { timeout: 5_000 })
        .toBe(away + 1);
      expect((await call(ctx, 'sessions.get', { id: session.id })).status).toBe('active');
      await page.locator('.session-back').click();
      await followStatus(page).filter({ hasText: '· 6 lines' }).waitFor();

      // Stop: what is written after it stays in the file for the next follow.
      await followStatus(page).getByRole('button', { name: 'Stop' }).click();
      await followStatus(page).filter({ hasText: 'Stopped following debate.txt · 6 lines stored' }).waitFor();
      const chunks = (await call(ctx, 'capture.feed', { sessionId: session.id, limit: 1 })).chunkCount;
      fs.appendFileSync(file, `TRUMP: ${worthy[4]!.text}\n`);
      await sleep(600);
      expect((await call(ctx, 'capture.feed', { sessionId: session.id, limit: 1 })).chunkCount).toBe(chunks);
      await screenshot(page, 'sessions-follow-stopped');
      await panel.getByRole('button', { name: /Follow a transcript file/ }).waitFor();

      // Truncating the file while it is followed: following stops with a clear error.
      await panel.getByRole('button', { name: /Follow a transcript file/ }).click();
      await followStatus(page).filter({ hasText: 'Following debate.txt · 1 line' }).waitFor();
      fs.truncateSync(file, 10);
      const alert = page.getByRole('alert').filter({ hasText: 'Stopped following debate.txt' });
      await alert.filter({ hasText: 'was truncated' }).waitFor();
      await screenshot(page, 'sessions-follow-error');
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot(page, 'sessions-follow-error-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await alert.getByRole('button', { name: 'Dismiss' }).click();
      await alert.waitFor({ state: 'hidden' });
      expect(errors).toEqual([]);
    },
  );
});
