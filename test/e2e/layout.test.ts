import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CoreContext } from '../../electron/core/context';
import { call } from '../../electron/core/dispatch';
import { Workspace } from '../../electron/core/store/workspace';
import { BUILT_ARTICLES } from '../helpers/built-articles';
import { tempDir } from '../helpers/workspace';
import { matchScreenshot, SCREENSHOT_TOLERANCE } from './approved-screenshots';
import { MemoryIdentity, useHarness } from './harness';
import { claimSpanOutOfView, clippedIn, selectedRowInView } from './layout-checks';

/**
 * Every main screen at the smallest, a common and the largest supported window, light and dark:
 * nothing cut or clipped (checked on the DOM), the selected claim in view, and each picture
 * within a tolerance of the approved one in test/e2e/approved (UPDATE_SCREENSHOTS=1 re-approves).
 */

const SIZES = [
  { width: 1024, height: 640 },
  { width: 1440, height: 900 },
  { width: 2560, height: 1440 },
] as const;
/** Sizes between them, checked on the DOM without pictures. */
const BETWEEN_SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;
const THEMES = ['light', 'dark'] as const;
/** The page's clock; the core's writes are a minute apart before it, so every run orders them alike. */
const NOW = new Date('2026-03-14T12:00:00Z');
let written = NOW.getTime() - 3_600_000;
/** The next write's time. */
const tick = () => vi.setSystemTime((written += 60_000));

const e2e = useHarness();

function person(dir: string, name: string, actorId: string): CoreContext {
  const identity = new MemoryIdentity(name, actorId);
  const workspace = Workspace.open(
    path.join(dir, `${name.split(' ')[0]!.toLowerCase()}.claimbench`),
    () => {
      const who = identity.get();
      return { actorId: who.actorId, author: who.author ?? '', signingKey: who.signingKey };
    },
    { create: true },
  );
  return { workspace, identity };
}

/**
 * A newsroom workspace: a weekly round-up of three built articles, decisions of each kind with a rationale and a source, and
 * one claim Ana and Ben decided differently while apart (the header's conflict badge).
 */
/** A call to the core one minute after the last one. */
const write: typeof call = (ctx, name, input) => {
  tick();
  return call(ctx, name, input);
};

