import type { SessionInfo } from '../../../shared/domain';
import type { CoreContext } from '../context';
import type { Handlers } from '../handler-types';

export function sessionInfo({ workspace, identity }: CoreContext): SessionInfo {
  const who = identity.get();
  return {
    author: who.author,
    actorId: who.actorId,
    workspace: { path: workspace.path, name: workspace.name, schemaVersion: workspace.schemaVersion },
  };
}

export const sessionHandlers = {
  'session.get': (_input, ctx) => sessionInfo(ctx),
  'session.setAuthor': ({ name }, ctx) => {
    ctx.identity.setAuthor(name);
    ctx.workspace.touched.add('identity');
    return sessionInfo(ctx);
  },
} satisfies Partial<Handlers>;
