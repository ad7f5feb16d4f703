import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import type { HostServices } from '../../electron/core/host';
import { closeAllLibraries } from '../../electron/core/library/pool';
import { WEAK_MATCH } from '../../shared/library-api';
import type { OpenPurpose, SavePurpose } from '../../shared/host-api';
import { tempDir } from '../helpers/workspace';
import { openContext, screenshot, useHarness } from './harness';
import { expectAxeCleanInBothThemes } from './axe';

/** Stands in for the person in the native file dialogs: answers with the paths the test queued. */
class DialogStandIn implements HostServices {
  readonly opens: Partial<Record<OpenPurpose, string[][]>> = {};
  readonly saves: Partial<Record<SavePurpose, string[]>> = {};
  chooseOpen(purpose: OpenPurpose): Promise<string[] | null> {
    return Promise.resolve(this.opens[purpose]?.shift() ?? null);
  }
  chooseSave(purpose: SavePurpose): Promise<string | null> {
    return Promise.resolve(this.saves[purpose]?.shift() ?? null);
  }
}

const REVIEWS = [
  [
    'https://checks.example/bleach',
    'Drinking bleach cures the flu',
    'Does drinking bleach cure the flu?',
    'False',
    'PolitiFact',
    '2020-03-01',
  ],
  [
    'https://checks.example/drones',
    'Russia launched 157 drones and seven missiles overnight',
    'Did Russia launch 157 drones in one night?',
    'Mostly true',
    'StopFake',
    '2024-05-12',
  ],
  [
    'https://checks.example/moon',
    'The moon landing was filmed in a studio',
    'Was the moon landing staged?',
    'Pants on Fire',
    'Snopes',
    '2019-07-20',
  ],
];

function writeFeed(dir: string): string {
  const file = path.join(dir, 'feed.json');
  const items = REVIEWS.map(([url, claimReviewed, headline, rating, publisher, date]) => ({
    '@type': 'DataFeedItem',
    item: [
      {
        '@type': 'ClaimReview',
        url,
        claimReviewed,
        headline,
        author: { '@type': 'Organization', name: publisher },
        datePublished: date,
        reviewRating: { '@type': 'Rating', alternateName: rating },
      },
    ],
  }));
  items.push({
    '@type': 'DataFeedItem',
    item: [{ '@type': 'ClaimReview', url: 'javascript:alert(1)', claimReviewed: 'bad' } as never],
  });
  fs.writeFileSync(file, JSON.stringify({ '@context': 'https://schema.org', '@type': 'DataFeed', dataFeedElement: items }));
  return file;
}

