import { parse as parseCsv } from 'csv-parse/sync';
import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, invoke } from '../../../electron/core/dispatch';
import { buildReportModel, workspaceFingerprint } from '../../../electron/core/report/build';
import { CSV_COLUMNS } from '../../../electron/core/report/render-csv';
import { claimReviewSchema } from '../../../electron/core/report/render-claimreview';
import { renderReport } from '../../../electron/core/report/render';
import { reportModelSchema, type ReportModel } from '../../../electron/core/report/schema';
import { DEFAULT_REPORT_OPTIONS, suggestedReportFileName, type ReportOptions } from '../../../shared/report';
import { stripDisguisingChars } from '../../../shared/text/invisible';
import { buildReportFixture, HOSTILE, type ReportFixture } from './fixture';
import { createTestContext } from '../../helpers/workspace';

let f: ReportFixture;
let model: ReportModel;
const OPTIONS: ReportOptions = {
  ...DEFAULT_REPORT_OPTIONS,
  title: 'Weekly check <b>bold</b>',
  organisation: 'Example Fact Desk',
  author: 'Ann Analyst',
  baseUrl: 'https://factdesk.example/reports/week-18',
};

beforeAll(async () => {
  f = await buildReportFixture();
  model = buildReportModel({ db: f.ctx.workspace.db, workspaceName: 'fixture', options: OPTIONS });
});
afterAll(() => f.ctx.workspace.close());

const allClaims = () => model.documents.flatMap((d) => d.claims);

