import type { Command } from 'commander';
import { importIntoLibrary } from '../../core/library/import/run';
import { parseCsvMapping, type CsvMapping } from '../../core/library/import/csv';
import { FactCheckLibrary } from '../../core/library/library';
import { userError } from '../context';
import type { CliIO } from '../io';

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw userError(`${flag} must be a whole number from 1 to 100`);
  return n;
}

function withLibrary<T>(file: string, fn: (lib: FactCheckLibrary) => Promise<T> | T, create = false): Promise<T> {
  const lib = FactCheckLibrary.open(file, { create });
  return Promise.resolve()
    .then(() => fn(lib))
    .finally(() => lib.close());
}

export function registerLibraryCommands(program: Command, io: CliIO): void {
  const library = program
    .command('library')
    .description('fact-check libraries (*.claimbench-library): published fact-checks to match claims against, offline');

  library
    .command('create')
    .description('create an empty fact-check library')
    .argument('<lib>', 'library file to create (*.claimbench-library)')
    .action(async (file: string) => {
      await withLibrary(file, (lib) => io.out(`Created ${lib.path} (${lib.count()} fact-checks)`), true);
    });

  library
    .command('import')
    .description(
      'import fact-checks into a library (created when missing): schema.org ClaimReview JSON-LD (one object, an array, @graph, ' +
        'a DataFeed with dataFeedElement[].item[], JSON Lines), HTML pages with <script type="application/ld+json">, ' +
        "Claimbench's own ClaimReview exports, and CSV (.csv) with a header row. Items are deduplicated by URL; bad items are " +
        'reported with their position and skipped',
    )
    .argument('<lib>', 'library file (*.claimbench-library)')
    .argument('<files...>', 'files to import')
    .option(
      '--map <mapping>',
      'CSV column mapping FIELD=COLUMN,… with fields claim, url, headline, rating, publisher, date, language, claimant ' +
        '(default: recognised header names such as claim, url, title, rating, publisher, date)',
    )
    .option('--quiet', 'do not list skipped items')
    .action(async (file: string, files: string[], o: { map?: string; quiet?: boolean }) => {
      let csvMapping: CsvMapping = {};
      if (o.map) {
        try {
          csvMapping = parseCsvMapping(o.map);
        } catch (e) {
          throw userError(`--map: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      await withLibrary(
        file,
        async (lib) => {
          const r = await importIntoLibrary(lib, files, { csvMapping });
          if (!o.quiet) for (const s of r.skipped) io.err(`skipped ${s.file} ${s.position}: ${s.reason}`);
          io.out(
            `Imported ${r.found} fact-checks from ${r.files} file${r.files === 1 ? '' : 's'}: ${r.added} added, ${r.updated} updated, ` +
              `${r.unchanged} unchanged, ${r.skipped.length} skipped. The library has ${lib.count()}.`,
          );
        },
        true,
      );
    });

  library
    .command('match')
    .description(
      'match claims read from standard input, one per line, against a library; prints for each input line one line per match: ' +
        'LINE<TAB>RANK<TAB>URL<TAB>SCORE (lines and ranks from 1; a line with no match prints nothing)',
    )
    .argument('<lib>', 'library file (*.claimbench-library)')
    .option('--top <n>', 'matches per claim (1-100)', '5')
    .action(async (file: string, o: { top: string }) => {
      const top = positiveInt(o.top, '--top');
      const input = (await io.readStdin()).toString('utf8').replace(/^\uFEFF/, '');
      await withLibrary(file, (lib) => {
        const lines = input.split(/\r?\n/);
        if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
        const out: string[] = [];
        lines.forEach((line, i) => {
          if (!line.trim()) return;
          lib.match(line, top).forEach((m, rank) => out.push(`${i + 1}\t${rank + 1}\t${m.url}\t${m.score}`));
        });
        if (out.length) io.out(out.join('\n'));
      });
    });

  library
    .command('info')
    .description('how many fact-checks a library holds, by publisher')
    .argument('<lib>', 'library file (*.claimbench-library)')
    .option('--json', 'print JSON')
    .action(async (file: string, o: { json?: boolean }) => {
      await withLibrary(file, (lib) => {
        const s = lib.summary();
        if (o.json) io.out(JSON.stringify(s, null, 2));
        else io.out([`${s.path}: ${s.reviews} fact-checks`, ...s.publishers.map((p) => `  ${p.reviews}\t${p.name || '(no publisher)'}`)].join('\n'));
      });
    });
}
