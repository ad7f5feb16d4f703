import { defaultThreshold } from '../../../shared/spotting/index';
import type { Workspace } from '../store/workspace';

export const THRESHOLD_KEY = 'spotting.threshold';

/** The workspace's check-worthiness threshold, or the shipped model's default. */
export function spottingThreshold(workspace: Workspace): number {
  const row = workspace.db.prepare('SELECT value FROM settings WHERE id = ? AND deleted = 0').get(THRESHOLD_KEY) as
    { value: string | null } | undefined;
  const v = row?.value ? (JSON.parse(row.value) as unknown) : null;
  return typeof v === 'number' && v >= 0 && v <= 1 ? v : defaultThreshold();
}

export function setSpottingThreshold(workspace: Workspace, threshold: number): void {
  workspace.undo.run('Change check-worthiness threshold', (w) => {
    if (w.exists('setting', THRESHOLD_KEY)) {
      w.set('setting', THRESHOLD_KEY, 'value', threshold);
      w.set('setting', THRESHOLD_KEY, 'deleted', false);
    } else w.create('setting', THRESHOLD_KEY, { value: threshold });
  });
}
