import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import type { HostServices } from '../../electron/core/host';
import { tempDir } from '../helpers/workspace';
import { KEY_MODES, KEYMAP } from '../../shared/keymap';
import { openContext, screenshot, useHarness } from './harness';

const e2e = useHarness();

/** A short news text the test writes itself, so the workflow runs on a clone without ../shared. */
const ARTICLE = [
  'Harbour city opens new flood barrier',
  '',
  'The city council said the new flood barrier cost 48 million euros, 12 million more than planned in 2019.',
  'According to the port authority, 3,200 ships passed the harbour mouth in 2023, up 14 percent on the year before.',
  'Mayor Lena Ortiz said the barrier will protect 60,000 homes from a once-in-a-century storm surge.',
  'The national weather office reported that sea levels at the harbour rose by 21 centimetres since 1950.',
  'Engineers from Delta Works told reporters the gates close in 7 minutes, twice as fast as the old ones.',
  'The regional government said unemployment in the port district fell to 6.1 percent in March.',
  'A survey by the University of Westhaven found that 72 percent of residents support the project.',
  'Opposition leader Marc Feld claimed the contract was awarded without a public tender in 2020.',
  'The council said 450 workers were employed on the site at the peak of construction last summer.',
  'Insurance firms estimate that the 2017 flood caused damage worth 310 million euros in the city.',
  'The ministry of infrastructure said it paid 30 percent of the total cost from the national budget.',
  'Officials said the barrier was tested 15 times before the opening ceremony on Friday.',
].join('\n');

/** The person at the native dialogs: picks the article to import and the report's file name. */
class DialogStandIn implements HostServices {
  constructor(
    private readonly open: string,
    private readonly save: string,
  ) {}
  chooseOpen(): Promise<string[] | null> {
    return Promise.resolve([this.open]);
  }
  chooseSave(): Promise<string | null> {
    return Promise.resolve(this.save);
  }
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return {
      className: el?.className ?? '',
      tag: el?.tagName ?? '',
      id: el?.id ?? '',
      inDialog: !!el?.closest('[role="dialog"]'),
    };
  });

async function expectFocusOnList(page: Page) {
  await expect.poll(async () => (await focused(page)).className).toContain('claim-list');
}

describe('the whole workflow from the keyboard', () => {
  it(
    'imports, sets ten verdicts, adds two sources and a note, and exports, without the mouse',
    { timeout: 120_000 },
    async () => {
      const dir = tempDir('claimbench-e2e-keys-');
      const articleFile = path.join(dir, 'harbour.txt');
      const reportFile = path.join(dir, 'report.html');
      fs.writeFileSync(articleFile, ARTICLE);
      const ctx = { ...openContext('Ann Lee'), host: new DialogStandIn(articleFile, reportFile) };
      const { page, errors } = await e2e.launch(ctx);
      await page.locator('.claims-pane').waitFor();

      // Import: Ctrl+I asks the host for the file; Esc closes the dialog and the list has the keys.
      await page.keyboard.press('Control+i');
      const importDialog = page.getByRole('dialog', { name: 'Import documents' });
      await importDialog.getByText('Import finished').waitFor({ timeout: 30_000 });
      await page.keyboard.press('Escape');
      await importDialog.waitFor({ state: 'hidden' });
      await expectFocusOnList(page);
      const claims = (await call(ctx, 'claims.list', { limit: 100 })).items;
      expect(claims.length).toBeGreaterThanOrEqual(10);
      await page.locator('.claim-row').nth(9).waitFor();

      // Ten verdicts, one key each, moving down the list.
      const keys = ['s', 'd', 'u', 's', 's', 'd', 'u', 's', 'd', 's'];
      const expected: Record<string, string> = { s: 'sourced', d: 'disputed', u: 'unverified' };
      for (const [i, key] of keys.entries()) {
        await page.keyboard.press(key);
        await expect.poll(async () => (await call(ctx, 'claims.get', { id: claims[i]!.id })).verdict).toBe(expected[key]);
        if (i < keys.length - 1) await page.keyboard.press('j');
      }
      const reviewed = (await call(ctx, 'claims.list', { limit: 100 })).items.filter((c) => c.verdict !== null);
      expect(reviewed).toHaveLength(10);

      // Tab from the list enters the claim's own controls; Delete comes after them, never first.
      await page.keyboard.press('Tab');
      const tabbed = await page.evaluate(() => ({
        label: document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '',
        inDetail: !!document.activeElement?.closest('.detail-scroll'),
      }));
      expect(tabbed.inDetail).toBe(true);
      expect(tabbed.label).not.toBe('Delete claim');
      await page.keyboard.press('Shift+Tab');
      await expectFocusOnList(page);

      // Back to the first claim, then two sources: a link, and a passage with a title.
      await page.keyboard.press('Home');
      const first = claims[0]!;
      await page.keyboard.press('l');
      expect((await focused(page)).id).toBe('source-paste-input');
      await page.keyboard.type('https://example.org/flood-barrier-costs');
      await page.keyboard.press('Control+Enter');
      await expect.poll(async () => (await call(ctx, 'sources.list', { claimId: first.id })).length).toBe(1);
      await expectFocusOnList(page);

      // After Ctrl+Enter the keys are commands again: k and l are not typed into the source field.
      await page.keyboard.press('j');
      await page.keyboard.press('k');
      await page.keyboard.press('l');
      expect(await page.locator('#source-paste-input').inputValue()).toBe('');
      await page.keyboard.type('The council minutes of 3 May put the cost at 48 million euros.');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Council minutes');
      await page.keyboard.press('Control+Enter');
      await expect.poll(async () => (await call(ctx, 'sources.list', { claimId: first.id })).length).toBe(2);
      await expectFocusOnList(page);

      // Esc leaves the title field too, and the next keys are commands, not text.
      await page.keyboard.press('l');
      await page.keyboard.press('Tab');
      expect((await focused(page)).tag).toBe('INPUT');
      await page.keyboard.press('Escape');
      await expectFocusOnList(page);
      await page.keyboard.press('j');
      await page.keyboard.press('k');
      expect(await page.locator('.evidence-form input').first().inputValue()).toBe('');

      // A note.
      await page.keyboard.press('w');
      await page.keyboard.type('Ask the council for the tender documents.');
      await page.keyboard.press('Control+Enter');
      await expect
        .poll(async () => (await call(ctx, 'notes.list', { claimId: first.id })).map((n) => n.text))
        .toEqual(['Ask the council for the tender documents.']);
      await expectFocusOnList(page);

      // The rationale, right after a verdict key: r goes to it, Ctrl+Enter saves and the list has the keys again.
      await page.keyboard.press('s');
      await page.keyboard.press('r');
      await page.keyboard.type('The council minutes give the cost.');
      await page.keyboard.press('Control+Enter');
      await expect
        .poll(async () => (await call(ctx, 'claims.get', { id: first.id })).rationale)
        .toBe('The council minutes give the cost.');
      await expectFocusOnList(page);

      // Export, asked for from inside a text field: the dialog opens with focus in its first field,
      // and Ctrl+Enter exports from there.
      await page.keyboard.press('w');
      expect((await focused(page)).tag).toBe('TEXTAREA');
      await page.keyboard.press('Control+e');
      const exportDialog = page.getByRole('dialog', { name: 'Export report' });
      await exportDialog.waitFor();
      // The form loads its saved options first; focus moves into its first field when it appears.
      await expect.poll(async () => (await focused(page)).tag).toBe('INPUT');
      expect((await focused(page)).inDialog).toBe(true);
      await screenshot(page, 'keyboard-export-focus-light');
      // Ctrl+Enter submits from anywhere in the dialog, even from its close button outside the form.
      await page.keyboard.press('Shift+Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Close');
      await page.keyboard.press('Control+Enter');
      await exportDialog.getByTestId('export-result').waitFor({ timeout: 45_000 });
      const html = fs.readFileSync(reportFile, 'utf8');
      expect(html).toContain('https://example.org/flood-barrier-costs');
      expect(html).toContain('Council minutes');
      await page.keyboard.press('Escape');
      await exportDialog.waitFor({ state: 'hidden' });
      await expectFocusOnList(page);
      expect(errors).toEqual([]);
    },
  );
});

