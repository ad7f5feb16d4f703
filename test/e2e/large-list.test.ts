import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import {
  NEWS_ARTICLES,
  newsArticle,
  openApp,
  openContext,
  screenshot,
  startHarness,
  type Harness,
  type TestContext,
} from './harness';
import { withoutShared } from '../helpers/corpus';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);

const CLAIMS = 20_000;

/**
 * One real article through documents.createFromText, then real news sentences as further claims up
 * to 20,000, written in one undoable action through the workspace's single write path (the
 * sentence splitter is not what this test measures, and pasting 20,000 sentences takes minutes).
 */
async function seed(ctx: TestContext): Promise<void> {
  const article = newsArticle('iodine');
  const { document, claimCount } = await call(ctx, 'documents.createFromText', {
    title: 'Twenty thousand claims',
    text: article.text,
  });
  const sentences = NEWS_ARTICLES.flatMap((name) => newsArticle(name).sentences).filter((s) => /[a-z]{3}/i.test(s));
  ctx.workspace.undo.run('Seed claims', (w) => {
    for (let i = 0; i < CLAIMS - claimCount; i++) {
      w.create('claim', randomUUID(), {
        documentId: document.id,
        ordinal: 1_000_000 + i,
        text: `${sentences[i % sentences.length]} (#${i + 1})`,
        anchor: null,
        claimant: null,
        score: null,
        reasons: [],
        verdict: null,
      });
    }
  });
}

let harness: Harness;
let ctx: TestContext;

beforeAll(async () => {
  harness = await startHarness();
  ctx = openContext('Ann Lee');
  await seed(ctx);
});
afterAll(async () => {
  ctx?.workspace.close();
  await harness?.close();
});

describe.skipIf(noShared)('a very long claim list', () => {
  it('stays virtualised and keyboard-driven with 20,000 claims', async () => {
    const total = (await call(ctx, 'stats.get', {})).total;
    expect(total).toBe(CLAIMS);
    const { page, bridge, errors, close } = await openApp(harness, ctx);
    try {
      await page.locator('.claims-pane .pane-count', { hasText: `${total.toLocaleString('en-US')} claims` }).waitFor();
      const rows = page.locator('.claim-list [role="option"]');
      const rendered = await rows.count();
      expect(rendered).toBeGreaterThan(5);
      expect(rendered).toBeLessThan(60);
      expect(await rows.first().getAttribute('aria-setsize')).toBe(String(total));

      // Only pages near the viewport were fetched, never the whole list.
      const listCalls = bridge.calls.filter((c) => c.name === 'claims.list');
      expect(listCalls.every((c) => ((c.input as { limit?: number }).limit ?? 0) <= 100)).toBe(true);

      // Jump to the end: the last claim is fetched on demand, selected and shown.
      await page.keyboard.press('End');
      const last = (await call(ctx, 'claims.list', { offset: total - 1, limit: 1 })).items[0]!;
      await page.locator('.claim-row.is-selected', { hasText: last.text }).waitFor();
      expect(await page.locator('.claim-row.is-selected').getAttribute('aria-posinset')).toBe(String(total));
      await page.keyboard.press('s');
      await expect.poll(async () => (await call(ctx, 'claims.get', { id: last.id })).verdict).toBe('sourced');
      await page
        .getByTestId('progress-text')
        .filter({ hasText: `1 of ${total.toLocaleString('en-US')} reviewed` })
        .waitFor();

      // Scroll to the middle by hand: rows there load and the DOM stays small.
      await page.locator('.claim-list').evaluate((el) => {
        el.scrollTop = el.scrollHeight / 2;
      });
      const middle = (await call(ctx, 'claims.list', { offset: Math.floor(total / 2), limit: 1 })).items[0]!;
      await page.locator('.claim-row', { hasText: middle.text }).first().waitFor();
      expect(await rows.count()).toBeLessThan(60);
      expect(await page.locator('.claim-row [aria-hidden] .skeleton').count()).toBe(0);

      // Moving with the keyboard from the top is immediate row by row.
      await page.keyboard.press('Home');
      for (let i = 0; i < 30; i++) await page.keyboard.press('j');
      const thirtyFirst = (await call(ctx, 'claims.list', { offset: 30, limit: 1 })).items[0]!;
      await page.locator('.claim-row.is-selected', { hasText: thirtyFirst.text }).waitFor();
      await screenshot(page, 'large-list-light');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
