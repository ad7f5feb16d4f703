import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { openContext, useHarness } from './harness';

const e2e = useHarness();
const TEXT = 'Officials said 157 drones and seven missiles were launched overnight. Unemployment fell to 3.4 percent in January, the lowest rate since 1969, the ministry said. The new bridge cost $2.1 billion and took 26 months to build, according to the city. Prices rose 9 percent in 2022, the statistics office said. Exports grew 12 percent last year, the ministry said. Crime fell 8 percent in 2023, police said.';
describe('repro', () => {
  it('timer', async () => {
    const ctx = openContext('Ann Lee');
    await call(ctx, 'documents.createFromText', { text: TEXT, title: 'T' });
    const { page, bridge } = await e2e.launch(ctx);
    const t0 = Date.now();
    const log = (m: string) => console.log(((Date.now() - t0) / 1000).toFixed(1), m);
    await page.keyboard.press('g');
    const dialog = page.getByRole('dialog', { name: 'Start a checking session' });
    await dialog.getByLabel('Name').fill('S');
    await dialog.getByRole('radio', { name: /Every claim in the workspace/ }).check();
    await dialog.getByRole('button', { name: 'Start session' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const tStart = Date.now(); log('started');
    for (const [i, k] of ['s', 'd', 'u'].entries()) {
      await page.keyboard.press(k); await page.waitForTimeout(200);
      await page.keyboard.press('Enter');
      await page.getByTestId('session-progress').filter({ hasText: `${i + 1} of` }).waitFor();
    }
    await page.keyboard.press('Shift+P');
    await page.getByTestId('session-status').filter({ hasText: 'Paused' }).waitFor();
    const tPause = Date.now(); log('paused ' + (await page.getByTestId('session-clock').innerText()));
    const n0 = bridge.calls.length;
    await page.reload();
    await page.waitForTimeout(4000);
    log('after reload calls: ' + bridge.calls.slice(n0).map((c) => c.name).join(','));
    const [s] = await call(ctx, 'sessions.list', {});
    log('status ' + s!.status + ' ' + s!.elapsedMs);
    await page.keyboard.press('Shift+G');
    const list = page.getByRole('dialog', { name: 'Checking sessions' });
    await list.waitFor();
    const n1 = bridge.calls.length;
    await list.getByRole('button', { name: /Resume/ }).first().click();
    await page.getByTestId('session-status').filter({ hasText: 'Running' }).waitFor();
    const tResume = Date.now(); log('resumed calls: ' + bridge.calls.slice(n1).map((c) => c.name).join(','));
    await page.keyboard.press('q');
    await page.getByTestId('session-skipped').filter({ hasText: '1' }).waitFor();
    await page.keyboard.press('m');
    await page.getByTestId('session-later').filter({ hasText: '1' }).waitFor();
    await page.getByRole('button', { name: 'End session' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByRole('button', { name: 'End session' }).click();
    await expect.poll(async () => (await call(ctx, 'sessions.get', { id: s!.id })).status).toBe('ended');
    const tEnd = Date.now();
    const e = await call(ctx, 'sessions.get', { id: s!.id });
    log(`ended elapsed ${e.elapsedMs} summary ${e.summary?.durationMs} expected ${tPause - tStart + tEnd - tResume} wall ${tEnd - tStart}`);
    console.log(bridge.calls.map((c) => c.name).join(','));
  });
});
