import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { exportForViewing } from '../../../electron/core/evidence/attachments';
import { SHARE_EXTENSION } from '../../../electron/core/team/share-format';
import {
  createHostServices,
  decideOpenPath,
  IMPORT_EXTENSIONS,
  NEVER_OPEN_EXTENSIONS,
  openDialogSpec,
  safeFileName,
  saveDialogSpec,
  type NativeHost,
  type OpenDialogSpec,
  type SaveDialogSpec,
} from '../../../electron/shell/host-services';
import {
  isPdfRequestAllowed,
  pdfWindowOptions,
  pdfPrintOptions,
  printHtmlToPdf,
  type PdfWindow,
} from '../../../electron/shell/print-pdf';
import { createTestContext, tempDir } from '../../helpers/workspace';

/** A folder shaped like the ones exportForViewing makes, under a private temp root. */
function exportFolder(root: string): string {
  return fs.mkdtempSync(path.join(root, 'claimbench-open-0123abcd-'));
}

describe('dialog filters per purpose', () => {
  it('import offers the formats the importer reads, and only those', () => {
    const spec = openDialogSpec('import', true);
    expect(spec.filters[0]!.extensions).toEqual(['txt', 'md', 'html', 'htm', 'docx', 'pdf']);
    expect(new Set(spec.filters.flatMap((f) => f.extensions))).toEqual(new Set(IMPORT_EXTENSIONS));
    expect(spec.properties).toEqual(['openFile', 'multiSelections']);
    expect(openDialogSpec('import', false).properties).toEqual(['openFile']);
  });

  it('merge takes share files and workspaces; attachments any file; sync a folder', () => {
    expect(openDialogSpec('merge', false).filters).toEqual([
      { name: 'Claimbench share or workspace', extensions: [SHARE_EXTENSION.slice(1), 'claimbench'] },
    ]);
    expect(openDialogSpec('attachment', true).filters).toEqual([{ name: 'All files', extensions: ['*'] }]);
    const sync = openDialogSpec('sync-folder', false);
    expect(sync.properties).toContain('openDirectory');
    expect(sync.properties).not.toContain('openFile');
  });

  it('a transcript to follow is one plain-text file, with All files for any other extension', () => {
    const spec = openDialogSpec('transcript', true);
    expect(spec.title).toBe('Follow a Transcript File');
    expect(spec.filters).toEqual([
      { name: 'Transcript (text, Markdown, log)', extensions: ['txt', 'md', 'log'] },
      { name: 'All files', extensions: ['*'] },
    ]);
    expect(spec.properties).toEqual(['openFile']);
  });

  it('save dialogs filter by the report format, or the share extension, and start in the given folder', () => {
    const report = saveDialogSpec('report', 'Election claims', 'csv', '/work/reports');
    expect(report.filters).toEqual([{ name: 'Spreadsheet (CSV)', extensions: ['csv'] }]);
    expect(report.defaultPath).toBe(path.join('/work/reports', 'Election claims.csv'));
    expect(report.properties).toContain('showOverwriteConfirmation');
    expect(saveDialogSpec('report', 'x.jsonld', 'jsonld', '/d').filters[0]!.name).toMatch(/ClaimReview/);
    const share = saveDialogSpec('share', 'For Ana', 'txt', '/d');
    expect(share.filters).toEqual([{ name: 'Claimbench share file', extensions: [SHARE_EXTENSION.slice(1)] }]);
    expect(share.defaultPath).toBe(path.join('/d', `For Ana${SHARE_EXTENSION}`));
  });

  it('a proposed name cannot steer the dialog into another folder', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('..\\..\\Windows\\evil')).toBe('evil');
    expect(safeFileName('a<b>:c"d|e?f*g')).toBe('a_b__c_d_e_f_g');
    expect(safeFileName('...')).toBe('Untitled');
    expect(saveDialogSpec('report', '../../secret', 'html', '/safe').defaultPath).toBe(path.join('/safe', 'secret.html'));
  });
});

