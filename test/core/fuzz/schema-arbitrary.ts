/**
 * Near-valid inputs from an operation's zod schema (through its JSON Schema): mostly values the
 * schema accepts, so calls get past validation into the handlers, with a hostile value in place
 * of any field now and then, boundary lengths and numbers, and stray keys.
 */
import fc from 'fast-check';

export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
}

export interface Hints {
  /** How often (0..1) a field gets a hostile value instead of a valid one. */
  hostility: number;
  /** A domain-specific arbitrary for a field (real ids, confined paths, file bytes), or null. */
  forKey(key: string, schema: JsonSchema): fc.Arbitrary<unknown> | null;
  hostile: fc.Arbitrary<unknown>;
  texts: readonly string[];
}

/** Boundary strings are built only up to this length (documents may be 50 MB; that is bench material). */
const MAX_BOUNDARY = 250_000;

function stringArb(schema: JsonSchema, hints: Hints): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 10_000;
  const options: fc.Arbitrary<string>[] = [
    fc.string({ minLength: min, maxLength: Math.min(max, Math.max(min, 40)) }),
    fc.constantFrom(...hints.texts.filter((t) => t.length >= min && t.length <= max).concat('x'.repeat(Math.max(1, min)))),
  ];
  if (max <= MAX_BOUNDARY) options.push(fc.constantFrom('y'.repeat(max), 'z'.repeat(max + 1)));
  return fc.oneof(...options);
}

function numberArb(schema: JsonSchema): fc.Arbitrary<unknown> {
  const min = schema.minimum ?? -(2 ** 31);
  const max = schema.maximum ?? 2 ** 31;
  const edges = fc.constantFrom(min, max, min - 1, max + 1, 0.5, -0);
  if (schema.type === 'integer') return fc.oneof(fc.integer({ min, max }), edges);
  return fc.oneof(fc.double({ min, max, noNaN: true }), edges);
}

function exact(schema: JsonSchema, hints: Hints, key: string): fc.Arbitrary<unknown> {
  const hinted = hints.forKey(key, schema);
  if (hinted) return hinted;
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => nearValid(s, hints, key)));
  switch (schema.type) {
    case 'object': {
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record = fc.record(Object.fromEntries(Object.entries(props).map(([k, s]) => [k, nearValid(s, hints, k)])), {
        requiredKeys: [...required].filter((k) => k in props),
      });
      const stray = fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'extra', 'id', ''), hints.hostile, { maxKeys: 1 });
      return fc.oneof(
        { weight: 9, arbitrary: record },
        { weight: 1, arbitrary: fc.tuple(record, stray).map(([r, s]) => ({ ...s, ...r })) },
      );
    }
    case 'array':
      return fc.array(nearValid(schema.items ?? {}, hints, key), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 6, 6),
      });
    case 'string':
      return stringArb(schema, hints);
    case 'integer':
    case 'number':
      return numberArb(schema);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return hints.hostile;
  }
}

/** What `schema` accepts, with each field replaced by something hostile at the hints' rate. */
export function nearValid(schema: JsonSchema, hints: Hints, key = ''): fc.Arbitrary<unknown> {
  if (hints.hostility <= 0) return exact(schema, hints, key);
  const hostile = Math.max(1, Math.round(100 * hints.hostility));
  return fc.oneof({ weight: 100 - hostile, arbitrary: exact(schema, hints, key) }, { weight: hostile, arbitrary: hints.hostile });
}

/** A third of the inputs fully valid (so handlers run to the end), the rest with hostile fields. */
export function schemaInputs(schema: JsonSchema, hints: Omit<Hints, 'hostility'>): fc.Arbitrary<unknown> {
  return fc.oneof(nearValid(schema, { ...hints, hostility: 0 }), {
    weight: 2,
    arbitrary: nearValid(schema, { ...hints, hostility: 0.08 }),
  });
}
