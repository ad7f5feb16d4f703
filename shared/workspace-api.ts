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

/** A workspace a page may offer to open: named by an id the core maps back to its file. */
export interface KnownWorkspace {
  id: string;
  name: string;
  /** Where it is, as people read it (home shown as ~): shown, never sent back. */
  folder: string;
  /** The workspace open now. */
  open: boolean;
}

const empty = z.object({}).strict();

export const workspaceApi = {
  'workspace.status': op<StartupStatus>()(empty),
  /** Create and open a new workspace under a free name beside the default one; refused while one is open. */
  'workspace.startNew': op<StartupStatus>()(empty),
  /** The recent workspaces and those in the data folder, for a host with no open dialog (the browser). */
  'workspace.known': op<KnownWorkspace[]>()(empty),
  /** Create and open a workspace called `name` in the data folder's Workspaces folder; never over an existing file. */
  'workspace.create': op<StartupStatus>()(z.object({ name: z.string().max(1_000) }).strict()),
  /** Open one of workspace.known's by its id. */
  'workspace.openKnown': op<StartupStatus>()(z.object({ id: z.string().regex(/^[0-9a-f]{16}$/) }).strict()),
} as const;

/** Answered by the app's session itself, before (and without) an open workspace. */
export type SessionOperation = keyof typeof workspaceApi;
export const SESSION_OPERATIONS = Object.keys(workspaceApi) as SessionOperation[];
