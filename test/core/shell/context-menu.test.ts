import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { APP_EVENTS } from '../../../shared/events';
import { productionAppUrl } from '../../../electron/shell/app-url';
import {
  CONTEXT_REPORT_MS,
  ContextSelection,
  contextMenuTemplate,
  type ContextMenuFacts,
} from '../../../electron/shell/context-menu';
import { isTrustedSender } from '../../../electron/shell/security';
import { createShellRequestHandler } from '../../../electron/shell/shell-requests';
import {
  bundledLanguages,
  listDictionaryFiles,
  loadShellSettings,
  saveShellSettings,
  spellcheckPolicy,
} from '../../../electron/shell/spellcheck';
import { GestureClock, isGestureInput, USER_GESTURE_WINDOW_MS } from '../../../electron/shell/user-gesture';
import { tempDir } from '../../helpers/workspace';

const flags = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };
const facts = (over: Partial<ContextMenuFacts>): ContextMenuFacts => ({
  isEditable: false,
  selectionText: '',
  misspelledWord: '',
  dictionarySuggestions: [],
  editFlags: flags,
  ...over,
});

function recorder() {
  const calls: string[] = [];
  return {
    calls,
    actions: {
      replaceMisspelling: (w: string) => calls.push(`replace:${w}`),
      addToDictionary: (w: string) => calls.push(`add:${w}`),
      makeClaim: () => calls.push('makeClaim'),
    },
  };
}
const labels = (items: MenuItemConstructorOptions[]) => items.map((i) => i.label ?? i.role ?? i.type);
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as () => void)();

describe('the right-click menu', () => {
  it('offers spelling suggestions, Add to Dictionary and the edit roles over a misspelled word', () => {
    const { calls, actions } = recorder();
    const items = contextMenuTemplate(
      facts({ isEditable: true, misspelledWord: 'claimm', dictionarySuggestions: ['claim', 'clam', 'a', 'b', 'c', 'd', 'e'] }),
      { claimable: false, spellcheck: true },
      actions,
    );
    expect(labels(items)).toEqual([
      'claim',
      'clam',
      'a',
      'b',
      'c',
      'd',
      'Add to Dictionary',
      'separator',
      'cut',
      'copy',
      'paste',
      'separator',
      'selectAll',
    ]);
    click(items[0]);
    click(items.find((i) => i.label === 'Add to Dictionary'));
    expect(calls).toEqual(['replace:claim', 'add:claimm']);
  });

  it('says when there are no guesses, and shows no spelling items when spellcheck is off', () => {
    const { actions } = recorder();
    const none = contextMenuTemplate(
      facts({ isEditable: true, misspelledWord: 'qqq' }),
      { claimable: false, spellcheck: true },
      actions,
    );
    expect(none[0]).toMatchObject({ label: 'No Guesses Found', enabled: false });
    const off = contextMenuTemplate(
      facts({ isEditable: true, misspelledWord: 'qqq', dictionarySuggestions: ['q'] }),
      { claimable: false, spellcheck: false },
      actions,
    );
    expect(labels(off)).toEqual(['cut', 'copy', 'paste', 'separator', 'selectAll']);
  });

  it('in a field, follows the renderer’s edit flags', () => {
    const { actions } = recorder();
    const items = contextMenuTemplate(
      facts({ isEditable: true, editFlags: { ...flags, canCut: false, canPaste: false } }),
      { claimable: false, spellcheck: false },
      actions,
    );
    expect(items.find((i) => i.role === 'cut')?.enabled).toBe(false);
    expect(items.find((i) => i.role === 'paste')?.enabled).toBe(false);
    expect(items.find((i) => i.role === 'copy')?.enabled).toBe(true);
  });

  it('offers Make a Claim for a selection in the document text, and it sends an event the renderer knows', () => {
    const { calls, actions } = recorder();
    const items = contextMenuTemplate(
      facts({ selectionText: 'The bridge opened in 1932.' }),
      { claimable: true, spellcheck: false },
      actions,
    );
    expect(labels(items)).toEqual(['Make a Claim', 'separator', 'copy', 'separator', 'selectAll']);
    click(items[0]);
    expect(calls).toEqual(['makeClaim']);
    expect(APP_EVENTS).toContain('menu:make-claim');
  });

  it('offers only Copy for a selection elsewhere, and nothing but Select All on empty space', () => {
    const { actions } = recorder();
    expect(labels(contextMenuTemplate(facts({ selectionText: 'x' }), { claimable: false, spellcheck: false }, actions))).toEqual([
      'copy',
      'separator',
      'selectAll',
    ]);
    expect(labels(contextMenuTemplate(facts({ selectionText: '   ' }), { claimable: true, spellcheck: false }, actions))).toEqual(
      ['selectAll'],
    );
    expect(
      contextMenuTemplate(
        facts({ editFlags: { ...flags, canSelectAll: false } }),
        { claimable: false, spellcheck: false },
        actions,
      ),
    ).toEqual([]);
  });

  it('uses the renderer’s claimable report once, and only while it is fresh', () => {
    let now = 0;
    const selection = new ContextSelection(() => now);
    expect(selection.take()).toBe(false);
    selection.set(true);
    expect(selection.take()).toBe(true);
    expect(selection.take()).toBe(false);
    selection.set(true);
    now += CONTEXT_REPORT_MS + 1;
    expect(selection.take()).toBe(false);
    selection.set(false);
    expect(selection.take()).toBe(false);
  });
});

