/**
 * The one message protocol between a client (renderer page, host, test) and the core process.
 * Every host speaks it: the Electron main process to a utilityProcess, the browser host to a Node
 * child process and over its WebSocket to the page, the tests to either. Each side validates
 * every message it receives with these schemas; a message that does not parse is refused with a
 * `refused` reply and never reaches a handler.
 *
 *   client → core: request (operation + input, with an id), cancel (that id), host-reply, host-state,
 *                  command (host-only: the shell's File menu; see electron/core/process/command-schemas.ts)
 *   core → client: result (the Result envelope), progress, event, host-request, ready, refused
 */
import { z } from 'zod';
import { filePath } from './file-path';
import { OPEN_PURPOSES, SAVE_PURPOSES } from './host-api';
import { ERROR_CODES, type Result } from './result';
import { touchedSchema } from './touched';

/** Ids are chosen by the side that starts the exchange; unique per connection. */
const messageId = z.string().min(1).max(64);
export const errorCodeSchema = z.enum(ERROR_CODES);

/** `touched`: what a write changed (shared/result.ts), so a client can refresh just that. */
export const resultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown(), touched: touchedSchema.optional() }).strict(),
  z
    .object({
      ok: z.literal(false),
      error: z.object({ code: errorCodeSchema, message: z.string().max(10_000) }).strict(),
      touched: touchedSchema.optional(),
    })
    .strict(),
]);

/**
 * Events the core (or the host) pushes. `kind` stays an open string so new kinds (data-changed,
 * …) travel without a protocol change; the payload is whatever that kind declares.
 */
export const eventSchema = z.object({ kind: z.string().min(1).max(100), payload: z.unknown().optional() }).strict();
export type ProtocolEvent = z.infer<typeof eventSchema>;

export const progressSchema = z
  .object({ done: z.number().nonnegative(), total: z.number().nonnegative().optional(), label: z.string().max(500).optional() })
  .strict();
export type Progress = z.infer<typeof progressSchema>;

/** The services a core asks its host for (electron/core/host.ts HostServices), one schema each. */
export const hostRequestSchema = z.discriminatedUnion('service', [
  z.object({ service: z.literal('chooseOpen'), purpose: z.enum(OPEN_PURPOSES), multiple: z.boolean() }).strict(),
  z
    .object({
      service: z.literal('chooseSave'),
      purpose: z.enum(SAVE_PURPOSES),
      defaultName: z.string().min(1).max(255),
      extension: z.string().max(12).optional(),
    })
    .strict(),
  z.object({ service: z.literal('openPath'), path: filePath }).strict(),
  z
    .object({ service: z.literal('printToPdf'), html: z.string().max(200_000_000), footerText: z.string().max(2_000).optional() })
    .strict(),
  z.object({ service: z.literal('pdfStatus') }).strict(),
  z.object({ service: z.literal('folderStatus') }).strict(),
]);
export type HostRequest = z.infer<typeof hostRequestSchema>;
export type HostService = HostRequest['service'];

/** What each host service answers; PDF bytes travel as base64 because messages are JSON. */
export const hostValueSchemas = {
  chooseOpen: z.array(filePath).max(10_000).nullable(),
  chooseSave: filePath.nullable(),
  openPath: z.null(),
  printToPdf: z
    .string()
    .max(300_000_000)
    .regex(/^[A-Za-z0-9+/=]*$/, 'Not base64'),
  /** Why PDF printing is unavailable, or null when it works. */
  pdfStatus: z.string().max(2_000).nullable(),
  /** Why choosing a folder is unavailable, or null when the host's dialog can. */
  folderStatus: z.string().max(2_000).nullable(),
} satisfies Record<HostService, z.ZodType>;
export type HostValue<S extends HostService> = z.infer<(typeof hostValueSchemas)[S]>;

