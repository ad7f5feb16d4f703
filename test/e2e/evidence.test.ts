import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import type { HostServices } from '../../electron/core/host';
import { clockMovesOn } from '../helpers/clock';
import { CORPUS_DIR, withoutShared } from '../helpers/corpus';
import { mergePreviewed } from '../helpers/merge';
import { tempDir } from '../helpers/workspace';
import {
  newsArticle,
  openContext,
  screenshot,
  screenshotAtBothSizes,
  type AppPage,
  type TestContext,
  useHarness,
} from './harness';
import { axeFindings } from './axe';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);

const PDF = path.join(CORPUS_DIR, 'fixtures/pdf/german-umlaut-r.pdf');

const e2e = useHarness();

/** A host stand-in that records what the app asked it to open. */
function recordingHost(opened: string[]): HostServices {
  return {
    chooseOpen: async () => null,
    chooseSave: async () => null,
    openPath: async (file) => {
      opened.push(file);
    },
  };
}

const launch = (ctx: TestContext, colorScheme: 'light' | 'dark' = 'light'): Promise<AppPage> => e2e.launch(ctx, { colorScheme });

async function seed(ctx: TestContext) {
  const article = newsArticle('iodine');
  const { document } = await call(ctx, 'documents.createFromText', { text: article.text, title: article.title });
  const claims = (await call(ctx, 'claims.list', { documentId: document.id, limit: 50 })).items;
  return { document, claims };
}

const detail = (page: Page) => page.locator('.detail-pane');

/** Scroll the detail pane (only it, not the window) so a section's heading is just below the pinned verdict. */
const scrollDetailTo = (el: Element) => {
  const pane = el.closest('.detail-scroll');
  const verdict = pane?.querySelector('.section-verdict');
  if (pane && verdict) pane.scrollTop += el.getBoundingClientRect().top - verdict.getBoundingClientRect().bottom - 8;
};

