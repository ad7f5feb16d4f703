import type { OperationName, OperationOutput } from '../../shared/api';
import { ClaimbenchError } from '../../shared/result';
import type { CoreContext } from '../core/context';
import { call } from '../core/dispatch';
import { cliProfileDir, defaultCliAuthor, ProfileIdentityStore } from '../core/identity/identity';
import { Workspace } from '../core/store/workspace';

export interface GlobalOptions {
  author?: string;
}

/** Open a workspace for one CLI command, run `fn`, and always close it. */
export async function withWorkspace<T>(
  file: string,
  opts: GlobalOptions,
  fn: (ctx: CoreContext, run: <N extends OperationName>(name: N, input: unknown) => Promise<OperationOutput<N>>) => Promise<T>,
  create = false,
): Promise<T> {
  const author = opts.author?.trim() || defaultCliAuthor();
  const identity = new ProfileIdentityStore(cliProfileDir(), author);
  const workspace = Workspace.open(
    file,
    () => {
      const who = identity.get();
      return { actorId: who.actorId, author: who.author ?? author, signingKey: who.signingKey };
    },
    { create },
  );
  const ctx: CoreContext = { workspace, identity };
  try {
    return await fn(ctx, (name, input) => call(ctx, name, input));
  } finally {
    workspace.close();
  }
}

export function userError(message: string): ClaimbenchError {
  return new ClaimbenchError('VALIDATION', message);
}
