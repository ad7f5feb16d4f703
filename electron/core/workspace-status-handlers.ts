import path from 'node:path';
import { ClaimbenchError } from '../../shared/result';
import { workspaceId } from '../shell/known-workspaces';
import { displayPath } from './display-path';
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
  'workspace.known': (_input, ctx) => [
    {
      id: workspaceId(ctx.workspace.path),
      name: ctx.workspace.name,
      folder: displayPath(path.dirname(ctx.workspace.path)),
      open: true,
    },
  ],
  'workspace.create': () => {
    throw new ClaimbenchError(
      'FORBIDDEN',
      'Only the app switches workspaces; from the command line, use `claimbench init PATH`.',
    );
  },
  'workspace.openKnown': () => {
    throw new ClaimbenchError('FORBIDDEN', 'Only the app switches workspaces; from the command line, pass --workspace PATH.');
  },
} satisfies Partial<Handlers>;
