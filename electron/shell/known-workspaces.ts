import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ClaimbenchError } from '../../shared/result';
import { displayPath } from '../core/display-path';
import { WORKSPACE_EXTENSION } from '../core/store/open';

/** Where a workspace created by name (the browser host's New workspace) lives, inside the app's data folder. */
export const WORKSPACES_FOLDER = 'Workspaces';

export interface KnownWorkspaceFile {
  /** Stands for the path: a page names a workspace to open by this, never by a path. */
  id: string;
  file: string;
}

export function workspaceId(file: string): string {
  return createHash('sha256').update(path.resolve(file)).digest('hex').slice(0, 16);
}

function workspacesIn(folder: string): string[] {
  try {
    return fs
      .readdirSync(folder, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.toLowerCase().endsWith(WORKSPACE_EXTENSION))
      .map((e) => path.join(folder, e.name))
      .sort((a, b) => a.localeCompare(b));
  } catch {
    return [];
  }
}

/**
 * The workspaces a person can open without typing a path: the recent list (most recent first), then
 * the ones in the data folder and its Workspaces folder, each once.
 */
export function knownWorkspaceFiles(userDataDir: string, recent: readonly string[]): KnownWorkspaceFile[] {
  const files = [...recent, ...workspacesIn(userDataDir), ...workspacesIn(path.join(userDataDir, WORKSPACES_FOLDER))];
  return [...new Set(files.map((f) => path.resolve(f)))].map((file) => ({ id: workspaceId(file), file }));
}

/** A page's view of a known workspace: its name and where it is, as people read it. */
export function describeWorkspace(known: KnownWorkspaceFile, openPath: string | undefined) {
  return {
    id: known.id,
    name: path.basename(known.file, WORKSPACE_EXTENSION),
    folder: displayPath(path.dirname(known.file)),
    open: known.file === openPath,
  };
}

const NAME_LIMIT = 120;

/**
 * The file a new workspace called `name` gets in the data folder's Workspaces folder. The name is a
 * name, not a path: separators, control and reserved characters and leading dots are refused, so the
 * file can only land in that folder.
 */
export function newWorkspaceFile(userDataDir: string, name: string): string {
  const trimmed = name.trim().replace(new RegExp(`\\${WORKSPACE_EXTENSION}$`, 'i'), '');
  if (!trimmed) throw new ClaimbenchError('VALIDATION', 'Give the new workspace a name.');
  if (trimmed.length > NAME_LIMIT) {
    throw new ClaimbenchError('VALIDATION', `A workspace name has at most ${NAME_LIMIT} characters.`);
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f<>:"/\\|?*]/.test(trimmed) || /^\.|\.$/.test(trimmed)) {
    throw new ClaimbenchError(
      'VALIDATION',
      'A workspace name cannot contain / \\ : * ? " < > | or start or end with a dot. Use letters, digits, spaces and dashes.',
    );
  }
  return path.join(userDataDir, WORKSPACES_FOLDER, `${trimmed}${WORKSPACE_EXTENSION}`);
}
