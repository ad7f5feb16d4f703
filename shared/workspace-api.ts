/**
 * Operations about the app's session rather than one workspace, answered even when no workspace
 * could be opened at start (the welcome screen). Spread into `api` in shared/api.ts.
 */
import { z } from 'zod';
import { op } from './operation';
import type { ErrorCode } from './result';

export interface StartupStatus {
  /** The open workspace; null when every file tried at start was refused. */
  workspace: { name: string; path: string } | null;
  /** The files refused at start, each with why, in the order they were tried. */
  refused: Array<{ file: string; code: ErrorCode; message: string }>;
}

const empty = z.object({}).strict();

export const workspaceApi = {
  'workspace.status': op<StartupStatus>()(empty),
  /** Create and open a new workspace under a free name beside the default one; refused while one is open. */
  'workspace.startNew': op<StartupStatus>()(empty),
} as const;

/** Answered by the app's session itself, before (and without) an open workspace. */
export type SessionOperation = keyof typeof workspaceApi;
export const SESSION_OPERATIONS = Object.keys(workspaceApi) as SessionOperation[];
