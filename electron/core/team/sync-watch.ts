import fs from 'node:fs';
import { SYNC_SUFFIX } from './sync-file';

export interface SyncWatcher {
  close(): void;
}

/**
 * Watch a shared folder and call `onChange` (debounced) when a teammate's change file moves.
 * Plain Node so the shell can start it and tests can drive it; the shell answers each call with
 * the `team.sync.now` operation. Changes to this person's own file are ignored (we wrote them).
 */
export function watchSyncFolder(folder: string, ownFileName: string, onChange: () => void, debounceMs = 1_000): SyncWatcher {
  let timer: NodeJS.Timeout | null = null;
  const watcher = fs.watch(folder, { persistent: false }, (_event, name) => {
    const file = name ? String(name) : null;
    if (file && (!file.endsWith(SYNC_SUFFIX) || file === ownFileName)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, debounceMs);
  });
  return {
    close() {
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}
