/** worker_threads entry: reads and checks one share file per message (see share-reader.ts). */
import { parentPort } from 'node:worker_threads';
import { isClaimbenchError } from '../../../shared/result';
import { readShareFile, type ShareContents } from './read-share';

export interface ShareReadRequest {
  id: number;
  file: string;
  nativeBinding?: string;
}

export type ShareReadMessage = { id: number } & (
  { type: 'done'; contents: ShareContents } | { type: 'error'; code: string; message: string }
);

parentPort?.on('message', (req: ShareReadRequest) => {
  let reply: ShareReadMessage;
  try {
    reply = { id: req.id, type: 'done', contents: readShareFile(req.file, req.nativeBinding) };
  } catch (e) {
    reply = isClaimbenchError(e)
      ? { id: req.id, type: 'error', code: e.code, message: e.message }
      : { id: req.id, type: 'error', code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage(reply);
});
