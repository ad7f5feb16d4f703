import type { TeamIdentity } from '../../../shared/team';
import { RESOLVE_CONFLICT } from '../../../shared/timeline';
import { loadClaim } from '../claims/rows';
import { chooseOneFile, chooseSaveTarget, pathOrChosen } from '../chosen-files';
import type { CoreContext } from '../context';
import type { Handlers } from '../handler-types';
import { keepSide, listConflicts, requireConflict } from './conflicts';
import { keyTrust, resolveKeyConflict } from './key-pins';
import { keyFingerprint } from './signing';
import { mergeShareFile, previewShareMerge } from './merge';
import { linkSyncFolder, syncNow, syncStatus, unlinkSyncFolder } from './sync';
import { writeShareFile } from './write-share';

function teamIdentity({ workspace, identity }: CoreContext): TeamIdentity {
  const who = identity.get();
  const actors = workspace.db
    .prepare(
      `SELECT a.actor_id AS actorId, a.name AS name, count(c.hlc) AS changes, max(c.hlc) AS last
       FROM actors a LEFT JOIN changes c ON c.actor_id = a.actor_id GROUP BY a.actor_id ORDER BY a.name, a.actor_id`,
    )
    .all() as { actorId: string; name: string; changes: number; last: string | null }[];
  return {
    actorId: who.actorId,
    author: who.author,
    keyFingerprint: who.signingKey ? keyFingerprint(who.signingKey.publicKey) : null,
    actors: actors.map((a) => ({
      actorId: a.actorId,
      name: a.name,
      changes: a.changes,
      lastChangeAt: a.last?.slice(0, 24) ?? null,
    })),
  };
}

export const teamHandlers = {
  'team.identity': (_input, ctx) => teamIdentity(ctx),

  'team.share': ({ target, chosen, documentIds }, { workspace, identity }) =>
    writeShareFile(workspace, pathOrChosen(target, chosen, 'save:share'), {
      documentIds,
      createdBy: identity.get().author ?? 'unknown',
    }),

  'team.chooseShareTarget': async ({ defaultName }, ctx) => ({ file: await chooseSaveTarget(ctx, 'share', defaultName) }),

  'team.chooseShareFile': async (_input, ctx) => ({ file: await chooseOneFile(ctx, 'merge') }),

  'team.mergePreview': (input, { workspace }) => previewShareMerge(workspace, pathOrChosen(input.path, input.chosen, 'merge')),

  'team.merge': ({ expectHash, ...input }, { workspace }) =>
    mergeShareFile(workspace, pathOrChosen(input.path, input.chosen, 'merge'), expectHash),

  'conflicts.list': ({ claimId }, { workspace }) => listConflicts(workspace.db, claimId),

  'conflicts.resolve': ({ claimId, verdict, rationale }, { workspace }) => {
    loadClaim(workspace.db, claimId);
    requireConflict(workspace.db, claimId);
    // Writing both fields, even unchanged, records a decision that supersedes every side.
    workspace.undo.run(RESOLVE_CONFLICT, (w) => {
      w.set('claim', claimId, 'verdict', verdict);
      w.set('claim', claimId, 'rationale', rationale ?? w.get('claim', claimId, 'rationale'));
    });
    return loadClaim(workspace.db, claimId);
  },

  'conflicts.keep': ({ claimId, actorId }, { workspace }) => {
    loadClaim(workspace.db, claimId);
    keepSide(workspace, claimId, actorId);
    return loadClaim(workspace.db, claimId);
  },

  'team.chooseSyncFolder': async (_input, ctx) => ({ folder: await chooseOneFile(ctx, 'sync-folder') }),
  'team.syncFolderChoice': async (_input, { host }) => ({
    unavailable: host
      ? ((await host.folderChoiceUnavailable?.()) ?? null)
      : 'Choosing a folder needs the app; give the folder as a path.',
  }),

  'team.sync.link': ({ folder, chosen }, { workspace, identity }) => {
    linkSyncFolder(workspace, pathOrChosen(folder, chosen, 'sync-folder'));
    workspace.touched.add('syncLink');
    return syncStatus(workspace, identity.get().actorId);
  },
  'team.sync.unlink': (_input, { workspace, identity }) => {
    unlinkSyncFolder(workspace);
    workspace.touched.add('syncLink');
    return syncStatus(workspace, identity.get().actorId);
  },
  'team.sync.status': (_input, { workspace, identity }) => syncStatus(workspace, identity.get().actorId),
  'team.sync.now': (_input, { workspace, identity }) => {
    const result = syncNow(workspace, identity.get().actorId);
    // Its status (last sync, peers' files) changed even when no change arrived.
    workspace.touched.add('syncLink');
    return result;
  },
  'team.keys.list': (_input, { workspace }) => keyTrust(workspace.db),
  'team.keys.resolve': ({ actorId, decision, offeredKey }, { workspace }) => {
    const resolved = resolveKeyConflict(workspace.db, actorId, decision, offeredKey, new Date().toISOString());
    workspace.touched.add('actorKey');
    return resolved;
  },
} satisfies Partial<Handlers>;