describe.skipIf(noShared)('evidence in the detail pane', () => {
  it('adds sources by link and by text, refuses javascript: links, shows hostile titles as text, and warns without blocking', async () => {
    const ctx = openContext('Ann Lee');
    const { claims } = await seed(ctx);
    const first = claims[0]!;
    const { page, errors } = await launch(ctx);
    await page.locator('.claim-row').first().waitFor();
    await page.locator('.claim-list').focus();

    // Marked sourced with no source: a warning, and the verdict is still set.
    await page.keyboard.press('s');
    await detail(page).getByTestId('claim-warning').getByText('Marked sourced, but no source').waitFor();
    expect((await call(ctx, 'claims.get', { id: first.id })).verdict).toBe('sourced');

    // l focuses the paste box; a URL becomes a link that opens only in a new, unprivileged window.
    await page.keyboard.press('l');
    await page.keyboard.type('https://www.who.int/news-room/fact-sheets/detail/iodine');
    await detail(page).getByPlaceholder('Title (optional)').fill('WHO fact sheet on iodine');
    // A new source starts as context; this one supports the claim.
    await detail(page).getByRole('radio', { name: 'Supports' }).click();
    await detail(page).getByPlaceholder('Title (optional)').press('Control+Enter');
    const link = detail(page).locator('.source-list a.source-title');
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('https://www.who.int/news-room/fact-sheets/detail/iodine');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    await detail(page).getByTestId('claim-warning').waitFor({ state: 'detached' });

    // Pasted text becomes an excerpt; the stance is context again, not carried over from the last source.
    await detail(page).locator('#source-paste-input').fill('Iodine tablets only protect the thyroid gland.');
    expect(await detail(page).getByRole('radio', { name: 'Context' }).getAttribute('aria-checked')).toBe('true');
    await detail(page).getByRole('button', { name: /^Add/ }).first().click();
    await detail(page).locator('.source-excerpt', { hasText: 'only protect the thyroid' }).waitFor();
    const sources = await call(ctx, 'sources.list', { claimId: first.id });
    expect(sources.map((s) => [s.stance, s.url, s.excerpt])).toEqual([
      ['supports', 'https://www.who.int/news-room/fact-sheets/detail/iodine', ''],
      ['context', null, 'Iodine tablets only protect the thyroid gland.'],
    ]);

    // A javascript: link is refused with a message; nothing is stored.
    await detail(page).locator('#source-paste-input').fill('javascript:alert(document.cookie)');
    await page.keyboard.press('Control+Enter');
    await detail(page).getByRole('alert').getByText('Only http:// and https:// links').waitFor();
    expect(await call(ctx, 'sources.list', { claimId: first.id })).toHaveLength(2);
    await detail(page).locator('#source-paste-input').fill('');

    // A hostile title and excerpt from a teammate's file are shown as text, never as markup.
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    await call(ctx, 'sources.add', { claimId: first.id, title: hostile, excerpt: hostile, stance: 'contradicts' });
    // Written behind the page's back: reload (the saved view brings the same claim back).
    await page.waitForTimeout(600);
    await page.reload();
    await detail(page).locator('.source-title', { hasText: '<img src=x' }).waitFor();
    expect(await detail(page).locator('.source-list img, .source-list script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    await detail(page).locator('.section-sources .section-title').evaluate(scrollDetailTo);
    await screenshot(page, 'evidence-sources-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'evidence-sources-dark');
    expect(await axeFindings(page, '.detail-pane')).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await axeFindings(page, '.detail-pane')).toEqual([]);
    expect(await axeFindings(page, '.claims-filters')).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('attaches a file with its SHA-256 and opens it only through the host, on click', async () => {
    const opened: string[] = [];
    const ctx: TestContext = { ...openContext('Ann Lee'), host: recordingHost(opened) };
    const { claims } = await seed(ctx);
    const { page, errors, bridge } = await launch(ctx);
    await page.locator('.claim-row').first().waitFor();

    const bytes = fs.readFileSync(PDF);
    const sha = createHash('sha256').update(bytes).digest('hex');
    await page.locator('#attachment-file-input').setInputFiles(PDF);
    const item = detail(page).locator('.attachment-item', { hasText: 'german-umlaut-r.pdf' });
    await item.waitFor();
    await item.getByText(`SHA-256 ${sha.slice(0, 12)}`).waitFor();
    const [stored] = await call(ctx, 'attachments.list', { claimId: claims[0]!.id });
    expect(stored).toMatchObject({ sha256: sha, size: bytes.length, kind: 'pdf', viewable: true });
    expect(opened).toEqual([]);

    await item.getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => opened.length).toBe(1);
    await detail(page).locator('.section-attachments .section-title').evaluate(scrollDetailTo);
    await screenshot(page, 'evidence-attachments-light');
    expect(fs.readFileSync(opened[0]!).equals(bytes)).toBe(true);
    // The page asks the core to open it; the temporary file's path never crosses into the page.
    const names = bridge.calls.map((c) => c.name);
    expect(names).toContain('attachments.open');
    expect(names.filter((n) => n.startsWith('host.') || n === 'attachments.export')).toEqual([]);

    // A missing host (as in the CLI) is an inert failure with a message, not a crash.
    bridge.setContext({ ...ctx, host: undefined });
    await item.getByRole('button', { name: 'Open' }).click();
    await page.locator('.notice-error', { hasText: 'Could not open' }).waitFor();
    bridge.setContext(ctx);
    expect(errors).toEqual([]);
  });

  it('keeps a notes thread, shows history, and lists workspace activity that leads to the claim', async () => {
    const ctx = openContext('Ann Lee');
    const { claims } = await seed(ctx);
    const { page, errors } = await launch(ctx);
    await page.locator('.claim-row').first().waitFor();
    await page.locator('.claim-list').focus();

    await page.keyboard.press('w');
    await page.keyboard.type('Ask the press office <b>which</b> tablets they mean.');
    await page.keyboard.press('Control+Enter');
    const note = detail(page).locator('.note-item');
    await note.waitFor();
    await note.locator('.note-author', { hasText: 'Ann Lee' }).waitFor();
    await note.locator('.note-time', { hasText: 'just now' }).waitFor();
    await note.getByText('Ask the press office <b>which</b> tablets they mean.').waitFor();
    expect((await call(ctx, 'notes.list', { claimId: claims[0]!.id })).map((n) => n.author)).toEqual(['Ann Lee']);

    // Assignee and tags in the detail pane.
    await page.locator('.claim-list').focus();
    await page.keyboard.press('t');
    await page.keyboard.type('health, iodine');
    await page.keyboard.press('Enter');
    await detail(page).locator('.tag-chip', { hasText: 'iodine' }).waitFor();
    expect((await call(ctx, 'claims.get', { id: claims[0]!.id })).tags).toEqual(['health', 'iodine']);
    // Typed at speed, Enter after each, while each answer takes a while to come back: every letter lands in its
    // own tag, none in the one before or lost.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await page.keyboard.type('court\nruling\nechr\n', { delay: 40 });
    await expect
      .poll(async () => (await call(ctx, 'claims.get', { id: claims[0]!.id })).tags)
      .toEqual(['health', 'iodine', 'court', 'ruling', 'echr']);
    expect(await page.locator(`#tag-input`).inputValue()).toBe('');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    await page.locator('.claim-list').focus();
    await page.keyboard.press('d');
    await detail(page).getByTestId('claim-warning').getByText('Marked disputed').waitFor();
    await detail(page).locator('.history-entry', { hasText: 'marked Disputed' }).waitFor();

    // The second claim gets a change too, then the feed leads back to the first.
    await page.keyboard.press('j');
    await page.keyboard.press('s');
    await page.keyboard.press('h');
    const feed = page.getByRole('dialog', { name: 'Workspace activity' });
    await feed.waitFor();
    await feed.locator('.activity-summary', { hasText: 'Ann Lee added a note' }).waitFor();
    // Each entry in the claim history's words, with the claim it concerns on a line of its own.
    const disputed = feed.locator('.activity-item', {
      has: page.locator('.activity-summary', { hasText: 'Ann Lee marked Disputed' }),
    });
    await disputed.locator('.activity-claim', { hasText: claims[0]!.text.slice(0, 40) }).waitFor();
    await screenshot(page, 'evidence-activity-light');
    expect(await axeFindings(page, '[role="dialog"]')).toEqual([]);
    await feed.locator('.activity-open', { hasText: 'Ann Lee added a note' }).click();
    await feed.waitFor({ state: 'hidden' });
    await expect.poll(() => page.locator('.claim-row.is-selected').getAttribute('data-claim-id')).toBe(claims[0]!.id);
    await detail(page).locator('.section-notes .section-title').evaluate(scrollDetailTo);
    await screenshot(page, 'evidence-notes-light');
    expect(errors).toEqual([]);
  });
});

describe('workspace activity after a teammate’s concurrent edits', () => {
  it('says what Dana changed from what she saw, that she kept Sam’s decision, and which claim each concerns', async () => {
    const dir = tempDir('claimbench-e2e-activity-');
    const sam = openContext('Sam Ortiz', path.join(dir, 'sam.claimbench'), '5a00000000000a01');
    const dana = openContext('Dana Reyes', path.join(dir, 'dana.claimbench'), 'da00000000000d02');
    const share = async (name: string) =>
      (await call(sam, 'team.share', { target: path.join(dir, `${name}.claimbench-share`) })).path;
    try {
      await call(sam, 'documents.createFromText', {
        title: 'Election appeal',
        text: 'The court annulled the election result on 3 May. Turnout was 61 percent, the board said.',
      });
      const claim = (await call(sam, 'claims.list', {})).items[0]!;
      await mergePreviewed(dana, await share('seed'));
      await call(sam, 'claims.setVerdict', {
        ids: [claim.id],
        verdict: 'unverified',
        rationale: 'Court ruling published in Resmi Gazete.',
      });
      await clockMovesOn();
      await call(dana, 'claims.setVerdict', { ids: [claim.id], verdict: 'sourced' });
      await call(dana, 'claims.update', { id: claim.id, patch: { rationale: 'Rationale 2: the electoral board’s own table.' } });
      await mergePreviewed(dana, await share('sam'));
      const [conflict] = await call(dana, 'conflicts.list', {});
      await call(dana, 'conflicts.keep', {
        claimId: claim.id,
        actorId: conflict!.sides.find((s) => s.author === 'Sam Ortiz')!.actorId,
      });
      await call(dana, 'report.options.set', { options: { title: 'Election desk' } });
      const session = await call(dana, 'sessions.start', { name: 'Appeal review' });
      await call(dana, 'sessions.end', { id: session.id });

      const { page, errors } = await launch(dana);
      await page.locator('.claim-row').first().waitFor();
      await page.locator('.claim-list').focus();
      await page.keyboard.press('h');
      const feed = page.getByRole('dialog', { name: 'Workspace activity' });
      await feed.waitFor();
      const entry = (summary: string) =>
        feed.locator('.activity-item', { has: page.locator('.activity-summary', { hasText: summary }) });
      // Keeping a side is one action: one entry, naming the decision kept.
      const kept = entry('Dana Reyes settled the conflict: kept Sam Ortiz’s decision, Unverified');
      await kept.waitFor();
      expect((await kept.locator('.activity-detail').innerText()).trim()).toMatch(/^· “.+” · was Sourced$/);
      await expect(feed.locator('.activity-summary', { hasText: 'kept Sam Ortiz’s rationale' }).count()).resolves.toBe(0);
      expect(await kept.locator('.activity-claim').innerText()).toBe(`“${claim.text}”`);
      await entry('Dana Reyes marked Sourced').waitFor();
      expect(await entry('Dana Reyes marked Sourced').locator('.activity-detail').count()).toBe(0);
      // Sam's decision came in with his share file; Dana's own change came with none.
      expect(await entry('Sam Ortiz marked Unverified and wrote a rationale').locator('.activity-origin').innerText()).toMatch(
        /^from Sam Ortiz’s share file, merged by Dana Reyes on (\d+ \w+|\w+ \d+)$/,
      );
      expect(await entry('Dana Reyes marked Sourced').locator('.activity-origin').count()).toBe(0);
      expect(await entry('Dana Reyes wrote a rationale').locator('.activity-detail').innerText()).toContain('Rationale 2');
      await entry('Dana Reyes changed the report settings').waitFor();
      await entry('Dana Reyes ended the checking session “Appeal review”').waitFor();
      const text = await feed.locator('.activity-list').innerText();
      expect(text).not.toMatch(/ from “|[{}]|\d{4}-\d\d-\d\dT|time spent|\bsourced\b|\bunverified\b/);
      expect(await axeFindings(page, '[role="dialog"]')).toEqual([]);
      await screenshotAtBothSizes(page, 'activity-settled-conflict');
      expect(errors).toEqual([]);
    } finally {
      sam.workspace.close();
    }
  });
});
