import { ClaimbenchError } from '../../shared/result';
import type { Handlers } from './handler-types';

/**
 * For callers holding one workspace (the CLI, tests): it is open and nothing was refused. The app's
 * core answers these from its session instead (core-commands.ts), with or without a workspace.
 */
export const workspaceStatusHandlers = {
  'workspace.status': (_input, ctx) => ({
    workspace: { name: ctx.workspace.name, path: ctx.workspace.path },
    refused: [],
  }),
  'workspace.startNew': (_input, ctx) => {
    throw new ClaimbenchError('CONFLICT', `${ctx.workspace.name} is already open.`);
  },
} satisfies Partial<Handlers>;
