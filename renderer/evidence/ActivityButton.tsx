import { History } from 'lucide-react';
import { useWorkbench } from '../app/workbench';
import { IconButton } from '../ui/IconButton';

export function ActivityButton() {
  const { dispatch } = useWorkbench();
  return (
    <IconButton
      label="Workspace activity"
      shortcut="H"
      icon={<History size={16} />}
      onClick={() => dispatch({ type: 'dialog', dialog: 'activity' })}
    />
  );
}
