import { parse as parseCsv } from 'csv-parse/sync';
import { JSDOM } from 'jsdom';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { buildReportModel } from '../../../electron/core/report/build';
import { OPEN_CONFLICT_WARNING } from '../../../electron/core/report/render-claimreview';
import { renderReport } from '../../../electron/core/report/render';
import { reportModelSchema } from '../../../electron/core/report/schema';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '../../../shared/report';
import { mergePreviewed } from '../../helpers/merge';
import { tempDir } from '../../helpers/workspace';
import { exchange, teammates, type TestContext } from '../team/team-helpers';

const teammate = teammates();

const OPTIONS: ReportOptions = {
  ...DEFAULT_REPORT_OPTIONS,
  title: 'Desk report',
  organisation: 'Example Fact Desk',
  author: 'Mara',
  baseUrl: 'https://factdesk.example/reports/desk',
};

const TEXT =
  'The air force said 157 drones were launched on 12 May. The ministry reported 40 people injured in Kyiv. ' +
  'Prices rose 5 percent in May, the statistics office said.';

/** Mara's workspace after merging Ben's share file: one claim in conflict, one decided by both alike, one untouched. */
async function mergedDesk() {
  const dir = tempDir();
  const mara = teammate(dir, 'Mara');
  const ben = teammate(dir, 'Ben');
  const seed = await call(mara, 'documents.createFromText', { text: TEXT });
  const [clash, agreed] = (await call(mara, 'claims.list', { documentId: seed.document.id })).items;
  exchange(mara, ben);
  const decide = async (ctx: TestContext, id: string, verdict: 'sourced' | 'disputed', rationale: string) => {
    await call(ctx, 'claims.setVerdict', { ids: [id], verdict });
    await call(ctx, 'claims.update', { id, patch: { rationale } });
  };
  await decide(ben, clash!.id, 'sourced', 'Ben: air force statement');
  await decide(mara, clash!.id, 'disputed', 'Mara: later figure is 150');
  await decide(mara, agreed!.id, 'sourced', 'Ministry release');
  const share = await call(ben, 'team.share', { target: path.join(dir, 'ben.claimbench-share') });
  await mergePreviewed(mara, share.path);
  return { mara, clashId: clash!.id, agreedId: agreed!.id };
}

