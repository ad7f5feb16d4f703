import { z } from 'zod';
import { plainIssue } from '../../../shared/plain-issue';
import { HLC_DEFAULT_MAX_DRIFT_MS, isHlc, parseHlc } from '../../../shared/hlc';
import { FIELD_LIMITS } from '../../../shared/entities/field';
import { CREATE_FIELD, ENTITY_REGISTRY, fieldDecl, type EntityDecl } from '../../../shared/entities/registry';
import type { ChangeRow } from '../store/change-row';
import { SIGNATURE_PATTERN } from './signing';

/** Upper bounds for what a teammate's file may carry: the registry's field limits and the row's own. */
const LIMITS = { ...FIELD_LIMITS, author: 200, supersedes: 64 };

const NO_CONTROL = /^\P{Cc}*$/u;

const fieldSchemas = new Map<string, z.ZodType>();
for (const [entity, spec] of Object.entries(ENTITY_REGISTRY as Record<string, EntityDecl>)) {
  for (const [name, f] of Object.entries(spec.fields)) fieldSchemas.set(`${entity}.${name}`, f.schema);
}

const rowShape = z.object({
  hlc: z.string().refine(isHlc, 'is not a hybrid logical clock timestamp'),
  entity: z.string().max(32),
  entity_id: z.string().min(1).max(LIMITS.id).regex(NO_CONTROL, 'contains control characters'),
  field: z.string().min(1).max(64),
  value: z
    .string()
    .max(LIMITS.documentText + 1_000_000)
    .nullable(),
  actor_id: z.string().regex(/^[0-9a-f]{16,32}$/, 'is not an actor id'),
  author: z.string().min(1).max(LIMITS.author),
  action_id: z.string().max(64).nullable(),
  action_label: z.string().max(LIMITS.label).nullable(),
  supersedes: z.string().max(LIMITS.supersedes * 40),
  // Absent in files from before signing: such a row is unsigned.
  signature: z
    .string()
    .regex(SIGNATURE_PATTERN, 'is not an Ed25519 signature')
    .nullish()
    .transform((s) => s ?? null),
});

export class ChangeRejected extends Error {}

/** Entity, id, field and person, so a refusal says whose change to what was wrong. */
function describe(raw: unknown): string {
  if (raw && typeof raw === 'object') {
    const r = raw as Record<string, unknown>;
    const parts = [r.entity, r.entity_id, r.field].filter((x) => typeof x === 'string').map((x) => String(x).slice(0, 40));
    const by = typeof r.author === 'string' && r.author.trim() ? ` by ${r.author.slice(0, 60)}` : '';
    if (parts.length > 0) return `${parts.join(' ')}${by}`;
  }
  return 'a change';
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ChangeRejected('its value is not valid JSON');
  }
}

function checkValue(entity: string, field: string, value: unknown, rawLength: number): void {
  const spec = fieldDecl(entity, field);
  const schema = fieldSchemas.get(`${entity}.${field}`);
  if (!spec || !schema) throw new ChangeRejected(`it names an unknown field "${field.slice(0, 40)}"`);
  if (spec.kind === 'json' && rawLength > LIMITS.json) throw new ChangeRejected(`${field} is too large`);
  const r = schema.safeParse(value);
  if (!r.success && value === null) throw new ChangeRejected(`${field} is empty where a value is required`);
  if (!r.success) throw new ChangeRejected(plainIssue(r.error.issues[0], field, ' ', true));
}

/** Year-0000 (or 1970) timestamps are damage or forgery: no change was ever written before 2000. */
export const EARLIEST_CHANGE_MILLIS = Date.UTC(2000, 0, 1);

/**
 * Check one change row from a teammate's file before anything is written: known entity and field
 * (both become SQL identifiers, so only names from ENTITIES pass), a value of the field's kind
 * within bounds, a well-formed clock not far in the future, and causal links that point backwards.
 * Text values are only ever bound as parameters, so SQL inside them is inert data.
 */
export function validateChangeRow(raw: unknown, now: number = Date.now()): ChangeRow {
  const shaped = rowShape.safeParse(raw);
  if (!shaped.success) {
    const issue = shaped.error.issues[0];
    throw new ChangeRejected(`change ${describe(raw)}: ${plainIssue(issue, 'row', ' ')}`);
  }
  const row = shaped.data;
  try {
    if (!Object.prototype.hasOwnProperty.call(ENTITY_REGISTRY, row.entity)) {
      throw new ChangeRejected(`it names an unknown kind of item "${row.entity.slice(0, 32)}"`);
    }
    const millis = parseHlc(row.hlc)!.millis;
    if (millis < EARLIEST_CHANGE_MILLIS) {
      throw new ChangeRejected(`it is dated ${new Date(millis).toISOString()}, before 2000, which no Claimbench change can be`);
    }
    if (millis - now > HLC_DEFAULT_MAX_DRIFT_MS) {
      throw new ChangeRejected(
        `it is dated ${new Date(millis).toISOString()}, in the future of this computer's clock (check the clock of whoever wrote it)`,
      );
    }
    const value = parseJson(row.value);
    const rawLength = row.value?.length ?? 0;
    if (row.field === CREATE_FIELD) {
      if (!value || typeof value !== 'object' || Array.isArray(value))
        throw new ChangeRejected('its creation value is not an object');
      for (const [name, v] of Object.entries(value)) checkValue(row.entity, name, v, JSON.stringify(v ?? null).length);
    } else {
      checkValue(row.entity, row.field, value, rawLength);
    }
    const supersedes = parseJson(row.supersedes);
    if (!Array.isArray(supersedes) || supersedes.length > LIMITS.supersedes) {
      throw new ChangeRejected('its causal links are malformed');
    }
    for (const h of supersedes) {
      if (!isHlc(h) || h >= row.hlc) throw new ChangeRejected('its causal links are malformed');
    }
  } catch (e) {
    if (e instanceof ChangeRejected) throw new ChangeRejected(`change ${describe(row)}: ${e.message}`);
    throw e;
  }
  return row;
}
