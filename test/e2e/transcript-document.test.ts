import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { openContext, screenshot, useHarness } from './harness';

const e2e = useHarness();

/** A debate transcript written for this test: labels in capitals, the candidates introduced by the moderator. */
const DEBATE = [
  'Town hall debate on regional transport',
  '',
  "MODERATOR: Good evening and welcome. Tonight's candidates are Governor Helen Carter and State Senator David Okafor.",
  '',
  'CARTER: Thank you. When I took office, the transit authority had a deficit of 340 million dollars.',
  '',
  'OKAFOR: That surplus exists because fares went up 28 percent in 2024. Governor Carter cut night service on 17 lines.',
  '',
  'MODERATOR: Governor, is that right?',
  '',
  'CARTER: No. We cut night service on four lines, not seventeen, and we restored two of them last spring.',
].join('\n');

describe('an imported transcript in the document view', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`highlights each claim without its speaker label, and names the speaker as claimant (${colorScheme})`, async () => {
      const ctx = openContext('Ann Lee');
      const imported = await call(ctx, 'ingest.importFile', {
        name: 'town-hall.txt',
        dataBase64: Buffer.from(DEBATE).toString('base64'),
      });
      const claims = (await call(ctx, 'claims.list', { documentId: imported.document!.id })).items;
      const { page, errors } = await e2e.launch(ctx, { colorScheme });
      await page
        .locator('.doc-row', { hasText: /Town hall debate/ })
        .first()
        .click();
      await page.keyboard.press('v');
      const view = page.locator('.document-pane');
      await expect.poll(() => view.locator('mark.doc-claim').count()).toBe(claims.length);
      const marked = await view.locator('mark.doc-claim').allTextContents();
      expect(marked.map((t) => t.trim())).toEqual(claims.map((c) => c.text));
      const cut = claims.find((c) => c.text.startsWith('Governor Carter cut'))!;
      expect(cut.claimant).toBe('David Okafor');
      await view.locator(`mark[data-claim-id="${cut.id}"]`).click();
      await expect.poll(() => page.locator('.detail-pane').getByLabel('Claimant').inputValue()).toBe('David Okafor');
      await screenshot(page, `transcript-document-${colorScheme}-1440`);
      await page.setViewportSize({ width: 1024, height: 640 });
      await screenshot(page, `transcript-document-${colorScheme}-1024`);
      expect(errors).toEqual([]);
    });
  }
});
