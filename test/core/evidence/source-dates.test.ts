import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { CliIO } from '../../../electron/cli/io';
import { MIN_SOURCE_YEAR, parseSourceDate } from '../../../electron/core/evidence/dates';
import { EARLIEST_CHANGE_MILLIS, validateChangeRow } from '../../../electron/core/team/validate-change';
import { tempDir } from '../../helpers/workspace';

async function cli(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIO = { out: (t) => stdout.push(t), err: (t) => stderr.push(t), readStdin: async () => Buffer.alloc(0) };
  const code = await runCli(['--author', 'Cli Checker', ...argv], io);
  return { code, out: stdout.join('\n'), err: stderr.join('\n') };
}

function counts(file: string): { sources: number; attachments: number; blobs: number; changes: number } {
  const db = new Database(file, { readonly: true });
  try {
    const n = (t: string) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
    return { sources: n('sources'), attachments: n('attachments'), blobs: n('blobs'), changes: n('changes') };
  } finally {
    db.close();
  }
}

describe('source add --file is all-or-nothing', () => {
  it('an invalid date stores neither the source nor its attachment; a valid one stores both', async () => {
    const dir = tempDir();
    const ws = path.join(dir, 'ws.claimbench');
    expect((await cli('init', ws)).code).toBe(0);
    const claimId = (await cli('add', ws, 'The ministry said 157 drones were launched.')).out.trim();
    const pdf = path.join(dir, 'statement.txt');
    fs.writeFileSync(pdf, 'Air force statement, 12 May: 157 drones.');
    const before = counts(ws);
    for (const date of ['0000-01-01', '2024-02-30', 'yesterday', '1899-12-31', '<b>2026</b>']) {
      const r = await cli('source', 'add', ws, claimId, '--file', pdf, '--date', date);
      expect(r.code, date).toBe(1);
      expect(r.err, date).toMatch(/write it as YYYY-MM-DD/);
      expect(counts(ws), `${date} stored something`).toEqual(before);
    }
    const ok = await cli('source', 'add', ws, claimId, '--file', pdf, '--date', '2024-05-12');
    expect(ok.code, ok.err).toBe(0);
    const after = counts(ws);
    expect([after.sources, after.attachments, after.blobs]).toEqual([before.sources + 1, before.attachments + 1, before.blobs + 1]);
    const listed = await cli('source', 'list', ws, claimId, '--json');
    const [source] = JSON.parse(listed.out) as { title: string; publishedAt: string; attachmentId: string | null }[];
    expect(source).toMatchObject({ title: 'statement.txt', publishedAt: '2024-05-12' });
    expect(source!.attachmentId).not.toBeNull();
  });
});

describe('dates and timestamps are checked where they enter', () => {
  it('source dates: ISO calendar dates from 1900, not in the future', () => {
    const now = Date.UTC(2026, 0, 1);
    for (const ok of ['1998', '1998-07', '1998-07-31', '2025-12-31T23:59:59Z', '2025-06-01 10:00', '2024-02-29'])
      expect(parseSourceDate(ok, now)).toBe(ok);
    for (const bad of ['0000-01-01', '2023-02-29', '2024-13-01', '2024-01-01T24:00', `${MIN_SOURCE_YEAR - 1}-12-31`, '2027-01-01', '12 May 2024'])
      expect(() => parseSourceDate(bad, now), bad).toThrow(/write it as YYYY-MM-DD/);
  });

  it('a teammate’s change row dated before 2000 is refused', () => {
    const row = (hlc: string) => ({
      hlc,
      entity: 'claim',
      entity_id: 'c1',
      field: 'verdict',
      value: '"sourced"',
      actor_id: '0123456789abcdef',
      author: 'Mallory',
      action_id: null,
      action_label: null,
      supersedes: '[]',
    });
    for (const iso of ['0000-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z', '1999-12-31T23:59:59.999Z'])
      expect(() => validateChangeRow(row(`${iso}-0000-0123456789abcdef`)), iso).toThrow(/before 2000/);
    expect(EARLIEST_CHANGE_MILLIS).toBe(Date.parse('2000-01-01T00:00:00.000Z'));
    expect(() => validateChangeRow(row('2000-01-01T00:00:00.000Z-0000-0123456789abcdef'))).not.toThrow(/before 2000/);
  });
});