export const clientMessageSchema = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('request'), id: messageId, name: z.string().min(1).max(200), input: z.unknown().optional() })
    .strict(),
  z.object({ type: z.literal('cancel'), id: messageId }).strict(),
  /** Sent only by the Electron shell; no page or renderer message becomes one. Answered with a `result`. */
  z
    .object({ type: z.literal('command'), id: messageId, name: z.string().min(1).max(100), input: z.unknown().optional() })
    .strict(),
  z.object({ type: z.literal('host-reply'), id: messageId, result: resultSchema }).strict(),
  /** Host state the core reads synchronously: the recent workspaces list (claims.similar looks in it). */
  z.object({ type: z.literal('host-state'), recentWorkspaces: z.array(filePath).max(100) }).strict(),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export const coreMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }).strict(),
  z.object({ type: z.literal('result'), id: messageId, result: resultSchema }).strict(),
  z.object({ type: z.literal('progress'), id: messageId, progress: progressSchema }).strict(),
  z.object({ type: z.literal('event'), event: eventSchema }).strict(),
  z.object({ type: z.literal('host-request'), id: messageId, request: hostRequestSchema }).strict(),
  /** A message that failed validation: said once, with why, and otherwise ignored. */
  z.object({ type: z.literal('refused'), id: messageId.optional(), message: z.string().max(2_000) }).strict(),
]);
export type CoreMessage = z.infer<typeof coreMessageSchema>;

/** Either side's way to send and receive messages: process.send, parentPort, a MessagePort, a WebSocket. */
export interface MessagePortLike<Out> {
  send(message: Out): void;
  /** Raw incoming messages; the receiver validates them. Returns the unsubscribe. */
  onMessage(listener: (raw: unknown) => void): () => void;
}

export type CorePort = MessagePortLike<CoreMessage>;
export type ClientPort = MessagePortLike<ClientMessage>;

/** Parse one incoming message; a refusal names the first offending field. */
export function parseMessage<S extends z.ZodType>(
  schema: S,
  raw: unknown,
): { ok: true; message: z.output<S> } | { ok: false; id?: string; why: string } {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, message: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'message';
  const id =
    typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
      ? String((raw as { id: string }).id).slice(0, 64)
      : undefined;
  return { ok: false, id: id || undefined, why: `${where}: ${issue?.message ?? 'invalid message'}` };
}

export function cancelledResult(): Result<never> {
  return { ok: false, error: { code: 'CANCELLED', message: 'The operation was cancelled.' } };
}

/**
 * The browser host's page speaks the same requests and cancels over its WebSocket, and answers
 * the host's "choose files" with the files' bytes (a page has no paths); the host answers with
 * the core's messages and offers saved files as downloads.
 */
export const pickedFileSchema = z
  .object({
    name: z.string().min(1).max(500),
    base64: z
      .string()
      .max(80_000_000)
      .regex(/^[A-Za-z0-9+/=]*$/, 'Not base64'),
  })
  .strict();
export type PickedFile = z.infer<typeof pickedFileSchema>;

export const pageMessageSchema = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('request'), id: messageId, name: z.string().min(1).max(200), input: z.unknown().optional() })
    .strict(),
  z.object({ type: z.literal('cancel'), id: messageId }).strict(),
  z.object({ type: z.literal('picked-files'), id: messageId, files: z.array(pickedFileSchema).max(1_000).nullable() }).strict(),
]);
export type PageMessage = z.infer<typeof pageMessageSchema>;

export const toPageMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: messageId, result: resultSchema }).strict(),
  z.object({ type: z.literal('progress'), id: messageId, progress: progressSchema }).strict(),
  z.object({ type: z.literal('event'), event: eventSchema }).strict(),
  z.object({ type: z.literal('refused'), id: messageId.optional(), message: z.string().max(2_000) }).strict(),
  z
    .object({
      type: z.literal('pick-files'),
      id: messageId,
      title: z.string().max(200),
      multiple: z.boolean(),
      /** File-input accept list: extensions with their dot (".pdf"); empty accepts anything. */
      accept: z.array(z.string().max(20)).max(50),
    })
    .strict(),
  z.object({ type: z.literal('download'), url: z.string().min(1).max(500), name: z.string().min(1).max(500) }).strict(),
]);
export type ToPageMessage = z.infer<typeof toPageMessageSchema>;
