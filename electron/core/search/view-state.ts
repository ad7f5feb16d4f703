import { viewStateSchema, type ViewState } from '../../../shared/evidence-api';
import type { DB } from '../store/open';

const KEY = 'claims-view';

/**
 * The checker's view of this workspace (filters, sort, selection), kept in the local
 * `view_state` table: personal, so it is not in the change log, not undoable and never merged.
 * A stored value that no longer parses (older or hand-edited) is ignored rather than trusted.
 */
export function readViewState(db: DB): ViewState | null {
  const raw = db.prepare('SELECT value FROM view_state WHERE key = ?').pluck().get(KEY) as string | undefined;
  if (!raw) return null;
  try {
    const parsed = viewStateSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeViewState(db: DB, state: ViewState): ViewState {
  db.prepare('INSERT INTO view_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    KEY,
    JSON.stringify(state),
  );
  return state;
}
