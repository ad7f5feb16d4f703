import type { IdentityInfo } from '../../../shared/domain';
import type { CoreContext } from '../context';
import { displayPath } from '../display-path';
import type { Handlers } from '../handler-types';

export function identityInfo({ workspace, identity }: CoreContext): IdentityInfo {
  const who = identity.get();
  return {
    author: who.author,
    actorId: who.actorId,
    workspace: {
      path: workspace.path,
      location: displayPath(workspace.path),
      name: workspace.name,
      schemaVersion: workspace.schemaVersion,
    },
  };
}

export const identityHandlers = {
  'identity.get': (_input, ctx) => identityInfo(ctx),
  'identity.setAuthor': ({ name }, ctx) => {
    ctx.identity.setAuthor(name);
    ctx.workspace.touched.add('identity');
    return identityInfo(ctx);
  },
} satisfies Partial<Handlers>;
