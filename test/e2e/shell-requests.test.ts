import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { installBridge } from '../helpers/bridge';
import { openContext, startHarness, type Harness } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

const TEXT = [
  'The council said turnout rose by twelve percent in the spring election.',
  'Officials added that the new bridge opened in 1932 after four years of work.',
].join('\n\n');

describe('the renderer’s requests to the Electron shell', () => {
  it(
    'reports claimable right-clicks, makes a claim on the menu’s request, and hands links to the shell',
    { timeout: 60_000 },
    async () => {
      const ctx = openContext('Ann Lee');
      const created = await call(ctx, 'documents.createFromText', {
        title: 'Council turnout',
        text: TEXT,
        origin: 'https://news.example/council?id=7',
      });
      const docId = created.document.id;
      const before = (await call(ctx, 'claims.list', { documentId: docId, limit: 100 })).items.length;

      const context = await harness.browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const popups: string[] = [];
      context.on('page', (p) => popups.push(p.url()));
      try {
        const bridge = await installBridge(page, ctx, { shell: true });
        await page.goto(harness.server.url);
        await page.locator('.app').waitFor();
        await page.locator('.doc-row', { hasText: 'Council turnout' }).first().click();
        await page.keyboard.press('v');
        const text = page.locator('.document-pane [data-claim-source]');
        await text.locator('.doc-para').first().waitFor();
        // The view may still be scrolling the selected claim into view: select and click once it has stopped, or the
        // click lands beside the selection.
        await expect
          .poll(() =>
            text.evaluate(async (el) => {
              const before = el.scrollTop;
              await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
              return el.scrollTop === before;
            }),
          )
          .toBe(true);

        // Select "the new bridge opened in 1932" inside the document text, then right-click it.
        const phrase = 'the new bridge opened in 1932';
        const rect = await page.evaluate((phrase) => {
          const walker = document.createTreeWalker(document.querySelector('[data-claim-source]')!, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.textContent!.indexOf(phrase);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + phrase.length);
            window.getSelection()!.removeAllRanges();
            window.getSelection()!.addRange(range);
            const r = range.getBoundingClientRect();
            return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
          }
          throw new Error('phrase not found');
        }, phrase);
        // Right-click on the selection itself, as a person does.
        await page.mouse.click(rect.x, rect.y, { button: 'right' });
        await expect.poll(() => bridge.shellRequests).toContainEqual({ kind: 'context-selection', value: true });

        // The shell's "Make a Claim" arrives as an app event: a claim anchored to exactly that selection.
        await bridge.emit('menu:make-claim');
        await expect
          .poll(async () => (await call(ctx, 'claims.list', { documentId: docId, limit: 100 })).items.length)
          .toBe(before + 1);
        const claims = (await call(ctx, 'claims.list', { documentId: docId, limit: 100 })).items;
        expect(claims.some((c) => c.text === phrase)).toBe(true);

        // A right-click outside the document text (the header, nothing selected) is not claimable.
        bridge.shellRequests.length = 0;
        await page.locator('.doc-heading').click({ button: 'right' });
        await expect.poll(() => bridge.shellRequests).toEqual([{ kind: 'context-selection', value: false }]);

        // The source link goes to the shell, not to a new window or a navigation.
        bridge.shellRequests.length = 0;
        const url = page.url();
        await page.locator('a.doc-origin').click();
        await expect
          .poll(() => bridge.shellRequests)
          .toEqual([{ kind: 'open-external', value: 'https://news.example/council?id=7' }]);
        await page.waitForTimeout(300);
        expect(page.url()).toBe(url);
        expect(popups).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
        ctx.workspace.close();
      }
    },
  );
});
