import type { Handlers } from './handler-types';
import { claimHandlers } from './claims/handlers';
import { historyHandlers } from './claims/history-handlers';
import { hostHandlers } from './host-handlers';
import { documentHandlers } from './documents/handlers';
import { editHandlers } from './edit/handlers';
import { ingestHandlers } from './ingest/handlers';
import { replaceTextHandlers } from './documents/replace-text';
import { spanHandlers } from './claims/span-handlers';
import { spottingHandlers } from './spotting/handlers';
import { evidenceHandlers } from './evidence/handlers';
import { triageHandlers } from './evidence/triage';
import { searchHandlers } from './search/handlers';
import { reportHandlers } from './report/handlers';
import { identityHandlers } from './identity/handlers';
import { teamHandlers } from './team/handlers';
import { checkSessionHandlers } from './sessions/handlers';
import { captureHandlers } from './capture/handlers';
import { captureFollowHandlers } from './capture/follow-handlers';
import { libraryHandlers } from './library/handlers';
import { workspaceStatusHandlers } from './workspace-status-handlers';

/** One handler per operation in shared/api.ts; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...identityHandlers,
  ...documentHandlers,
  ...claimHandlers,
  ...historyHandlers,
  ...editHandlers,
  ...ingestHandlers,
  ...replaceTextHandlers,
  ...spanHandlers,
  ...spottingHandlers,
  ...evidenceHandlers,
  ...triageHandlers,
  ...searchHandlers,
  ...reportHandlers,
  ...teamHandlers,
  ...checkSessionHandlers,
  ...captureHandlers,
  ...captureFollowHandlers,
  ...hostHandlers,
  ...libraryHandlers,
  ...workspaceStatusHandlers,
};
