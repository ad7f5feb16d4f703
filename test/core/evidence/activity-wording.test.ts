import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import type { ActivityEntry } from '../../../shared/evidence';
import { describeChange, describeDecision, describeTimeline, isOneDecision } from '../../../shared/timeline';
import { clockMovesOn } from '../../helpers/clock';
import { mergePreviewed } from '../../helpers/merge';
import { tempDir } from '../../helpers/workspace';
import { teammates, type TestContext } from '../team/team-helpers';

const teammate = teammates();

const TEXT = 'The court annulled the election result on 3 May. Turnout was 61 percent.';
const SAM_RATIONALE = 'Court ruling published in Resmi Gazete.';
const DANA_RATIONALE = 'Rationale 2: the electoral board’s own table.';

async function shareInto(dir: string, from: TestContext, to: TestContext, name: string): Promise<void> {
  const share = await call(from, 'team.share', { target: path.join(dir, `${name}.claimbench-share`) });
  await mergePreviewed(to, share.path);
}

async function activity(ctx: TestContext, claimId?: string): Promise<ActivityEntry[]> {
  return (await call(ctx, 'activity.list', { limit: 500, ...(claimId ? { claimId } : {}) })).items;
}

/**
 * Sam and Dana start from the same document and each decide the first claim without seeing the
 * other (Sam first by the clock); Dana merges Sam's share and settles the conflict by keeping Sam's side.
 */
async function concurrentDecisionsSettled() {
  const dir = tempDir();
  const sam = teammate(dir, 'Sam Ortiz');
  const dana = teammate(dir, 'Dana Reyes');
  const seed = await call(sam, 'documents.createFromText', { text: TEXT });
  const claimId = (await call(sam, 'claims.list', { documentId: seed.document.id })).items[0]!.id;
  await shareInto(dir, sam, dana, 'seed');

  await call(sam, 'claims.setVerdict', { ids: [claimId], verdict: 'unverified', rationale: SAM_RATIONALE });
  await clockMovesOn();
  await call(dana, 'claims.setVerdict', { ids: [claimId], verdict: 'sourced' });
  await call(dana, 'claims.update', { id: claimId, patch: { rationale: DANA_RATIONALE } });
  await shareInto(dir, sam, dana, 'sam');
  const [conflict] = await call(dana, 'conflicts.list', {});
  const samSide = conflict!.sides.find((s) => s.author === 'Sam Ortiz')!;
  await call(dana, 'conflicts.keep', { claimId, actorId: samSide.actorId });
  return { sam, dana, claimId };
}

