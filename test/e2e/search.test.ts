import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { CORPUS_DIR, withoutShared } from '../helpers/corpus';
import { newsArticle, openContext, screenshot, type TestContext, useHarness } from './harness';
import { axeFindings } from './axe';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);

const e2e = useHarness();
const { launch } = e2e;

/** The first sentences of a real Russian Wikinews article. */
function russianSentences(): string[] {
  const text = fs.readFileSync(path.join(CORPUS_DIR, 'news_ru/ru_wikinews_nerel/140635_text.txt'), 'utf8');
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 30)
    .slice(0, 4);
}

/** An English article, a Russian one, an accented claim, and a source and note with their own words. */
async function seed(ctx: TestContext) {
  const article = newsArticle('iodine');
  const { document } = await call(ctx, 'documents.createFromText', { text: article.text, title: article.title });
  const ru = russianSentences();
  const { document: ruDoc } = await call(ctx, 'documents.createFromText', { text: ru.join(' '), title: 'Русская статья' });
  const sao = await call(ctx, 'claims.add', { text: 'Flooding in São Paulo displaced 12,000 people in Março.' });
  const claims = (await call(ctx, 'claims.list', { documentId: document.id, limit: 100 })).items;
  await call(ctx, 'sources.add', {
    claimId: claims[3]!.id,
    pasted: 'The thyroid survey by the Menzies institute was peer reviewed.',
    stance: 'supports',
  });
  await call(ctx, 'notes.add', { claimId: claims[5]!.id, text: 'Call the Menzies press office tomorrow.' });
  return { document, ruDoc, ru, sao, claims };
}

const rows = (page: Page) => page.locator('.claim-list [role="option"]');
const selectedId = (page: Page) => page.locator('.claim-list [aria-selected="true"]').getAttribute('data-claim-id');
const count = (page: Page) => page.locator('.claims-pane .pane-count');

async function search(page: Page, text: string) {
  await page.locator('.claim-list').focus();
  await page.keyboard.press('Control+f');
  await page.keyboard.type(text);
}

