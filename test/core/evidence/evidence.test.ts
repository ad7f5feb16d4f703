import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, invoke } from '../../../electron/core/dispatch';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/evidence-api';
import { CORPUS_DIR, withoutShared } from '../../helpers/corpus';
import { createTestContext } from '../../helpers/workspace';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);

let ctx: ReturnType<typeof createTestContext>;
let claimId: string;
beforeEach(async () => {
  ctx = createTestContext('Ann');
  claimId = (await call(ctx, 'claims.add', { text: 'The minister said unemployment fell to 4.2 percent.' })).id;
});
afterEach(() => ctx.workspace.close());

const b64 = (bytes: Buffer) => bytes.toString('base64');
const countRows = (table: string) => (ctx.workspace.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('sources', () => {
  it('adds, edits, lists and deletes sources, each one undoable', async () => {
    const s = await call(ctx, 'sources.add', {
      claimId,
      url: 'https://stats.example.org/labour?q=1',
      title: 'Labour force survey',
      publisher: 'Statistics Office',
      publishedAt: '2026-03-01',
      excerpt: 'The unemployment rate was 4.2%.',
      stance: 'supports',
    });
    expect(s).toMatchObject({ claimId, url: 'https://stats.example.org/labour?q=1', stance: 'supports', createdBy: 'Ann' });
    expect((await call(ctx, 'edit.state', {})).undoLabel).toBe('Add source “Labour force survey”');
    const edited = await call(ctx, 'sources.update', { id: s.id, patch: { stance: 'contradicts', title: 'LFS' } });
    expect(edited).toMatchObject({ stance: 'contradicts', title: 'LFS', publisher: 'Statistics Office' });
    // The undo notice names the source as the checker knew it before the edit.
    expect((await call(ctx, 'edit.state', {})).undoLabel).toBe('Edit source “Labour force survey”');
    await call(ctx, 'edit.undo', {});
    expect((await call(ctx, 'sources.list', { claimId }))[0]).toMatchObject({ stance: 'supports', title: 'Labour force survey' });
    await call(ctx, 'sources.delete', { id: s.id });
    expect(await call(ctx, 'sources.list', { claimId })).toEqual([]);
    expect((await call(ctx, 'edit.state', {})).undoLabel).toBe('Delete source “Labour force survey”');
    await call(ctx, 'edit.undo', {});
    expect((await call(ctx, 'sources.list', { claimId })).map((x) => x.id)).toEqual([s.id]);
    await call(ctx, 'edit.undo', {}); // the creation itself
    expect(await call(ctx, 'sources.list', { claimId })).toEqual([]);
  });

  it('turns a pasted URL into a link and pasted text into an excerpt', async () => {
    const link = await call(ctx, 'sources.add', { claimId, pasted: '  https://news.example.com/a?b=c  ' });
    expect(link).toMatchObject({ url: 'https://news.example.com/a?b=c', excerpt: '' });
    // An untitled link is named by its host in the undo notices.
    expect((await call(ctx, 'edit.state', {})).undoLabel).toBe('Add source “news.example.com”');
    await call(ctx, 'sources.delete', { id: link.id });
    expect((await call(ctx, 'edit.state', {})).undoLabel).toBe('Delete source “news.example.com”');
    await call(ctx, 'edit.undo', {});
    const bare = await call(ctx, 'sources.add', { claimId, pasted: 'www.example.org/x' });
    expect(bare.url).toBe('https://www.example.org/x');
    const text = await call(ctx, 'sources.add', { claimId, pasted: 'The ministry said: “4.2 %”.\nPage 3.' });
    expect(text).toMatchObject({ url: null, excerpt: 'The ministry said: “4.2 %”.\nPage 3.' });
  });

  it('refuses javascript:, file:, data: and other non-web links with a clear message, storing nothing', async () => {
    const before = countRows('changes');
    for (const url of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'ftp://example.org/x',
      'not a url',
      'https://user:pw@example.org/',
    ]) {
      const r = await invoke(ctx, 'sources.add', { claimId, url, title: 'x' });
      expect(r.ok, url).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('VALIDATION');
        expect(r.error.message).toMatch(/http|web address|user name/);
      }
    }
    for (const pasted of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<b>x</b>']) {
      expect((await invoke(ctx, 'sources.add', { claimId, pasted })).ok, pasted).toBe(false);
    }
    expect(countRows('changes')).toBe(before);
    expect(countRows('sources')).toBe(0);
  });

  it('stores HTML and script in every text field verbatim and returns it as data', async () => {
    const evil = '<script>alert(document.cookie)</script><img src=x onerror="alert(1)">';
    const s = await call(ctx, 'sources.add', {
      claimId,
      title: evil,
      publisher: evil,
      excerpt: evil,
      publishedAt: '2026-01-15',
    });
    expect(s).toMatchObject({ title: evil, publisher: evil, excerpt: evil, publishedAt: '2026-01-15' });
    // A date is checked as a date (electron/core/evidence/dates.ts), so markup there is refused.
    expect(await invoke(ctx, 'sources.add', { claimId, title: 't', publishedAt: '<b>2026</b>' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const n = await call(ctx, 'notes.add', { claimId, text: evil });
    expect(n.text).toBe(evil);
    const a = await call(ctx, 'attachments.add', { claimId, name: `${evil}.txt`, mime: evil, base64: b64(Buffer.from(evil)) });
    expect(a.name).not.toContain('/');
    expect(a.mime).toBe(evil);
  });

  it('refuses an empty source and one for a missing claim', async () => {
    expect(await invoke(ctx, 'sources.add', { claimId })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await invoke(ctx, 'sources.add', { claimId: 'nope', url: 'https://example.org' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('refuses an edit that would leave a source with nothing to point at, changing nothing', async () => {
    const s = await call(ctx, 'sources.add', { claimId, url: 'https://example.org/report', publisher: 'Example' });
    const before = await call(ctx, 'sources.list', { claimId });
    expect(await invoke(ctx, 'sources.update', { id: s.id, patch: { url: null, publisher: null } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'A source needs a link, a title, an excerpt or an attached file.' },
    });
    expect(await call(ctx, 'sources.list', { claimId })).toEqual(before);
    // With a title given in the same edit, the link may go.
    expect(await call(ctx, 'sources.update', { id: s.id, patch: { url: null, title: 'Example report' } })).toMatchObject({
      url: null,
      title: 'Example report',
      publisher: 'Example',
    });
  });
});

describe('attachments', () => {
  it.skipIf(noShared)('stores a real PDF once by its SHA-256, however many claims it is attached to', async () => {
    const pdfDir = path.join(CORPUS_DIR, 'fixtures/pdf');
    const pdfName = fs.readdirSync(pdfDir).find((f) => f.endsWith('.pdf'))!;
    const bytes = fs.readFileSync(path.join(pdfDir, pdfName));
    const other = (await call(ctx, 'claims.add', { text: 'Another claim' })).id;
    const a = await call(ctx, 'attachments.add', { claimId, name: pdfName, mime: 'application/pdf', base64: b64(bytes) });
    const b = await call(ctx, 'attachments.add', { claimId: other, name: 'copy.pdf', base64: b64(bytes) });
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect([a.sha256, b.sha256]).toEqual([sha, sha]);
    expect(a).toMatchObject({ size: bytes.length, kind: 'pdf', viewable: true });
    expect(countRows('blobs')).toBe(1);
    const stored = ctx.workspace.db.prepare('SELECT bytes FROM blobs WHERE sha256 = ?').pluck().get(sha) as Buffer;
    expect(stored.equals(bytes)).toBe(true);
    // Nothing of the bytes goes into the change log.
    expect(ctx.workspace.db.prepare('SELECT max(length(value)) FROM changes').pluck().get()).toBeLessThan(2_000);

    const exported = await call(ctx, 'attachments.export', { id: a.id });
    expect(path.extname(exported.path)).toBe('.pdf');
    expect(fs.readFileSync(exported.path).equals(bytes)).toBe(true);
    expect(path.dirname(exported.path).startsWith(path.join(os.tmpdir(), 'claimbench-open-'))).toBe(true);
  });

  it('stores a 50 MB attachment and refuses one over 100 MB, leaving the workspace untouched', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x61);
    big.write('%PDF-1.4\n', 0, 'latin1');
    const a = await call(ctx, 'attachments.add', { claimId, name: 'scan.pdf', base64: b64(big) });
    expect(a.size).toBe(big.length);
    expect(a.sha256).toBe(createHash('sha256').update(big).digest('hex'));
    expect(countRows('blobs')).toBe(1);

    const changes = countRows('changes');
    const huge = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1024);
    const r = await invoke(ctx, 'attachments.add', { claimId, name: 'huge.bin', base64: b64(huge) });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!r.ok) expect(r.error.message).toMatch(/100 MB/);
    expect(countRows('changes')).toBe(changes);
    expect(countRows('blobs')).toBe(1);
    expect(countRows('attachments')).toBe(1);
  });

  it('refuses invalid base64 and never opens what could be a program', async () => {
    expect(await invoke(ctx, 'attachments.add', { claimId, name: 'x', base64: 'not base64!!' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    // An executable renamed to look like a PDF, with a right-to-left override in its name.
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(64)]);
    const a = await call(ctx, 'attachments.add', { claimId, name: 'C:\\temp\\invoice\u202Efdp.exe', base64: b64(exe) });
    expect(a.name).toBe('invoicefdp.exe');
    expect(a).toMatchObject({ kind: 'other', viewable: false });
    expect(await invoke(ctx, 'attachments.export', { id: a.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // A saved web page or a shell script opens as text, never as a page or a program.
    const html = await call(ctx, 'attachments.add', {
      claimId,
      name: '../../page.html',
      base64: b64(Buffer.from('<html><script>alert(1)</script></html>')),
    });
    expect(html.name).toBe('page.html');
    const out = await call(ctx, 'attachments.export', { id: html.id });
    expect(path.basename(out.path)).toBe('page.txt');
    const sh = await call(ctx, 'attachments.add', { claimId, name: 'run.sh', base64: b64(Buffer.from('#!/bin/sh\nrm -rf ~\n')) });
    expect(path.extname((await call(ctx, 'attachments.export', { id: sh.id })).path)).toBe('.txt');
  });

  it('lists, deletes and undoes attachments, and a source can point at one', async () => {
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6360000000020001e221bc330000000049454e44ae426082',
      'hex',
    );
    const a = await call(ctx, 'attachments.add', { claimId, name: 'screenshot.png', mime: 'image/png', base64: b64(png) });
    expect(a.kind).toBe('png');
    const s = await call(ctx, 'sources.add', { claimId, title: 'Screenshot of the post', attachmentId: a.id, stance: 'context' });
    expect(s.attachmentId).toBe(a.id);
    await call(ctx, 'attachments.delete', { id: a.id });
    expect(await call(ctx, 'attachments.list', { claimId })).toEqual([]);
    await call(ctx, 'edit.undo', {});
    expect((await call(ctx, 'attachments.list', { claimId })).map((x) => x.id)).toEqual([a.id]);
    const other = (await call(ctx, 'claims.add', { text: 'Other' })).id;
    expect(await invoke(ctx, 'sources.add', { claimId: other, title: 't', attachmentId: a.id })).toMatchObject({ ok: false });
  });
});

describe('notes, warnings and history', () => {
  it('keeps a comment thread per claim with author and time', async () => {
    const first = await call(ctx, 'notes.add', { claimId, text: 'Called the ministry.' });
    ctx.identity.setAuthor('Bob');
    const second = await call(ctx, 'notes.add', { claimId, text: 'They confirmed by email.' });
    const notes = await call(ctx, 'notes.list', { claimId });
    expect(notes.map((n) => [n.text, n.author])).toEqual([
      ['Called the ministry.', 'Ann'],
      ['They confirmed by email.', 'Bob'],
    ]);
    expect(Date.parse(notes[0]!.createdAt)).toBeLessThanOrEqual(Date.parse(notes[1]!.createdAt));
    await call(ctx, 'notes.delete', { id: first.id });
    expect((await call(ctx, 'notes.list', { claimId })).map((n) => n.id)).toEqual([second.id]);
    expect(await invoke(ctx, 'notes.add', { claimId, text: '   ' })).toMatchObject({ ok: false });
  });

  it('warns, without blocking, about sourced claims with no source and disputed ones with no evidence', async () => {
    const warnings = async () => (await call(ctx, 'claims.evidence', { id: claimId })).warnings.map((w) => w.code);
    expect(await warnings()).toEqual([]);
    await call(ctx, 'claims.setVerdict', { ids: [claimId], verdict: 'sourced' });
    expect(await warnings()).toEqual(['sourced-without-source']);
    const s = await call(ctx, 'sources.add', { claimId, url: 'https://example.org/a', stance: 'supports' });
    expect(await warnings()).toEqual([]);
    await call(ctx, 'claims.setVerdict', { ids: [claimId], verdict: 'disputed' });
    expect(await warnings()).toEqual(['disputed-without-evidence']);
    await call(ctx, 'sources.update', { id: s.id, patch: { stance: 'contradicts' } });
    expect(await warnings()).toEqual([]);
    // Sourced on the strength of a source that says the opposite: flagged until one supports it.
    await call(ctx, 'claims.setVerdict', { ids: [claimId], verdict: 'sourced' });
    expect(await warnings()).toEqual(['sourced-but-contradicted']);
    const support = await call(ctx, 'sources.add', { claimId, url: 'https://example.org/b', stance: 'supports' });
    expect(await warnings()).toEqual([]);
    await call(ctx, 'sources.delete', { id: support.id });
    await call(ctx, 'claims.setVerdict', { ids: [claimId], verdict: 'disputed' });
    await call(ctx, 'sources.update', { id: s.id, patch: { stance: 'context' } });
    await call(ctx, 'claims.update', { id: claimId, patch: { rationale: 'The survey shows 5.1%, not 4.2%.' } });
    expect(await warnings()).toEqual([]);
  });

  it('shows every change in the activity feed, newest first, paged, in readable sentences', async () => {
    await call(ctx, 'claims.setVerdict', { ids: [claimId], verdict: 'disputed' });
    ctx.identity.setAuthor('Bob');
    await call(ctx, 'notes.add', { claimId, text: 'Needs a second look' });
    await call(ctx, 'sources.add', { claimId, url: 'https://example.org/lfs', title: 'LFS' });
    const other = (await call(ctx, 'claims.add', { text: 'Unrelated claim' })).id;

    const all = await call(ctx, 'activity.list', { limit: 100 });
    const claimText = 'The minister said unemployment fell to 4.2 percent.';
    expect(all.nextBefore).toBeNull();
    expect(all.items.map((e) => [e.summary, e.detail, e.claimText])).toEqual([
      ['Bob added the claim', null, 'Unrelated claim'],
      ['Bob added the source “LFS” (context)', 'https://example.org/lfs', claimText],
      ['Bob added a note', '“Needs a second look”', claimText],
      ['Ann marked Disputed', null, claimText],
      ['Ann added the claim', null, claimText],
    ]);
    expect(all.items[3]).toMatchObject({ field: 'verdict', from: null, to: 'disputed', author: 'Ann', claimId });

    const page1 = await call(ctx, 'activity.list', { limit: 2 });
    const page2 = await call(ctx, 'activity.list', { limit: 2, before: page1.nextBefore! });
    const page3 = await call(ctx, 'activity.list', { limit: 2, before: page2.nextBefore! });
    expect([...page1.items, ...page2.items, ...page3.items].map((e) => e.hlc)).toEqual(all.items.map((e) => e.hlc));
    expect(page3.nextBefore).toBeNull();

    const forClaim = await call(ctx, 'activity.list', { claimId });
    expect(forClaim.items).toHaveLength(4);
    expect(forClaim.items.every((e) => e.claimId === claimId)).toBe(true);
    expect((await call(ctx, 'activity.list', { claimId: other })).items).toHaveLength(1);
  });
});

describe('assignment, tags and bulk actions', () => {
  it('assigns, tags and marks a multi-selection, each as one undo step', async () => {
    const ids = [claimId];
    for (let i = 0; i < 4; i++) ids.push((await call(ctx, 'claims.add', { text: `Claim ${i}` })).id);
    await call(ctx, 'claims.assign', { ids, assignee: 'Bob' });
    await call(ctx, 'claims.tag', { ids, add: ['economy', 'labour'] });
    await call(ctx, 'claims.tag', { ids: ids.slice(0, 2), remove: ['labour'] });
    await call(ctx, 'claims.setVerdict', { ids, verdict: 'disputed' });
    const state = async () => (await call(ctx, 'claims.list', {})).items.map((c) => [c.assignee, c.tags.join('+'), c.verdict]);
    expect(new Set((await state()).slice(2).map((r) => r.join()))).toEqual(new Set(['Bob,economy+labour,disputed']));

    expect((await call(ctx, 'edit.state', {})).undoLabel).toBe('Mark 5 claims disputed');
    await call(ctx, 'edit.undo', {});
    expect((await state()).every((r) => r[2] === null)).toBe(true);
    expect((await call(ctx, 'edit.state', {})).undoLabel).toBe('Untag labour on 2 claims');
    await call(ctx, 'edit.undo', {});
    expect((await state()).every((r) => r[1] === 'economy+labour')).toBe(true);
    await call(ctx, 'edit.undo', {});
    expect((await state()).every((r) => r[1] === '')).toBe(true);
    await call(ctx, 'edit.undo', {});
    expect((await state()).every((r) => r[0] === null)).toBe(true);
    await call(ctx, 'edit.redo', {});
    expect((await call(ctx, 'claims.list', { assignee: 'Bob' })).total).toBe(5);

    expect(await invoke(ctx, 'claims.tag', { ids, add: [] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await invoke(ctx, 'claims.assign', { ids: [...ids, 'missing'], assignee: 'Eve' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect((await call(ctx, 'claims.list', { assignee: 'Eve' })).total).toBe(0);
  });
});
