import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { AppEvent } from '../../shared/events';
import { menuAccelerator } from '../../shared/keymap';

/** What the menu can ask of the app; main.ts implements it with dialogs and the AppSession. */
export interface MenuActions {
  newWorkspace(): void;
  openWorkspace(): void;
  openRecent(file: string): void;
  clearRecent(): void;
  saveCopy(): void;
  /** File > Restore from Backup…: the shell lists the backups and restores (no renderer involved). */
  restoreBackup(): void;
  /** Forward a command to the renderer, which decides (e.g. text undo vs. core undo). */
  send(event: AppEvent): void;
  /** Edit › Check Spelling While Typing (only offered where spellcheckPolicy says it is available). */
  setSpellcheck?(enabled: boolean): void;
}

export interface MenuOptions {
  appName: string;
  isMac: boolean;
  isDev: boolean;
  recent: readonly string[];
  actions: MenuActions;
  spellcheck?: { available: boolean; enabled: boolean };
}

function recentItems(recent: readonly string[], actions: MenuActions): MenuItemConstructorOptions[] {
  const files: MenuItemConstructorOptions[] = recent.map((file) => ({
    label: path.basename(file),
    sublabel: file,
    toolTip: file,
    click: () => actions.openRecent(file),
  }));
  const none: MenuItemConstructorOptions[] = [{ label: 'No Recent Workspaces', enabled: false }];
  return [
    ...(files.length > 0 ? files : none),
    { type: 'separator' },
    { label: 'Clear Recent', enabled: files.length > 0, click: () => actions.clearRecent() },
  ];
}

/**
 * The application menu as plain data. Standard roles for everything the OS does well;
 * custom items only where the app decides (workspaces, undo that may be the core's undo).
 */
export function buildMenuTemplate({
  appName,
  isMac,
  isDev,
  recent,
  actions,
  spellcheck,
}: MenuOptions): MenuItemConstructorOptions[] {
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: appName,
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Document…', accelerator: menuAccelerator('document.new'), click: () => actions.send('menu:new-document') },
      {
        label: 'Open Text File…',
        accelerator: menuAccelerator('document.openTextFile'),
        click: () => actions.send('menu:open-text-file'),
      },
      { label: 'Import…', accelerator: menuAccelerator('import.files'), click: () => actions.send('menu:import') },
      { type: 'separator' },
      { label: 'New Workspace…', accelerator: menuAccelerator('workspace.new'), click: () => actions.newWorkspace() },
      { label: 'Open…', accelerator: menuAccelerator('workspace.open'), click: () => actions.openWorkspace() },
      { label: 'Open Recent', submenu: recentItems(recent, actions) },
      { type: 'separator' },
      { label: 'Save a Copy…', accelerator: menuAccelerator('workspace.saveCopy'), click: () => actions.saveCopy() },
      { label: 'Export Report…', accelerator: menuAccelerator('export.report'), click: () => actions.send('menu:export-report') },
      { type: 'separator' },
      { label: 'Share…', accelerator: menuAccelerator('team.share'), click: () => actions.send('menu:share') },
      { label: 'Merge from Teammate…', accelerator: menuAccelerator('team.merge'), click: () => actions.send('menu:merge') },
      { label: 'Sync Folder…', click: () => actions.send('menu:sync') },
      { type: 'separator' },
      { label: 'Fact-check Libraries…', click: () => actions.send('menu:libraries') },
      { type: 'separator' },
      { label: 'Restore from Backup…', click: () => actions.restoreBackup() },
      { type: 'separator' },
      { label: 'Close Window', role: 'close', accelerator: menuAccelerator('window.close') },
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { label: 'Undo', accelerator: menuAccelerator('history.undo'), click: () => actions.send('menu:undo') },
      { label: 'Redo', accelerator: menuAccelerator('history.redo'), click: () => actions.send('menu:redo') },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      { label: 'Find…', accelerator: menuAccelerator('find.search'), click: () => actions.send('menu:find') },
      ...(spellcheck?.available && actions.setSpellcheck
        ? [
            { type: 'separator' } as const,
            {
              label: 'Check Spelling While Typing',
              type: 'checkbox' as const,
              checked: spellcheck.enabled,
              click: () => actions.setSpellcheck?.(!spellcheck.enabled),
            },
          ]
        : []),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { label: 'Conflicts', accelerator: menuAccelerator('team.conflicts'), click: () => actions.send('menu:conflicts') },
      { label: 'Activity', accelerator: menuAccelerator('activity.show'), click: () => actions.send('menu:activity') },
      { type: 'separator' },
      // Reload rebuilds the screen from the workspace (nothing is lost: every change is already
      // stored), the way out of a stuck page in an installed app too; developer tools only in development.
      { role: 'reload' },
      ...(isDev ? [{ role: 'toggleDevTools' } as const] : []),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const session: MenuItemConstructorOptions = {
    label: '&Session',
    submenu: [
      {
        label: 'Start Checking Session…',
        accelerator: menuAccelerator('session.start'),
        click: () => actions.send('menu:start-session'),
      },
      {
        label: 'Start Live Capture…',
        accelerator: menuAccelerator('capture.start'),
        click: () => actions.send('menu:start-capture'),
      },
      { type: 'separator' },
      { label: 'Sessions…', click: () => actions.send('menu:sessions') },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: '&Window',
    role: 'windowMenu',
  };

  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      {
        label: 'Keyboard Shortcuts',
        accelerator: menuAccelerator('help.shortcuts'),
        click: () => actions.send('menu:shortcuts'),
      },
    ],
  };

  return [...appMenu, file, edit, view, session, windowMenu, help];
}