async function seedNewsroom(): Promise<{ ana: CoreContext; lastClaimId: string; claimCount: number }> {
  const dir = tempDir('claimbench-e2e-layout-');
  const ana = person(dir, 'Ana Ruiz', 'a11ce0000000a001');
  const ben = person(dir, 'Ben Okafor', 'b0b0000000000b02');
  // One long document: the list in its scope keeps its order from run to run (across documents
  // it follows their random ids) and runs far below the fold at 640 px.
  const { document } = await write(ana, 'documents.createFromText', {
    text: BUILT_ARTICLES.map((a) => `${a.title}\n\n${a.text}`).join('\n\n'),
    title: 'Northport weekly: harbour, schools and rail',
  });
  const claims = (await call(ana, 'claims.list', { documentId: document.id, limit: 500 })).items;
  const [first, second, third, fourth] = claims;
  const last = claims[claims.length - 1]!;
  await write(ana, 'claims.setVerdict', { ids: [first!.id], verdict: 'sourced', rationale: 'Port annual report, p. 4.' });
  await write(ana, 'sources.add', {
    claimId: first!.id,
    url: 'https://northport.example.org/annual-report-2023',
    title: 'Northport harbour authority annual report 2023',
    stance: 'supports',
  });
  await write(ana, 'claims.setVerdict', { ids: [second!.id], verdict: 'unverified' });
  await write(ana, 'claims.setVerdict', { ids: [third!.id], verdict: 'disputed', rationale: 'Customs data give 7%.' });
  const base = await write(ana, 'team.share', { target: path.join(dir, 'base.claimbench-share') });
  await write(ben, 'team.merge', {
    path: base.path,
    expectHash: (await call(ben, 'team.mergePreview', { path: base.path })).contentHash,
  });
  await write(ana, 'claims.setVerdict', { ids: [fourth!.id], verdict: 'sourced', rationale: 'Matches the ship register.' });
  await write(ben, 'claims.setVerdict', {
    ids: [fourth!.id],
    verdict: 'disputed',
    rationale: 'The register counts calls twice.',
  });
  await write(ana, 'claims.setVerdict', { ids: [last.id], verdict: 'disputed', rationale: 'The operator says 40 minutes.' });
  const share = await write(ben, 'team.share', { target: path.join(dir, 'ben.claimbench-share') });
  await write(ana, 'team.merge', {
    path: share.path,
    expectHash: (await call(ana, 'team.mergePreview', { path: share.path })).contentHash,
  });
  ben.workspace.close();
  return { ana, lastClaimId: last.id, claimCount: claims.length };
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Every size in turn, the same screen: returns the layout problems found, by size. */
async function atEverySize(
  page: Page,
  theme: string,
  screen: string,
  check: (size: string) => Promise<string[]>,
  pictures: { name: string; diffShare: number }[],
): Promise<string[]> {
  const problems: string[] = [];
  for (const { width, height } of [...SIZES, ...BETWEEN_SIZES]) {
    await page.setViewportSize({ width, height });
    await settle(page);
    const size = `${width}x${height}`;
    for (const p of await check(size)) problems.push(`${screen} ${size} ${theme}: ${p}`);
    if (SIZES.some((s) => s.width === width)) pictures.push(await matchScreenshot(page, `${screen}-${size}-${theme}`));
  }
  return problems;
}

/** 24 pictures (four screens, three sizes, two themes): well past the default timeout on a busy machine. */
describe('layout at every window size, light and dark', () => {
  beforeAll(() => {
    tick();
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  it('cuts nothing and keeps the selected claim in view, and matches the approved pictures', async () => {
    expect(Date.now()).toBe(written);
    const { ana, lastClaimId, claimCount } = await seedNewsroom();
    const { page, errors } = await e2e.launch(ana);
    await page.clock.setFixedTime(NOW);
    await page.getByTestId('conflict-badge').waitFor();

    const problems: string[] = [];
    const pictures: { name: string; diffShare: number }[] = [];
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme });

      // The list with the last claim selected: at 640 px high it lies far below the fold.
      await page.locator('.doc-row', { hasText: 'Northport weekly' }).click();
      await page.locator('.claim-list').focus();
      await page.keyboard.press('End');
      await page.locator(`.claim-list [aria-selected="true"][data-claim-id="${lastClaimId}"]`).waitFor();
      await page.locator('.detail-pane .verdict-picker').waitFor();
      problems.push(
        ...(await atEverySize(
          page,
          theme,
          'list',
          async (size) => {
            const found = [
              ...(await clippedIn(page, '.app-header')),
              ...(await clippedIn(page, '.claims-filters')),
              ...(await clippedIn(page, '.detail-pane .pane-toolbar')),
              ...(await clippedIn(page, '.detail-pane .verdict-picker')),
            ];
            if (!(await selectedRowInView(page))) found.push('the selected claim is out of view');
            // Beside the conflict badge at 1024 px the progress takes its short form; wider, the long one.
            const progress = await page.getByTestId('progress-text').evaluate((el) => {
              const count = el.querySelector('strong')!;
              const slash = getComputedStyle(count, '::after').content === '"/"' ? '/' : '';
              return `${count.textContent}${slash}${(el as HTMLElement).innerText.slice(count.textContent!.length)}`;
            });
            const n = claimCount;
            const expected = {
              '1024x640': `5/${n} reviewed`,
              '1440x900': `5 of ${n} reviewed`,
              '2560x1440': `5 of ${n} reviewed`,
            }[size];
            if (expected && progress !== expected) found.push(`progress reads "${progress}", not "${expected}"`);
            return found;
          },
          pictures,
        )),
      );

      await page.keyboard.press('Control+e');
      const exportDialog = page.getByRole('dialog', { name: /export/i });
      await exportDialog.waitFor();
      await exportDialog
        .getByTestId('export-preview-status')
        .filter({ hasText: /^\d+ claims$/ })
        .waitFor();
      await page.frameLocator('iframe[title="Report preview"]').getByText('Fact-check report').first().waitFor();
      problems.push(...(await atEverySize(page, theme, 'export', () => clippedIn(page, '[role="dialog"]'), pictures)));
      await page.keyboard.press('Escape');
      await exportDialog.waitFor({ state: 'hidden' });

      await page.locator('.claim-list').focus();
      await page.keyboard.press('g');
      const sessionDialog = page.getByRole('dialog', { name: /session/i });
      await sessionDialog.waitFor();
      problems.push(
        ...(await atEverySize(
          page,
          theme,
          'session',
          async () => {
            const found = await clippedIn(page, '[role="dialog"]');
            // The dialog scrolls on a short window, but its buttons stay on screen.
            const start = await sessionDialog.getByRole('button', { name: 'Start session' }).boundingBox();
            const size = page.viewportSize()!;
            if (!start || start.y < 0 || start.y + start.height > size.height) found.push('Start session is off screen');
            return found;
          },
          pictures,
        )),
      );
      await page.keyboard.press('Escape');
      await sessionDialog.waitFor({ state: 'hidden' });

      await page.locator('.claim-list').focus();
      await page.keyboard.press('v');
      await page.locator(`.doc-scroll [data-claim-id="${lastClaimId}"]`).waitFor();
      problems.push(
        ...(await atEverySize(
          page,
          theme,
          'document',
          async () => {
            const found = [...(await clippedIn(page, '.app-header')), ...(await clippedIn(page, '.detail-pane .verdict-picker'))];
            const outside = await claimSpanOutOfView(page, lastClaimId);
            if (outside) found.push(`the selected claim is out of view in the text: ${outside}`);
            return found;
          },
          pictures,
        )),
      );
      await page.keyboard.press('v');
      await page.locator('.claim-list').waitFor();
    }

    expect(problems).toEqual([]);
    expect(pictures.filter((p) => p.diffShare > SCREENSHOT_TOLERANCE)).toEqual([]);
    // Playwright's fixed clock injects a script into every frame; the report preview's sandboxed
    // frame refuses it, as it refuses any script.
    expect(errors.filter((e) => !/Blocked script execution in 'about:srcdoc'/.test(e))).toEqual([]);
  }, 240_000);
});
