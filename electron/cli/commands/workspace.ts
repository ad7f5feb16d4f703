import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { NOT_REVIEWED } from '../../../shared/domain';
import { claimWarnings } from '../../../shared/evidence';
import { describeOrigin, describeTimeline } from '../../../shared/timeline';
import { withWorkspace, userError } from '../context';
import { parseVerdict, parseVerdictFilter, weakVerdictAdvice } from '../verdict-args';
import type { CliIO } from '../io';

export function registerWorkspaceCommands(program: Command, io: CliIO): void {
  program
    .command('init')
    .description('create a new, empty workspace file')
    .argument('<file>', 'workspace file (.claimbench)')
    .action(async (file: string) => {
      if (fs.existsSync(file)) throw userError(`${file} already exists`);
      await withWorkspace(file, program.opts(), async () => undefined, true);
      io.out(`Created ${path.resolve(file)}`);
    });

  program
    .command('add')
    .description('add a claim by hand')
    .argument('<file>', 'workspace file')
    .argument('<text>', 'the claim text')
    .option('--document <id>', 'attach the claim to this document')
    .option('--claimant <name>', 'who made the claim')
    .action(async (file: string, text: string, o: { document?: string; claimant?: string }) => {
      const claim = await withWorkspace(file, program.opts(), (_ctx, run) =>
        run('claims.add', { text, documentId: o.document, claimant: o.claimant }),
      );
      io.out(claim.id);
    });

  program
    .command('claims')
    .description('list claims')
    .argument('<file>', 'workspace file')
    .option(
      '--verdict <verdict>',
      'only claims with this verdict: sourced, disputed, unverified, or unreviewed (no decision yet)',
    )
    .option('--document <id>', 'only claims of this document')
    .option('--json', 'print a JSON array')
    .action(async (file: string, o: { verdict?: string; document?: string; json?: boolean }) => {
      const verdict = o.verdict ? parseVerdictFilter(o.verdict) : undefined;
      const claims = await withWorkspace(file, program.opts(), async (_ctx, run) => {
        const all = [];
        for (let offset = 0; ; offset += 5000) {
          const page = await run('claims.list', { verdict, documentId: o.document, offset, limit: 5000 });
          all.push(...page.items);
          if (all.length >= page.total || page.items.length === 0) break;
        }
        return all;
      });
      if (o.json) {
        io.out(JSON.stringify(claims, null, 2));
        return;
      }
      for (const c of claims) io.out(`${c.id}  ${(c.verdict ?? NOT_REVIEWED).padEnd(10)}  ${c.text}`);
    });

  program
    .command('mark')
    .description('set a claim’s verdict')
    .argument('<file>', 'workspace file')
    .argument('<claimId>', 'claim id')
    .argument('<verdict>', 'sourced, disputed or unverified')
    .option('--rationale <text>', 'why')
    .action(async (file: string, claimId: string, verdictText: string, o: { rationale?: string }) => {
      const verdict = parseVerdict(verdictText);
      const warnings = await withWorkspace(file, program.opts(), async (_ctx, run) => {
        await run('claims.setVerdict', { ids: [claimId], verdict, rationale: o.rationale });
        const { sources } = await run('claims.evidence', { id: claimId });
        const rationale = o.rationale ?? (await run('claims.get', { id: claimId })).rationale;
        // About the verdict this command set, even if another writer has changed it since.
        return claimWarnings({ verdict, rationale, sources });
      });
      io.out(`${claimId} ${verdict}`);
      // Warn, never block, as the app does: the verdict stands, but the record lacks what it calls for.
      for (const w of warnings) io.err(`warning: ${weakVerdictAdvice(w, file, claimId)}`);
    });

  program
    .command('tag')
    .description('add tags to a claim (+TAG) and remove tags from it (-TAG), as one change; prints the claim’s tags after it')
    .argument('<file>', 'workspace file')
    .argument('<claimId>', 'claim id')
    .argument('<tags...>', '+TAG adds a tag, -TAG removes one (put -- before them if a tag to remove starts like an option, e.g. -- -h)')
    // A tag to remove reads like an option (-draft): every word after the claim id is a tag.
    .allowUnknownOption()
    .action(async (file: string, claimId: string, words: string[]) => {
      const { add, remove } = parseTagWords(words);
      const tags = await withWorkspace(file, program.opts(), async (_ctx, run) => {
        await run('claims.tag', { ids: [claimId], add, remove });
        return (await run('claims.get', { id: claimId })).tags;
      });
      io.out(`${claimId} ${tags.length > 0 ? tags.join(', ') : '(no tags)'}`);
    });

  program
    .command('history')
    .description(
      'a claim’s timeline: verdict, rationale, claimant, sources, attachments, notes, tags and assignment, with who, when and where merged changes came from; "(unsigned)" marks a change with no author signature (from before signing), whose author is not verified',
    )
    .argument('<file>', 'workspace file')
    .argument('<claimId>', 'claim id')
    .option('--json', 'print a JSON array')
    .action(async (file: string, claimId: string, o: { json?: boolean }) => {
      const entries = await withWorkspace(file, program.opts(), (_ctx, run) => run('claims.history', { id: claimId }));
      if (o.json) {
        io.out(JSON.stringify(entries, null, 2));
        return;
      }
      for (const { entry: e, summary, detail } of describeTimeline(entries)) {
        const origin = e.origin ? `  [${describeOrigin(e.origin)}]` : '';
        const unsigned = e.unsigned ? ' (unsigned)' : '';
        io.out(`${e.at}  ${summary}${unsigned}${detail ? ` — ${detail.replace(/\s+/g, ' ')}` : ''}${origin}`);
      }
    });
}

/** `+budget -draft` → tags to add and to remove; a word with neither sign is refused. */
function parseTagWords(words: readonly string[]): { add: string[]; remove: string[] } {
  const add: string[] = [];
  const remove: string[] = [];
  for (const word of words) {
    const tag = word.slice(1).trim();
    if ((word[0] !== '+' && word[0] !== '-') || tag === '')
      throw userError(`"${word}" is not a tag change: write +TAG to add a tag, -TAG to remove one`);
    (word[0] === '+' ? add : remove).push(tag);
  }
  return { add, remove };
}
