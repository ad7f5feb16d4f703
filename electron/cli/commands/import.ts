import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { MAX_IMPORT_FILE_BYTES, tooLargeMessage } from '../../../shared/limits';
import { withWorkspace, userError } from '../context';
import { plural, type CliIO } from '../io';

export function registerImportCommands(program: Command, io: CliIO): void {
  program
    .command('import')
    .description(
      "import documents (.txt .md .html .docx .pdf, or - for standard input; a text file's encoding is detected) through the app's one ingest pipeline; check-worthy sentences become claims",
    )
    .argument('<file>', 'workspace file')
    .argument('<paths...>', 'files to import, or - for standard input')
    .option('--allow-duplicate', 'import a file even when the same content is already in the workspace (default: skip it)')
    .action(async (file: string, paths: string[], o: { allowDuplicate?: boolean }) => {
      const inputs: { name: string; bytes: Buffer }[] = [];
      for (const p of paths) {
        if (p === '-') {
          inputs.push({ name: 'standard input', bytes: await io.readStdin(MAX_IMPORT_FILE_BYTES) });
          continue;
        }
        if (!fs.existsSync(p) || !fs.statSync(p).isFile()) throw userError(`${p} does not exist or is not a file`);
        // Refused before reading: the parser would refuse it anyway, after holding it all in memory.
        const size = fs.statSync(p).size;
        if (size > MAX_IMPORT_FILE_BYTES) throw userError(tooLargeMessage(p, size).replace(/\.$/, ''));
        inputs.push({ name: path.basename(p), bytes: fs.readFileSync(p) });
      }
      let failures = 0;
      await withWorkspace(file, program.opts(), async (_ctx, run) => {
        for (const input of inputs) {
          const r = await run('ingest.importFile', {
            name: input.name,
            dataBase64: input.bytes.toString('base64'),
            allowDuplicate: o.allowDuplicate,
          });
          if (r.status === 'duplicate') {
            io.err(
              `${input.name}: skipped, the same content is already in the workspace as document ${r.duplicateOf} (--allow-duplicate imports it anyway)`,
            );
            continue;
          }
          if (r.status === 'failed' || !r.document) {
            failures++;
            const why = r.error?.message ?? 'not imported';
            // A message that already names the file is printed as it is, not after the name again.
            io.err(why.startsWith(input.name) ? why : `${input.name}: ${why}`);
            continue;
          }
          const dup = r.duplicateOf ? ` (same content as document ${r.duplicateOf})` : '';
          const warning = r.warning ? `  ${r.warning}` : '';
          io.out(
            `${r.document.id}  ${plural(r.claimCount, 'claim')} of ${plural(r.sentenceCount, 'sentence')}  ${r.document.title}${dup}${warning}`,
          );
        }
      });
      if (failures > 0)
        throw userError(
          `${failures} of ${plural(inputs.length, 'file')} could not be imported; nothing was stored for ${failures === 1 ? 'it' : 'them'}`,
        );
    });
}
