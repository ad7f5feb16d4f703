import type { Command } from 'commander';
import { importIntoLibrary } from '../../core/library/import/run';
import { parseCsvMapping, type CsvMapping } from '../../core/library/import/csv';
import { FactCheckLibrary } from '../../core/library/library';
import type { FactCheckMatch } from '../../../shared/library-api';
import { matchText } from '../../core/library/links';
import { closeAllLibraries } from '../../core/library/pool';
import { withWorkspace, userError } from '../context';
import { plural, type CliIO } from '../io';
import { shellArg } from '../shell-arg';

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

/**
 * What linking found, in the terms the app uses: "checked before" is a fact-check of the same claim
 * (the mark in the claim list); a weaker resemblance only shares some words and is not marked.
 */
function matchSummary(m: { claims: number; matched: number; strong: number }, file: string): string {
  const weak = m.matched - m.strong;
  const before = `${m.strong} of ${plural(m.claims, 'claim')} ${m.strong === 1 ? 'was' : 'were'} checked before (a fact-check in the library covers the same claim; marked "checked before" in the claim list)`;
  const rest =
    weak > 0
      ? `; ${weak} more only share${weak === 1 ? 's' : ''} some words with a fact-check (not the same claim, not marked; claimbench match ${shellArg(file)} CLAIM lists them)`
      : '';
  return `${before}${rest}.`;
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
        "Claimbench's own ClaimReview exports, and CSV (.csv, or tab-separated .tsv) with a header row. Items are deduplicated by URL; bad items are " +
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
            `Imported ${r.found} fact-check${r.found === 1 ? '' : 's'} from ${r.files} file${r.files === 1 ? '' : 's'}: ${r.added} added, ${r.updated} updated, ` +
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
    .command('link')
    .description('link libraries to a workspace: its claims are matched against them (in the app too), now and on every import')
    .argument('<file>', 'workspace file')
    .argument('<libs...>', 'library files (*.claimbench-library)')
    .action(async (file: string, libs: string[]) => {
      await withWorkspace(file, program.opts(), async (_ctx, run) => {
        try {
          for (const lib of libs) {
            const linked = await run('libraries.link', { path: lib });
            io.out(`Linked ${linked.path} (${plural(linked.reviews ?? 0, 'fact-check')})`);
          }
          const m = await run('libraries.matchClaims', {});
          io.out(matchSummary(m, file));
        } finally {
          closeAllLibraries();
        }
      });
    });

  library
    .command('unlink')
    .description('unlink a library from a workspace (the library file is kept)')
    .argument('<file>', 'workspace file')
    .argument('<lib>', 'library file')
    .action(async (file: string, lib: string) => {
      await withWorkspace(file, program.opts(), async (_ctx, run) => {
        const r = await run('libraries.unlink', { path: lib });
        io.out(r.unlinked ? `Unlinked ${lib}` : `${lib} was not linked`);
        closeAllLibraries();
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
        else
          io.out(
            [
              `${s.path}: ${s.reviews} fact-checks`,
              ...s.publishers.map((p) => `  ${p.reviews}\t${p.name || '(no publisher)'}`),
            ].join('\n'),
          );
      });
    });
}

function matchLine(m: FactCheckMatch, rank: number): string {
  const when = m.datePublished ? ` · ${m.datePublished.slice(0, 4)}` : '';
  const why = [...m.why.names, ...m.why.numbers, ...m.why.terms].slice(0, 8).join(', ');
  return (
    `${rank}. ${m.ratingText || m.verdict}${m.publisher ? ` · ${m.publisher}` : ''}${when}  (score ${m.score}, confidence ${m.confidence})\n` +
    `   ${m.claimReviewed}\n   ${m.url}${why ? `\n   shared: ${why}` : ''}`
  );
}

export function registerMatchCommand(program: Command, io: CliIO): void {
  program
    .command('match')
    .description('match one claim of a workspace against fact-check libraries (those given, else those linked to the workspace)')
    .argument('<file>', 'workspace file')
    .argument('<claimId>', 'claim id')
    .option('--library <lib>', 'a library file (repeat for several)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--top <n>', 'matches to show (1-20)', '5')
    .option('--json', 'print JSON')
    .action(async (file: string, claimId: string, o: { library?: string[]; top: string; json?: boolean }) => {
      const top = positiveInt(o.top, '--top');
      if (top > 20) throw userError('--top must be a whole number from 1 to 20');
      await withWorkspace(file, program.opts(), async (_ctx, run) => {
        try {
          const claim = await run('claims.get', { id: claimId });
          const matches = o.library?.length
            ? matchText(o.library, claim.text, top, false)
            : await run('libraries.matchClaim', { claimId, top });
          if (o.json) io.out(JSON.stringify({ claimId, text: claim.text, matches }, null, 2));
          else if (matches.length === 0) io.out('No published fact-check matches this claim.');
          else io.out(matches.map((m, i) => matchLine(m, i + 1)).join('\n'));
        } finally {
          closeAllLibraries();
        }
      });
    });
}
