/**
 * Files the person picked in a host dialog, kept in the core behind opaque tokens. The renderer
 * names a chosen file by its token, never by a path, so a compromised renderer can reach only
 * files the person actually chose, and what it previews is the file it later applies.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ClaimbenchError } from '../../shared/result';
import type { ChosenFile } from '../../shared/team';
import type { OpenPurpose } from '../../shared/host-api';
import type { CoreContext } from './context';

/** Enough for every dialog a person leaves open; the oldest choice is forgotten first. */
const MAX_REMEMBERED = 64;
const chosen = new Map<string, { path: string; purpose: OpenPurpose }>();

export function rememberChosenFile(file: string, purpose: OpenPurpose): ChosenFile {
  const token = randomBytes(16).toString('hex');
  chosen.set(token, { path: path.resolve(file), purpose });
  while (chosen.size > MAX_REMEMBERED) chosen.delete(chosen.keys().next().value!);
  return { token, name: path.basename(file) };
}

/** The path behind a token handed out for `purpose`; a token never handed out (or forgotten) is refused. */
export function chosenFilePath(token: string, purpose: OpenPurpose): string {
  const entry = chosen.get(token);
  if (!entry || entry.purpose !== purpose) {
    throw new ClaimbenchError('NOT_FOUND', 'That file choice is no longer known here; choose the file again.');
  }
  return entry.path;
}

/** Ask the host for one file; null when the person cancels. */
export async function chooseOneFile(ctx: CoreContext, purpose: OpenPurpose): Promise<ChosenFile | null> {
  if (!ctx.host) throw new ClaimbenchError('FORBIDDEN', 'File dialogs are only available in the app.');
  const file = (await ctx.host.chooseOpen(purpose, false))?.[0];
  return file ? rememberChosenFile(file, purpose) : null;
}