describe('reports on a workspace with an open team conflict', () => {
  it('count the open conflicts in the summary and mark the conflicted claim in every format', async () => {
    const { mara, clashId, agreedId } = await mergedDesk();
    const model = buildReportModel({ db: mara.workspace.db, workspaceName: 'desk', options: OPTIONS });
    expect(reportModelSchema.parse(model).summary.conflicts).toBe(1);
    const claims = model.documents.flatMap((d) => d.claims);
    const clash = claims.find((c) => c.id === clashId)!;
    expect(claims.filter((c) => c.conflicted).map((c) => c.id)).toEqual([clashId]);
    // The verdict shown comes with its own author's rationale.
    expect([clash.verdict, clash.rationale]).toEqual(['disputed', 'Mara: later figure is 150']);

    const json = JSON.parse(renderReport('json', model).content) as { summary: { conflicts: number } };
    expect(json.summary.conflicts).toBe(1);

    const html = new JSDOM(renderReport('html', model).content).window.document;
    expect(html.querySelector('.summary .open-conflicts')?.textContent).toContain('1 open conflict');
    const card = html.getElementById(clash.anchor)!;
    expect(card.textContent).toContain('Conflicting decisions');
    expect(card.querySelector('.rationale')!.textContent).toContain('Mara: later figure is 150');
    expect(card.querySelector('.rationale')!.textContent).not.toContain('Ben: air force statement');
    // Neither side is hidden: each person's verdict with their own rationale, the shown one marked.
    const sides = [...card.querySelectorAll('.conflict-sides li')].map((li) => li.textContent!.replace(/\s+/g, ' '));
    expect(sides).toHaveLength(2);
    expect(sides[0]).toMatch(/^✓ ?Sourced Ben · .+Ben: air force statement$/);
    expect(sides[1]).toMatch(/^✗ ?Disputed Mara · .+ · shown above until settled.*Mara: later figure is 150$/);
    expect(clash.conflictingDecisions?.map((d) => [d.author, d.verdict, d.rationale, d.shown])).toEqual([
      ['Ben', 'sourced', 'Ben: air force statement', false],
      ['Mara', 'disputed', 'Mara: later figure is 150', true],
    ]);
    expect(html.getElementById(claims.find((c) => c.id === agreedId)!.anchor)!.textContent).not.toContain(
      'Conflicting decisions',
    );

    const md = renderReport('md', model).content;
    expect(md).toContain('⚠ 1 open conflict: a claim whose teammates’ decisions disagree');
    expect(md.match(/⚠ Conflicting decisions/g)).toHaveLength(1);
    expect(md).toMatch(
      /\*\*Conflicting decisions, not settled yet:\*\*\n\n- .*Sourced.* — Ben, .+: Ben: air force statement\n- .*Disputed.* — Mara, .+ \(shown above until settled\): Mara: later figure is 150/,
    );

    const rows = parseCsv(renderReport('csv', model).content.replace(/^\uFEFF/, '')) as string[][];
    const [header, ...body] = rows;
    const conflictedAt = header!.indexOf('conflicted');
    const idAt = header!.indexOf('claim_id');
    expect(body.filter((r) => r[conflictedAt] === 'true').map((r) => r[idAt])).toEqual([clashId]);
    const sidesCell = body.find((r) => r[idAt] === clashId)![header!.indexOf('conflicting_decisions')]!.split('\n');
    expect(sidesCell).toEqual([
      expect.stringMatching(/^Ben \(.+\): Sourced — Ben: air force statement$/),
      expect.stringMatching(/^Mara \(.+, shown\): Disputed — Mara: later figure is 150$/),
    ]);

    // ClaimReview leaves the conflicted claim out (its rating may still change) and says so, naming it by id.
    const review = renderReport('claimreview', model);
    const urls = (JSON.parse(review.content) as { url: string }[]).map((i) => i.url);
    expect(urls).toEqual([`${OPTIONS.baseUrl}#claim-${agreedId}`]);
    expect(review.claimCount).toBe(1);
    expect(review.warnings).toEqual([
      `Claim ${clashId.slice(0, 8)}: ${OPEN_CONFLICT_WARNING}`,
      // The agreed claim is Sourced with no source: published, with the same word the other reports give it.
      expect.stringMatching(new RegExp(`^Claim ${agreedId.slice(0, 8)} \\(.+\\): needs attention`)),
    ]);
    expect(OPEN_CONFLICT_WARNING).toMatch(/left out.*settle the conflict first/);
  });

  it('no longer count a conflict once someone keeps a side', async () => {
    const { mara, clashId } = await mergedDesk();
    const [conflict] = await call(mara, 'conflicts.list', {});
    await call(mara, 'conflicts.keep', { claimId: clashId, actorId: conflict!.sides.find((s) => s.author === 'Ben')!.actorId });
    const model = buildReportModel({ db: mara.workspace.db, workspaceName: 'desk', options: OPTIONS });
    expect(model.summary.conflicts).toBe(0);
    const clash = model.documents.flatMap((d) => d.claims).find((c) => c.id === clashId)!;
    expect([clash.verdict, clash.rationale, clash.conflicted]).toEqual(['sourced', 'Ben: air force statement', false]);
    expect(clash.conflictingDecisions).toBeUndefined();
    const html = new JSDOM(renderReport('html', model).content).window.document;
    expect(html.querySelector('.open-conflicts')).toBeNull();
    expect(renderReport('md', model).content).not.toContain('open conflict');
  });

  it('credit the kept verdict to the teammate who chose it, and name who kept it', async () => {
    const { mara, clashId } = await mergedDesk();
    const [conflict] = await call(mara, 'conflicts.list', {});
    await call(mara, 'conflicts.keep', { claimId: clashId, actorId: conflict!.sides.find((s) => s.author === 'Ben')!.actorId });
    const model = buildReportModel({ db: mara.workspace.db, workspaceName: 'desk', options: OPTIONS });
    const clash = model.documents.flatMap((d) => d.claims).find((c) => c.id === clashId)!;
    expect([clash.decidedBy, clash.keptBy]).toEqual(['Ben', 'Mara']);
    expect(Date.parse(clash.decidedAt!)).toBeLessThanOrEqual(Date.parse(clash.keptAt!));
    const html = new JSDOM(renderReport('html', model).content).window.document;
    expect(html.getElementById(clash.anchor)!.textContent).toMatch(/Verdict set by Ben on .+, kept by Mara on /);
    expect(renderReport('md', model).content).toMatch(/\*Verdict set by Ben on .+, kept by Mara on .+\.\*/);
    const [header, ...body] = parseCsv(renderReport('csv', model).content.replace(/^\uFEFF/, '')) as string[][];
    const row = body.find((r) => r[header!.indexOf('claim_id')] === clashId)!;
    expect([row[header!.indexOf('decided_by')], row[header!.indexOf('kept_by')]]).toEqual(['Ben', 'Mara']);

    // A verdict Mara set herself, with nobody else's before it, is hers alone.
    const agreed = model.documents.flatMap((d) => d.claims).find((c) => c.verdict === 'sourced' && c.id !== clashId)!;
    expect([agreed.decidedBy, agreed.keptBy]).toEqual(['Mara', null]);
  });
});
