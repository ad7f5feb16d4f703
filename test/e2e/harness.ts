import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { CoreContext, IdentityStore } from '../../electron/core/context';
import { Workspace } from '../../electron/core/store/workspace';
import { signingKeyFromSeed } from '../../electron/core/team/signing';
import { startBrowserHost } from '../../electron/browser-host/server';
import { inProcessCore } from '../../electron/core/process/in-process-core';
import { eventToWire, type BridgeEvent } from '../../shared/events';
import { CORPUS_DIR, readGumArticle } from '../helpers/corpus';
import { serveStatic, type StaticServer } from '../helpers/static-server';
import { tempDir } from '../helpers/workspace';
import { CHROMIUM_ARGS, chromiumPath } from '../../electron/core/report/pdf';

export const RENDERER_DIR = path.resolve(import.meta.dirname, '../../out/renderer');
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/e2e');
const CORPUS = path.join(CORPUS_DIR, 'news_en', 'gum_wikinews_conllu');

/** An identity that starts without a name, like the app on first launch. */
export class MemoryIdentity implements IdentityStore {
  constructor(
    private author: string | null,
    private readonly actorId = 'e2e0c0ffee000001',
  ) {}
  get() {
    const signingKey = signingKeyFromSeed(createHash('sha256').update(this.actorId).digest());
    return { actorId: this.actorId, author: this.author, signingKey };
  }
  setAuthor(name: string) {
    this.author = name.trim();
  }
}

export type TestContext = CoreContext & { file: string };

/** A real workspace file; `file` reopens an existing one in a fresh core; `actorId` makes a teammate. */
export function openContext(
  author: string | null,
  file = path.join(tempDir('claimbench-e2e-'), 'e2e.claimbench'),
  actorId?: string,
): TestContext {
  const identity = new MemoryIdentity(author, actorId);
  const workspace = Workspace.open(
    file,
    () => {
      const who = identity.get();
      return { actorId: who.actorId, author: who.author ?? '', signingKey: who.signingKey };
    },
    { create: true },
  );
  return { workspace, identity, file };
}

/** A GUM Wikinews article as a reader would paste it: headline, then paragraphs. */
export function newsArticle(name: string): { title: string; text: string; sentences: string[] } {
  const article = readGumArticle(path.join(CORPUS, `GUM_news_${name}.conllu`));
  return { title: article.title || name, text: article.text, sentences: article.sentences };
}

export const NEWS_ARTICLES = [
  'afghan',
  'clock',
  'defector',
  'expo',
  'hackers',
  'ie9',
  'iodine',
  'lanterns',
  'questionnaire',
  'soccer',
  'taxes',
  'warming',
];

export interface Harness {
  browser: Browser;
  server: StaticServer;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const server = await serveStatic(RENDERER_DIR);
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
  return {
    browser,
    server,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** What a test may do beside the page: the same as a person at the shell, seen from the host. */
export interface TestBridge {
  /** Point the page at another core (e.g. the same file reopened); takes effect on the next call. */
  setContext(ctx: CoreContext): void;
  /** Push a shell event (menu command, workspace switch, data change) to the page over the WebSocket. */
  emit(event: BridgeEvent): Promise<void>;
  /** Every operation the page called over the transport, in order. */
  calls: { name: string; input: unknown }[];
}

export interface AppPage {
  page: Page;
  bridge: TestBridge;
  errors: string[];
  close(): Promise<void>;
}

/**
 * The built renderer in a fresh browser context, served by a real browser host (HTTP + WebSocket,
 * token, cookie) whose core runs in this process on `ctx`, so tests seed and inspect the workspace
 * directly while every call of the page crosses the real transport.
 */
export async function openApp(
  harness: Harness,
  ctx: CoreContext,
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<AppPage> {
  let current = ctx;
  const calls: TestBridge['calls'] = [];
  const core = inProcessCore(() => current, { onInvoke: (name, input) => calls.push({ name, input }) });
  const host = await startBrowserHost({ rendererDir: RENDERER_DIR, core });
  const context = await harness.browser.newContext({
    viewport: { width: 1440, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(host.url);
  await page.locator('.app').waitFor();
  const bridge: TestBridge = {
    setContext: (next) => {
      current = next;
    },
    emit: async (event) => {
      core.emit(eventToWire(event));
      // Let the message cross the socket and the page handle it before the test goes on.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 20)));
    },
    calls,
  };
  return {
    page,
    bridge,
    errors,
    close: async () => {
      await context.close();
      await host.close();
    },
  };
}

/**
 * A test file's browser and page server, started once for the file, and cleanup after each test:
 * registers the vitest hooks. `launch` opens the app bound to `ctx` and, after the test, closes
 * the page and the workspace; `afterTest` adds more cleanup (run last-added first).
 */
export function useHarness() {
  let harness: Harness | undefined;
  const cleanups: (() => Promise<void> | void)[] = [];
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });
  const afterTest = (fn: () => Promise<void> | void) => {
    cleanups.push(fn);
  };
  return {
    afterTest,
    async launch(ctx: CoreContext, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<AppPage> {
      if (!harness) throw new Error('useHarness: launch() runs inside a test');
      const app = await openApp(harness, ctx, options);
      afterTest(() => ctx.workspace.close());
      afterTest(() => app.close());
      return app;
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  // Let tooltips and transitions settle so the picture shows the resting state.
  await page.mouse.move(0, 0);
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/**
 * Screenshots of the page as it stands at 1024×640 and at 1440×900, each in light and dark, named
 * `${name}-${width}-${scheme}`; `atSize` runs first at each size (scrolling something into view, checking the fit).
 * It ends at 1440×900 in dark.
 */
export async function screenshotAtBothSizes(page: Page, name: string, atSize?: (width: number) => Promise<void>): Promise<void> {
  for (const [width, height] of [
    [1024, 640],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await atSize?.(width);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await screenshot(page, `${name}-${width}-${colorScheme}`);
    }
  }
}
