import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OpenPurpose, SavePurpose } from '../../shared/host-api';
import { REPORT_FORMAT_INFO } from '../../shared/report';
import { ClaimbenchError } from '../../shared/result';
import type { HostServices, PrintPdfOptions } from '../core/host';
import { WORKSPACE_EXTENSION } from '../core/store/open';
import { SHARE_EXTENSION } from '../core/team/share-format';
import { LIBRARY_EXTENSION } from '../core/library/schema';

export interface DialogFilter {
  name: string;
  extensions: string[];
}

type OpenProperty = 'openFile' | 'openDirectory' | 'multiSelections' | 'createDirectory';

/** The options handed to dialog.showOpenDialog, as plain data so tests can assert them. */
export interface OpenDialogSpec {
  title: string;
  buttonLabel: string;
  filters: DialogFilter[];
  properties: OpenProperty[];
}

export interface SaveDialogSpec {
  title: string;
  buttonLabel: string;
  defaultPath: string;
  filters: DialogFilter[];
  properties: Array<'createDirectory' | 'showOverwriteConfirmation'>;
}

export const IMPORT_EXTENSIONS = ['txt', 'md', 'html', 'htm', 'docx', 'pdf'] as const;
/** A transcript that grows while it is written is plain text, whatever its extension. */
export const TRANSCRIPT_EXTENSIONS = ['txt', 'md', 'log'] as const;
export const LIBRARY_IMPORT_EXTENSIONS = ['json', 'jsonld', 'jsonl', 'html', 'htm', 'csv', 'tsv'] as const;
const ext = (suffix: string): string => suffix.replace(/^\./, '');

/** Which files each "choose a file" purpose may pick: the filter is the first line of defence, not the last. */
export function openDialogSpec(purpose: OpenPurpose, multiple: boolean): OpenDialogSpec {
  const files = (...extra: OpenProperty[]): OpenProperty[] => [
    'openFile',
    ...(multiple ? (['multiSelections'] as const) : []),
    ...extra,
  ];
  switch (purpose) {
    case 'import':
      return {
        title: 'Import Documents',
        buttonLabel: 'Import',
        filters: [
          { name: 'Documents (text, Markdown, web page, Word, PDF)', extensions: [...IMPORT_EXTENSIONS] },
          { name: 'Text', extensions: ['txt', 'md'] },
          { name: 'Web page', extensions: ['html', 'htm'] },
          { name: 'Word document', extensions: ['docx'] },
          { name: 'PDF', extensions: ['pdf'] },
        ],
        properties: files(),
      };
    case 'merge':
      return {
        title: 'Merge from Teammate',
        buttonLabel: 'Review Merge',
        filters: [{ name: 'Claimbench share or workspace', extensions: [ext(SHARE_EXTENSION), ext(WORKSPACE_EXTENSION)] }],
        properties: files(),
      };
    case 'attachment':
      return {
        title: 'Attach Files',
        buttonLabel: 'Attach',
        filters: [{ name: 'All files', extensions: ['*'] }],
        properties: files(),
      };
    case 'transcript':
      return {
        title: 'Follow a Transcript File',
        buttonLabel: 'Follow',
        filters: [
          { name: 'Transcript (text, Markdown, log)', extensions: [...TRANSCRIPT_EXTENSIONS] },
          { name: 'All files', extensions: ['*'] },
        ],
        properties: ['openFile'],
      };
    case 'library':
      return {
        title: 'Link a Fact-check Library',
        buttonLabel: 'Link',
        filters: [{ name: 'Claimbench fact-check library', extensions: [ext(LIBRARY_EXTENSION)] }],
        properties: ['openFile'],
      };
    case 'library-import':
      return {
        title: 'Import Fact-checks',
        buttonLabel: 'Import',
        filters: [
          { name: 'ClaimReview (JSON, JSON-LD, web page) or CSV', extensions: [...LIBRARY_IMPORT_EXTENSIONS] },
          { name: 'All files', extensions: ['*'] },
        ],
        properties: files(),
      };
    case 'sync-folder':
      return {
        title: 'Choose Shared Folder',
        buttonLabel: 'Use Folder',
        filters: [],
        properties: ['openDirectory', 'createDirectory'],
      };
  }
}

const SAVE_TITLES: Record<SavePurpose, string> = {
  report: 'Export Report',
  share: 'Share with Teammate',
  library: 'New Fact-check Library',
};

function reportFilter(extension: string): DialogFilter {
  const known = Object.values(REPORT_FORMAT_INFO).find((f) => f.extension === extension);
  return { name: known?.label ?? extension.toUpperCase(), extensions: [extension] };
}

/**
 * The default file name the renderer proposes, reduced to a bare name: no folders (a dialog must
 * not start in `../../somewhere`), no characters Windows refuses, never empty.
 */
export function safeFileName(name: string, fallback = 'Untitled'): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f<>:"|?*]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 200);
  return cleaned || fallback;
}

export function withExtension(file: string, extension: string): string {
  return file.toLowerCase().endsWith(`.${extension.toLowerCase()}`) ? file : `${file}.${extension}`;
}

