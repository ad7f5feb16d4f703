import { ConflictsDialog } from './ConflictsDialog';
import { MergeDialog } from './MergeDialog';
import { ShareDialog } from './ShareDialog';
import { SyncDialog } from './SyncDialog';

/** The team feature's dialogs, mounted once in the shell (their shortcut is in shared/keymap.ts). */
export function TeamDialogs() {
  return (
    <>
      <ShareDialog />
      <MergeDialog />
      <ConflictsDialog />
      <SyncDialog />
    </>
  );
}
