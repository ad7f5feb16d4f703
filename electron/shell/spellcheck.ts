import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { readJsonFile, writeJsonFileAtomic } from './json-file';

/**
 * Spell checking without the network. macOS uses the system spellchecker (nothing is downloaded).
 * Windows and Linux use Hunspell dictionaries, which Electron would fetch from Google's CDN; there
 * the dictionary URL always points at the app's own `resources/dictionaries/` folder, and checking
 * is available only when that folder holds `.bdic` files (none are shipped today, see
 * docs/packaging.md). The person can turn it off either way (Edit › Check Spelling While Typing).
 */
export const DICTIONARIES_DIR = 'dictionaries';

export interface SpellcheckPolicy {
  /** Whether the menu offers the setting at all. */
  available: boolean;
  enabled: boolean;
  /** For session.setSpellCheckerDictionaryDownloadURL (a no-op on macOS): never a remote server. */
  dictionaryUrl: string | undefined;
  /** For session.setSpellCheckerLanguages (Windows and Linux only). */
  languages: string[];
}

/** `en-US-10-1.bdic` → `en-US`: the language codes of the bundled Hunspell files. */
export function bundledLanguages(files: readonly string[]): string[] {
  const codes = files
    .filter((f) => f.toLowerCase().endsWith('.bdic'))
    .map((f) => f.replace(/(-\d+)*\.bdic$/i, ''))
    .filter((code) => /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/.test(code));
  return [...new Set(codes)].sort();
}

export function spellcheckPolicy(input: {
  platform: NodeJS.Platform;
  /** The person's choice; undefined until they make one. */
  setting: boolean | undefined;
  /** Absolute path of resources/dictionaries. */
  dictionariesDir: string;
  /** File names in that folder. */
  bundled: readonly string[];
}): SpellcheckPolicy {
  if (input.platform === 'darwin') {
    return { available: true, enabled: input.setting ?? true, dictionaryUrl: undefined, languages: [] };
  }
  const languages = bundledLanguages(input.bundled);
  const available = languages.length > 0;
  // The trailing slash matters: Electron appends the file name to it.
  const dictionaryUrl = pathToFileURL(input.dictionariesDir + path.sep).href;
  return { available, enabled: available && (input.setting ?? true), dictionaryUrl, languages };
}

export function listDictionaryFiles(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

const shellSettingsSchema = z.object({ spellcheck: z.boolean().optional() }).strict();
export type ShellSettings = z.infer<typeof shellSettingsSchema>;

/** userData/shell-settings.json: the shell's own preferences (not the workspace's). Bad files read as defaults. */
export function loadShellSettings(file: string): ShellSettings {
  return readJsonFile(file, shellSettingsSchema) ?? {};
}

export function saveShellSettings(file: string, settings: ShellSettings): void {
  writeJsonFileAtomic(file, shellSettingsSchema.parse(settings));
}
