/**
 * Files the person picked in a host dialog, kept in the core behind opaque tokens. The renderer
 * names a chosen file by its token, never by a path, so a compromised renderer can reach only
 * files the person actually chose, and what it previews is the file it later applies.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ClaimbenchError } from '../../shared/result';
import type { ChosenFile, ChosenFiles } from '../../shared/team';
import type { OpenPurpose, SavePurpose } from '../../shared/host-api';
import type { CoreContext } from './context';

/** Enough for every dialog a person leaves open; the oldest choice is forgotten first. */
const MAX_REMEMBERED = 64;
/** What a choice was for: a file or folder to read (an open purpose), or a place to write (`save:<purpose>`). */
export type ChoicePurpose = OpenPurpose | `save:${SavePurpose}`;
/** One choice: one file or folder, or the several files picked together in one dialog. */
const chosen = new Map<string, { paths: string[]; purpose: ChoicePurpose }>();

function remember(files: string[], purpose: ChoicePurpose): string {
  const token = randomBytes(16).toString('hex');
  chosen.set(token, { paths: files.map((f) => path.resolve(f)), purpose });
  while (chosen.size > MAX_REMEMBERED) chosen.delete(chosen.keys().next().value!);
  return token;
}

export function rememberChosenFile(file: string, purpose: ChoicePurpose): ChosenFile {
  return { token: remember([file], purpose), name: path.basename(file) };
}

function choice(token: string, purpose: ChoicePurpose): string[] {
  const entry = chosen.get(token);
  if (!entry || entry.purpose !== purpose) {
    throw new ClaimbenchError('NOT_FOUND', 'That file choice is no longer known here; choose the file again.');
  }
  return entry.paths;
}

/** The path behind a token handed out for `purpose`; a token never handed out (or forgotten) is refused. */
export function chosenFilePath(token: string, purpose: ChoicePurpose): string {
  return choice(token, purpose)[0]!;
}

/** Every path behind a token handed out for several files at once. */
export function chosenFilePaths(token: string, purpose: ChoicePurpose): string[] {
  return [...choice(token, purpose)];
}

function requireHost(ctx: CoreContext) {
  if (!ctx.host) throw new ClaimbenchError('FORBIDDEN', 'File dialogs are only available in the app.');
  return ctx.host;
}

/** Ask the host for one file (or a folder, for 'sync-folder'); null when the person cancels. */
export async function chooseOneFile(ctx: CoreContext, purpose: OpenPurpose): Promise<ChosenFile | null> {
  const file = (await requireHost(ctx).chooseOpen(purpose, false))?.[0];
  return file ? rememberChosenFile(file, purpose) : null;
}

/** Ask the host for any number of files, kept behind one token; null when the person cancels. */
export async function chooseManyFiles(ctx: CoreContext, purpose: OpenPurpose): Promise<ChosenFiles | null> {
  const files = await requireHost(ctx).chooseOpen(purpose, true);
  if (!files || files.length === 0) return null;
  return { token: remember(files, purpose), names: files.map((f) => path.basename(f)) };
}

/** Ask the host where to write; null when the person cancels. */
export async function chooseSaveTarget(
  ctx: CoreContext,
  purpose: SavePurpose,
  defaultName: string,
  extension?: string,
): Promise<ChosenFile | null> {
  const file = await requireHost(ctx).chooseSave(purpose, defaultName, extension);
  return file ? rememberChosenFile(file, `save:${purpose}`) : null;
}

/** The path an input names: its own (the core's callers) or the one behind its token. */
export function pathOrChosen(given: string | undefined, token: string | undefined, purpose: ChoicePurpose): string {
  if (token !== undefined) return chosenFilePath(token, purpose);
  if (given === undefined) throw new ClaimbenchError('VALIDATION', 'Give a path or a chosen file.');
  return given;
}
