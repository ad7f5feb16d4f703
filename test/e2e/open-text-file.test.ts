import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { BUILT_RUSSIAN } from '../helpers/built-articles';
import { openContext, screenshot, useHarness } from './harness';

/**
 * File › Open Text File and Replace Text hand the core the file's bytes: a KOI8-R or Windows-1251
 * file shows and stores decoded, with the same content hash as the same text pasted.
 */
const { launch } = useHarness();

const ARTICLE = ['Инфляция в марте', '', BUILT_RUSSIAN].join('\r\n');
const EDITED = `${ARTICLE}\r\n\r\nМинистр сообщил, что безработица снизилась до 3 процентов.`;

describe('Open Text File', () => {
  it('shows and stores a KOI8-R file decoded; Replace Text reads a Windows-1251 file decoded', { timeout: 120_000 }, async () => {
    const ctx = openContext('Olga');
    const { page, bridge, errors } = await launch(ctx);
    await bridge.emit('menu:open-text-file');
    const dialog = page.getByRole('dialog', { name: 'New document' });
    await dialog.waitFor();
    await dialog
      .getByLabel('Text file to open')
      .setInputFiles({ name: 'inflyatsiya.txt', mimeType: 'text/plain', buffer: iconv.encode(ARTICLE, 'koi8-r') });
    const textArea = dialog.getByRole('textbox', { name: 'Text' });
    await expect.poll(() => textArea.inputValue(), { timeout: 30_000 }).toContain('Правительство заявило, что инфляция');
    expect(await dialog.getByRole('textbox', { name: /Title/ }).inputValue()).toBe('inflyatsiya');
    await screenshot(page, 'open-text-file-koi8r-1440-light');
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'open-text-file-koi8r-1024-dark');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ colorScheme: 'light' });
    await dialog.getByRole('button', { name: 'Create document' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 30_000 });

    const created = bridge.calls.find((c) => c.name === 'documents.createFromText')!.input as { file?: unknown; text?: unknown };
    expect(created.file).toBeDefined();
    expect(created.text).toBeUndefined();
    const [doc] = await call(ctx, 'documents.list', {});
    const stored = await call(ctx, 'documents.get', { id: doc!.id });
    expect(stored.text.startsWith('Инфляция в марте\n\nПравительство заявило')).toBe(true);
    const pasted = await call(ctx, 'documents.createFromText', { text: ARTICLE });
    expect(pasted.skipped).toBe(true);
    expect(pasted.duplicateOf).toBe(doc!.id);

    await page.locator('.doc-row', { hasText: 'inflyatsiya' }).first().click();
    await page.keyboard.press('v');
    await page.locator('.document-pane .doc-para').first().waitFor();
    await page
      .getByTestId('reimport-input')
      .setInputFiles({ name: 'edited.txt', mimeType: 'text/plain', buffer: iconv.encode(EDITED, 'windows-1251') });
    await expect
      .poll(() => page.locator('.document-pane .doc-article').textContent(), { timeout: 30_000 })
      .toContain('безработица снизилась до 3 процентов');
    const replaced = await call(ctx, 'documents.get', { id: doc!.id });
    expect(replaced.text.endsWith('Министр сообщил, что безработица снизилась до 3 процентов.')).toBe(true);
    await screenshot(page, 'replace-text-windows-1251');
    expect(errors).toEqual([]);
  });
});
