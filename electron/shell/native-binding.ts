import fs from 'node:fs';
import path from 'node:path';

/**
 * better-sqlite3 compiled for Electron's ABI lives apart from node_modules (which stays built
 * for plain Node, so `npm test` keeps working): `.electron-native/` in a checkout, written by
 * scripts/electron-native.mjs, and `resources/native/` in a packaged app (extraResources).
 */
export const NATIVE_DIR = '.electron-native';
export const NATIVE_FILE = 'better_sqlite3.node';
export const PACKAGED_NATIVE_DIR = 'native';

export interface NativeBindingPlace {
  isPackaged: boolean;
  /** process.resourcesPath */
  resourcesPath: string;
  /** app.getAppPath(): the project root when run from a checkout. */
  appPath: string;
}

export function nativeBindingPath(
  place: NativeBindingPlace,
  exists: (file: string) => boolean = fs.existsSync,
): string | undefined {
  const candidate = place.isPackaged
    ? path.join(place.resourcesPath, PACKAGED_NATIVE_DIR, NATIVE_FILE)
    : path.join(place.appPath, NATIVE_DIR, NATIVE_FILE);
  return exists(candidate) ? candidate : undefined;
}
