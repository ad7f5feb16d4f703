/**
 * Where a command lives in the running host, for hints in the UI ("Your teammate merges it with …").
 * The desktop app has a menu bar; the browser host has none, so there the same commands sit in the
 * header's Team menu (the people icon). The Team menu's item labels come from here too, so a hint
 * never names an item that is not there.
 */
export type PlacedCommand = 'share' | 'merge' | 'sync' | 'libraries';

/** The Team menu's items (renderer/team/TeamMenu.tsx), in both hosts. */
export const TEAM_MENU_LABELS: Record<PlacedCommand, string> = {
  share: 'Share…',
  merge: 'Merge from teammate…',
  sync: 'Sync folder…',
  libraries: 'Fact-check libraries…',
};

const DESKTOP_MENU: Record<PlacedCommand, string> = {
  share: 'File ▸ Share…',
  merge: 'File ▸ Merge from Teammate…',
  sync: 'File ▸ Sync Folder…',
  libraries: 'File ▸ Fact-check Libraries…',
};

export type HostKind = 'desktop' | 'browser';

export function currentHost(): HostKind {
  return typeof window !== 'undefined' && window.claimbench?.host === 'browser' ? 'browser' : 'desktop';
}

/**
 * Where a file the core saved for the person ended up: on the desktop, the name they gave it in the
 * save dialog; in the browser the host hands it over as a download, so its name is what to look for.
 * A page never holds the file's path (the core keeps it).
 */
export function savedPlace(name: string, host: HostKind = currentHost()): string {
  return host === 'desktop' ? `saved as ${name}` : `downloaded as ${name} (see your browser’s downloads)`;
}

/** "File ▸ Share…" in the desktop app, "Team menu (people icon) ▸ Share…" in the browser. */
export function whereIs(command: PlacedCommand, host: HostKind = currentHost()): string {
  return host === 'desktop' ? DESKTOP_MENU[command] : `Team menu (people icon) ▸ ${TEAM_MENU_LABELS[command]}`;
}
