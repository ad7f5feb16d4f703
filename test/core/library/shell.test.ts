import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../shared/events';
import { openDialogSpec, saveDialogSpec } from '../../../electron/shell/host-services';
import { buildMenuTemplate } from '../../../electron/shell/menu';

describe('fact-check libraries in the shell', () => {
  it('File › Fact-check Libraries… sends its event', () => {
    const sent: AppEvent[] = [];
    const none = () => undefined;
    const template = buildMenuTemplate({
      appName: 'Claimbench',
      isMac: false,
      isDev: false,
      recent: [],
      actions: {
        newWorkspace: none,
        openWorkspace: none,
        openRecent: none,
        clearRecent: none,
        saveCopy: none,
        restoreBackup: none,
        send: (e) => sent.push(e),
      },
    });
    const file = template.find((m) => m.label === '&File')!.submenu as MenuItemConstructorOptions[];
    const item = file.find((i) => i.label === 'Fact-check Libraries…')!;
    (item.click as () => void)();
    expect(sent).toEqual(['menu:libraries']);
  });

  it('file dialogs offer libraries and the formats a library imports', () => {
    expect(openDialogSpec('library', false)).toMatchObject({
      filters: [{ extensions: ['claimbench-library'] }],
      properties: ['openFile'],
    });
    expect(openDialogSpec('library-import', true).filters[0]!.extensions).toEqual([
      'json',
      'jsonld',
      'jsonl',
      'html',
      'htm',
      'csv',
      'tsv',
    ]);
    expect(openDialogSpec('library-import', true).properties).toContain('multiSelections');
    const save = saveDialogSpec('library', '../../etc/fact checks', undefined, '/home/ann');
    expect(save.defaultPath).toBe('/home/ann/fact checks.claimbench-library');
    expect(save.buttonLabel).toBe('Create');
  });
});