describe('fact-check libraries in the app', () => {
  const { launch, afterTest } = useHarness();

  it('creates and imports a library from the dialog, badges matched claims and attaches a match with Y', async () => {
    afterTest(() => closeAllLibraries());
    const dir = tempDir('claimbench-e2e-library-');
    const host = new DialogStandIn();
    const ctx = { ...openContext('Ann Analyst'), host };
    await call(ctx, 'claims.add', { text: 'The senator said drinking bleach cures flu', claimant: 'Senator Ray' });
    await call(ctx, 'claims.add', { text: 'Turnout was the highest in twenty years' });
    await call(ctx, 'claims.add', { text: 'NASA filmed the moon landing in a Hollywood studio' });
    const studio = await call(ctx, 'claims.add', { text: 'The studio audience numbered three hundred people' });
    const libFile = path.join(dir, 'desk.claimbench-library');
    host.saves.library = [libFile];
    host.opens['library-import'] = [[writeFeed(dir)]];

    const { page, errors } = await launch(ctx);
    // In the browser there is no File menu: the detail pane's hint names the Team menu item, which opens the dialog.
    await page
      .locator('.evidence-empty', {
        hasText: 'No fact-check library linked. Team menu (people icon) ▸ Fact-check libraries… links one.',
      })
      .waitFor();
    await page.getByRole('button', { name: /^Team/ }).click();
    await page.getByRole('menuitem', { name: 'Fact-check libraries…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fact-check libraries' });
    await dialog.getByText('No library linked').waitFor();
    await dialog.getByRole('button', { name: 'New library…' }).click();
    await dialog.getByText('desk.claimbench-library').first().waitFor();
    await dialog.getByRole('button', { name: 'Import…' }).click();
    await dialog.getByRole('status').waitFor();
    await expect(dialog.getByRole('status').textContent()).resolves.toMatch(/3 added, 0 updated, 0 unchanged, 1 skipped/);
    await expect(dialog.getByLabel('Skipped items').textContent()).resolves.toMatch(
      /feed\.json dataFeedElement\[3\]\.item\[0\]: url/,
    );
    await expect(dialog.locator('.library-count').textContent()).resolves.toBe('3 fact-checks');
    await screenshot(page, 'library-dialog-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'library-dialog-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expectAxeCleanInBothThemes(page, 'library dialog', '[role="dialog"]');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    const badge = page.locator('.claim-row', { hasText: 'drinking bleach' }).locator('.fact-check-badge');
    await badge.waitFor();
    await expect(badge.textContent()).resolves.toBe('checked before: PolitiFact (2020) rated False');
    await expect(page.locator('.claim-row', { hasText: 'Turnout' }).locator('.fact-check-badge').count()).resolves.toBe(0);
    await expect(
      page.locator('.claim-row', { hasText: 'moon landing' }).locator('.fact-check-badge').textContent(),
    ).resolves.toMatch(/Snopes \(2019\) rated Pants on Fire/);

    // At 1024 px the list pane is too narrow for the badge: it ends in an ellipsis inside the row, the
    // claimant beside it giving way first, and its tooltip holds the whole text.
    await page.setViewportSize({ width: 1024, height: 640 });
    const fit = await badge.evaluate((el) => {
      const meta = el.parentElement!.getBoundingClientRect();
      return {
        shortened: el.scrollWidth > el.clientWidth,
        ellipsis: getComputedStyle(el).textOverflow,
        cutBy: Math.max(0, Math.round(el.getBoundingClientRect().right - meta.right)),
      };
    });
    expect(fit).toEqual({ shortened: true, ellipsis: 'ellipsis', cutBy: 0 });
    expect((await badge.getAttribute('title'))?.split('\n')[0]).toBe(
      'checked before: PolitiFact (2020) rated False (a strong match)',
    );
    await screenshot(page, 'library-badge-1024-light');
    await page.setViewportSize({ width: 1440, height: 900 });

    await expectAxeCleanInBothThemes(page, 'claim list with badges', '.claim-list');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.locator('.claim-row', { hasText: 'drinking bleach' }).click();
    const section = page.getByLabel('Published fact-checks');
    await section.locator('.fact-check-item').first().waitFor();
    await expect(section.locator('.fact-check-item').first().getAttribute('data-match-url')).resolves.toBe(
      'https://checks.example/bleach',
    );
    const why = (await section.locator('.fact-check-why').first().textContent())!.replace(/^Both mention: /, '').split(', ');
    expect(why).toContain('bleach');
    await expect(section.locator('.fact-check-confidence').first().textContent()).resolves.toBe('Strong match');
    expect(new Set(why.map((w) => w.toLowerCase())).size).toBe(why.length); // each word once
    await page.locator('.section-fact-checks').scrollIntoViewIfNeeded();
    await screenshot(page, 'library-detail-light');
    await page.setViewportSize({ width: 1024, height: 640 });
    await screenshot(page, 'library-detail-1024-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'library-detail-1024-dark');
    await page.setViewportSize({ width: 1440, height: 900 });
    await screenshot(page, 'library-detail-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    await expectAxeCleanInBothThemes(page, 'published fact-checks', '.section-fact-checks');
    await page.getByRole('listbox', { name: 'Claims' }).focus();
    await page.keyboard.press('y');
    await page.getByText('Attached as a source (context).').waitFor();
    const claimId = await page.locator('.claim-row.is-selected').getAttribute('data-claim-id');
    const sources = (await call(ctx, 'claims.evidence', { id: claimId! })).sources;
    // A False rating does not decide the stance: the checker does.
    expect(sources).toMatchObject([{ url: 'https://checks.example/bleach', stance: 'context', publisher: 'PolitiFact' }]);
    await page.locator('.source-title', { hasText: 'Does drinking bleach cure the flu?' }).waitFor();

    // A claim sharing a word or two with a fact-check: the match waits behind a button, and y attaches nothing.
    const found = await call(ctx, 'libraries.matchClaim', { claimId: studio.id, top: 5 });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((m) => m.confidence < WEAK_MATCH)).toBe(true);
    await page.locator('.claim-row', { hasText: 'studio audience' }).click();
    await page.locator('.evidence-empty', { hasText: 'No published fact-check matches this claim closely.' }).waitFor();
    const showWeak = page.getByRole('button', { name: /^Show (a weak match|\d+ weak matches)/ });
    await showWeak.waitFor();
    expect(await section.count()).toBe(0);
    await page.getByRole('listbox', { name: 'Claims' }).focus();
    await page.keyboard.press('y');
    await page.waitForTimeout(300);
    expect((await call(ctx, 'claims.evidence', { id: studio.id })).sources).toEqual([]);
    await showWeak.click();
    await section.locator('.fact-check-item').first().waitFor();
    expect(await section.locator('.fact-check-item').count()).toBe(found.length);
    expect(errors).toEqual([]);
  });
});
