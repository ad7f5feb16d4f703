import { afterAll, beforeAll, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { BUILT_ARTICLES } from '../helpers/built-articles';
import { openApp, openContext, startHarness, type Harness, type TestContext } from './harness';
import { axeFindings } from './axe';

let harness: Harness;
let ctx: TestContext;

beforeAll(async () => {
  harness = await startHarness();
  ctx = openContext('Ann Lee');
  await call(ctx, 'documents.createFromText', { text: BUILT_ARTICLES[0]!.text });
});
afterAll(async () => {
  ctx?.workspace.close();
  await harness?.close();
});

it('has no serious or critical axe-core findings on every main screen, in light and dark themes', async () => {
  const { page, close } = await openApp(harness, ctx);
  try {
    await page.locator('.claim-row').first().waitFor();
    await page.locator('.detail-pane .history-entry').first().waitFor();
    // Verdict labels on the selected row and in the list, in every colour.
    await page.keyboard.press('j');
    await page.keyboard.press('d');
    await page.keyboard.press('k');
    await page.keyboard.press('s');
    await page.locator('.claim-row.is-selected .verdict-sourced').first().waitFor();

    const states: [string, () => Promise<void>, () => Promise<void>][] = [
      ['claim list with verdicts', async () => {}, async () => {}],
      [
        'shortcuts dialog',
        async () => {
          await page.keyboard.press('?');
          await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
        },
        async () => {
          await page.keyboard.press('Escape');
          await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'hidden' });
        },
      ],
      [
        'document view',
        async () => {
          await page.keyboard.press('v');
          await page.locator('.doc-para').first().waitFor();
        },
        async () => {
          await page.keyboard.press('v');
          await page.locator('.claim-row').first().waitFor();
        },
      ],
    ];
    for (const [name, enter, leave] of states) {
      await enter();
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        expect(await axeFindings(page), `${name} (${colorScheme})`).toEqual([]);
      }
      await page.emulateMedia({ colorScheme: 'light' });
      await leave();
    }
  } finally {
    await close();
  }
});
