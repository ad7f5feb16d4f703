import type { Handlers } from '../handler-types';
import { loadClaim } from './rows';
import { claimTimeline } from './history';

export const historyHandlers = {
  'claims.history': ({ id }, { workspace }) => {
    loadClaim(workspace.db, id);
    return claimTimeline(workspace.db, id);
  },
} satisfies Partial<Handlers>;