export function saveDialogSpec(
  purpose: SavePurpose,
  defaultName: string,
  extension: string | undefined,
  defaultDir: string,
): SaveDialogSpec {
  const wanted =
    purpose === 'share' ? ext(SHARE_EXTENSION) : purpose === 'library' ? ext(LIBRARY_EXTENSION) : (extension ?? 'html');
  const filters =
    purpose === 'share'
      ? [{ name: 'Claimbench share file', extensions: [wanted] }]
      : purpose === 'library'
        ? [{ name: 'Claimbench fact-check library', extensions: [wanted] }]
        : [reportFilter(wanted)];
  return {
    title: SAVE_TITLES[purpose],
    buttonLabel: purpose === 'share' ? 'Share' : purpose === 'library' ? 'Create' : 'Export',
    defaultPath: path.join(defaultDir, withExtension(safeFileName(defaultName), wanted)),
    filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/** Extensions the system viewer could run rather than show; never handed to shell.openPath. */
export const NEVER_OPEN_EXTENSIONS: ReadonlySet<string> = new Set([
  'exe',
  'bat',
  'cmd',
  'com',
  'msi',
  'msp',
  'mst',
  'sh',
  'bash',
  'zsh',
  'csh',
  'ksh',
  'fish',
  'command',
  'tool',
  'app',
  'js',
  'mjs',
  'cjs',
  'jse',
  'jar',
  'vbs',
  'vbe',
  'wsf',
  'wsh',
  'ps1',
  'psm1',
  'psd1',
  'scr',
  'lnk',
  'pif',
  'cpl',
  'msc',
  'hta',
  'reg',
  'inf',
  'url',
  'webloc',
  'desktop',
  'html',
  'htm',
  'xhtml',
  'shtml',
  'mht',
  'mhtml',
  'svg',
  'xml',
  'appimage',
  'deb',
  'rpm',
  'run',
  'bin',
  'dmg',
  'pkg',
  'apk',
  'dll',
  'so',
  'dylib',
  'py',
  'pyw',
  'pl',
  'rb',
  'php',
  'scpt',
  'applescript',
  'workflow',
  'terminal',
  'gadget',
  'application',
  'appref-ms',
  'settingcontent-ms',
]);

/** Attachment exports go to `<tmp>/claimbench-open-<8 hex>-<random>/` (see core/evidence/attachments.ts). */
const EXPORT_FOLDER = /^claimbench-open-[0-9a-f]{8}-/;

export type OpenPathDecision = { ok: true; path: string } | { ok: false; reason: string };

/**
 * May `file` be handed to the system viewer? Only a regular file inside one of the app's own
 * attachment-export folders (checked on the real path, so a symlink cannot point elsewhere),
 * whose extension is not one a viewer would execute. Windows' trailing dots and spaces and
 * alternate data streams (`a.txt:x.exe`) are refused too.
 */
export function decideOpenPath(file: string, tempRoot: string = os.tmpdir()): OpenPathDecision {
  if (typeof file !== 'string' || file.length === 0 || file.includes('\u0000')) return { ok: false, reason: 'not a file path' };
  let real: string;
  let root: string;
  try {
    real = fs.realpathSync(path.resolve(file));
    root = fs.realpathSync(tempRoot);
  } catch {
    return { ok: false, reason: 'the file does not exist' };
  }
  const folder = path.dirname(real);
  if (path.dirname(folder) !== root || !EXPORT_FOLDER.test(path.basename(folder))) {
    return { ok: false, reason: 'only attachments Claimbench exported for viewing can be opened' };
  }
  if (!fs.lstatSync(real).isFile()) return { ok: false, reason: 'not a regular file' };
  const name = path.basename(real);
  if (name.includes(':') || /[.\s]$/.test(name)) return { ok: false, reason: 'the file name is not safe to open' };
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (!extension) return { ok: false, reason: 'a file without an extension is not opened' };
  if (NEVER_OPEN_EXTENSIONS.has(extension)) return { ok: false, reason: `.${extension} files could run code and are not opened` };
  return { ok: true, path: real };
}

/** The parts of Electron the host services use; main.ts passes dialog/shell calls bound to the window. */
export interface NativeHost {
  showOpenDialog(spec: OpenDialogSpec): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(spec: SaveDialogSpec): Promise<{ canceled: boolean; filePath?: string }>;
  /** shell.openPath: resolves to an error message, empty on success. */
  openPath(file: string): Promise<string>;
  printToPdf?(html: string, options?: PrintPdfOptions): Promise<Uint8Array>;
  pdfUnavailable?(): Promise<string | null>;
  folderChoiceUnavailable?(): Promise<string | null>;
}

export interface HostServiceOptions {
  /** Recently opened workspaces, where similar claims are also looked for. */
  recentWorkspaces?: () => string[];
  /** Where save dialogs start (the workspace's folder, else Documents). */
  defaultDir(): string;
  tempRoot?: string;
}

export function createHostServices(native: NativeHost, options: HostServiceOptions): HostServices {
  const host: HostServices = {
    async chooseOpen(purpose, multiple) {
      const { canceled, filePaths } = await native.showOpenDialog(openDialogSpec(purpose, multiple));
      if (canceled || filePaths.length === 0) return null;
      return multiple ? filePaths : filePaths.slice(0, 1);
    },
    async chooseSave(purpose, defaultName, extension) {
      const spec = saveDialogSpec(purpose, defaultName, extension, options.defaultDir());
      const { canceled, filePath } = await native.showSaveDialog(spec);
      if (canceled || !filePath) return null;
      return withExtension(filePath, spec.filters[0]!.extensions[0]!);
    },
    async openPath(file) {
      const decision = decideOpenPath(file, options.tempRoot);
      if (!decision.ok)
        throw new ClaimbenchError('FORBIDDEN', `Claimbench will not open ${path.basename(String(file))}: ${decision.reason}.`);
      const failure = await native.openPath(decision.path);
      if (failure) throw new ClaimbenchError('IO', `The file could not be opened: ${failure}`);
    },
  };
  if (native.printToPdf) host.printToPdf = native.printToPdf;
  if (native.pdfUnavailable) host.pdfUnavailable = native.pdfUnavailable;
  if (native.folderChoiceUnavailable) host.folderChoiceUnavailable = native.folderChoiceUnavailable;
  if (options.recentWorkspaces) host.recentWorkspaces = options.recentWorkspaces;
  return host;
}
