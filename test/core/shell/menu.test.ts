import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { APP_EVENTS, type AppEvent } from '../../../shared/events';
import { buildMenuTemplate, type MenuActions } from '../../../electron/shell/menu';
import { KEYMAP, menuAccelerator, type MenuCommand } from '../../../shared/keymap';

function recorder() {
  const calls: string[] = [];
  const actions: MenuActions = {
    newWorkspace: () => calls.push('newWorkspace'),
    openWorkspace: () => calls.push('openWorkspace'),
    openRecent: (file) => calls.push(`openRecent:${file}`),
    clearRecent: () => calls.push('clearRecent'),
    saveCopy: () => calls.push('saveCopy'),
    restoreBackup: () => calls.push('restoreBackup'),
    send: (event: AppEvent) => calls.push(`send:${event}`),
  };
  return { calls, actions };
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  expect(Array.isArray(item?.submenu)).toBe(true);
  return item!.submenu as MenuItemConstructorOptions[];
}

function top(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  return submenu(template.find((m) => m.label?.replace('&', '') === label));
}

function find(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const item = items.find((i) => i.label === label);
  if (!item) throw new Error(`no menu item ${label}; have ${items.map((i) => i.label ?? i.role ?? i.type).join(', ')}`);
  return item;
}

function click(item: MenuItemConstructorOptions): void {
  expect(typeof item.click).toBe('function');
  (item.click as () => void)();
}

const base = { appName: 'Claimbench', isMac: false, isDev: false, recent: [] as string[] };

