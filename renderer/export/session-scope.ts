/**
 * Which checking session the export dialog offers as "This session". "Export report…" in a
 * session's summary sets `exportSessionId` in the workbench state: that session is offered and
 * picked. Opened any other way while a session is open in the middle pane, that session is offered
 * but not picked. (Read defensively, so the dialog works whether or not the workbench has the
 * session fields.)
 */
import type { WorkbenchState } from '../app/workbench';

export interface OfferedSession {
  sessionId: string | null;
  /** True when the person asked to export this session. */
  pick: boolean;
}

function idField(state: WorkbenchState, field: string): string | null {
  const value: unknown = (state as unknown as Record<string, unknown>)[field];
  return typeof value === 'string' && value !== '' ? value : null;
}

export function offeredSession(state: WorkbenchState): OfferedSession {
  const asked = idField(state, 'exportSessionId');
  if (asked) return { sessionId: asked, pick: true };
  const open = (state as unknown as Record<string, unknown>).sessionOpen === true ? idField(state, 'sessionId') : null;
  return { sessionId: open, pick: false };
}