describe('workspace activity after a teammate’s concurrent edits are merged and settled', () => {
  it('says what each person changed from what they saw, and that the settlement kept Sam’s decision', async () => {
    const { dana, claimId } = await concurrentDecisionsSettled();
    const lines = (await activity(dana))
      .filter((e) => e.claimId === claimId)
      .reverse()
      .map((e) => [e.summary, e.detail]);
    expect(lines).toEqual([
      ['Sam Ortiz added the claim', null],
      // One action, one entry: Sam decided the verdict and the rationale at once.
      ['Sam Ortiz marked Unverified and wrote a rationale', `“${SAM_RATIONALE}”`],
      // Dana never saw Sam's verdict or rationale: she moved the claim from Not reviewed and wrote the first rationale.
      ['Dana Reyes marked Sourced', null],
      ['Dana Reyes wrote a rationale', `“${DANA_RATIONALE}”`],
      ['Dana Reyes settled the conflict: kept Sam Ortiz’s decision, Unverified', `“${SAM_RATIONALE}” · was Sourced`],
    ]);
    const danaVerdict = (await activity(dana)).find(
      (e) => e.author === 'Dana Reyes' && e.field === 'verdict' && e.to === 'sourced',
    );
    expect(danaVerdict).toMatchObject({ from: null, claimText: 'The court annulled the election result on 3 May.' });
    // What came in with Sam's share says so; what Dana did here came with no file.
    const samVerdict = (await activity(dana)).find((e) => e.author === 'Sam Ortiz' && e.field === 'verdict');
    expect(samVerdict?.origin).toMatchObject({ kind: 'share', file: 'sam.claimbench-share', mergedBy: 'Dana Reyes' });
    expect(danaVerdict?.origin).toBeNull();
  });

  it('says that a new decision settled the conflict, in the claim’s history and as one entry of the feed', async () => {
    const dir = tempDir();
    const sam = teammate(dir, 'Sam Ortiz');
    const dana = teammate(dir, 'Dana Reyes');
    const seed = await call(sam, 'documents.createFromText', { text: TEXT });
    const claimId = (await call(sam, 'claims.list', { documentId: seed.document.id })).items[0]!.id;
    await shareInto(dir, sam, dana, 'seed');
    await call(sam, 'claims.setVerdict', { ids: [claimId], verdict: 'sourced', rationale: SAM_RATIONALE });
    await clockMovesOn();
    await call(dana, 'claims.setVerdict', { ids: [claimId], verdict: 'unverified' });
    await shareInto(dir, sam, dana, 'sam');
    await call(dana, 'conflicts.resolve', { claimId, verdict: 'disputed', rationale: 'The board’s table says 58.' });

    const history = describeTimeline(await call(dana, 'claims.history', { id: claimId })).slice(-1);
    expect(history.map(({ summary, detail }) => ({ summary, detail }))).toEqual([
      {
        summary: 'Dana Reyes settled the conflict with a new decision: Disputed',
        detail: expect.stringMatching(/^“The board’s table says 58\.” · was (Sourced|Unverified)$/),
      },
    ]);
    const [newest, before] = await activity(dana, claimId);
    expect([newest!.summary, newest!.detail]).toEqual([
      'Dana Reyes settled the conflict with a new decision: Disputed',
      expect.stringMatching(/^“The board’s table says 58\.” · was (Sourced|Unverified)$/),
    ]);
    expect(before!.action).not.toBe('Resolve conflict');
  });

  it('reads a new decision that keeps the verdict on screen as the resolver’s own decision, in one line', async () => {
    const dir = tempDir();
    const sam = teammate(dir, 'Sam Ortiz');
    const dana = teammate(dir, 'Dana Reyes');
    const seed = await call(sam, 'documents.createFromText', { text: TEXT });
    const claimId = (await call(sam, 'claims.list', { documentId: seed.document.id })).items[0]!.id;
    await shareInto(dir, sam, dana, 'seed');
    await call(sam, 'claims.setVerdict', { ids: [claimId], verdict: 'disputed', rationale: SAM_RATIONALE });
    await clockMovesOn();
    await call(dana, 'claims.setVerdict', { ids: [claimId], verdict: 'unverified', rationale: DANA_RATIONALE });
    await shareInto(dir, sam, dana, 'sam');
    const shown = (await call(dana, 'claims.get', { id: claimId })).verdict;
    await call(dana, 'conflicts.resolve', { claimId, verdict: shown, rationale: 'The board’s table says 58.' });

    const lines = describeTimeline(await call(dana, 'claims.history', { id: claimId })).map((l) => l.summary);
    expect(lines.at(-1)).toBe(`Dana Reyes settled the conflict with a new decision: ${shown === 'disputed' ? 'Disputed' : 'Unverified'}`);
    expect(lines.filter((l) => l.includes('settled the conflict'))).toHaveLength(1);
    expect(lines.join('\n')).not.toMatch(/kept|new rationale/);
  });

  it('agrees with the claim’s history on the value each change replaced and on its words', async () => {
    const { sam, dana, claimId } = await concurrentDecisionsSettled();
    await call(dana, 'notes.add', { claimId, text: 'Asked the board for the raw table' });
    for (const ctx of [dana, sam]) {
      const history = await call(ctx, 'claims.history', { id: claimId });
      const feed = await activity(ctx, claimId);
      const actionId = (hlc: string) =>
        ctx.workspace.db.prepare('SELECT action_id FROM changes WHERE hlc = ?').pluck().get(hlc) as string | null;
      let paired = 0;
      for (const entry of feed) {
        const same = history.find((h) => h.hlc === entry.hlc)!;
        const partner = history.find(
          (h) => h !== same && isOneDecision({ ...same, actionId: entry.actionId }, { ...h, actionId: actionId(h.hlc) }),
        );
        if (partner) paired++;
        expect(entry.from, `${entry.author} ${entry.field}`).toEqual(same.from);
        expect(entry.origin, `${entry.author} ${entry.field}`).toEqual(same.origin);
        const words = partner ? describeDecision(same, partner) : describeChange(same);
        expect([entry.summary, entry.detail]).toEqual(Object.values(words));
      }
      expect(feed.length + paired).toBe(history.length);
    }
  });

  it('puts settings, checking sessions and live transcripts in words, without their bookkeeping', async () => {
    const { dana } = await concurrentDecisionsSettled();
    await call(dana, 'report.options.set', { options: { title: 'Election desk' } });
    await call(dana, 'report.options.set', { options: { organisation: 'Teyit' } });
    await call(dana, 'spotting.setThreshold', { threshold: 0.6 });
    await call(dana, 'spotting.setThreshold', { threshold: 0.45 });
    const session = await call(dana, 'sessions.start', { name: 'Election night', capture: { title: 'Debate transcript' } });
    await call(dana, 'capture.append', { sessionId: session.id, text: 'Turnout reached 61 percent this year.', speaker: 'Host' });
    await call(dana, 'sessions.pause', { id: session.id });
    await call(dana, 'sessions.resume', { id: session.id });
    await call(dana, 'sessions.end', { id: session.id });
    await call(dana, 'documents.rename', { id: session.captureDocumentId!, title: 'Debate, 4 May' });

    const feed = await activity(dana);
    const entities = dana.workspace.db.prepare('SELECT DISTINCT entity FROM changes ORDER BY entity').pluck().all();
    expect(entities).toEqual(['checkSession', 'claim', 'document', 'setting', 'transcriptChunk']);
    const newest = feed
      .slice(
        0,
        feed.findIndex((e) => e.action?.startsWith('Keep ')),
      )
      .map((e) => [e.summary, e.detail]);
    expect(newest.filter(([s]) => !/added the claim|captured it/.test(s!))).toEqual([
      ['Dana Reyes renamed the document “Debate transcript” to “Debate, 4 May”', null],
      ['Dana Reyes ended the checking session “Election night”', expect.stringMatching(/^\d+ reviewed, \d+ open$/)],
      ['Dana Reyes resumed the checking session “Election night”', null],
      ['Dana Reyes paused the checking session “Election night”', null],
      ['Dana Reyes added a passage to the transcript “Debate, 4 May”', 'Host: “Turnout reached 61 percent this year.”'],
      ['Dana Reyes started the checking session “Election night” with live capture', null],
      ['Dana Reyes started the live transcript “Debate, 4 May”', null],
      ['Dana Reyes set the check-worthiness threshold to 0.45', 'was 0.60'],
      ['Dana Reyes set the check-worthiness threshold to 0.60', null],
      ['Dana Reyes changed the report settings', 'organisation “Teyit”'],
      ['Dana Reyes changed the report settings', 'title “Election desk”'],
    ]);
    // No raw values: JSON, ISO times, verdict ids or derived figures.
    for (const e of feed) {
      const words = `${e.summary} ${e.detail ?? ''}`;
      expect(words).not.toMatch(/[{}[\]]|\d{4}-\d\d-\d\dT|\b(sourced|unverified|disputed)\b|durationMs|elapsed/);
    }
    const kinds = new Set(feed.map((e) => `${e.entity}.${e.field}`));
    for (const bookkeeping of ['checkSession.elapsedMs', 'checkSession.summary', 'checkSession.endedAt', 'claim.score'])
      expect(kinds.has(bookkeeping), bookkeeping).toBe(false);
  });

  it('logs report settings only when they change, saying what changed, however often the same ones are exported', async () => {
    const { dana } = await concurrentDecisionsSettled();
    const reportEntries = async () =>
      (await activity(dana)).filter((e) => e.summary.includes('report settings')).map((e) => [e.summary, e.detail]);
    // The export dialog saves its choices on every export; the format is no part of them.
    const defaults = await call(dana, 'report.options.get', {});
    await call(dana, 'report.options.set', { options: defaults });
    await call(dana, 'report.options.set', { options: defaults });
    expect(await reportEntries()).toEqual([]);
    await call(dana, 'report.options.set', { options: { ...defaults, sections: { ...defaults.sections, notes: false } } });
    await call(dana, 'report.options.set', { options: { ...defaults, sections: { ...defaults.sections, notes: false } } });
    await call(dana, 'report.options.set', { options: { organisation: '' } });
    expect(await reportEntries()).toEqual([['Dana Reyes changed the report settings', 'sections: notes off']]);
  });

  it('pages by clock cursor over the entries it shows, and a page reads as the whole feed does', async () => {
    const { dana } = await concurrentDecisionsSettled();
    await call(dana, 'sessions.start', { name: 'Desk' }).then((s) => call(dana, 'sessions.end', { id: s.id }));
    const all = await activity(dana);
    // Every page size, so a decision's verdict and rationale fall at a page's end at least once.
    for (const limit of [1, 2, 3]) {
      const paged: ActivityEntry[] = [];
      let before: string | undefined;
      do {
        const page = await call(dana, 'activity.list', { limit, ...(before ? { before } : {}) });
        paged.push(...page.items);
        before = page.nextBefore ?? undefined;
      } while (before);
      expect(paged, `pages of ${limit}`).toEqual(all);
    }
  });
});
