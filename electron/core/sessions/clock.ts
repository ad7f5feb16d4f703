/**
 * Time in a session: the session's active time (banked at each pause, in the change log) and the
 * time spent on each claim (local). A session left active by an app that was killed or closed is
 * paused at the moment the app was last seen working on it, so the night does not count.
 */
import type { DB } from '../store/open';
import { prepared } from '../store/statements';
import type { Workspace } from '../store/workspace';
import { cursorOf, elapsedMs, type SessionRow } from './rows';

/** Longer than this without a sign of life (the app polls every minute) means the app was gone. */
export const ABANDONED_AFTER_MS = 10 * 60_000;

/** Note that the app is working on the session now. */
export function touch(db: DB, sessionId: string, now: number): void {
  prepared(
    db,
    `INSERT INTO session_cursor (session_id, claim_id, since, last_seen) VALUES (?, NULL, NULL, ?)
     ON CONFLICT(session_id) DO UPDATE SET last_seen = excluded.last_seen`,
  ).run(sessionId, new Date(now).toISOString());
}

/** Add the time since the cursor's `since` to the claim it is on; restart the stopwatch at `now` (or stop it). */
export function chargeCurrent(db: DB, sessionId: string, now: number, keepRunning: boolean): void {
  const cursor = cursorOf(db, sessionId);
  if (cursor?.claim_id && cursor.since) {
    const spent = Math.max(0, now - Date.parse(cursor.since));
    prepared(db, 'UPDATE session_items SET time_ms = time_ms + ? WHERE session_id = ? AND claim_id = ?').run(
      spent,
      sessionId,
      cursor.claim_id,
    );
  }
  prepared(db, 'UPDATE session_cursor SET since = ? WHERE session_id = ?').run(
    keepRunning ? new Date(now).toISOString() : null,
    sessionId,
  );
}

/** Point the cursor at a claim (or none) and start its stopwatch when the session is running. */
export function moveCursor(db: DB, sessionId: string, claimId: string | null, now: number, running: boolean): void {
  const iso = new Date(now).toISOString();
  prepared(
    db,
    `INSERT INTO session_cursor (session_id, claim_id, since, last_seen) VALUES (?, ?, ?, ?)
     ON CONFLICT(session_id) DO UPDATE SET claim_id = excluded.claim_id, since = excluded.since, last_seen = excluded.last_seen`,
  ).run(sessionId, claimId, running && claimId ? iso : null, iso);
}

/**
 * Pause the session in the change log, banking its active time up to `at`. Used by pause, by end
 * and when a session is found abandoned.
 */
export function recordPause(workspace: Workspace, row: SessionRow, at: number, label: string): void {
  workspace.recorder.action(label, (w) => {
    w.set('checkSession', row.id, 'elapsedMs', elapsedMs(row, at));
    w.set('checkSession', row.id, 'resumedAt', null);
    w.set('checkSession', row.id, 'status', 'paused');
  });
}

/** If the app stopped working on this active session long ago, pause it where it was left. */
export function pauseIfAbandoned(workspace: Workspace, row: SessionRow, now: number): boolean {
  if (row.status !== 'active') return false;
  const cursor = cursorOf(workspace.db, row.id);
  if (!cursor) return false;
  if (now - Date.parse(cursor.last_seen) <= ABANDONED_AFTER_MS) return false;
  pauseAtLastSignOfLife(workspace, row);
  return true;
}

/**
 * Pause an active session at the app's last sign of life on it (or where it was last resumed,
 * when that is later): the time after it, when no app was working on it, is not counted.
 */
export function pauseAtLastSignOfLife(workspace: Workspace, row: SessionRow): void {
  if (row.status !== 'active') return;
  const lastSeen = Date.parse(cursorOf(workspace.db, row.id)?.last_seen ?? '');
  const resumedAt = row.resumed_at ? Date.parse(row.resumed_at) : NaN;
  const at = Math.max(Number.isFinite(lastSeen) ? lastSeen : -Infinity, Number.isFinite(resumedAt) ? resumedAt : -Infinity);
  if (!Number.isFinite(at)) return;
  workspace.db
    .transaction(() => {
      chargeCurrent(workspace.db, row.id, at, false);
      recordPause(workspace, row, at, `Pause session “${row.name}” (the app was closed)`);
    })
    .immediate();
}