describe('application menu', () => {
  it('has the standard menus, with an app menu only on macOS', () => {
    const { actions } = recorder();
    const linux = buildMenuTemplate({ ...base, actions });
    expect(linux.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Session', '&Window', '&Help']);
    const mac = buildMenuTemplate({ ...base, isMac: true, actions });
    expect(mac[0]?.label).toBe('Claimbench');
    expect(
      submenu(mac[0])
        .map((i) => i.role)
        .filter(Boolean),
    ).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(top(linux, 'File').some((i) => i.role === 'quit')).toBe(true);
    expect(top(mac, 'File').some((i) => i.role === 'quit')).toBe(false);
    expect(linux.find((m) => m.label === '&Window')?.role).toBe('windowMenu');
  });

  it('File items call the workspace actions and send renderer commands', () => {
    const { calls, actions } = recorder();
    const file = top(buildMenuTemplate({ ...base, actions }), 'File');
    expect(find(file, 'New Workspace…').accelerator).toBe('CmdOrCtrl+Shift+N');
    expect(find(file, 'Open…').accelerator).toBe('CmdOrCtrl+O');
    expect(find(file, 'Save a Copy…').accelerator).toBe('CmdOrCtrl+Shift+S');
    expect(find(file, 'Close Window').role).toBe('close');
    for (const label of ['New Workspace…', 'Open…', 'Save a Copy…', 'New Document…', 'Open Text File…']) click(find(file, label));
    expect(calls).toEqual(['newWorkspace', 'openWorkspace', 'saveCopy', 'send:menu:new-document', 'send:menu:open-text-file']);
  });

  it('File offers import, export, the team actions and Restore from Backup', () => {
    const { calls, actions } = recorder();
    const file = top(buildMenuTemplate({ ...base, actions }), 'File');
    const labels = ['Import…', 'Export Report…', 'Share…', 'Merge from Teammate…', 'Sync Folder…', 'Restore from Backup…'];
    for (const label of labels) click(find(file, label));
    expect(calls).toEqual([
      'send:menu:import',
      'send:menu:export-report',
      'send:menu:share',
      'send:menu:merge',
      'send:menu:sync',
      'restoreBackup',
    ]);
    expect(find(file, 'Import…').accelerator).toBe('CmdOrCtrl+I');
    expect(find(file, 'Export Report…').accelerator).toBe('CmdOrCtrl+E');
  });

  it('View > Conflicts and View > Activity send their events', () => {
    const { calls, actions } = recorder();
    const view = top(buildMenuTemplate({ ...base, actions }), 'View');
    click(find(view, 'Conflicts'));
    click(find(view, 'Activity'));
    expect(calls).toEqual(['send:menu:conflicts', 'send:menu:activity']);
  });

  it('Session starts a checking session, a live capture, or lists sessions', () => {
    const { calls, actions } = recorder();
    const session = top(buildMenuTemplate({ ...base, actions }), 'Session');
    click(find(session, 'Start Checking Session…'));
    click(find(session, 'Start Live Capture…'));
    click(find(session, 'Sessions…'));
    expect(calls).toEqual(['send:menu:start-session', 'send:menu:start-capture', 'send:menu:sessions']);
  });

  it('every menu event the shell sends is one the renderer knows (shared/events.ts)', () => {
    const { calls, actions } = recorder();
    const walk = (items: MenuItemConstructorOptions[]) =>
      items.forEach((i) => {
        if (typeof i.click === 'function') (i.click as () => void)();
        if (Array.isArray(i.submenu)) walk(i.submenu);
      });
    walk(buildMenuTemplate({ ...base, isMac: true, isDev: true, recent: ['/x.claimbench'], actions }));
    const sent = calls.filter((c) => c.startsWith('send:')).map((c) => c.slice('send:'.length));
    expect(sent.length).toBeGreaterThan(10);
    for (const event of sent) expect(APP_EVENTS).toContain(event);
    // menu:make-claim comes from the right-click menu (context-menu.test.ts), not the menu bar.
    const menuEvents = APP_EVENTS.filter((e) => e.startsWith('menu:') && e !== 'menu:make-claim');
    expect(new Set(sent)).toEqual(new Set(menuEvents));
  });

  it('Open Recent lists files most recent first, opens them, and can be cleared', () => {
    const { calls, actions } = recorder();
    const recent = ['/data/b.claimbench', '/data/a.claimbench'];
    const items = submenu(find(top(buildMenuTemplate({ ...base, recent, actions }), 'File'), 'Open Recent'));
    expect(items.slice(0, 2).map((i) => [i.label, i.sublabel])).toEqual([
      ['b.claimbench', '/data/b.claimbench'],
      ['a.claimbench', '/data/a.claimbench'],
    ]);
    click(items[1]!);
    const clear = find(items, 'Clear Recent');
    expect(clear.enabled).toBe(true);
    click(clear);
    expect(calls).toEqual(['openRecent:/data/a.claimbench', 'clearRecent']);

    const empty = submenu(find(top(buildMenuTemplate({ ...base, actions }), 'File'), 'Open Recent'));
    expect(find(empty, 'No Recent Workspaces').enabled).toBe(false);
    expect(find(empty, 'Clear Recent').enabled).toBe(false);
  });

  it('Undo and Redo are custom items that defer to the renderer', () => {
    const { calls, actions } = recorder();
    const edit = top(buildMenuTemplate({ ...base, actions }), 'Edit');
    const undo = find(edit, 'Undo');
    const redo = find(edit, 'Redo');
    expect([undo.role, undo.accelerator]).toEqual([undefined, 'CmdOrCtrl+Z']);
    expect([redo.role, redo.accelerator]).toEqual([undefined, 'CmdOrCtrl+Shift+Z']);
    click(undo);
    click(redo);
    expect(calls).toEqual(['send:menu:undo', 'send:menu:redo']);
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('View offers Reload in every build (the way out of a stuck page) and dev tools only in development', () => {
    const { actions } = recorder();
    const prodRoles = top(buildMenuTemplate({ ...base, actions }), 'View').map((i) => i.role);
    expect(prodRoles).toContain('reload');
    expect(prodRoles).not.toContain('toggleDevTools');
    expect(prodRoles).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
    const devRoles = top(buildMenuTemplate({ ...base, isDev: true, actions }), 'View').map((i) => i.role);
    expect(devRoles).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('Edit offers Check Spelling While Typing only where spellcheck is available, as a checkbox that flips it', () => {
    const { actions } = recorder();
    const flips: boolean[] = [];
    const withSpell = { ...actions, setSpellcheck: (on: boolean) => flips.push(on) };
    const labelsOf = (spellcheck?: { available: boolean; enabled: boolean }) =>
      top(buildMenuTemplate({ ...base, actions: withSpell, ...(spellcheck ? { spellcheck } : {}) }), 'Edit').map((i) => i.label);
    expect(labelsOf()).not.toContain('Check Spelling While Typing');
    expect(labelsOf({ available: false, enabled: false })).not.toContain('Check Spelling While Typing');
    const edit = top(buildMenuTemplate({ ...base, actions: withSpell, spellcheck: { available: true, enabled: true } }), 'Edit');
    const item = find(edit, 'Check Spelling While Typing');
    expect(item).toMatchObject({ type: 'checkbox', checked: true });
    click(item);
    expect(flips).toEqual([false]);
  });

  it('Help > Keyboard Shortcuts sends menu:shortcuts', () => {
    const { calls, actions } = recorder();
    click(find(top(buildMenuTemplate({ ...base, actions }), 'Help'), 'Keyboard Shortcuts'));
    expect(calls).toEqual(['send:menu:shortcuts']);
  });

  it('no two items share an accelerator', () => {
    const { actions } = recorder();
    const all: string[] = [];
    const walk = (items: MenuItemConstructorOptions[]) =>
      items.forEach((i) => {
        if (i.accelerator) all.push(String(i.accelerator));
        if (Array.isArray(i.submenu)) walk(i.submenu);
      });
    walk(buildMenuTemplate({ ...base, isMac: true, isDev: true, recent: ['/x.claimbench'], actions }));
    expect(new Set(all).size).toBe(all.length);
  });

  it('every accelerator comes from the keymap, and every menu binding of the keymap is in the menu', () => {
    const { actions } = recorder();
    const all: string[] = [];
    const walk = (items: MenuItemConstructorOptions[]) =>
      items.forEach((i) => {
        if (i.accelerator) all.push(String(i.accelerator));
        if (Array.isArray(i.submenu)) walk(i.submenu);
      });
    walk(buildMenuTemplate({ ...base, isMac: false, isDev: true, recent: [], actions }));
    const fromKeymap = KEYMAP.filter((b) => 'menu' in b).map((b) => menuAccelerator(b.command as MenuCommand));
    expect([...all].sort()).toEqual([...fromKeymap].sort());
  });
});