describe('modes from the keyboard', () => {
  it('starts a session from its dialog with Ctrl+Enter, acts in session mode, and Esc walks back to the list', async () => {
    const ctx = openContext('Ann Lee');
    await call(ctx, 'documents.createFromText', { text: ARTICLE, title: 'Harbour city opens new flood barrier' });
    const { page, errors } = await e2e.launch(ctx);
    await page.locator('.claim-row').first().waitFor();

    // The document view is its own mode: Esc goes back to the list, focused.
    await page.keyboard.press('v');
    await page.locator('.doc-scroll').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.doc-scroll').waitFor({ state: 'detached' });
    await expectFocusOnList(page);

    await page.keyboard.press('g');
    const start = page.getByRole('dialog', { name: /session/i });
    await start.waitFor();
    const where = await focused(page);
    expect([where.inDialog, where.tag]).toEqual([true, 'INPUT']);
    await page.keyboard.press('Control+Enter');
    await page.locator('#session-workbench').waitFor();
    const [session] = await call(ctx, 'sessions.list', {});
    expect(session?.status).toBe('active');
    const current = session!.currentClaimId!;

    // In session mode s is the current claim's verdict and Esc leaves the session, not a filter. (Once the current
    // claim is on screen and the keyboard on the session: a person reads the claim before deciding.)
    await page.locator(`[data-testid="current-claim"][data-claim-id="${current}"]`).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('session-workbench');
    await page.keyboard.press('s');
    await expect.poll(async () => (await call(ctx, 'claims.get', { id: current })).verdict).toBe('sourced');
    await page.keyboard.press('Escape');
    await page.locator('#session-workbench').waitFor({ state: 'detached' });
    await expectFocusOnList(page);
    expect(errors).toEqual([]);
  });
});

describe('the Shortcuts dialog', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`lists each binding once, from the keymap, at 1024×640 and 1440×900 (${colorScheme})`, async () => {
      const ctx = openContext('Ann Lee');
      await call(ctx, 'documents.createFromText', { text: ARTICLE, title: 'Harbour city opens new flood barrier' });
      const { page, errors } = await e2e.launch(ctx, { colorScheme });
      await page.locator('.claim-row').first().waitFor();
      for (const [width, height] of [
        [1024, 640],
        [1440, 900],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.keyboard.press('?');
        const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
        await help.waitFor();
        const rows = await help.locator('.shortcut-row').allInnerTexts();
        expect(rows.length).toBe(KEYMAP.length);
        expect(new Set(rows).size).toBe(rows.length);
        expect(rows.filter((r) => /^Esc\b/.test(r))).toHaveLength(KEY_MODES.length);
        // The dialog fits the window; its list scrolls inside it.
        const box = (await help.boundingBox())!;
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual(height);
        await screenshot(page, `shortcuts-${width}x${height}-${colorScheme}`);
        await help.evaluate((el) => el.scrollTo(0, el.scrollHeight));
        await screenshot(page, `shortcuts-${width}x${height}-${colorScheme}-end`);
        await page.keyboard.press('Escape');
        await help.waitFor({ state: 'hidden' });
        await expectFocusOnList(page);
      }
      expect(errors).toEqual([]);
    });
  }
});
