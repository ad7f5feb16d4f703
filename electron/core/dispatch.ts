import type { z } from 'zod';
import { api, isOperationName, type OperationName, type OperationOutput } from '../../shared/api';
import { ClaimbenchError, isClaimbenchError, type Result } from '../../shared/result';
import { withoutKeys } from '../../shared/operation';
import { isEmptyTouched } from '../../shared/touched';
import { parseOrThrow } from '../../shared/validate';
import type { CoreContext } from './context';
import type { Handler } from './handler-types';
import { handlers } from './handlers';
import { storageError } from './store/busy';
import { readOnlyRefusal } from './store/open';

export type Logger = (message: string, error: unknown) => void;

const defaultLogger: Logger = (message, error) => console.error(message, error);

/**
 * Who is asking. A `page` (the renderer, over IPC or the browser host's socket) is held to an
 * operation's renderer schema where it has one: it names files the person chose by their token,
 * and a path it sends is refused. `local` is the core's own caller (the CLI, tests).
 */
export type Caller = 'page' | 'local';

/**
 * The one entry point for every caller (IPC, CLI, test bridge; a page's transport passes `'page'`): check the operation name,
 * validate the input with its schema, run the handler and wrap the outcome in the envelope.
 * Unexpected failures become INTERNAL with a generic message; details go to the log only.
 * What the operation's writes touched travels in the envelope and, when anything was, in one
 * `data-changed` notification (ctx.onDataChanged).
 */
export async function invoke(
  ctx: CoreContext,
  name: unknown,
  rawInput: unknown,
  log: Logger = defaultLogger,
  caller: Caller = 'local',
): Promise<Result<unknown>> {
  const result = await run(ctx, name, rawInput, log, caller);
  // Taken after the operation, failed or not: a failure can follow writes that committed. Writes
  // from work running alongside (a folder sync) may be included; each is reported exactly once.
  const touched = ctx.workspace.touched.take();
  if (isEmptyTouched(touched)) return result;
  ctx.onDataChanged?.(touched);
  return { ...result, touched };
}

function inputSchema(name: OperationName, caller: Caller) {
  const def: { input: z.ZodType; renderer?: z.ZodType } = api[name];
  return caller === 'page' && def.renderer ? def.renderer : def.input;
}

/** A page's copy of an output: without the fields the operation keeps from pages (its `pageOmits`). */
function outputFor(name: OperationName, caller: Caller, value: unknown): unknown {
  const omit: readonly string[] | undefined = (api[name] as { pageOmits?: readonly string[] }).pageOmits;
  return caller === 'page' && omit ? withoutKeys(value, new Set(omit)) : value;
}

async function run(ctx: CoreContext, name: unknown, rawInput: unknown, log: Logger, caller: Caller): Promise<Result<unknown>> {
  if (!isOperationName(name)) {
    return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: `Unknown operation: ${String(name).slice(0, 100)}` } };
  }
  try {
    const input = parseOrThrow(inputSchema(name, caller), rawInput ?? {});
    const handler = handlers[name] as Handler<OperationName>;
    const value = await handler(input as never, ctx);
    return { ok: true, value: outputFor(name, caller, value) };
  } catch (e) {
    if (isClaimbenchError(e)) return { ok: false, error: { code: e.code, message: e.message } };
    const typed = storageError(e);
    if (typed) return { ok: false, error: { code: typed.code, message: typed.message } };
    const readOnly = readOnlyRefusal(e);
    if (readOnly) return { ok: false, error: { code: readOnly.code, message: readOnly.message } };
    log(`Operation ${name} failed`, e);
    return { ok: false, error: { code: 'INTERNAL', message: `Something went wrong in ${name}. Your data was not changed.` } };
  }
}

/** Typed convenience for Node callers (CLI, tests): throws the envelope's error. */
export async function call<N extends OperationName>(ctx: CoreContext, name: N, input: unknown): Promise<OperationOutput<N>> {
  const r = await invoke(ctx, name, input);
  if (!r.ok) throw new ClaimbenchError(r.error.code, r.error.message);
  return r.value as OperationOutput<N>;
}
