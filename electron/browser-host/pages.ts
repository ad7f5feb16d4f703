import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ToPageMessage, PickedFile } from '../../shared/protocol';
import { ClaimbenchError } from '../../shared/result';
import type { HostServices } from '../core/host';
import { LIBRARY_EXTENSION } from '../core/library/schema';
import { pdfUnavailableReason, renderPdf } from '../core/report/pdf';
import { createHostServices, safeFileName, type NativeHost } from '../shell/host-services';

/** One connected page: how to send it a message. */
export interface PageLink {
  send(message: ToPageMessage): void;
}

interface PendingSave {
  page: PageLink;
  file: string;
  at: number;
}

const SAVE_OFFER_WINDOW_MS = 10 * 60_000;
/** Where the browser host makes fact-check libraries, inside the app's user-data folder. */
export const KEPT_FOLDER = 'Fact-check libraries';

/** A browser's file chooser picks files, never a folder: said up front (the sync dialog) and on a try. */
const NO_FOLDER_CHOICE = 'Choosing a folder needs the desktop app; a browser can only pick files.';

/**
 * The pages connected to a browser host, and the HostServices they provide: a page has no native
 * dialogs, so "choose files" shows the browser's file input and sends the bytes (written to a
 * per-launch folder, whose paths the core gets), and "choose where to save" hands the core a path
 * in that folder and, once the file exists, offers it to the page as a download. A fact-check library
 * is not a one-off export: the workspace keeps using it where it was made, so it is made in the
 * kept folder (the app's user-data folder) instead, under a name no other library there has. The same
 * policy as the app (createHostServices: filters, file names, which files may be opened) applies.
 */
export class PageConnections {
  readonly host: HostServices;
  private readonly pages: PageLink[] = [];
  private readonly picks = new Map<string, { page: PageLink; resolve(files: PickedFile[] | null): void }>();
  private readonly saves: PendingSave[] = [];
  private readonly downloads = new Map<string, { file: string; name: string }>();
  private nextPick = 0;

  constructor(
    private readonly fileRoot: string,
    private readonly keptRoot: string = fileRoot,
  ) {
    fs.mkdirSync(fileRoot, { recursive: true });
    const native: NativeHost = {
      showOpenDialog: async (spec) => {
        if (spec.properties.includes('openDirectory')) {
          throw new ClaimbenchError('FORBIDDEN', NO_FOLDER_CHOICE);
        }
        const page = this.active();
        if (!page) return { canceled: true, filePaths: [] };
        const extensions = spec.filters[0]?.extensions ?? [];
        const files = await this.pick(page, {
          title: spec.title,
          multiple: spec.properties.includes('multiSelections'),
          accept: extensions.includes('*') ? [] : extensions.map((e) => `.${e}`),
        });
        if (!files || files.length === 0) return { canceled: true, filePaths: [] };
        return { canceled: false, filePaths: this.store(files) };
      },
      showSaveDialog: async (spec) => {
        const page = this.active();
        if (!page) return { canceled: true };
        const name = path.basename(spec.defaultPath);
        if (name.endsWith(LIBRARY_EXTENSION)) return { canceled: false, filePath: this.keptFile(name) };
        const file = path.join(this.freshFolder('save'), name);
        this.saves.push({ page, file, at: Date.now() });
        return { canceled: false, filePath: file };
      },
      openPath: async (file) => {
        const page = this.active();
        if (!page) return 'no page is open';
        this.offer(page, file);
        return '';
      },
      // A browser cannot print a file for the core: the host prints with headless Chromium, as the CLI does.
      printToPdf: async (html, options) =>
        new Uint8Array(await renderPdf(html, { footerText: options?.footerText, signal: options?.signal })),
      pdfUnavailable: async () => pdfUnavailableReason(),
      folderChoiceUnavailable: async () => NO_FOLDER_CHOICE,
    };
    this.host = createHostServices(native, { defaultDir: () => fileRoot });
  }

  add(page: PageLink): void {
    this.pages.push(page);
  }

  remove(page: PageLink): void {
    const at = this.pages.indexOf(page);
    if (at >= 0) this.pages.splice(at, 1);
  }

  /** A page that went away cancels the choices it was showing. */
  disconnect(page: PageLink): void {
    this.remove(page);
    for (const [id, pick] of [...this.picks]) if (pick.page === page) this.resolvePick(id, null);
  }

  broadcast(message: ToPageMessage): void {
    for (const page of this.pages) page.send(message);
  }

  /** The page that last spoke: the one the person is using. */
  touch(page: PageLink): void {
    this.remove(page);
    this.pages.push(page);
  }

  resolvePick(id: string, files: PickedFile[] | null): void {
    const pick = this.picks.get(id);
    this.picks.delete(id);
    pick?.resolve(files);
  }

  /** After a result reached `page`: files the core saved for it since are offered as downloads. */
  afterResult(page: PageLink): void {
    const now = Date.now();
    for (let i = this.saves.length - 1; i >= 0; i--) {
      const save = this.saves[i]!;
      if (save.page === page && fs.existsSync(save.file)) {
        this.offer(page, save.file);
        this.saves.splice(i, 1);
      } else if (now - save.at > SAVE_OFFER_WINDOW_MS) {
        this.saves.splice(i, 1);
      }
    }
  }

  /** The file behind a download id, once offered. */
  download(id: string): { file: string; name: string } | undefined {
    return this.downloads.get(id);
  }

  private active(): PageLink | undefined {
    return this.pages.at(-1);
  }

  private pick(page: PageLink, request: { title: string; multiple: boolean; accept: string[] }): Promise<PickedFile[] | null> {
    const id = `p${++this.nextPick}`;
    return new Promise((resolve) => {
      this.picks.set(id, { page, resolve });
      page.send({ type: 'pick-files', id, ...request });
    });
  }

  private store(files: PickedFile[]): string[] {
    const folder = this.freshFolder('open');
    const used = new Set<string>();
    return files.map((picked, i) => {
      let name = safeFileName(picked.name, `file-${i + 1}`);
      if (used.has(name)) name = `${i + 1}-${name}`;
      used.add(name);
      const file = path.join(folder, name);
      fs.writeFileSync(file, Buffer.from(picked.base64, 'base64'), { flag: 'wx' });
      return file;
    });
  }

  private offer(page: PageLink, file: string): void {
    const id = randomBytes(16).toString('hex');
    const name = path.basename(file);
    this.downloads.set(id, { file, name });
    page.send({ type: 'download', url: `/download/${id}`, name });
  }

  /** A path for a file that must outlive this launch: in the kept folder, never over an existing file. */
  private keptFile(name: string): string {
    const folder = path.join(this.keptRoot, KEPT_FOLDER);
    fs.mkdirSync(folder, { recursive: true });
    const stem = name.slice(0, -LIBRARY_EXTENSION.length);
    for (let n = 1; ; n++) {
      const file = path.join(folder, n === 1 ? name : `${stem}-${n}${LIBRARY_EXTENSION}`);
      if (!fs.existsSync(file)) return file;
    }
  }

  private freshFolder(kind: 'open' | 'save'): string {
    const folder = path.join(this.fileRoot, `${kind}-${randomBytes(6).toString('hex')}`);
    fs.mkdirSync(folder, { recursive: true });
    return folder;
  }
}
