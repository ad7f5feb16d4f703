import { chordLabel, bindingOf } from '../../shared/keymap';

/**
 * What the terminal says about a workspace file the core refused at start: why, and for a file that
 * does not exist, how to make it. Like a desktop app, the host never creates a file it was asked to open.
 */
export function refusalLine(payload: unknown): string | null {
  const { code, message, file } = (payload ?? {}) as { code?: unknown; message?: unknown; file?: unknown };
  if (typeof message !== 'string') return null;
  if (code !== 'NOT_FOUND' || typeof file !== 'string') return `Not opened: ${message}`;
  const newKey = chordLabel(bindingOf('workspace.new').chords[0]!, false);
  return `Not opened: ${message} To create it, run \`claimbench init ${JSON.stringify(file)}\` and start again, or use New workspace… (${newKey}) in the page.`;
}