describe('external links need a real gesture', () => {
  it('counts presses, releases, keys and taps, not moves or wheels', () => {
    for (const t of ['mouseDown', 'mouseUp', 'keyDown', 'rawKeyDown', 'char', 'gestureTap']) expect(isGestureInput(t)).toBe(true);
    for (const t of ['mouseMove', 'mouseWheel', 'mouseEnter', 'gestureScrollUpdate', 'undefined'])
      expect(isGestureInput(t)).toBe(false);
  });

  it('allows one request shortly after a click, never without one, never late, never twice', () => {
    let now = 5_000;
    const clock = new GestureClock(() => now);
    expect(clock.consume()).toBe(false);
    clock.record('mouseMove');
    expect(clock.consume()).toBe(false);
    clock.record('mouseDown');
    clock.record('mouseUp');
    now += 40;
    expect(clock.consume()).toBe(true);
    expect(clock.consume()).toBe(false);
    clock.record('keyDown');
    now += USER_GESTURE_WINDOW_MS + 1;
    expect(clock.consume()).toBe(false);
  });
});

describe('shell requests from the renderer', () => {
  const app = productionAppUrl('/opt/claimbench/out/renderer');
  const trusted = { senderFrame: { url: 'app://claimbench/index.html', parent: null }, sender: 'main' };

  function handler() {
    const opened: string[] = [];
    const selections: boolean[] = [];
    const handle = createShellRequestHandler<string>({
      isTrustedSender: (frame) => isTrustedSender(frame, app),
      openLink: async (_sender, url) => {
        opened.push(url);
        return true;
      },
      contextSelection: (_sender, claimable) => selections.push(claimable),
    });
    return { handle, opened, selections };
  }

  it('passes a valid link request and a selection report on', async () => {
    const { handle, opened, selections } = handler();
    expect(await handle(trusted, { kind: 'open-external', url: 'https://example.org/' })).toEqual({ ok: true, opened: true });
    expect(await handle(trusted, { kind: 'context-selection', claimable: true })).toEqual({ ok: true });
    expect(opened).toEqual(['https://example.org/']);
    expect(selections).toEqual([true]);
  });

  it.each([
    ['an unknown kind', { kind: 'run', command: 'rm' }],
    ['extra fields', { kind: 'open-external', url: 'https://example.org/', features: 'x' }],
    ['a non-string URL', { kind: 'open-external', url: { href: 'https://example.org/' } }],
    ['a huge URL', { kind: 'open-external', url: `https://${'a'.repeat(9_000)}.example/` }],
    ['not an object', 'open https://example.org/'],
    ['null', null],
  ])('refuses %s', async (_what, request) => {
    const { handle, opened } = handler();
    expect(await handle(trusted, request)).toEqual({ ok: false, error: 'Malformed shell request.' });
    expect(opened).toEqual([]);
  });

  it('refuses a frame that is not the app', async () => {
    const { handle, opened } = handler();
    const reply = await handle(
      { senderFrame: { url: 'https://evil.example/', parent: null }, sender: 'x' },
      {
        kind: 'open-external',
        url: 'https://example.org/',
      },
    );
    expect(reply.ok).toBe(false);
    expect(await handle({ senderFrame: null, sender: 'x' }, { kind: 'context-selection', claimable: true })).toMatchObject({
      ok: false,
    });
    expect(opened).toEqual([]);
  });
});

describe('spellcheck never downloads', () => {
  const dir = '/opt/claimbench/resources/dictionaries';

  it('on macOS uses the system spellchecker, on by default and switchable', () => {
    expect(spellcheckPolicy({ platform: 'darwin', setting: undefined, dictionariesDir: dir, bundled: [] })).toEqual({
      available: true,
      enabled: true,
      dictionaryUrl: undefined,
      languages: [],
    });
    expect(spellcheckPolicy({ platform: 'darwin', setting: false, dictionariesDir: dir, bundled: [] }).enabled).toBe(false);
  });

  it.each(['win32', 'linux'] as const)(
    'on %s points the downloader at the bundled folder and is off without dictionaries',
    (platform) => {
      const none = spellcheckPolicy({ platform, setting: true, dictionariesDir: dir, bundled: [] });
      expect(none).toEqual({ available: false, enabled: false, dictionaryUrl: `${pathToFileURL(dir).href}/`, languages: [] });
      expect(none.dictionaryUrl).not.toMatch(/^https?:/);
      const shipped = spellcheckPolicy({
        platform,
        setting: undefined,
        dictionariesDir: dir,
        bundled: ['en-US-10-1.bdic', 'uk-UA-3-0.bdic', 'README'],
      });
      expect(shipped).toMatchObject({ available: true, enabled: true, languages: ['en-US', 'uk-UA'] });
      expect(spellcheckPolicy({ platform, setting: false, dictionariesDir: dir, bundled: ['en-US-10-1.bdic'] }).enabled).toBe(
        false,
      );
    },
  );

  it('reads language codes from Hunspell file names only', () => {
    expect(
      bundledLanguages(['en-GB-10-1.bdic', 'fr-FR-3-0.BDIC', 'ru-3-0.bdic', 'x.dic', '../evil.bdic', 'en-GB-9-0.bdic']),
    ).toEqual(['en-GB', 'fr-FR', 'ru']);
  });

  it('keeps the choice in a settings file that survives bad content', () => {
    const folder = tempDir();
    const file = path.join(folder, 'shell-settings.json');
    expect(loadShellSettings(file)).toEqual({});
    saveShellSettings(file, { spellcheck: false });
    expect(loadShellSettings(file)).toEqual({ spellcheck: false });
    fs.writeFileSync(file, '{"spellcheck":"yes"}');
    expect(loadShellSettings(file)).toEqual({});
    fs.writeFileSync(file, 'not json');
    expect(loadShellSettings(file)).toEqual({});
    expect(listDictionaryFiles(path.join(folder, 'missing'))).toEqual([]);
  });
});
