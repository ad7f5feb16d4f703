import type { OperationName, OperationOutput } from '../../../shared/api';
import type { CoreContext } from '../../../electron/core/context';
import type { Workspace } from '../../../electron/core/store/workspace';

type Call = <N extends OperationName>(ctx: CoreContext, name: N, input: unknown) => Promise<OperationOutput<N>>;

export interface CrashScenario {
  /** One unit of work; called in a loop until the process is killed. */
  step(ctx: CoreContext, i: number, call: Call): Promise<void>;
  /** After a kill: throw if any operation was applied only in part. */
  verify(ws: Workspace): void;
}

const SENTENCES = 12;

function article(i: number): string {
  return Array.from({ length: SENTENCES }, (_, k) => `Report ${i} says figure ${k} rose by ${i * 7 + k}% in May.`).join(' ');
}

export const crashScenarios = {
  /** Each import creates a document and all its claims, or nothing. */
  import: {
    async step(ctx, i, call) {
      await call(ctx, 'documents.createFromText', { text: article(i), title: `doc-${i}` });
    },
    verify(ws) {
      const rows = ws.db
        .prepare('SELECT d.id, d.title, (SELECT count(*) FROM claims c WHERE c.document_id = d.id) AS n FROM documents d')
        .all() as { id: string; title: string; n: number }[];
      for (const r of rows) if (r.n !== SENTENCES) throw new Error(`${r.title} has ${r.n} of ${SENTENCES} claims`);
      const orphans = ws.db
        .prepare('SELECT count(*) FROM claims WHERE document_id NOT IN (SELECT id FROM documents)')
        .pluck()
        .get();
      if (orphans !== 0) throw new Error(`${String(orphans)} claims without their document`);
    },
  },
  /** Each bulk verdict sets every claim of the workspace at once, so all claims always agree. */
  bulk: {
    async step(ctx, i, call) {
      if (i === 0) {
        const existing = await call(ctx, 'claims.list', { limit: 1 });
        if (existing.total === 0) await call(ctx, 'documents.createFromText', { text: article(0).repeat(20), title: 'bulk' });
      }
      const ids = (await call(ctx, 'claims.list', { limit: 5000 })).items.map((c) => c.id);
      const verdict = (['sourced', 'disputed', 'unverified'] as const)[i % 3];
      await call(ctx, 'claims.setVerdict', { ids, verdict, rationale: `round ${i}` });
    },
    verify(ws) {
      const combos = ws.db.prepare('SELECT DISTINCT verdict, rationale FROM claims WHERE deleted = 0').all();
      if (combos.length > 1) throw new Error(`bulk verdict applied in part: ${JSON.stringify(combos)}`);
    },
  },
} satisfies Record<string, CrashScenario>;

export type CrashMode = keyof typeof crashScenarios;
