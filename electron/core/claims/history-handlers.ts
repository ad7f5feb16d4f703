import type { Handlers } from '../handler-types';
import { loadClaim } from './rows';
import { entityHistory } from './history';

export const historyHandlers = {
  'claims.history': ({ id }, { workspace }) => {
    loadClaim(workspace.db, id);
    return entityHistory(workspace.db, 'claim', id);
  },
} satisfies Partial<Handlers>;
