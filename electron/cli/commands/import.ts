import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { withWorkspace, userError } from '../context';
import type { CliIO } from '../io';

export function registerImportCommands(program: Command, io: CliIO): void {
  program
    .command('import')
    .description('import documents (use - for standard input); their sentences become candidate claims')
    .argument('<file>', 'workspace file')
    .argument('<paths...>', 'files to import, or - for standard input')
    .action(async (file: string, paths: string[]) => {
      const inputs: { name: string; text: string }[] = [];
      for (const p of paths) {
        if (p === '-') {
          inputs.push({ name: 'standard input', text: (await io.readStdin()).toString('utf8') });
          continue;
        }
        if (!fs.existsSync(p)) throw userError(`${p} does not exist`);
        inputs.push({ name: path.basename(p), text: fs.readFileSync(p, 'utf8') });
      }
      await withWorkspace(file, program.opts(), async (_ctx, run) => {
        for (const input of inputs) {
          if (!input.text.trim()) throw userError(`${input.name} is empty`);
          const r = await run('documents.createFromText', { text: input.text, origin: input.name });
          const dup = r.duplicateOf ? ` (same content as document ${r.duplicateOf})` : '';
          io.out(`${r.document.id}  ${r.claimCount} claims  ${r.document.title}${dup}`);
        }
      });
    });
}
