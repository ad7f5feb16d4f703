import fs from 'node:fs';
import path from 'node:path';

/**
 * better-sqlite3 compiled for Electron's ABI lives apart from node_modules (which stays built
 * for plain Node, so `npm test` keeps working): `.electron-native/<os>-<arch>/` in a checkout,
 * written by scripts/electron-native.mjs, and `resources/native/` in a packaged app (each
 * installer's extraResources carries the build for its own target).
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
  platform?: NodeJS.Platform;
  arch?: string;
}

const OS_KEYS: Partial<Record<NodeJS.Platform, string>> = { darwin: 'mac', win32: 'win', linux: 'linux' };

/** `.electron-native/<os>-<arch>`: the same folder names as scripts/native-target.mjs. */
export function checkoutNativeDir(platform: NodeJS.Platform, arch: string): string {
  return path.join(NATIVE_DIR, `${OS_KEYS[platform] ?? platform}-${arch}`);
}

export function nativeBindingPath(
  place: NativeBindingPlace,
  exists: (file: string) => boolean = fs.existsSync,
): string | undefined {
  const candidate = place.isPackaged
    ? path.join(place.resourcesPath, PACKAGED_NATIVE_DIR, NATIVE_FILE)
    : path.join(place.appPath, checkoutNativeDir(place.platform ?? process.platform, place.arch ?? process.arch), NATIVE_FILE);
  return exists(candidate) ? candidate : undefined;
}

/**
 * The message when the store cannot be loaded at start. From a checkout the cause is almost always
 * a missing Electron build (run `npm start`); an installed app cannot be fixed by its user that way,
 * so it says the installer does not match this computer and what to download instead.
 */
export function storeLoadFailureMessage(error: string, place: { isPackaged: boolean; platform: string; arch: string }): string {
  const abi =
    /NODE_MODULE_VERSION|better_sqlite3|invalid ELF|not a valid Win32|wrong ELF class|incompatible architecture|mach-o/i.test(
      error,
    );
  const lead = `The workspace store could not be opened.\n\n${error}`;
  if (!abi) return lead;
  if (place.isPackaged) {
    return `${lead}\n\nThis copy of Claimbench was built for a different kind of computer than this one (${place.platform}, ${place.arch}). Download the installer made for it, or reinstall Claimbench; your workspaces are not affected.`;
  }
  return `${lead}\n\nbetter-sqlite3 is not built for Electron: run \`npm start\`, which builds it into ${NATIVE_DIR}/.`;
}
