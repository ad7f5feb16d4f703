/** axe-core for the e2e suites: one way to inject it and one notion of a finding that fails a test. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's serious and critical findings on the page, or inside `selector` (an open dialog, a
 * pane), as "rule (impact): targets" lines so a failure reads at a glance.
 */
export async function axeFindings(page: Page, selector?: string): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern; a reload drops it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (include) => {
    type Finding = { id: string; impact: string | null; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run(context?: unknown): Promise<{ violations: Finding[] }> } }).axe;
    const result = include ? await axe.run({ include: [include] }) : await axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, selector ?? null);
}

/** No serious or critical findings in the light and then the dark theme; the page is left light. */
export async function expectAxeCleanInBothThemes(page: Page, label: string, selector?: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.waitForTimeout(100);
    expect(await axeFindings(page, selector), `${label} (${colorScheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
