import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { newsArticle, openApp, openContext, startHarness, type Harness, type TestContext } from './harness';

let harness: Harness;
let ctx: TestContext;

beforeAll(async () => {
  harness = await startHarness();
  ctx = openContext('Ann Lee');
  await call(ctx, 'documents.createFromText', { text: newsArticle('iodine').text });
});
afterAll(async () => {
  ctx?.workspace.close();
  await harness?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

it('has no serious or critical axe-core findings in light and dark themes', async () => {
  const { page, close } = await openApp(harness, ctx);
  try {
    await page.locator('.claim-row').first().waitFor();
    await page.locator('.detail-pane .history-entry').first().waitFor();
    // Evaluated through the DevTools protocol, which the page's CSP does not govern.
    await page.evaluate(fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
        return (await axe.run()).violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.map((n) => n.target.join(' ')),
        }));
      });
      expect(
        violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
        colorScheme,
      ).toEqual([]);
    }
  } finally {
    await close();
  }
});
