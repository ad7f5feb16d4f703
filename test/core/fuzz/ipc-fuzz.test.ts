import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_NAMES } from '../../../shared/api';
import { call, invoke } from '../../../electron/core/dispatch';
import { createTestContext } from '../../helpers/workspace';
import { KNOWN_CODES, hostileStrings, hostileValues } from './fuzz-helpers';

/**
 * Every operation in the contract, called with random and hostile inputs, must answer with a typed
 * envelope: never throw, never an INTERNAL error, and a refused call leaves the store unchanged.
 */

let ctx: ReturnType<typeof createTestContext>;
let claimId = '';
beforeAll(async () => {
  ctx = createTestContext('Fuzzer');
  process.chdir(ctx.dir);
  await call(ctx, 'documents.createFromText', { text: 'The ministry said 157 drones were launched. Prices rose 1.5% in May.' });
  claimId = (await call(ctx, 'claims.list', {})).items[0]!.id;
});
afterAll(() => ctx.workspace.close());

function fingerprint(): string {
  const db = ctx.workspace.db;
  const changes = db.prepare('SELECT count(*) AS n, max(hlc) AS h FROM changes').get() as { n: number; h: string };
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const counts = tables.map((t) => `${t}=${String(db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get())}`);
  return `${changes.n}|${changes.h}|${counts.join(',')}`;
}

/** The placeholder is replaced by a real claim id, so some calls get past validation. */
const CLAIM_ID_PLACEHOLDER = 'CLAIM_ID';
const hostileValue = hostileValues(hostileStrings([CLAIM_ID_PLACEHOLDER]));

describe('IPC fuzzing: every operation with random and hostile inputs', () => {
  it.each(OPERATION_NAMES.map((n) => [n]))('%s answers every input with a typed envelope', async (name) => {
    await fc.assert(
      fc.asyncProperty(hostileValue, async (raw) => {
        const input = JSON.parse(JSON.stringify(raw ?? null)?.replaceAll(CLAIM_ID_PLACEHOLDER, claimId) ?? 'null') as unknown;
        const before = fingerprint();
        const r = await invoke(ctx, name, input, () => undefined);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) {
          expect(KNOWN_CODES, `${name} → ${r.error.code}: ${r.error.message}`).toContain(r.error.code);
          expect(typeof r.error.message).toBe('string');
          expect(fingerprint()).toBe(before);
        }
      }),
      { numRuns: 60, seed: 20261127 },
    );
  });

  it('rejects prototype-polluting and oversized inputs without side effects', async () => {
    const before = fingerprint();
    const polluted = JSON.parse('{"__proto__": {"polluted": true}, "id": "x"}') as unknown;
    for (const name of OPERATION_NAMES) {
      const r = await invoke(ctx, name, polluted, () => undefined);
      if (!r.ok) expect(r.error.code).not.toBe('INTERNAL');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const huge = 'x'.repeat(60_000_000);
    const r = await invoke(ctx, 'documents.createFromText', { text: huge });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(fingerprint()).toBe(before);
  });

  it('rejects operation names that are not in the contract', async () => {
    for (const name of ['', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 42, null, {}, 'claims.list ']) {
      const r = await invoke(ctx, name, {}, () => undefined);
      expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    }
  });
});
