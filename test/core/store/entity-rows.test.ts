import { describe, expect, expectTypeOf, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { columnsOf, recordFromRow } from '../../../electron/core/store/entity-rows';
import { MIGRATIONS } from '../../../electron/core/store/migrations/index';
import { openDatabase } from '../../../electron/core/store/sqlite';
import { ChangeRejected, validateChangeRow } from '../../../electron/core/team/validate-change';
import type { ScoreReason, TextAnchor, Verdict } from '../../../shared/domain';
import type { FieldDecl } from '../../../shared/entities/field';
import {
  ENTITY_REGISTRY,
  type EntityDecl,
  type EntityRecord,
  type EntityValues,
  type StoredRow,
} from '../../../shared/entities/registry';
import type { SessionStatus } from '../../../shared/sessions';
import { CONFLICT_FIELDS, type ConflictField } from '../../../shared/team';
import { isConflictField } from '../../../electron/core/store/causal';
import { createTestContext } from '../../helpers/workspace';
import { malloryChange } from '../team/team-helpers';

const entities = Object.entries(ENTITY_REGISTRY as Record<string, EntityDecl>);

/** `table.column` → whether the migrations make it NOT NULL. */
function columnsOfFreshSchema(): Map<string, { notNull: boolean; type: string }> {
  const db = openDatabase(':memory:');
  try {
    for (const m of MIGRATIONS) db.exec(m.up);
    const columns = new Map<string, { notNull: boolean; type: string }>();
    for (const [, spec] of entities) {
      const info = db.prepare('SELECT name, type, "notnull" AS nn FROM pragma_table_info(?)').all(spec.table) as {
        name: string;
        type: string;
        nn: number;
      }[];
      for (const c of info) columns.set(`${spec.table}.${c.name}`, { notNull: c.nn === 1, type: c.type });
    }
    return columns;
  } finally {
    db.close();
  }
}

const WRONG_KIND: Record<FieldDecl['kind'], unknown> = { text: 5, number: 'five', bool: 'yes', json: undefined };
const AFFINITY: Record<FieldDecl['kind'], string[]> = {
  text: ['TEXT'],
  json: ['TEXT'],
  number: ['REAL', 'INTEGER'],
  bool: ['INTEGER'],
};

const changeOf = (entity: string, field: string, value: unknown) => malloryChange(entity, field, JSON.stringify(value));

describe('every registry field is stored and validated as declared', () => {
  const columns = columnsOfFreshSchema();

  it('has a column of its kind, NOT NULL exactly where its schema refuses null', () => {
    for (const [entity, spec] of entities) {
      for (const [name, f] of Object.entries(spec.fields)) {
        const column = columns.get(`${spec.table}.${f.column}`);
        expect(column, `${entity}.${name}: no column ${spec.table}.${f.column}`).toBeDefined();
        expect(AFFINITY[f.kind], `${entity}.${name}`).toContain(column!.type);
        expect(f.schema.safeParse(null).success, `${entity}.${name} admits null`).toBe(!column!.notNull);
      }
    }
  });

  it('admits its own initial value, and a teammate’s change of the wrong kind is refused', () => {
    for (const [entity, spec] of entities) {
      for (const [name, f] of Object.entries(spec.fields)) {
        // An attachment's address has no sensible default: every creation gives it.
        if (`${entity}.${name}` !== 'attachment.sha256')
          expect(f.schema.safeParse(f.initial ?? null).success, `${entity}.${name} initial`).toBe(true);
        // Settings hold any JSON; every other JSON field's refusal of a number is in entity-registry.test.ts.
        if (f.kind === 'json') continue;
        expect(() => validateChangeRow(changeOf(entity, name, WRONG_KIND[f.kind])), `${entity}.${name}`).toThrow(ChangeRejected);
        if (!columns.get(`${spec.table}.${f.column}`)!.notNull) continue;
        expect(() => validateChangeRow(changeOf(entity, name, null)), `${entity}.${name} null`).toThrow(
          new RegExp(`${entity} x1 ${name} by Mallory: ${name} is empty where a value is required`),
        );
      }
    }
  });

  it('marks the fields where concurrent decisions conflict: exactly the ConflictField names', () => {
    const marked = entities.flatMap(([entity, spec]) =>
      Object.entries(spec.fields)
        .filter(([, f]) => f.conflicts)
        .map(([name]) => `${entity}.${name}`),
    );
    expect(marked).toEqual(['claim.verdict', 'claim.rationale']);
    expect(CONFLICT_FIELDS).toEqual(['verdict', 'rationale'] satisfies ConflictField[]);
    expect(isConflictField('claim', 'verdict')).toBe(true);
    expect(isConflictField('claim', 'claimant')).toBe(false);
    expect(isConflictField('note', 'text')).toBe(false);
  });

  it('column lists name every declared column, aliased on request or narrowed to some fields', () => {
    expect(columnsOf('note')).toBe('id, created_at, created_by, updated_at, updated_by, claim_id, text, deleted');
    expect(columnsOf('note', { alias: 'n', only: ['text'] })).toBe(
      'n.id, n.created_at, n.created_by, n.updated_at, n.updated_by, n.text',
    );
  });
});

describe('rows read through the registry', () => {
  it('decode to what the operations return', async () => {
    const ctx = createTestContext();
    try {
      const added = await call(ctx, 'claims.add', { text: 'Exports grew by 12 percent last year.' });
      await call(ctx, 'claims.setVerdict', { ids: [added.id], verdict: 'disputed', rationale: 'The agency says 9.' });
      await call(ctx, 'claims.update', { id: added.id, patch: { claimant: 'The minister' } });
      const row = ctx.workspace.db
        .prepare(`SELECT ${columnsOf('claim')} FROM claims WHERE id = ?`)
        .get(added.id) as StoredRow<'claim'>;
      const { deleted, ...record } = recordFromRow('claim', row);
      expect(deleted).toBe(false);
      const { conflicted, ...listed } = await call(ctx, 'claims.get', { id: added.id });
      expect(conflicted).toBe(false);
      expect(record).toEqual(listed);
      expect(record.claimant).toBe('The minister');
      expect(record.rationale).toBe('The agency says 9.');
      expect(record.verdict).toBe('disputed');
    } finally {
      ctx.workspace.close();
    }
  });

  it('have types derived from the declarations (a field added there appears here)', () => {
    expectTypeOf<StoredRow<'claim'>['verdict']>().toEqualTypeOf<Verdict | null>();
    expectTypeOf<StoredRow<'claim'>['text']>().toEqualTypeOf<string>();
    expectTypeOf<StoredRow<'claim'>['document_id']>().toEqualTypeOf<string | null>();
    expectTypeOf<StoredRow<'claim'>['anchor']>().toEqualTypeOf<string | null>();
    expectTypeOf<StoredRow<'claim'>['reasons']>().toEqualTypeOf<string>();
    expectTypeOf<StoredRow<'claim'>['deleted']>().toEqualTypeOf<number>();
    expectTypeOf<StoredRow<'checkSession'>['status']>().toEqualTypeOf<SessionStatus>();
    expectTypeOf<StoredRow<'checkSession'>['elapsed_ms']>().toEqualTypeOf<number>();
    expectTypeOf<EntityValues<'claim'>['anchor']>().toEqualTypeOf<TextAnchor | null>();
    expectTypeOf<EntityValues<'claim'>['reasons']>().toEqualTypeOf<ScoreReason[]>();
    expectTypeOf<EntityValues<'claim'>['deleted']>().toEqualTypeOf<boolean>();
    expectTypeOf<keyof StoredRow<'note'>>().toEqualTypeOf<
      'id' | 'created_at' | 'created_by' | 'updated_at' | 'updated_by' | 'claim_id' | 'text' | 'deleted'
    >();
    expectTypeOf<keyof EntityRecord<'note'>>().toEqualTypeOf<
      'id' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy' | 'claimId' | 'text' | 'deleted'
    >();
  });
});
