import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { normaliseText } from '../../../electron/core/ingest/extracted';
import { csvField, escapeHtml, escapeMarkdown } from '../../../electron/core/report/escape';
import { stripDisguisingChars } from '../../../shared/text/invisible';
import { createTestContext } from '../../helpers/workspace';

let ctx: ReturnType<typeof createTestContext>;
beforeAll(() => {
  ctx = createTestContext('Bidi Checker');
});
afterAll(() => ctx.workspace.close());

const SPOOF = 'The ministry\u202E said\u2066 157\u200B drones\uFEFF were launched\u2069.';
const CLEAN = 'The ministry said 157 drones were launched.';

describe('bidi overrides and zero-width characters are removed where text enters', () => {
  it('in imported document text (offsets are defined after this)', () => {
    expect(normaliseText(SPOOF)).toBe(CLEAN);
    expect(stripDisguisingChars('می\u200Cخواهم 👩\u200D💻 \u200Fא')).toBe('می\u200Cخواهم 👩\u200D💻 \u200Fא');
  });

  it('in a claim, its claimant, a note, a rationale and a source typed by a person', async () => {
    const claim = await call(ctx, 'claims.add', { text: SPOOF, claimant: 'Minis\u202Etry' });
    expect(claim.text).toBe(CLEAN);
    expect(claim.claimant).toBe('Ministry');
    const note = await call(ctx, 'notes.add', { claimId: claim.id, text: `Called\u200B them ${SPOOF}` });
    expect(note.text).toBe(`Called them ${CLEAN}`);
    const updated = await call(ctx, 'claims.update', { id: claim.id, patch: { rationale: 'Per\u2067 the register' } });
    expect(updated.rationale).toBe('Per the register');
    const source = await call(ctx, 'sources.add', { claimId: claim.id, url: 'https://example.org/a', title: 'Re\u202Eport' });
    expect(source.title).toBe('Report');
  });
});

/** A hidden terminal hyperlink around "157 drones", and a colour code. */
const HIDDEN_LINK = 'The ministry said \x1b]8;;http://evil.example\x1b\\157 drones\x1b]8;;\x1b\\ were \x1b[31mlaunched\x1b[0m.';

describe('terminal escape sequences and control characters are removed where text enters', () => {
  it('in an imported file, through the one ingest pipeline', async () => {
    const { document } = await call(ctx, 'ingest.importFile', {
      name: 'escapes.txt',
      dataBase64: Buffer.from(`${HIDDEN_LINK}\rIt rained\u0007 on\u000b12 May 2025.`, 'utf8').toString('base64'),
    });
    const stored = await call(ctx, 'documents.get', { id: document!.id });
    expect(stored.text).toBe('The ministry said 157 drones were launched.\nIt rained on\n12 May 2025.');
  });

  it('in text a person types', async () => {
    const claim = await call(ctx, 'claims.add', { text: HIDDEN_LINK, claimant: 'Minis\x1b[1mtry\x07' });
    expect(claim.text).toBe(CLEAN);
    expect(claim.claimant).toBe('Ministry');
  });

  it('and dropped from reports, whatever an older workspace or a teammate stored', () => {
    for (const out of [escapeHtml(HIDDEN_LINK), escapeMarkdown(HIDDEN_LINK), csvField(HIDDEN_LINK)]) {
      expect(out).not.toContain('\x1b');
      expect(out).not.toContain('evil.example');
    }
    expect(csvField(HIDDEN_LINK)).toBe(CLEAN);
  });
});
