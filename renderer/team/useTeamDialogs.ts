import { useCallback } from 'react';
import { useWorkbench } from '../app/workbench';

export type TeamDialog = 'share' | 'merge' | 'conflicts' | 'sync';

/** Open and close the team dialogs (they live in the workbench's one dialog slot). */
export function useTeamDialogs() {
  const { state, dispatch } = useWorkbench();
  const open = useCallback((dialog: TeamDialog) => dispatch({ type: 'dialog', dialog }), [dispatch]);
  const close = useCallback(() => dispatch({ type: 'dialog', dialog: null }), [dispatch]);
  return { current: state.dialog, open, close };
}