describe('host services', () => {
  function native(answers: { open?: string[] | null; save?: string | null; openPathError?: string }) {
    const seen: { open: OpenDialogSpec[]; save: SaveDialogSpec[]; opened: string[] } = { open: [], save: [], opened: [] };
    const host: NativeHost = {
      showOpenDialog: async (spec) => {
        seen.open.push(spec);
        return { canceled: answers.open === null, filePaths: answers.open ?? [] };
      },
      showSaveDialog: async (spec) => {
        seen.save.push(spec);
        return answers.save === null ? { canceled: true } : { canceled: false, filePath: answers.save };
      },
      openPath: async (file) => {
        seen.opened.push(file);
        return answers.openPathError ?? '';
      },
    };
    return { host, seen };
  }

  it('answers host.chooseOpen / host.chooseSave through the real dispatcher', async () => {
    const ctx = createTestContext();
    const { host, seen } = native({ open: ['/a.pdf', '/b.docx'], save: '/out/report' });
    const withHost = { ...ctx, host: createHostServices(host, { defaultDir: () => '/out' }) };
    expect(await call(withHost, 'host.chooseOpen', { purpose: 'import', multiple: true })).toEqual({
      paths: ['/a.pdf', '/b.docx'],
    });
    expect(await call(withHost, 'host.chooseOpen', { purpose: 'import' })).toEqual({ paths: ['/a.pdf'] });
    expect(seen.open[0]!.title).toBe('Import Documents');
    // A save path without the extension gets it (Linux dialogs do not add it).
    expect(await call(withHost, 'host.chooseSave', { purpose: 'report', defaultName: 'r', extension: 'md' })).toEqual({
      path: '/out/report.md',
    });
    expect(seen.save[0]!.defaultPath).toBe(path.join('/out', 'r.md'));
    ctx.workspace.close();
  });

  it('offers the recently opened workspaces to claims.similar', async () => {
    const { host } = native({});
    const ctx = createTestContext('Ann');
    const other = createTestContext('Ben');
    await call(other, 'claims.add', { text: 'Russia launched 157 drones and seven missiles overnight.' });
    other.workspace.close();
    const claim = await call(ctx, 'claims.add', {
      text: 'Russia launched 157 drones and seven missiles overnight, officials said.',
    });
    const withHost = { ...ctx, host: createHostServices(host, { defaultDir: () => '/', recentWorkspaces: () => [other.file] }) };
    const similar = await call(withHost, 'claims.similar', { id: claim.id });
    expect(similar.items.some((i) => i.text.startsWith('Russia launched 157 drones'))).toBe(true);
    ctx.workspace.close();
  });

  it('a cancelled dialog answers null', async () => {
    const ctx = createTestContext();
    const { host } = native({ open: null, save: null });
    const withHost = { ...ctx, host: createHostServices(host, { defaultDir: () => '/' }) };
    expect(await call(withHost, 'host.chooseOpen', { purpose: 'merge' })).toEqual({ paths: null });
    expect(await call(withHost, 'host.chooseSave', { purpose: 'share', defaultName: 'x' })).toEqual({ path: null });
    ctx.workspace.close();
  });

  it('openPath opens an exported attachment, and refuses anything else before the OS sees it', async () => {
    const root = tempDir();
    const { host, seen } = native({});
    const services = createHostServices(host, { defaultDir: () => '/', tempRoot: root });
    const folder = exportFolder(root);
    const pdf = path.join(folder, 'evidence.pdf');
    fs.writeFileSync(pdf, '%PDF-1.4\n');
    await services.openPath!(pdf);
    expect(seen.opened).toEqual([fs.realpathSync(pdf)]);

    const script = path.join(folder, 'run.sh');
    fs.writeFileSync(script, '#!/bin/sh\n');
    await expect(services.openPath!(script)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const outside = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(outside, 'hi');
    await expect(services.openPath!(outside)).rejects.toThrow(/only attachments Claimbench exported/);
    expect(seen.opened).toHaveLength(1);

    const failing = createHostServices(native({ openPathError: 'No application' }).host, {
      defaultDir: () => '/',
      tempRoot: root,
    });
    await expect(failing.openPath!(pdf)).rejects.toMatchObject({ code: 'IO' });
  });
});

describe('decideOpenPath', () => {
  it('accepts what the core exports for viewing (real exportForViewing, real temp folder)', () => {
    const file = exportForViewing(Buffer.from('%PDF-1.4\n%%EOF\n'), 'pdf', 'Ministry statement.pdf');
    expect(decideOpenPath(file)).toEqual({ ok: true, path: fs.realpathSync(file) });
    const text = exportForViewing(Buffer.from('plain'), 'text', 'notes');
    expect(decideOpenPath(text).ok).toBe(true);
  });

  it('refuses executable and script extensions, whatever their case', () => {
    const root = tempDir();
    const folder = exportFolder(root);
    for (const name of [
      'a.exe',
      'b.BAT',
      'c.cmd',
      'd.com',
      'e.msi',
      'f.sh',
      'g.js',
      'h.jar',
      'i.vbs',
      'j.ps1',
      'k.scr',
      'l.lnk',
      'm.desktop',
      'n.html',
      'o.htm',
      'p.app',
      'q.svg',
    ]) {
      const file = path.join(folder, name);
      fs.writeFileSync(file, 'x');
      const decision = decideOpenPath(file, root);
      expect(decision, name).toEqual({ ok: false, reason: expect.stringMatching(/could run code/) });
    }
    for (const e of [
      'exe',
      'bat',
      'cmd',
      'com',
      'msi',
      'sh',
      'app',
      'js',
      'jar',
      'vbs',
      'ps1',
      'scr',
      'lnk',
      'desktop',
      'html',
      'htm',
    ]) {
      expect(NEVER_OPEN_EXTENSIONS.has(e)).toBe(true);
    }
  });

  it('refuses files without an extension, folders, missing files, and look-alike folders', () => {
    const root = tempDir();
    const folder = exportFolder(root);
    fs.writeFileSync(path.join(folder, 'README'), 'x');
    expect(decideOpenPath(path.join(folder, 'README'), root)).toEqual({
      ok: false,
      reason: expect.stringMatching(/without an extension/),
    });
    fs.writeFileSync(path.join(folder, 'fine.png'), 'x');
    expect(decideOpenPath(path.join(folder, 'fine.png'), root).ok).toBe(true);
    fs.mkdirSync(path.join(folder, 'inner.txt'));
    expect(decideOpenPath(path.join(folder, 'inner.txt'), root).ok).toBe(false);
    expect(decideOpenPath(path.join(folder, 'gone.pdf'), root)).toEqual({ ok: false, reason: 'the file does not exist' });
    // Nested one level deeper, or in a folder that only looks similar: refused.
    fs.mkdirSync(path.join(folder, 'sub'));
    fs.writeFileSync(path.join(folder, 'sub', 'x.pdf'), 'x');
    expect(decideOpenPath(path.join(folder, 'sub', 'x.pdf'), root).ok).toBe(false);
    const fake = fs.mkdtempSync(path.join(root, 'claimbench-opener-'));
    fs.writeFileSync(path.join(fake, 'x.pdf'), 'x');
    expect(decideOpenPath(path.join(fake, 'x.pdf'), root).ok).toBe(false);
    expect(decideOpenPath('', root).ok).toBe(false);
    expect(decideOpenPath('a\u0000b.pdf', root).ok).toBe(false);
  });

  it('follows symlinks to where they really point', () => {
    const root = tempDir();
    const folder = exportFolder(root);
    const secret = path.join(tempDir(), 'secret.pdf');
    fs.writeFileSync(secret, 'x');
    const link = path.join(folder, 'innocent.pdf');
    fs.symlinkSync(secret, link);
    expect(decideOpenPath(link, root).ok).toBe(false);
    // And a disguised script behind a .pdf link inside the folder is judged by its real name.
    const script = path.join(folder, 'payload.sh');
    fs.writeFileSync(script, '#!/bin/sh');
    const disguised = path.join(folder, 'report.pdf');
    fs.symlinkSync(script, disguised);
    expect(decideOpenPath(disguised, root).ok).toBe(false);
  });

  it('uses the system temp folder by default', () => {
    expect(decideOpenPath(path.join(os.tmpdir(), 'x.pdf')).ok).toBe(false);
  });
});

describe('printing to PDF', () => {
  it('uses a hidden, offscreen, sandboxed window without JavaScript in its own session, and A4 with backgrounds', () => {
    const options = pdfWindowOptions();
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      offscreen: true,
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      partition: 'claimbench-pdf',
    });
    expect(options.webPreferences.partition.startsWith('persist:')).toBe(false);
    expect(pdfPrintOptions('T')).toMatchObject({ pageSize: 'A4', printBackground: true, displayHeaderFooter: true });
  });

  it('loads the HTML from a private temp file, prints it, and removes the file and window even on failure', async () => {
    const root = tempDir();
    const events: string[] = [];
    let loaded = '';
    const allowed = new Set<string>();
    const window = (fail: boolean): PdfWindow => ({
      loadFile: async (file) => {
        loaded = file;
        events.push(`load:${fs.readFileSync(file, 'utf8')}`);
        expect(allowed.size).toBe(1);
        expect(isPdfRequestAllowed(`file://${file}`, allowed)).toBe(true);
      },
      webContents: {
        printToPDF: async (options) => {
          expect(options).toEqual(pdfPrintOptions(undefined));
          if (fail) throw new Error('printer on fire');
          return Buffer.from('%PDF-1.7 fake');
        },
      },
      destroy: () => events.push('destroy'),
    });
    const deps = (fail: boolean) => ({
      createWindow: () => window(fail),
      tempRoot: root,
      allowFile: (url: string) => {
        allowed.add(url);
        return () => allowed.delete(url);
      },
    });
    const bytes = await printHtmlToPdf('<h1>Report</h1>', deps(false));
    expect(Buffer.from(bytes).toString()).toBe('%PDF-1.7 fake');
    expect(events).toEqual(['load:<h1>Report</h1>', 'destroy']);
    expect(fs.existsSync(loaded)).toBe(false);
    expect(allowed.size).toBe(0);

    await expect(printHtmlToPdf('<p>x</p>', deps(true))).rejects.toThrow('printer on fire');
    expect(events.at(-1)).toBe('destroy');
    expect(fs.readdirSync(root)).toEqual([]);
    expect(allowed.size).toBe(0);
  });

  it('the print session lets through only the report file and inline data', () => {
    const allowed = new Set(['file:///tmp/claimbench-print-x/report.html']);
    expect(isPdfRequestAllowed('file:///tmp/claimbench-print-x/report.html', allowed)).toBe(true);
    expect(isPdfRequestAllowed('data:image/png;base64,AAAA', allowed)).toBe(true);
    expect(isPdfRequestAllowed('file:///etc/passwd', allowed)).toBe(false);
    expect(isPdfRequestAllowed('https://tracker.example/pixel.gif', allowed)).toBe(false);
    expect(isPdfRequestAllowed('file:///tmp/claimbench-print-x/report.html', new Set())).toBe(false);
    expect(isPdfRequestAllowed('not a url', allowed)).toBe(false);
  });
});
