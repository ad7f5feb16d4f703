import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { buildReportModel } from '../../../electron/core/report/build';
import { renderReport } from '../../../electron/core/report/render';
import { DEFAULT_REPORT_OPTIONS } from '../../../shared/report';
import { passageToQuote } from '../../../shared/text/quoted-passage';
import { createTestContext } from '../../helpers/workspace';

describe('a source passage in reports', () => {
  it('leaves off quote marks pasted around the whole passage, and keeps quotes inside it', () => {
    expect(passageToQuote('“Access was restored on Wednesday.”')).toBe('Access was restored on Wednesday.');
    expect(passageToQuote('«Доступ восстановлен в среду.»')).toBe('Доступ восстановлен в среду.');
    expect(passageToQuote('"Access was restored."')).toBe('Access was restored.');
    expect(passageToQuote('“Access was restored,” the foundation said, “on Wednesday.”')).toBe(
      '“Access was restored,” the foundation said, “on Wednesday.”',
    );
    expect(passageToQuote('“Access was restored,” the foundation said.')).toBe('“Access was restored,” the foundation said.');
    expect(passageToQuote('The court said it was “unconstitutional”')).toBe('The court said it was “unconstitutional”');
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
    ctx.workspace.close();
  });
});