describe('the report model', () => {
  it('matches the JSON schema and keeps documents and claims in text order', () => {
    expect(reportModelSchema.safeParse(model).success).toBe(true);
    const total = (f.ctx.workspace.db.prepare('SELECT count(*) FROM claims WHERE deleted = 0').pluck().get() as number) ?? 0;
    expect(model.summary.total).toBe(total);
    expect(model.summary.sourced + model.summary.disputed + model.summary.unverified + model.summary.unreviewed).toBe(total);
    expect(model.summary.unreviewed).toBeGreaterThan(0);
    expect(allClaims().map((c) => c.number)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    // The articles' claims sit inside paragraphs, so they have context; a claim that is its whole paragraph has none.
    for (const d of model.documents.filter((doc) => f.documentIds.includes(doc.id!))) {
      const starts = d.claims.filter((c) => c.context).map((c) => c.context!.quote);
      expect(starts.length).toBeGreaterThan(0);
    }
    for (const c of model.documents.find((doc) => doc.id === f.hostileDocumentId)!.claims) {
      if (c.context) expect(`${c.context.before}${c.context.after}`.trim()).not.toBe('');
    }
  });

  it('carries sources with stance, notes, attachments, and who decided', () => {
    const decided = allClaims().find((c) => c.id === f.decidedClaimId)!;
    expect(decided.decidedBy).toBe('Ben Editor');
    expect(decided.decidedHow).toBe('verdict-change');
    expect(decided.sources.map((s) => s.stance)).toEqual(['contradicts', 'context']);
    const first = model.documents[0]!.claims[0]!;
    expect(first.verdict).toBe('sourced');
    expect(first.notes[0]?.author).toBe('Ann Analyst');
    expect(first.attachments[0]?.sha256).toBe(f.attachmentSha256);
    expect(model.attachments.map((a) => a.sha256)).toEqual([f.attachmentSha256]);
    const untouched = allClaims().find((c) => c.verdict === null)!;
    expect(untouched).toMatchObject({ verdictLabel: 'Not reviewed', rating: null, decidedBy: null, decidedHow: null });
  });

  it('filters by document and verdict', () => {
    const scoped = buildReportModel({
      db: f.ctx.workspace.db,
      workspaceName: 'fixture',
      options: { ...OPTIONS, scope: { documentIds: [f.documentIds[0]!], verdicts: ['sourced', 'disputed'] } },
    });
    expect(scoped.documents.map((d) => d.id)).toEqual([f.documentIds[0]]);
    expect(scoped.summary.total).toBe(2);
    expect(scoped.documents[0]!.claims.every((c) => c.verdict !== 'unverified')).toBe(true);
    expect(() =>
      buildReportModel({ db: f.ctx.workspace.db, workspaceName: 'x', options: { ...OPTIONS, scope: { documentIds: ['nope'] } } }),
    ).toThrow(/No document with id nope/);
  });

  it('fingerprints the change log: stable while nothing changes, different after any write', async () => {
    const before = workspaceFingerprint(f.ctx.workspace.db);
    expect(workspaceFingerprint(f.ctx.workspace.db)).toEqual(before);
    expect(model.workspace.fingerprint).toBe(before.fingerprint);
    await call(f.ctx, 'notes.add', { claimId: f.decidedClaimId, text: 'One more note' });
    const after = workspaceFingerprint(f.ctx.workspace.db);
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(after.changeCount).toBeGreaterThan(before.changeCount);
  });

  it('flags a verdict without the evidence it calls for, in the model and in every text format', async () => {
    const db = f.ctx.workspace.db;
    const bare = allClaims().find((c) => c.verdict === null && c.sources.length === 0)!;
    await call(f.ctx, 'claims.setVerdict', { ids: [bare.id], verdict: 'sourced' });
    const m = buildReportModel({ db, workspaceName: 'x', options: OPTIONS });
    const flagged = m.documents.flatMap((d) => d.claims).find((c) => c.id === bare.id)!;
    expect(flagged.warnings?.map((w) => w.code)).toEqual(['sourced-without-source']);
    const withSource = m.documents.flatMap((d) => d.claims).find((c) => c.id === f.decidedClaimId)!;
    expect(withSource.warnings).toEqual([]);
    expect(m.summary.needsAttention).toBe(m.documents.flatMap((d) => d.claims).filter((c) => c.warnings?.length).length);
    expect(m.summary.needsAttention).toBeGreaterThan(0);

    const html = new JSDOM(renderReport('html', m).content).window.document;
    expect(html.querySelector(`#claim-${bare.id} .warnings`)?.textContent).toContain(
      'Marked sourced, but no source is attached yet.',
    );
    expect(html.querySelector(`#claim-${f.decidedClaimId} .warnings`)).toBeNull();
    expect(html.querySelector('.summary .needs-attention')?.textContent).toMatch(/need(s)? attention/);
    expect(renderReport('md', m).content).toContain('**Needs attention:** Marked sourced, but no source is attached yet.');
    const rows = parseCsv(renderReport('csv', m).content.replace(/^\uFEFF/, ''), { relaxQuotes: false }) as string[][];
    const col = CSV_COLUMNS.indexOf('needs_attention');
    expect(rows.find((r) => r[CSV_COLUMNS.indexOf('claim_id')] === bare.id)?.[col]).toBe(
      'Marked sourced, but no source is attached yet.',
    );
    await call(f.ctx, 'edit.undo', {});
  });

  it('flags claims with an open merge conflict', () => {
    const db = f.ctx.workspace.db;
    db.prepare("INSERT INTO conflicts (entity, entity_id, field) VALUES ('claim', ?, 'verdict')").run(f.decidedClaimId);
    try {
      const m = buildReportModel({ db, workspaceName: 'x', options: OPTIONS });
      const flagged = m.documents.flatMap((d) => d.claims).filter((c) => c.conflicted);
      expect(flagged.map((c) => c.id)).toEqual([f.decidedClaimId]);
      expect(renderReport('html', m).content).toContain('Conflicting decisions');
    } finally {
      db.prepare('DELETE FROM conflicts WHERE entity_id = ?').run(f.decidedClaimId);
    }
  });
});

describe('HTML', () => {
  let doc: Document;
  let html: string;
  beforeAll(() => {
    html = renderReport('html', model).content;
    doc = new JSDOM(html).window.document;
  });

  it('is self-contained: a strict CSP, no scripts, no external resources', () => {
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(doc.querySelectorAll('script, link, iframe, object, embed, img, base, form').length).toBe(0);
    for (const el of doc.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        expect(attr.startsWith('on'), `${el.tagName} ${attr}`).toBe(false);
        if (attr === 'src' || attr === 'srcset') throw new Error(`external resource on ${el.tagName}`);
      }
    }
    expect(html).not.toMatch(/url\(\s*['"]?(https?:|\/\/)/i);
    expect(html).not.toMatch(/@import/i);
  });

  it('links only to http(s), always with rel="noopener noreferrer"', () => {
    for (const a of doc.querySelectorAll('a[href]')) {
      const href = a.getAttribute('href')!;
      if (href.startsWith('#')) continue;
      expect(href).toMatch(/^https?:\/\//);
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(html.toLowerCase()).not.toContain('href="javascript');
  });

  it('has a summary with an SVG chart, a contents list per document, and one anchor per claim', () => {
    expect(doc.querySelector('section.summary svg.chart')).not.toBeNull();
    expect(doc.querySelector('svg.chart')!.getAttribute('aria-label')).toContain(`Sourced: ${model.summary.sourced}`);
    const sections = doc.querySelectorAll('section.document');
    expect(sections.length).toBe(model.documents.length);
    for (const [i, d] of model.documents.entries()) {
      const links = [...sections[i]!.querySelectorAll('nav.toc a')].map((a) => a.getAttribute('href'));
      expect(links).toEqual(d.claims.map((c) => `#claim-${c.id}`));
    }
    for (const c of allClaims()) {
      const article = doc.getElementById(`claim-${c.id}`)!;
      expect(article.querySelector('.badge')!.textContent).toBe(
        `${article.querySelector('.badge .icon')!.textContent}${c.verdictLabel}`,
      );
      expect(article.querySelector('.badge .icon')).not.toBeNull();
      expect(article.querySelector('blockquote')!.textContent).toBe(c.text);
    }
    expect(doc.querySelector('#evidence-appendix')!.textContent).toContain(f.attachmentSha256);
    expect(doc.querySelector('footer.colophon')!.textContent).toContain(model.workspace.fingerprint);
  });

  it('shows every hostile payload as inert text', () => {
    const text = doc.body.textContent ?? '';
    for (const payload of [HOSTILE.script, HOSTILE.img, HOSTILE.jsUrl, HOSTILE.hyperlink, HOSTILE.attrBreak]) {
      expect(text).toContain(payload);
    }
    expect(doc.title).toBe('Weekly check <b>bold</b>');
    expect(doc.querySelector('b')).toBeNull();
    expect(doc.querySelectorAll('style').length).toBe(1);
    const hostileSection = doc.getElementById(`document-${f.hostileDocumentId}`)!;
    expect(hostileSection.querySelector('h2')!.textContent).toBe(`${HOSTILE.script} ${HOSTILE.attrBreak}`);
    // Typed text loses its bidi override on the way in (shared/text/invisible.ts); the Arabic and Hebrew stay.
    expect(text).toContain(stripDisguisingChars(HOSTILE.rtl));
    expect(text).not.toMatch(/[\u202A-\u202E]/);
    expect(text).toContain(HOSTILE.cyrillic);
    expect(text).toContain(HOSTILE.emoji);
  });

  it('says once that a claim has no rationale or sources yet, and keeps the headings where there is something', () => {
    for (const c of allClaims()) {
      const article = doc.getElementById(c.anchor)!;
      const headings = [...article.querySelectorAll('h4')].map((h) => h.textContent ?? '');
      const bare = !c.rationale.trim() && c.sources.length === 0 && c.attachments.length === 0;
      expect(article.textContent?.includes('No rationale or sources recorded.'), c.text).toBe(bare);
      expect(
        headings.some((h) => h.startsWith('Sources')),
        c.text,
      ).toBe(!bare);
      expect(headings.includes('Rationale'), c.text).toBe(!bare);
    }
    expect(allClaims().filter((c) => !c.rationale.trim() && c.sources.length === 0).length).toBeGreaterThan(0);
    expect(allClaims().filter((c) => c.sources.length > 0 || c.rationale.trim()).length).toBeGreaterThan(0);
  });

  it('leaves out sections that are switched off', () => {
    const lean = buildReportModel({
      db: f.ctx.workspace.db,
      workspaceName: 'x',
      options: { ...OPTIONS, sections: { ...OPTIONS.sections, sources: false, notes: false, appendix: false, summary: false } },
    });
    const d = new JSDOM(renderReport('html', lean).content).window.document;
    expect(d.querySelector('ul.sources, ul.notes, #evidence-appendix, section.summary')).toBeNull();
  });
});

describe('CSV', () => {
  let content: string;
  let rows: string[][];
  beforeAll(() => {
    content = renderReport('csv', model).content;
    rows = parseCsv(content, { bom: true, relax_column_count: false }) as string[][];
  });

  it('is RFC 4180 with a UTF-8 BOM, CRLF records and one row per claim', () => {
    expect(content.startsWith('\uFEFF')).toBe(true);
    expect(content.endsWith('\r\n')).toBe(true);
    expect(content.replace(/"(?:[^"]|"")*"/g, '').match(/\n/g)!.length).toBe(
      content.replace(/"(?:[^"]|"")*"/g, '').match(/\r\n/g)!.length,
    );
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.length).toBe(model.summary.total + 1);
    expect(rows.slice(1).map((r) => r[1])).toEqual(allClaims().map((c) => c.id));
    const verdict = CSV_COLUMNS.indexOf('verdict');
    expect(rows.slice(1).map((r) => r[verdict])).toEqual(allClaims().map((c) => c.verdict ?? 'unreviewed'));
  });

  it('neutralises every cell that would start a formula', () => {
    const col = CSV_COLUMNS.indexOf('claim');
    const cells = new Map(rows.slice(1).map((r) => [r[col]!.replace(/^'/, ''), r[col]!]));
    for (const payload of [HOSTILE.hyperlink, HOSTILE.sum, HOSTILE.plusCmd, HOSTILE.minus]) {
      expect(cells.get(payload)).toBe(`'${payload}`);
    }
    for (const row of rows.slice(1)) {
      for (const cell of row) expect(cell, `cell ${JSON.stringify(cell).slice(0, 40)}`).not.toMatch(/^[=+\-@\t\r]/);
    }
    const claimant = CSV_COLUMNS.indexOf('claimant');
    expect(rows.some((r) => r[claimant] === `'${HOSTILE.hyperlink}`)).toBe(true);
  });

  it('has these columns, in this order (what spreadsheets and scripts downstream read)', () => {
    expect(rows[0]).toEqual([
      'number',
      'claim_id',
      'document_id',
      'document_title',
      'document_origin',
      'claim',
      'claimant',
      'verdict',
      'rating',
      'rationale',
      'context',
      'sources',
      'notes',
      'tags',
      'assignee',
      'decided_by',
      'decided_at',
      'kept_by',
      'kept_at',
      'conflicted',
      'conflicting_decisions',
      'url',
      'published_fact_check',
      'needs_attention',
      'overruled_decisions',
    ]);
  });

  it('lists a claim’s tags, each neutralised, and its assignee; both empty when there are none', async () => {
    const [tagged, bare] = allClaims();
    await call(f.ctx, 'claims.tag', { ids: [tagged!.id], add: ['drones', HOSTILE.hyperlink, '+1 desk', 'Кремль'] });
    await call(f.ctx, 'claims.assign', { ids: [tagged!.id], assignee: '@mara' });
    try {
      const m = buildReportModel({ db: f.ctx.workspace.db, workspaceName: 'x', options: OPTIONS });
      const [header, ...body] = parseCsv(renderReport('csv', m).content, { bom: true }) as string[][];
      const byId = (id: string) => body.find((r) => r[header!.indexOf('claim_id')] === id)!;
      const tags = header!.indexOf('tags');
      const assignee = header!.indexOf('assignee');
      expect(byId(tagged!.id)[tags]).toBe(`drones; '${HOSTILE.hyperlink}; '+1 desk; Кремль`);
      expect(byId(tagged!.id)[assignee]).toBe(`'@mara`);
      expect([byId(bare!.id)[tags], byId(bare!.id)[assignee]]).toEqual(['', '']);

      // A tag that would start the cell is neutralised once, not twice.
      await call(f.ctx, 'claims.tag', { ids: [bare!.id], add: [HOSTILE.minus] });
      const again = buildReportModel({ db: f.ctx.workspace.db, workspaceName: 'x', options: OPTIONS });
      const [, ...rows2] = parseCsv(renderReport('csv', again).content, { bom: true }) as string[][];
      expect(rows2.find((r) => r[header!.indexOf('claim_id')] === bare!.id)![tags]).toBe(`'${HOSTILE.minus}`);
      await call(f.ctx, 'edit.undo', {});
    } finally {
      await call(f.ctx, 'edit.undo', {});
      await call(f.ctx, 'edit.undo', {});
    }
  });

  it('keeps Unicode intact', () => {
    const col = CSV_COLUMNS.indexOf('claim');
    const texts = rows.map((r) => r[col]);
    expect(texts).toContain(HOSTILE.cyrillic);
    expect(texts).toContain(HOSTILE.emoji);
    expect(texts).toContain(stripDisguisingChars(HOSTILE.rtl));
  });
});

describe('JSON', () => {
  it('is the model, validated by the versioned schema, and safe to embed in HTML', () => {
    const content = renderReport('json', model).content;
    expect(content).not.toMatch(/<\/?script/i);
    const parsed = reportModelSchema.parse(JSON.parse(content));
    expect(parsed.schemaVersion).toBe(2);
    expect(parsed).toEqual(model);
  });
});

describe('ClaimReview', () => {
  it('has one valid ClaimReview per decided claim with the documented rating scale', () => {
    const rendered = renderReport('claimreview', model);
    const items = JSON.parse(rendered.content) as unknown[];
    expect(items.length).toBe(model.summary.total - model.summary.unreviewed);
    const byUrl = new Map(items.map((i) => [claimReviewSchema.parse(i).url, claimReviewSchema.parse(i)]));
    for (const c of allClaims()) {
      if (c.verdict === null) {
        expect(byUrl.has(`https://factdesk.example/reports/week-18#claim-${c.id}`)).toBe(false);
        continue;
      }
      const review = byUrl.get(`https://factdesk.example/reports/week-18#claim-${c.id}`)!;
      expect(review.claimReviewed).toBe(c.text);
      expect(review.reviewRating).toEqual({
        '@type': 'Rating',
        ratingValue: { disputed: 1, unverified: 2, sourced: 3 }[c.verdict],
        worstRating: 1,
        bestRating: 3,
        alternateName: c.verdictLabel,
      });
      expect(review.author).toEqual({ '@type': 'Organization', name: 'Example Fact Desk', url: 'https://factdesk.example/' });
      expect(review.datePublished).toBe(model.generatedAt.slice(0, 10));
    }
    const first = byUrl.get(`https://factdesk.example/reports/week-18#claim-${model.documents[0]!.claims[0]!.id}`)!;
    expect(first.itemReviewed.appearance?.[0]?.url).toMatch(/^https:\/\/news\.example\.org\//);
    const hostile = items.map((i) => claimReviewSchema.parse(i)).find((r) => r.claimReviewed === HOSTILE.script)!;
    expect(hostile.itemReviewed.author?.name).toBe(HOSTILE.img);
    expect(hostile.itemReviewed.appearance?.[0]?.url).toBeUndefined();
    expect(rendered.content).not.toContain('<script>');
    expect(rendered.claimCount).toBe(items.length);
    // The long-claim warning names each claim by its id's start with its real length, never a placeholder.
    const long = allClaims().filter((c) => c.verdict !== null && c.text.length > 75);
    expect(long.length).toBeGreaterThan(1);
    const warning = rendered.warnings.find((w) => w.includes('claimReviewed is longer than the 75 characters'))!;
    expect(warning).toMatch(new RegExp(`^${long.length} claims \\(`));
    for (const c of long.slice(0, 5)) expect(warning).toContain(`${c.id.slice(0, 8)}: ${c.text.length} characters`);
    expect(rendered.warnings.join('\n')).not.toMatch(/\bN characters/);
  });

  it('warns, naming the claim, about a rating the other reports flag as needing attention', async () => {
    const ctx = createTestContext('Mara');
    try {
      const claim = await call(ctx, 'claims.add', {
        text: 'The port handled 8 million containers last year.',
        claimant: 'Port authority',
      });
      await call(ctx, 'claims.setVerdict', { ids: [claim.id], verdict: 'sourced' });
      const weak = buildReportModel({ db: ctx.workspace.db, workspaceName: 'x', options: OPTIONS });
      const rendered = renderReport('claimreview', weak);
      expect(rendered.claimCount).toBe(1);
      expect(rendered.warnings).toEqual([
        expect.stringMatching(new RegExp(`^Claim ${claim.id.slice(0, 8)} \\(.*source.*\\): needs attention`)),
      ]);
    } finally {
      ctx.workspace.close();
    }
  });

  it('types a claimant that is a body or a group as an Organization and only a person as a Person', async () => {
    const ctx = createTestContext('Mara');
    try {
      const claimants = [
        'Wikimedia Foundation',
        'the air force',
        'Mark Rathbun',
        'Міністерство оборони України',
        'Дмитрий Песков',
        'researchers',
        'СМИ',
        'the ministry',
        'Local officials',
        'очевидцы',
        'the governor',
      ];
      for (const [i, claimant] of claimants.entries()) {
        const claim = await call(ctx, 'claims.add', {
          text: `Claim number ${i + 1} has a figure of ${i + 10} percent.`,
          claimant,
        });
        await call(ctx, 'claims.setVerdict', { ids: [claim.id], verdict: 'unverified' });
      }
      const m = buildReportModel({ db: ctx.workspace.db, workspaceName: 'x', options: OPTIONS });
      const items = (JSON.parse(renderReport('claimreview', m).content) as unknown[]).map((i) => claimReviewSchema.parse(i));
      expect(Object.fromEntries(items.map((r) => [r.itemReviewed.author!.name, r.itemReviewed.author!['@type']]))).toEqual({
        'Wikimedia Foundation': 'Organization',
        'the air force': 'Organization',
        'Mark Rathbun': 'Person',
        'Міністерство оборони України': 'Organization',
        'Дмитрий Песков': 'Person',
        researchers: 'Organization',
        СМИ: 'Organization',
        'the ministry': 'Organization',
        'Local officials': 'Organization',
        очевидцы: 'Organization',
        'the governor': 'Person',
      });
    } finally {
      ctx.workspace.close();
    }
  });

  it('refuses to export without the organisation or the base URL', () => {
    const noOrg = buildReportModel({ db: f.ctx.workspace.db, workspaceName: 'x', options: { ...OPTIONS, organisation: '' } });
    expect(() => renderReport('claimreview', noOrg)).toThrow(/organisation/);
    const noUrl = buildReportModel({ db: f.ctx.workspace.db, workspaceName: 'x', options: { ...OPTIONS, baseUrl: '' } });
    expect(() => renderReport('claimreview', noUrl)).toThrow(/Base URL/);
  });
});

describe('Markdown', () => {
  it('renders the structure and keeps hostile payloads inert', () => {
    const content = renderReport('md', model).content;
    const html = new MarkdownIt({ html: true, linkify: true }).render(content);
    const doc = new JSDOM(html).window.document;
    expect(doc.querySelector('h1')!.textContent).toBe(OPTIONS.title);
    expect([...doc.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Summary',
      ...model.documents.map((d, i) => `Document ${i + 1}: ${d.title.replace(/\s+/g, ' ')}`),
      'Evidence appendix',
    ]);
    expect(doc.querySelectorAll('h3').length).toBe(model.summary.total);
    expect(doc.querySelectorAll('script, img, style, iframe').length).toBe(0);
    for (const a of doc.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
    const text = doc.body.textContent ?? '';
    for (const payload of [HOSTILE.script, HOSTILE.img, '[click me](javascript:alert(1))']) expect(text).toContain(payload);
    expect(text).toContain(f.attachmentSha256);
  });
});

describe('report operations', () => {
  it('remembers options per workspace through the change log, and validates them', async () => {
    const saved = await call(f.ctx, 'report.options.set', {
      options: { title: 'Remembered', sections: { notes: false }, baseUrl: 'https://example.org/r' },
    });
    expect(saved.sections).toEqual({ ...DEFAULT_REPORT_OPTIONS.sections, notes: false });
    expect(await call(f.ctx, 'report.options.get', {})).toEqual(saved);
    const logged = f.ctx.workspace.db
      .prepare("SELECT count(*) FROM changes WHERE entity = 'setting' AND entity_id = 'report.options'")
      .pluck()
      .get();
    expect(logged).toBe(1);
    const bad = await invoke(f.ctx, 'report.options.set', { options: { baseUrl: 'javascript:alert(1)' } });
    expect(bad.ok).toBe(false);
    expect(await call(f.ctx, 'report.options.get', {})).toEqual(saved);
  });

  it('renders a preview limited to the first claims, and every text format', async () => {
    const preview = await call(f.ctx, 'report.preview', { limit: 3 });
    expect(preview.truncated).toBe(true);
    expect(new JSDOM(preview.html).window.document.querySelectorAll('article.claim').length).toBe(3);
    for (const format of ['html', 'md', 'csv', 'json'] as const) {
      const r = await call(f.ctx, 'report.render', { format, options: { scope: { verdicts: ['disputed'] } } });
      expect(r.claimCount).toBe(model.summary.disputed);
      expect(r.suggestedFileName.endsWith(`.${r.extension}`)).toBe(true);
      // Named after the workspace and the day, not the (often unchanged) report title.
      expect(r.suggestedFileName).toMatch(new RegExp(`^test-report-\\d{4}-\\d{2}-\\d{2}\\.${r.extension}$`));
    }
    expect(suggestedReportFileName('Odesa desk: May 2024', '2024-05-04T10:00:00Z', 'pdf')).toBe(
      'odesa-desk-may-2024-report-2024-05-04.pdf',
    );
    expect(suggestedReportFileName('', '2024-05-04T10:00:00Z', 'md')).toBe('fact-check-report-2024-05-04.md');
  });

  it('reports progress and can be cancelled', async () => {
    const done = await call(f.ctx, 'report.render', { format: 'html', jobId: 'job-1' });
    expect(await call(f.ctx, 'report.progress', { jobId: 'job-1' })).toEqual({
      jobId: 'job-1',
      state: 'done',
      done: done.claimCount,
      total: done.claimCount,
    });
    const pending = invoke(f.ctx, 'report.render', { format: 'json', jobId: 'job-2' });
    expect((await call(f.ctx, 'report.cancel', { jobId: 'job-2' })).cancelled).toBe(true);
    const r = await pending;
    expect(r.ok ? 'ok' : r.error.code).toBe('CANCELLED');
    expect((await call(f.ctx, 'report.progress', { jobId: 'job-2' })).state).toBe('cancelled');
    expect((await call(f.ctx, 'report.progress', { jobId: 'nope' })).state).toBe('unknown');
  });
});
