import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { defaultSpotter } from '../../../shared/spotting/index';
import { proseSentences } from '../../../shared/text/candidates';
import { MAX_IMPORT_FILE_BYTES, tooLargeMessage } from '../../../shared/limits';
import { parseSource } from '../../core/ingest/pipeline';
import { userError } from '../context';
import type { CliIO } from '../io';

/** `score` and `segment`: the app's own spotter and importer+segmenter, for scripts and evaluation. */
export function registerIngestCommands(program: Command, io: CliIO): void {
  program
    .command('score')
    .description('read sentences on standard input, one per line; print score<TAB>label (1 when score >= the default threshold)')
    .action(async () => {
      const spotter = defaultSpotter();
      const lines = (await io.readStdin(MAX_IMPORT_FILE_BYTES)).toString('utf8').split(/\r?\n/);
      if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
      const out: string[] = [];
      for (const line of lines) {
        const { score } = spotter.score(line);
        out.push(`${score.toFixed(4)}\t${score >= spotter.threshold ? 1 : 0}`);
      }
      if (out.length) io.out(out.join('\n'));
    });

  program
    .command('segment')
    .description('print the sentences of a document (any importable format, or - for standard input), one per line')
    .argument('[path]', 'file to read, or - for standard input', '-')
    .action(async (p: string) => {
      let name = 'standard input';
      let bytes: Buffer;
      if (p === '-') bytes = await io.readStdin(MAX_IMPORT_FILE_BYTES);
      else {
        if (!fs.existsSync(p) || !fs.statSync(p).isFile()) throw userError(`${p} does not exist or is not a file`);
        const size = fs.statSync(p).size;
        if (size > MAX_IMPORT_FILE_BYTES) throw userError(tooLargeMessage(p, size).replace(/\.$/, ''));
        name = path.basename(p);
        bytes = fs.readFileSync(p);
      }
      // Parsed in the worker, with its time and memory limits, like every import.
      const doc = (await parseSource({ name, bytes: new Uint8Array(bytes) }, undefined, { analyse: false }).promise).document;
      const sentences = proseSentences(doc.text);
      if (sentences.length) io.out(sentences.map((s) => s.text.replace(/\s*\n\s*/g, ' ')).join('\n'));
    });
}
