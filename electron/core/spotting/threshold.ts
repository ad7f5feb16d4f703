import { THRESHOLD_SETTING } from '../../../shared/setting-keys';
import { defaultThreshold } from '../../../shared/spotting/index';
import type { Workspace } from '../store/workspace';
import { reapplyThreshold, THRESHOLD_ACTION, type ThresholdReapplied } from './reapply-threshold';

export const THRESHOLD_KEY = THRESHOLD_SETTING;

/** The workspace's check-worthiness threshold, or the shipped model's default. */
export function spottingThreshold(workspace: Workspace): number {
  const row = workspace.db.prepare('SELECT value FROM settings WHERE id = ? AND deleted = 0').get(THRESHOLD_KEY) as
    { value: string | null } | undefined;
  const v = row?.value ? (JSON.parse(row.value) as unknown) : null;
  return typeof v === 'number' && v >= 0 && v <= 1 ? v : defaultThreshold();
}

/**
 * Store the threshold and re-apply it to the documents already imported, as one undo step: undo
 * puts back the old threshold and exactly the candidate claims it had.
 */
export function setSpottingThreshold(workspace: Workspace, threshold: number): ThresholdReapplied {
  return workspace.undo.run(`Set ${THRESHOLD_ACTION} to ${threshold.toFixed(2)}`, (w) => {
    if (w.exists('setting', THRESHOLD_KEY)) {
      w.set('setting', THRESHOLD_KEY, 'value', threshold);
      w.set('setting', THRESHOLD_KEY, 'deleted', false);
    } else w.create('setting', THRESHOLD_KEY, { value: threshold });
    return reapplyThreshold(workspace, w, threshold);
  });
}
