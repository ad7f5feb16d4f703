/** worker_threads entry: parses one file per message (one at a time) and posts progress, then the result or the error. */
import { parentPort } from 'node:worker_threads';
import { isClaimbenchError } from '../../../shared/result';
import { parseFile, type ParseOptions } from './parse';

export interface ParseRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
  options: ParseOptions;
}

export type ParseMessage = { id: number } & (
  | { type: 'progress'; fraction: number }
  | { type: 'done'; result: Awaited<ReturnType<typeof parseFile>> }
  | { type: 'error'; code: string; message: string }
);

parentPort?.on('message', (req: ParseRequest) => {
  const id = req.id;
  const post = (m: ParseMessage) => parentPort?.postMessage(m);
  parseFile(req.name, req.bytes, (fraction) => post({ id, type: 'progress', fraction }), req.options)
    .then((result) => post({ id, type: 'done', result }))
    .catch((e: unknown) =>
      post(
        isClaimbenchError(e)
          ? { id, type: 'error', code: e.code, message: e.message }
          : {
              id,
              type: 'error',
              code: 'CORRUPT',
              message: `Could not read ${req.name}: ${e instanceof Error ? e.message : String(e)}`,
            },
      ),
    );
});
