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
import { clockMovesOn } from '../../helpers/clock';
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

const CLAIM = 'The ministry reported 40 people injured in Kyiv on 12 May.';

/**
 * A team lead's desk: Lena (the lead) marks the claim Disputed, tags it and hands the workspace to Ben and
 * Cara; Ben marks it Disputed and Cara Sourced, each adding a source, without seeing each other's. Lena merges
 * both share files: the claim is in conflict, three people's decisions against each other.
 */
async function threeWayConflict() {
  const dir = tempDir();
  const lena = teammate(dir, 'Lena Park');
  const ben = teammate(dir, 'Ben Okafor');
  const cara = teammate(dir, 'Cara Lind');
  const seed = await call(lena, 'documents.createFromText', { text: CLAIM });
  const [claim] = (await call(lena, 'claims.list', { documentId: seed.document.id })).items;
  const claimId = claim!.id;
  await call(lena, 'claims.tag', { ids: [claimId], add: ['casualties', 'Kyiv'] });
  exchange(lena, ben);
  exchange(lena, cara);
  const decide = async (ctx: TestContext, verdict: Verdict, rationale: string) =>
    call(ctx, 'claims.setVerdict', { ids: [claimId], verdict, rationale });
  await decide(lena, 'disputed', 'Lena: the hospital counts 38');
  await decide(ben, 'disputed', 'Ben: the city says 35');
  await call(ben, 'sources.add', { claimId, url: 'https://city.example/release', title: 'City release', stance: 'contradicts' });
  await decide(cara, 'sourced', 'Cara: the ministry’s final tally is 40');
  await call(cara, 'sources.add', {
    claimId,
    url: 'https://ministry.example/tally',
    title: 'Ministry tally',
    stance: 'supports',
  });
  for (const from of [ben, cara]) {
    const share = await call(from, 'team.share', { target: path.join(dir, `${from.workspace.name}.claimbench-share`) });
    await mergePreviewed(lena, share.path);
  }
  const [conflict] = await call(lena, 'conflicts.list', { claimId });
  expect(conflict!.sides.map((s) => s.author).sort()).toEqual(['Ben Okafor', 'Cara Lind', 'Lena Park']);
  return { lena, claimId, sideOf: (author: string) => conflict!.sides.find((s) => s.author === author)!.actorId };
}

