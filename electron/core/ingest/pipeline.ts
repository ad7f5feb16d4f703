/**
 * The one ingest pipeline. Every way text comes in (paste, drop, the import dialog, Open Text File,
 * Replace Text, the CLI) hands the core bytes, and the same steps run on them in the parse worker:
 * decode (encoding detection) → extract → normalise → segment → score → claimant. The result is
 * then stored by commitDocument (a new document) or by Replace Text (new text for a document), with
 * its sentences, so the same bytes give the same text, content hash and sentences by every path.
 */
import { ClaimbenchError } from '../../../shared/result';
import { MAX_IMPORT_FILE_BYTES, tooLargeMessage } from '../../../shared/limits';
import type { Workspace } from '../store/workspace';
import { commitDocument, type CommitResult } from './commit';
import type { ParsedFile } from './parse';
import { spottingThreshold } from '../spotting/threshold';
import { parseInWorker, type ParseHandle } from './worker-pool';

/** Bytes to ingest and what they are called. */
export interface IngestSource {
  name: string;
  bytes: Uint8Array;
  /** Text a person typed or pasted (UTF-8): read as plain text, bounded by its length rather than the file limit. */
  typed?: boolean;
}

/** A file's bytes as they crossed a process boundary (base64), refused when over the import limit. */
export function fileSource(name: string, dataBase64: string): IngestSource {
  const bytes = new Uint8Array(Buffer.from(dataBase64, 'base64'));
  if (bytes.byteLength > MAX_IMPORT_FILE_BYTES) throw new ClaimbenchError('VALIDATION', tooLargeMessage(name, bytes.byteLength));
  return { name, bytes };
}

/** Typed or pasted text, as the bytes the pipeline reads. */
export function typedSource(text: string, name = 'pasted text'): IngestSource {
  return { name, bytes: new TextEncoder().encode(text), typed: true };
}

/** Runs the pipeline's reading steps in the parse worker; `analyse: false` stops after the text. */
export function parseSource(
  source: IngestSource,
  onProgress: (fraction: number) => void = () => {},
  options: { analyse?: boolean } = {},
): ParseHandle {
  return parseInWorker(source.name, source.bytes, onProgress, { typed: source.typed, analyse: options.analyse });
}

/** Stores a parsed source as a new document with its candidate claims and sentences. */
export function storeParsed(
  workspace: Workspace,
  parsed: ParsedFile,
  options: { origin: string | null; title?: string | null; allowDuplicate?: boolean },
): CommitResult {
  return commitDocument(workspace, {
    name: options.origin,
    title: options.title ?? null,
    doc: parsed.document,
    sentences: parsed.sentences,
    threshold: spottingThreshold(workspace),
    allowDuplicate: options.allowDuplicate,
  });
}

/** The whole pipeline for one source: read in the worker, then store. */
export async function ingestSource(
  workspace: Workspace,
  source: IngestSource,
  options: { origin: string | null; title?: string | null; allowDuplicate?: boolean },
): Promise<CommitResult & { parsed: ParsedFile }> {
  const parsed = await parseSource(source).promise;
  return { ...storeParsed(workspace, parsed, options), parsed };
}
