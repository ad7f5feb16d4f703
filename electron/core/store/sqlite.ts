import Database from 'better-sqlite3';

let processBinding: string | undefined;

/**
 * Inside Electron, better-sqlite3 must load a binary built for Electron's ABI (see
 * scripts/electron-native.mjs); plain Node (CLI, tests) uses the one in node_modules. The shell sets
 * this once at start-up so every database the core opens, workspaces, backups, share files and
 * other workspaces alike, loads the right binary.
 */
export function useNativeBinding(binaryPath: string | undefined): void {
  processBinding = binaryPath;
}

/** Every SQLite file the core and shell open goes through here. */
export function openDatabase(file: string, options: Database.Options = {}): Database.Database {
  const nativeBinding = options.nativeBinding ?? processBinding;
  return new Database(file, nativeBinding ? { ...options, nativeBinding } : options);
}

/** The binary set for this process, handed to worker threads that open SQLite files themselves. */
export function currentNativeBinding(): string | undefined {
  return processBinding;
}