describe.skipIf(noShared)('search, filters, bulk triage and the saved view', () => {
  it('finds claims ignoring case and accents, in Cyrillic too, and highlights the matches safely', async () => {
    const ctx = openContext('Ann Lee');
    e2e.afterTest(() => ctx.workspace.close());
    const { sao, ru } = await seed(ctx);
    const { page, errors } = await launch(ctx);
    await rows(page).first().waitFor();

    await search(page, 'SAO paulo');
    await count(page).getByText('1 claim', { exact: true }).waitFor();
    expect(await rows(page).first().getAttribute('data-claim-id')).toBe(sao.id);
    await expect.poll(() => rows(page).first().locator('mark').allTextContents()).toEqual(['São', 'Paulo']);

    // A Cyrillic word from the Russian article, typed in capitals: found, and marked where it stands.
    const word = ru[0]!.match(/[А-ЯЁа-яё]{6,}/u)![0];
    await page.locator('.filter-input').fill(word.toUpperCase());
    const folded = (t: string) => t.toLowerCase().replace(/ё/g, 'е');
    const allMarksMatch = async () => {
      const marks = await rows(page).locator('mark').allTextContents();
      // The word or its stem: the list marks the words the search found it by.
      const stems = [folded(word), folded(word).slice(0, 5)];
      return marks.length > 0 && marks.every((m) => stems.some((st) => folded(m).startsWith(st)));
    };
    await expect.poll(allMarksMatch).toBe(true);

    // A claim listed for a word in its rationale only says so, with the word (found by its stem) marked there.
    await call(ctx, 'claims.update', {
      id: sao.id,
      patch: { rationale: 'Checked against the 2024 restoration plan of the city.' },
    });
    await page.locator('.filter-input').fill('restore');
    const row = rows(page).filter({ has: page.locator('.claim-row-why') });
    await expect.poll(() => row.first().locator('.claim-row-why').textContent()).toMatch(/^· in rationale: .*restoration plan/);
    expect(await row.first().locator('.claim-row-why mark').allTextContents()).toEqual(['restoration']);
    await screenshot(page, 'search-in-rationale-light');

    // Words only in a source and a note: listed as hits with their match marked, and a hit leads to its claim.
    await page.locator('.filter-input').fill('menzies');
    const hits = page.getByRole('region', { name: 'Matches in sources, notes and documents' });
    await hits.locator('.search-hit[data-kind="source"] mark', { hasText: 'Menzies' }).waitFor();
    await hits.locator('.search-hit[data-kind="note"] mark', { hasText: 'Menzies' }).waitFor();
    await screenshot(page, 'search-hits-light');
    expect(await axeFindings(page, '.claims-pane')).toEqual([]);
    const noteHit = await call(ctx, 'search', { query: 'menzies', kinds: ['note'] });
    await hits.locator('.search-hit[data-kind="note"]').click();
    await expect.poll(() => selectedId(page)).toBe(noteHit.hits[0]!.claimId);
    expect(await page.locator('.filter-input').inputValue()).toBe('');

    // Markup typed into the search box is only ever text.
    await page.locator('.filter-input').fill('<img src=x onerror=alert(1)>');
    await page.waitForTimeout(400);
    expect(await page.locator('.claims-pane img').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('filters, sorts, applies a bulk verdict undone by one Ctrl+Z, and restores the view after a reload', async () => {
    const ctx = openContext('Ann Lee');
    e2e.afterTest(() => ctx.workspace.close());
    const { document, claims } = await seed(ctx);
    const total = (await call(ctx, 'stats.get', {})).total;
    const { page, errors } = await launch(ctx);
    await count(page).getByText(`${total} claims`).waitFor();

    // "No source yet" and the document filter, from the filter popover (f).
    await page.locator('.claim-list').focus();
    await page.keyboard.press('f');
    const popover = page.getByRole('dialog', { name: 'Filter claims' });
    await popover.waitFor();
    await popover.getByLabel('Document').selectOption(document.id);
    await popover.getByLabel('No source yet').check();
    await screenshot(page, 'search-filters-light');
    expect(await axeFindings(page, '.filter-popover')).toEqual([]);
    await popover.getByRole('button', { name: 'Apply' }).click();
    const expected = (await call(ctx, 'claims.list', { documentId: document.id, noSource: true })).total;
    expect(expected).toBe(claims.length - 1);
    await count(page).getByText(`${expected} claims`).waitFor();

    // Sort by check-worthiness: the list follows the core's order, and the selected claim stays selected.
    await page.locator('.claim-list').focus();
    const beforeSort = await selectedId(page);
    await page.keyboard.press('o');
    await page.getByRole('radio', { name: 'Check-worthiness' }).click();
    const byScore = (await call(ctx, 'claims.list', { documentId: document.id, noSource: true, sort: 'score', limit: 3 })).items;
    await expect.poll(() => rows(page).first().getAttribute('data-claim-id')).toBe(byScore[0]!.id);
    expect(await selectedId(page)).toBe(beforeSort);

    // Multi-select from the top: x, then Shift+J twice; d marks all three disputed in one undoable step.
    await page.locator('.claim-list').focus();
    await page.keyboard.press('Home');
    await expect.poll(() => selectedId(page)).toBe(byScore[0]!.id);
    await page.keyboard.press('x');
    await page.keyboard.press('Shift+J');
    await page.keyboard.press('Shift+J');
    const bar = page.getByRole('toolbar', { name: /Actions for 3 selected claims/ });
    await bar.waitFor();
    await screenshot(page, 'search-bulk-light');
    expect(await axeFindings(page, '.bulk-bar')).toEqual([]);
    await page.keyboard.press('d');
    const three = byScore.map((c) => c.id);
    await expect
      .poll(async () => (await Promise.all(three.map((id) => call(ctx, 'claims.get', { id })))).map((c) => c.verdict))
      .toEqual(['disputed', 'disputed', 'disputed']);
    await page.keyboard.press('Control+z');
    await expect
      .poll(async () => (await Promise.all(three.map((id) => call(ctx, 'claims.get', { id })))).map((c) => c.verdict))
      .toEqual([null, null, null]);

    // Bulk assign and tag through the bar.
    await bar.getByRole('button', { name: 'Assign…' }).click();
    await page.getByRole('combobox', { name: 'Assign to' }).fill('Boris');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await call(ctx, 'claims.get', { id: three[2]! })).assignee).toBe('Boris');
    // The claim's assignee field then offers Boris, and the people of the workspace, as it is typed.
    const assignee = page.locator('#assignee-input-wrap input');
    const offered = async () => {
      const list = await assignee.getAttribute('list');
      return list
        ? page.locator(`datalist[id="${list}"] option`).evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value))
        : [];
    };
    await expect.poll(offered).toEqual(['Boris', 'Ann Lee']);
    const focused = await selectedId(page);
    expect(focused).toBe(three[2]);

    // Reload: filters, sort, multi-selection and the focused claim come back from view.get.
    await page.waitForTimeout(700);
    await page.reload();
    await count(page).getByText(`${expected} claims`).waitFor();
    await expect.poll(() => selectedId(page)).toBe(focused);
    await page.getByRole('toolbar', { name: /Actions for 3 selected claims/ }).waitFor();
    expect(await page.locator('#claims-sort-trigger').textContent()).toContain('Check-worthiness');
    expect((await call(ctx, 'view.get', {})).view).toMatchObject({ documentId: document.id, noSource: true, sort: 'score' });

    // Esc clears the selection, Ctrl+A selects every listed claim.
    await page.locator('.claim-list').focus();
    await page.keyboard.press('Escape');
    await page.getByRole('toolbar', { name: /selected claims/ }).waitFor({ state: 'detached' });
    await page.keyboard.press('Control+a');
    await page.getByRole('toolbar', { name: `Actions for ${expected} selected claims` }).waitFor();

    // Delete acts on the whole selection, after asking; Escape keeps every claim, one Ctrl+Z brings them all back.
    const listed = async () => (await call(ctx, 'claims.list', { documentId: document.id, noSource: true })).total;
    await page.keyboard.press('Delete');
    const ask = page.getByTestId('bulk-delete-confirm');
    await ask.getByRole('heading', { name: `Delete ${expected} claims?` }).waitFor();
    await screenshot(page, 'search-bulk-delete-light');
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    expect(await listed()).toBe(expected);
    await page.locator('.claim-list').focus();
    await page.keyboard.press('Delete');
    await ask.getByRole('button', { name: `Delete ${expected} claims` }).click();
    await expect.poll(listed).toBe(0);
    expect((await call(ctx, 'stats.get', {})).total).toBe(total - expected);
    await page.getByRole('toolbar', { name: /selected claims/ }).waitFor({ state: 'detached' });
    await page.getByText(`Deleted ${expected} claims.`).waitFor();
    await page.keyboard.press('Control+z');
    await expect.poll(listed).toBe(expected);
    expect(errors).toEqual([]);
  });
});
