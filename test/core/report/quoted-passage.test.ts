import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { buildReportModel } from '../../../electron/core/report/build';
import { renderReport } from '../../../electron/core/report/render';
import { DEFAULT_REPORT_OPTIONS } from '../../../shared/report';
import { passageToQuote, quotedPassage } from '../../../shared/text/quoted-passage';
import { createTestContext } from '../../helpers/workspace';

describe('a source passage in reports', () => {
  it('leaves off quote marks pasted around the whole passage, and prints one with quotations inside as it is', () => {
    expect(passageToQuote('“Access was restored on Wednesday.”')).toEqual({
      text: 'Access was restored on Wednesday.',
      quoted: true,
    });
    expect(passageToQuote('«Доступ восстановлен в среду.»')).toEqual({ text: 'Доступ восстановлен в среду.', quoted: true });
    expect(passageToQuote('"Access was restored."')).toEqual({ text: 'Access was restored.', quoted: true });
    expect(passageToQuote('Access was restored.')).toEqual({ text: 'Access was restored.', quoted: true });
    // Verbatim, and without the report's marks, which would sit doubled against the passage's own.
    for (const passage of [
      '“Access was restored,” the foundation said, “on Wednesday.”',
      '“Access was restored,” the foundation said.',
      'The court said it was "unconstitutional" (in full).',
      'Суд назвал решение «незаконным».',
    ])
      expect(passageToQuote(passage)).toEqual({ text: passage, quoted: false });
    expect(quotedPassage('“Rates rose,” the statement said.')).toBe('“Rates rose,” the statement said.');
    expect(quotedPassage('Rates rose.')).toBe('“Rates rose.”');
  });

  it('is quoted once in the HTML, Markdown and CSV reports', async () => {
    const ctx = createTestContext();
    const { id } = await call(ctx, 'claims.add', { text: 'Access to Wikipedia was restored in Turkey.' });
    await call(ctx, 'sources.add', { claimId: id, pasted: '“Access to Wikipedia in Turkey is actively being restored.”' });
    const model = buildReportModel({ db: ctx.workspace.db, workspaceName: 'w', options: DEFAULT_REPORT_OPTIONS });
    const html = new JSDOM(renderReport('html', model).content).window.document;
    expect(html.querySelector('q.excerpt')?.textContent).toBe('Access to Wikipedia in Turkey is actively being restored.');
    expect(renderReport('md', model).content).toContain('“Access to Wikipedia in Turkey is actively being restored.”');
    expect(renderReport('md', model).content).not.toContain('““');
    expect(renderReport('csv', model).content).not.toContain('““');

    // A passage that opens with a quotation of its own is printed as written, with no marks added around it.
    await call(ctx, 'sources.add', { claimId: id, pasted: '“Access is being restored,” the foundation said on Wednesday.' });
    const again = buildReportModel({ db: ctx.workspace.db, workspaceName: 'w', options: DEFAULT_REPORT_OPTIONS });
    const page = new JSDOM(renderReport('html', again).content).window.document;
    expect(page.querySelector('span.excerpt')?.textContent).toBe('“Access is being restored,” the foundation said on Wednesday.');
    for (const format of ['html', 'md', 'csv'] as const) expect(renderReport(format, again).content).not.toContain('““');
    ctx.workspace.close();
  });
});
