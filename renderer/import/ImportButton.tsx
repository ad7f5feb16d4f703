import { FileUp } from 'lucide-react';
import { useCommands } from '../app/commands';
import { MOD } from '../app/shortcuts';
import { IconButton } from '../ui/IconButton';
import { isBusy, useImportJob } from './importJob';

/** The header's way into the import dialog (also File ▸ Import…, Ctrl/Cmd+I and dropping files). */
export function ImportButton() {
  const commands = useCommands();
  const job = useImportJob();
  const busy = isBusy(job);
  return (
    <IconButton
      label={busy ? 'Import running — show progress' : 'Import files'}
      shortcut={`${MOD}+I`}
      icon={<FileUp size={16} className={busy ? 'import-busy-icon' : undefined} />}
      onClick={() => commands.importFiles(!busy)}
      aria-keyshortcuts="Control+I Meta+I"
    />
  );
}
