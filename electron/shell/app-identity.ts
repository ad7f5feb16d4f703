/**
 * The Windows AppUserModelID. It must equal electron-builder's `appId`: the NSIS installer writes
 * that id onto the Start-menu shortcut, and only a process with the same id shares its taskbar
 * button, pinning and jump-list Recent list (test/core/shell/packaging.test.ts checks they match).
 */
export const APP_USER_MODEL_ID = 'org.claimbench.app';

/** Only Windows has AppUserModelIDs; elsewhere the call is skipped. */
export function appUserModelIdFor(platform: NodeJS.Platform): string | undefined {
  return platform === 'win32' ? APP_USER_MODEL_ID : undefined;
}
