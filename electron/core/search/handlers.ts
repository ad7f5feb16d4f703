import { loadClaim } from '../claims/rows';
import { listActivity } from '../evidence/activity';
import type { Handlers } from '../handler-types';
import { locateClaim, placeOfClaim } from './locate';
import { search } from './search';
import { similarClaims } from './similar';
import { readViewState, writeViewState } from './view-state';

export const searchHandlers = {
  search: (input, { workspace }) => search(workspace.db, input),

  'claims.similar': ({ id, limit = 10, otherWorkspaces }, { workspace, host }) => {
    const claim = loadClaim(workspace.db, id);
    return similarClaims(workspace.db, claim, {
      limit,
      currentPath: workspace.path,
      workspaceName: workspace.name,
      // Not given: the app's recently opened workspaces (none in the CLI).
      otherWorkspaces: otherWorkspaces ?? host?.recentWorkspaces?.().slice(0, 20) ?? [],
    });
  },

  'claims.locate': ({ id, sort, ...filters }, { workspace }) => ({ index: locateClaim(workspace.db, id, filters, sort) }),
  'claims.place': ({ id, sort, ...filters }, { workspace }) => placeOfClaim(workspace.db, id, filters, sort),

  'activity.list': ({ before, limit = 50, claimId }, { workspace }) => {
    if (claimId) loadClaim(workspace.db, claimId);
    return listActivity(workspace.db, { before, limit, claimId });
  },

  'view.get': (_input, { workspace }) => ({ view: readViewState(workspace.db) }),
  'view.set': (input, { workspace }) => writeViewState(workspace.db, input),
} satisfies Partial<Handlers>;
