import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { CORPUS_DIR, withoutShared } from '../helpers/corpus';
import {
  newsArticle,
  openApp,
  openContext,
  SCREENSHOT_DIR,
  screenshot,
  startHarness,
  type Harness,
  type TestContext,
} from './harness';
import { axeFindings } from './axe';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const RU = path.join(CORPUS_DIR, 'news_ru/ru_wikinews_nerel/140635_text.txt');

async function claimsOf(ctx: TestContext, documentId: string) {
  return (await call(ctx, 'claims.list', { documentId, limit: 5000 })).items;
}

/** Puts the text selection on [from, to) characters of the element's text node, as a mouse would. */
async function selectInside(page: Page, selector: string, from: number, to: number) {
  await page.locator('.doc-scroll').focus();
  await page.evaluate(
    ({ selector, from, to }) => {
      const el = document.querySelector(selector)!;
      const textNode =
        [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE) ?? el.querySelector('[data-start]')!.firstChild!;
      const range = document.createRange();
      range.setStart(textNode, from);
      range.setEnd(textNode, to);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    },
    { selector, from, to },
  );
}

async function openDocument(page: Page, title: RegExp) {
  await page.locator('.doc-row', { hasText: title }).first().click();
  await page.keyboard.press('v');
  await page.locator('.document-pane .doc-para').first().waitFor();
}