/** The trail each format prints for the claim: overruled decisions, who added each source, the tags. */
async function trailInEveryFormat(lena: TestContext, claimId: string) {
  const model = buildReportModel({ db: lena.workspace.db, workspaceName: 'desk', options: DEFAULT_REPORT_OPTIONS });
  const claim = model.documents.flatMap((d) => d.claims).find((c) => c.id === claimId)!;
  const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

  const json = JSON.parse(renderReport('json', model).content) as { documents: { claims: ReportClaim[] }[] };
  const fromJson = json.documents.flatMap((d) => d.claims).find((c) => c.id === claimId)!;

  const [header, ...rows] = parseCsv(renderReport('csv', model).content.replace(/^\uFEFF/, '')) as string[][];
  const row = rows.find((r) => r[header!.indexOf('claim_id')] === claimId)!;
  const cell = (column: string) => row[header!.indexOf(column)]!;

  const html = renderReport('html', model).content;
  const card = new JSDOM(html).window.document.getElementById(claim.anchor)!;
  const md = renderReport('md', model).content;

  const pdfFile = path.join(tempDir(), 'report.pdf');
  fs.writeFileSync(pdfFile, await renderPdf(html));
  const pdf = flat(execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' }));

  return {
    claim,
    json: fromJson,
    csv: { overruled: cell('overruled_decisions').split('\n'), sources: cell('sources'), tags: cell('tags') },
    html: {
      overruled: [...card.querySelectorAll('ul.overruled li')].map((li) => flat(li.textContent!)),
      sources: [...card.querySelectorAll('ul.sources li')].map((li) => flat(li.textContent!)),
      tags: flat(card.querySelector('.tags')?.textContent ?? ''),
    },
    md: {
      overruled: md.split('\n').filter((l) => l.startsWith('- Overruled: ')),
      sources: md.split('\n').filter((l) => / \(?added by /.test(l)),
      tags: md.split('\n').find((l) => l.startsWith('*Tags:*')) ?? '',
    },
    pdf,
  };
}

const DATE = '\\d{1,2} \\w+ \\d{4},? (?:at )?\\d\\d:\\d\\d UTC';
/** The line for a decision the settlement named in the claim's decision line ("kept by Lena Park on …") set aside. */
const overruledLine = (who: string, verdict: string, rationale: string) =>
  new RegExp(`^Overruled: ${who}, ${verdict}, ${DATE}: ${rationale}$`);

describe('the report keeps the trail of a settled conflict', () => {
  it('keeping Cara’s side lists Lena’s and Ben’s decisions as overruled, in every format', async () => {
    const { lena, claimId, sideOf } = await threeWayConflict();
    await call(lena, 'conflicts.keep', { claimId, actorId: sideOf('Cara Lind') });
    const t = await trailInEveryFormat(lena, claimId);

    expect(t.claim.overruledDecisions?.map((d) => [d.author, d.verdict, d.rationale, d.settledBy])).toEqual([
      ['Lena Park', 'disputed', 'Lena: the hospital counts 38', 'Lena Park'],
      ['Ben Okafor', 'disputed', 'Ben: the city says 35', 'Lena Park'],
    ]);
    expect(t.json.overruledDecisions).toEqual(t.claim.overruledDecisions);
    expect(t.json.sources.map((s) => [s.title, s.addedBy])).toEqual([
      ['City release', 'Ben Okafor'],
      ['Ministry tally', 'Cara Lind'],
    ]);

    expect(t.csv.overruled).toEqual([
      expect.stringMatching(/^Lena Park \(.+Z\): Disputed — Lena: the hospital counts 38; settled by Lena Park \(.+Z\)$/),
      expect.stringMatching(/^Ben Okafor \(.+Z\): Disputed — Ben: the city says 35; settled by Lena Park \(.+Z\)$/),
    ]);
    expect(t.csv.sources).toMatch(/City release — [^<\n]*added by Ben Okafor <https:\/\/city\.example\/release>/);
    expect(t.csv.sources).toMatch(/Ministry tally — [^<\n]*added by Cara Lind/);
    expect(t.csv.tags).toBe('casualties; Kyiv');

    const lenaLine = overruledLine('Lena Park', 'Disputed', 'Lena: the hospital counts 38');
    const benLine = overruledLine('Ben Okafor', 'Disputed', 'Ben: the city says 35');
    expect(t.html.overruled).toEqual([expect.stringMatching(lenaLine), expect.stringMatching(benLine)]);
    expect(t.html.sources).toEqual([
      expect.stringMatching(/^Contradicts City release — [^L]*added by Ben Okafor/),
      expect.stringMatching(/^Supports Ministry tally — [^L]*added by Cara Lind/),
    ]);
    expect(t.html.tags).toBe('Tags: casualties, Kyiv');

    expect(t.md.overruled).toEqual([
      expect.stringMatching(overruledLine('Lena Park', 'Disputed', 'Lena: the hospital counts 38').source.replace('^', '^- ')),
      expect.stringMatching(overruledLine('Ben Okafor', 'Disputed', 'Ben: the city says 35').source.replace('^', '^- ')),
    ]);
    expect(t.md.sources).toEqual([
      expect.stringMatching(/City release\]\(<https:\/\/city\.example\/release>\) — .*added by Ben Okafor *$/),
      expect.stringMatching(/Ministry tally\]\(<https:\/\/ministry\.example\/tally>\) — .*added by Cara Lind *$/),
    ]);
    expect(t.md.tags).toBe('*Tags:* casualties, Kyiv');

    for (const line of [lenaLine, benLine]) expect(t.pdf).toMatch(new RegExp(line.source.slice(1, -1)));
    expect(t.pdf).toMatch(/City release — [^—]*added by Ben Okafor/);
    expect(t.pdf).toMatch(/Ministry tally — [^—]*added by Cara Lind/);
    expect(t.pdf).toContain('Tags: casualties, Kyiv');
    expect(t.pdf).toMatch(/Verdict set by Cara Lind on [^,]+ UTC, kept by Lena Park/);
  }, 90_000);

  it('a new decision overrules every side, the settler’s own included', async () => {
    const { lena, claimId } = await threeWayConflict();
    await call(lena, 'conflicts.resolve', { claimId, verdict: 'unverified', rationale: 'Lena: three counts, none final' });
    const model = buildReportModel({ db: lena.workspace.db, workspaceName: 'desk', options: DEFAULT_REPORT_OPTIONS });
    const claim = model.documents.flatMap((d) => d.claims).find((c) => c.id === claimId)!;
    expect(claim.overruledDecisions?.map((d) => [d.author, d.verdictLabel])).toEqual([
      ['Lena Park', 'Disputed'],
      ['Ben Okafor', 'Disputed'],
      ['Cara Lind', 'Sourced'],
    ]);
    // Once a later change sets the verdict, each overruled line says which settlement set it aside.
    await clockMovesOn();
    await call(lena, 'claims.setVerdict', { ids: [claimId], verdict: 'disputed', rationale: 'Lena: the final count is 38' });
    const later = buildReportModel({ db: lena.workspace.db, workspaceName: 'desk', options: DEFAULT_REPORT_OPTIONS });
    const md = renderReport('md', later).content.split('\n');
    expect(md.filter((l) => l.startsWith('- Overruled: '))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^- Overruled: Lena Park, Disputed, ${DATE}: Lena: the hospital counts 38 \\(settled by Lena Park on ${DATE}\\)$`,
        ),
      ),
      expect.stringMatching(/^- Overruled: Ben Okafor, Disputed, .+ \(settled by Lena Park on .+\)$/),
      expect.stringMatching(/^- Overruled: Cara Lind, Sourced, .+ \(settled by Lena Park on .+\)$/),
    ]);
  });

  it('an open conflict overrules nothing yet, and a claim decided alone has no overruled decisions', async () => {
    const { lena, claimId } = await threeWayConflict();
    const model = buildReportModel({ db: lena.workspace.db, workspaceName: 'desk', options: DEFAULT_REPORT_OPTIONS });
    const claim = model.documents.flatMap((d) => d.claims).find((c) => c.id === claimId)!;
    expect(claim.conflictingDecisions).toHaveLength(3);
    expect(claim.overruledDecisions).toBeUndefined();
    expect(renderReport('html', model).content).not.toContain('Overruled:');
  });
});
