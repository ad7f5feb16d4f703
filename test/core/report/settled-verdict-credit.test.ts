import { parse as parseCsv } from 'csv-parse/sync';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { buildReportModel } from '../../../electron/core/report/build';
import { renderPdf } from '../../../electron/core/report/pdf';
import { renderReport } from '../../../electron/core/report/render';
import { hlcTime } from '../../../electron/core/store/recorder';
import type { ReportClaim } from '../../../electron/core/report/schema';
import type { Verdict } from '../../../shared/domain';
import { DEFAULT_REPORT_OPTIONS } from '../../../shared/report';
import { mergePreviewed } from '../../helpers/merge';
import { tempDir } from '../../helpers/workspace';
import { exchange, teammates, type TestContext } from '../team/team-helpers';

const teammate = teammates();

const TEXT = 'The ministry reported 40 people injured in Kyiv on 12 May.';

/**
 * Mara marks the claim Disputed, Ben marks it Unverified and shares, Mara merges his share file:
 * the claim is in conflict, Ben's side against hers.
 */
async function conflictedClaim() {
  const dir = tempDir();
  const mara = teammate(dir, 'Mara Quinn');
  const ben = teammate(dir, 'Ben Ortiz');
  const seed = await call(mara, 'documents.createFromText', { text: TEXT });
  const [claim] = (await call(mara, 'claims.list', { documentId: seed.document.id })).items;
  exchange(mara, ben);
  const decide = async (ctx: TestContext, verdict: Verdict, rationale: string) => {
    await call(ctx, 'claims.setVerdict', { ids: [claim!.id], verdict });
    await call(ctx, 'claims.update', { id: claim!.id, patch: { rationale } });
  };
  await decide(mara, 'disputed', 'Mara: the hospital counts 38');
  await decide(ben, 'unverified', 'Ben: no second source yet');
  const share = await call(ben, 'team.share', { target: path.join(dir, 'ben.claimbench-share') });
  await mergePreviewed(mara, share.path);
  expect((await call(mara, 'conflicts.list', {})).map((c) => c.claimId)).toEqual([claim!.id]);
  return { mara, claimId: claim!.id };
}

interface Credit {
  decidedBy: string | null;
  keptBy: string | null;
}

/** Who each export format credits with the claim's verdict, read back from the file it writes. */
async function creditsInEveryFormat(mara: TestContext, claimId: string): Promise<Record<string, Credit | string>> {
  const model = buildReportModel({ db: mara.workspace.db, workspaceName: 'desk', options: DEFAULT_REPORT_OPTIONS });
  const claim = model.documents.flatMap((d) => d.claims).find((c) => c.id === claimId)!;

  const json = JSON.parse(renderReport('json', model).content) as { documents: { claims: ReportClaim[] }[] };
  const fromJson = json.documents.flatMap((d) => d.claims).find((c) => c.id === claimId)!;

  const [header, ...rows] = parseCsv(renderReport('csv', model).content.replace(/^\uFEFF/, '')) as string[][];
  const row = rows.find((r) => r[header!.indexOf('claim_id')] === claimId)!;

  const html = renderReport('html', model).content;
  const card = new JSDOM(html).window.document.getElementById(claim.anchor)!;
  const setLine = (text: string) => /Verdict set by .+? UTC(, kept by .+? UTC)?/.exec(text.replace(/\s+/g, ' '))?.[0] ?? '';

  const pdfFile = path.join(tempDir(), 'report.pdf');
  fs.writeFileSync(pdfFile, await renderPdf(html));
  const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' });

  return {
    json: { decidedBy: fromJson.decidedBy, keptBy: fromJson.keptBy ?? null },
    csv: { decidedBy: row[header!.indexOf('decided_by')] || null, keptBy: row[header!.indexOf('kept_by')] || null },
    html: setLine(card.textContent!),
    md: setLine(renderReport('md', model).content),
    pdf: setLine(pdfText),
  };
}

const credited = (decidedBy: string, keptBy: string | null) => {
  const line = keptBy
    ? expect.stringMatching(new RegExp(`^Verdict set by ${decidedBy} on [^,]+ UTC, kept by ${keptBy} on [^,]+ UTC$`))
    : expect.stringMatching(new RegExp(`^Verdict set by ${decidedBy} on [^,]+ UTC$`));
  return { json: { decidedBy, keptBy }, csv: { decidedBy, keptBy }, html: line, md: line, pdf: line };
};

describe('the report credits a settled conflict’s verdict to whoever chose it', () => {
  it('a new decision with the same verdict as a teammate’s side is the settler’s own', async () => {
    const { mara, claimId } = await conflictedClaim();
    await call(mara, 'conflicts.resolve', { claimId, verdict: 'unverified', rationale: 'Mara: police figures pending' });
    expect(await creditsInEveryFormat(mara, claimId)).toEqual(credited('Mara Quinn', null));
  }, 60_000);

  it('a new decision with the settler’s own earlier verdict is dated when it was made', async () => {
    const { mara, claimId } = await conflictedClaim();
    await call(mara, 'conflicts.resolve', { claimId, verdict: 'disputed', rationale: 'Mara: 38 in the final count' });
    const settledAt = mara.workspace.db
      .prepare("SELECT max(hlc) FROM changes WHERE entity_id = ? AND field = 'verdict'")
      .pluck()
      .get(claimId) as string;
    const model = buildReportModel({ db: mara.workspace.db, workspaceName: 'desk', options: DEFAULT_REPORT_OPTIONS });
    const claim = model.documents.flatMap((d) => d.claims).find((c) => c.id === claimId)!;
    expect([claim.decidedBy, claim.keptBy]).toEqual(['Mara Quinn', null]);
    expect(claim.decidedAt).toBe(hlcTime(settledAt));
  });

  it('a new decision unlike either side is the settler’s own', async () => {
    const { mara, claimId } = await conflictedClaim();
    await call(mara, 'conflicts.resolve', { claimId, verdict: 'sourced', rationale: 'Mara: ministry release confirms it' });
    expect(await creditsInEveryFormat(mara, claimId)).toEqual(credited('Mara Quinn', null));
  }, 60_000);

  it('keeping a teammate’s side credits the teammate and names the settler as keeping it', async () => {
    const { mara, claimId } = await conflictedClaim();
    const [conflict] = await call(mara, 'conflicts.list', { claimId });
    await call(mara, 'conflicts.keep', { claimId, actorId: conflict!.sides.find((s) => s.author === 'Ben Ortiz')!.actorId });
    expect(await creditsInEveryFormat(mara, claimId)).toEqual(credited('Ben Ortiz', 'Mara Quinn'));
  }, 60_000);

  it('keeping one’s own side credits oneself, with nobody keeping it', async () => {
    const { mara, claimId } = await conflictedClaim();
    const [conflict] = await call(mara, 'conflicts.list', { claimId });
    await call(mara, 'conflicts.keep', { claimId, actorId: conflict!.sides.find((s) => s.author === 'Mara Quinn')!.actorId });
    const model = buildReportModel({ db: mara.workspace.db, workspaceName: 'desk', options: DEFAULT_REPORT_OPTIONS });
    const claim = model.documents.flatMap((d) => d.claims).find((c) => c.id === claimId)!;
    expect([claim.verdict, claim.decidedBy, claim.keptBy]).toEqual(['disputed', 'Mara Quinn', null]);
  });
});
