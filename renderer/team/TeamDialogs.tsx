import { ConflictsDialog } from './ConflictsDialog';
import { MergeDialog } from './MergeDialog';
import { ShareDialog } from './ShareDialog';
import { SyncDialog } from './SyncDialog';
import { useTeamShortcut } from './useTeamShortcut';

/** The team feature's dialogs and its global shortcut, mounted once in the shell. */
export function TeamDialogs() {
  useTeamShortcut();
  return (
    <>
      <ShareDialog />
      <MergeDialog />
      <ConflictsDialog />
      <SyncDialog />
    </>
  );
}