describe.skipIf(noShared)('the document view', () => {
  it(
    'highlights claims, promotes sentences, makes, splits and merges claims, and remembers the threshold',
    { timeout: 60_000 },
    async () => {
      const ctx = openContext('Ann Lee');
      const article = newsArticle('iodine');
      const imported = await call(ctx, 'ingest.importFile', { name: 'iodine.txt', dataBase64: b64(article.text) });
      const docId = imported.document!.id;
      await call(ctx, 'ingest.importFile', { name: path.basename(RU), dataBase64: b64(fs.readFileSync(RU)) });
      const initial = await claimsOf(ctx, docId);
      await call(ctx, 'claims.setVerdict', { ids: [initial[0]!.id], verdict: 'sourced' });
      await call(ctx, 'claims.setVerdict', { ids: [initial[1]!.id], verdict: 'disputed' });

      const { page, errors, close } = await openApp(harness, ctx);
      try {
        const title = imported.document!.title;
        await openDocument(page, new RegExp(title.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
        const view = page.locator('.document-pane');
        // Every claim is highlighted in place, with its verdict.
        await expect.poll(() => view.locator('mark.doc-claim').count()).toBeGreaterThanOrEqual(initial.length);
        expect(await view.locator(`mark[data-claim-id="${initial[0]!.id}"]`).getAttribute('data-verdict')).toBe('sourced');
        expect(await view.locator(`mark[data-claim-id="${initial[1]!.id}"]`).getAttribute('data-verdict')).toBe('disputed');
        expect(await view.locator('.doc-heading').textContent()).toBe(title);
        // The rendered text is the stored text, piece by piece; its headline line is the heading, shown once.
        expect(article.text.trimStart().startsWith(title)).toBe(true);
        expect(await view.locator('.doc-para').first().textContent()).not.toBe(title);
        const shown = await view.locator('.doc-heading, .doc-para').evaluateAll((ps) => ps.map((p) => p.textContent).join(''));
        expect(shown.replace(/\s+/g, '')).toBe(article.text.replace(/\s+/g, ''));

        // Clicking a highlight selects the claim in the detail pane, with its score and reasons.
        await view.locator(`mark[data-claim-id="${initial[1]!.id}"]`).click();
        const detail = page.locator('.detail-pane');
        await detail.locator('.section-score [data-testid="score"]').waitFor();
        expect(await detail.locator('.section-score .score-value').textContent()).toBe(initial[1]!.score!.toFixed(2));
        expect(await detail.locator('.section-score .reason-chip').count()).toBe(initial[1]!.reasons.length);
        await screenshot(page, 'document-light');

        // Promote a sentence that is not a claim: hover shows its score, one click makes it a claim.
        const sentence = view.locator('.doc-sentence[data-sentence]').first();
        const sentenceText = (await sentence.textContent())!.trim();
        await sentence.hover();
        const card = page.getByTestId('sentence-card');
        await card.waitFor();
        expect(await card.getByTestId('score').textContent()).toMatch(/^\d\.\d\d/);
        // The shared helper moves the mouse away (which hides the card), so shoot in place.
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'document-sentence-light.png') });
        await card.getByRole('button', { name: 'Make claim' }).click();
        await expect.poll(async () => (await claimsOf(ctx, docId)).length).toBe(initial.length + 1);
        expect((await claimsOf(ctx, docId)).some((c) => c.text === sentenceText)).toBe(true);

        // Wait for the promoted sentence to render as a claim before picking the next plain sentence.
        await expect
          .poll(async () => (await view.locator('.doc-sentence[data-sentence]').first().textContent())?.trim())
          .not.toBe(sentenceText);

        // Select words inside a sentence and press C: a claim anchored to exactly that span.
        const target = view.locator('.doc-sentence[data-sentence]').first();
        const targetText = (await target.textContent())!;
        const start = Number(await target.getAttribute('data-start'));
        const id = await target.getAttribute('data-sentence');
        await selectInside(page, `.doc-sentence[data-sentence="${id}"]`, 0, Math.min(40, targetText.length));
        await page.getByTestId('claim-from-selection').waitFor();
        await page.keyboard.press('c');
        await expect.poll(async () => (await claimsOf(ctx, docId)).length).toBe(initial.length + 2);
        const fromSpan = (await claimsOf(ctx, docId)).find((c) => c.anchor?.start === start)!;
        expect(fromSpan.text).toBe(targetText.slice(0, Math.min(40, targetText.length)).trim());

        // Split that claim at a caret, then merge the halves back.
        await page.locator(`mark[data-claim-id="${fromSpan.id}"]`).waitFor();
        await selectInside(page, `mark[data-claim-id="${fromSpan.id}"] [data-start]`, 12, 12);
        await page.keyboard.press('b');
        await expect.poll(async () => (await claimsOf(ctx, docId)).length).toBe(initial.length + 3);
        const halves = (await claimsOf(ctx, docId)).filter(
          (c) => c.anchor && c.anchor.start >= start && c.anchor.end <= fromSpan.anchor!.end,
        );
        // The halves partition the claim (the caret may fall inside a word, so compare without spaces).
        expect(
          halves
            .map((c) => c.text)
            .join('')
            .replace(/\s+/g, ''),
        ).toBe(fromSpan.text.replace(/\s+/g, ''));
        // With the mouse: select words in the first half; the bar under the selection names its actions and
        // stays inside the document pane. (Once the second half is on screen, as a person would see it: a
        // selection made in the view from before the split goes with that view.)
        const secondHalf = halves.find((c) => c.id !== fromSpan.id)!;
        await page.locator(`mark[data-claim-id="${secondHalf.id}"]`).waitFor();
        await selectInside(page, `mark[data-claim-id="${fromSpan.id}"] [data-start]`, 2, 6);
        const bar = page.locator('.doc-float');
        const mergeButton = bar.getByRole('button', { name: /Merge with next/ });
        await mergeButton.waitFor();
        await bar.getByRole('button', { name: /Split here/ }).waitFor();
        const paneBox = (await page.locator('.doc-scroll').boundingBox())!;
        const barBox = (await bar.boundingBox())!;
        expect(barBox.x).toBeGreaterThanOrEqual(paneBox.x);
        expect(barBox.x + barBox.width).toBeLessThanOrEqual(paneBox.x + paneBox.width);
        await mergeButton.click();
        await expect.poll(async () => (await claimsOf(ctx, docId)).length).toBe(initial.length + 2);
        expect((await call(ctx, 'claims.get', { id: fromSpan.id })).text).toBe(fromSpan.text);

        // The threshold: change it, see it stored for the workspace and shown again after a reload.
        const slider = view.getByRole('slider', { name: 'Threshold' });
        await slider.fill('0.8');
        await expect.poll(async () => (await call(ctx, 'spotting.getThreshold', {})).threshold).toBe(0.8);
        await page.reload();
        await openDocument(page, new RegExp(title.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
        await expect.poll(() => page.getByTestId('threshold-value').textContent()).toBe('0.80');
        expect(await axeFindings(page, '.document-pane')).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
  );

  it('flows a hard-wrapped statement as paragraphs and merges two of its claims into one line', { timeout: 60_000 }, async () => {
    const ctx = openContext('Ann Lee');
    const file = path.join(CORPUS_DIR, 'news_en/us_gov_fomc/20151216.txt');
    const imported = await call(ctx, 'ingest.importFile', { name: '20151216.txt', dataBase64: b64(fs.readFileSync(file)) });
    const docId = imported.document!.id;
    const { page, errors, close } = await openApp(harness, ctx);
    try {
      await openDocument(page, /^20151216/);
      const view = page.locator('.document-pane');
      // The file's 78-column breaks are gone: each paragraph is one block of text that wraps at the pane's width.
      const first = view.locator('.doc-para', { hasText: 'Household spending' });
      const shown = await first.evaluate((el) => (el as HTMLElement).innerText);
      expect(shown).toContain('increasing at solid rates in recent months');
      expect(shown).not.toMatch(/\n/);

      const household = (await claimsOf(ctx, docId)).find((c) => c.text.startsWith('Household spending'))!;
      await view.locator(`mark[data-claim-id="${household.id}"]`).click();
      await page.keyboard.press('m');
      await expect.poll(async () => (await call(ctx, 'claims.get', { id: household.id })).text).toMatch(/soft\. A range/);
      const merged = await call(ctx, 'claims.get', { id: household.id });
      expect(merged.text).not.toMatch(/\n/);
      expect(merged.reasons.map((r) => r.kind)).toContain('past_event');
      expect(merged.score).toBeGreaterThanOrEqual(household.score!);
      await expect
        .poll(() =>
          page
            .locator('.detail-pane')
            .getByText(/solid rates in recent months/)
            .count(),
        )
        .toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows Russian text, lists claims that cannot be placed after a re-import (dark theme)', { timeout: 60_000 }, async () => {
    const ctx = openContext('Ann Lee');
    const ruBytes = fs.readFileSync(RU);
    const r = await call(ctx, 'ingest.importFile', { name: path.basename(RU), dataBase64: b64(ruBytes) });
    const docId = r.document!.id;
    const claims = await claimsOf(ctx, docId);
    expect(claims.length).toBeGreaterThan(1);
    const { page, errors, close } = await openApp(harness, ctx, { colorScheme: 'dark' });
    try {
      await openDocument(page, /Путин одобрил/);
      const view = page.locator('.document-pane');
      expect(await view.locator('.doc-article').getAttribute('lang')).toBe('ru');
      const text = ruBytes.toString('utf8');
      const firstParagraph = text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .find((p) => p.length > 80)!;
      expect(await view.locator('.doc-article').textContent()).toContain(firstParagraph.slice(0, 60));
      await expect.poll(() => view.locator('mark.doc-claim').count()).toBe(claims.length);
      await screenshot(page, 'document-ru-dark');

      // Re-import an edited text: one claim's sentence removed, another's wording kept.
      const gone = claims[0]!;
      const edited = text.replace(gone.anchor!.exact, '').replace(/^/, 'Обновлено. ');
      await page
        .getByTestId('reimport-input')
        .setInputFiles({ name: 'edited.txt', mimeType: 'text/plain', buffer: Buffer.from(edited) });
      const banner = view.getByTestId('orphan-banner');
      await banner.waitFor();
      expect(await banner.textContent()).toMatch(/1 claim could not be placed/);
      await banner.getByRole('button', { name: 'Show' }).click();
      await banner.getByText(gone.text.slice(0, 30)).waitFor();
      await expect.poll(() => view.locator('mark.doc-claim').count()).toBe(claims.length - 1);
      expect(await axeFindings(page, '.document-pane')).toEqual([]);
      await screenshot(page, 'document-dark');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
