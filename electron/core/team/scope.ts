import { ENTITIES, type EntitySpec } from '../store/entities';
import type { DB } from '../store/open';

/** `claimId` -> `claim`: reference fields are named after the entity they point at. */
function referencedEntity(field: string): string | null {
  if (!field.endsWith('Id')) return null;
  const target = field.slice(0, -2);
  return Object.prototype.hasOwnProperty.call(ENTITIES, target) ? target : null;
}

/**
 * Fill the temp table `share_scope(entity, id)` with the chosen documents and everything that
 * hangs off them: claims of those documents, the claims' sources, notes and attachments, and
 * whatever those point at. Driven by the entity specs, so new kinds of items need no change here.
 */
export function computeScope(db: DB, documentIds: readonly string[]): number {
  db.exec(
    'CREATE TEMP TABLE IF NOT EXISTS share_scope (entity TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (entity, id)) WITHOUT ROWID',
  );
  db.exec('DELETE FROM share_scope');
  const seed = db.prepare("INSERT OR IGNORE INTO share_scope (entity, id) SELECT 'document', id FROM documents WHERE id = ?");
  for (const id of documentIds) seed.run(id);

  const steps: import('better-sqlite3').Statement[] = [];
  for (const [entity, spec] of Object.entries(ENTITIES as Record<string, EntitySpec>)) {
    for (const [field, f] of Object.entries(spec.fields)) {
      const target = referencedEntity(field);
      if (!target) continue;
      // Items that point at something in scope (a claim of a chosen document)...
      steps.push(
        db.prepare(
          `INSERT OR IGNORE INTO share_scope (entity, id) SELECT '${entity}', t.id FROM ${spec.table} t
           WHERE t.${f.column} IN (SELECT id FROM share_scope WHERE entity = '${target}')`,
        ),
      );
      // ...and what in-scope items point at (the attachment a source cites).
      steps.push(
        db.prepare(
          `INSERT OR IGNORE INTO share_scope (entity, id) SELECT '${target}', t.${f.column} FROM ${spec.table} t
           WHERE t.${f.column} IS NOT NULL AND t.id IN (SELECT id FROM share_scope WHERE entity = '${entity}')`,
        ),
      );
    }
  }
  for (;;) {
    let grew = 0;
    for (const s of steps) grew += s.run().changes;
    if (grew === 0) break;
  }
  return (db.prepare('SELECT count(*) FROM share_scope').pluck().get() as number) ?? 0;
}
