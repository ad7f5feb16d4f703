import { FileDown } from 'lucide-react';
import { useCommands } from '../app/commands';
import { MOD } from '../app/shortcuts';
import { IconButton } from '../ui/IconButton';

/** The header's way into the export dialog (also File ▸ Export Report… and the shortcut). */
export function ExportButton() {
  const commands = useCommands();
  return (
    <IconButton
      label="Export report"
      shortcut={`${MOD}+E`}
      icon={<FileDown size={16} />}
      onClick={commands.exportReport}
      aria-keyshortcuts="Control+E Meta+E"
    />
  );
}
