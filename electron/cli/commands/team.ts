import type { Command } from 'commander';
import { VERDICTS, type Verdict } from '../../../shared/domain';
import type { ConflictInfo, MergePreview } from '../../../shared/team';
import { withWorkspace, userError } from '../context';
import type { CliIO } from '../io';

function parseVerdict(v: string): Verdict {
  if ((VERDICTS as readonly string[]).includes(v)) return v as Verdict;
  throw userError(`Unknown verdict "${v}": use sourced, disputed or unverified`);
}

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '∅';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function printPreview(io: CliIO, p: MergePreview): void {
  io.out(
    `${p.newChanges} new changes (${p.knownChanges} already here) from ${p.people.length} ${p.people.length === 1 ? 'person' : 'people'}`,
  );
  for (const person of p.people) {
    io.out(
      `  ${person.name}: ${person.newItems} new, ${person.changedItems} changed, ${person.conflicts} conflicting (${person.changes} changes)`,
    );
  }
  for (const item of p.items) {
    const fields = item.fields.length > 0 ? ` [${item.fields.join(', ')}]` : '';
    io.out(
      `  ${item.status.padEnd(11)} ${item.entity.padEnd(10)} ${item.id}  ${shown(item.label)}${fields}  (${item.people.join(', ')})`,
    );
  }
  if (p.itemCount > p.items.length) io.out(`  … and ${p.itemCount - p.items.length} more items`);
}

function printConflict(io: CliIO, c: ConflictInfo): void {
  io.out(`${c.claimId}  ${c.field}  ${shown(c.claimText)}`);
  for (const s of c.sides) {
    const why = c.field === 'verdict' ? `  rationale: ${shown(s.rationale)}` : '';
    io.out(`  ${s.winner ? '*' : ' '} ${s.at}  ${s.author}: ${shown(s.value)}${why}`);
  }
}

export function registerTeamCommands(program: Command, io: CliIO): void {
  program
    .command('share')
    .description('write a self-contained share file of the workspace (or of chosen documents) for a teammate')
    .argument('<file>', 'workspace file')
    .requiredOption('-o, --output <path>', 'the share file to write')
    .option(
      '--document <id>',
      'only this document and its claims, sources, notes and attachments (repeatable)',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .action(async (file: string, o: { output: string; document: string[] }) => {
      const r = await withWorkspace(file, program.opts(), (_ctx, run) =>
        run('team.share', { target: o.output, documentIds: o.document.length > 0 ? o.document : undefined }),
      );
      io.out(`Wrote ${r.path}: ${r.changes} changes, ${r.documents} documents, ${r.bytes} bytes, sha256 ${r.contentHash}`);
    });

  program
    .command('merge')
    .description('merge a teammate’s share file (backs the workspace up first)')
    .argument('<file>', 'workspace file')
    .argument('<sharefile>', 'the teammate’s share file')
    .option('--dry-run', 'show what would change, and change nothing')
    .action(async (file: string, shareFile: string, o: { dryRun?: boolean }) => {
      await withWorkspace(file, program.opts(), async (_ctx, run) => {
        if (o.dryRun) {
          printPreview(io, await run('team.mergePreview', { path: shareFile }));
          return;
        }
        const r = await run('team.merge', { path: shareFile });
        printPreview(io, r);
        io.out(r.applied ? `Merged. Backup: ${r.backupPath}` : 'Nothing new: the workspace is unchanged.');
        if (r.conflictCount > 0) io.out(`${r.conflictCount} ${r.conflictCount === 1 ? "conflict" : "conflicts"} to resolve: claimbench conflicts ${file}`);
      });
    });

  program
    .command('conflicts')
    .description('list claims whose verdict or rationale teammates set differently at the same time')
    .argument('<file>', 'workspace file')
    .option('--json', 'print a JSON array')
    .action(async (file: string, o: { json?: boolean }) => {
      const conflicts = await withWorkspace(file, program.opts(), (_ctx, run) => run('conflicts.list', {}));
      if (o.json) io.out(JSON.stringify(conflicts, null, 2));
      else if (conflicts.length === 0) io.out('No conflicts.');
      else for (const c of conflicts) printConflict(io, c);
    });

  program
    .command('resolve')
    .description('settle a claim’s conflict with a verdict (and rationale)')
    .argument('<file>', 'workspace file')
    .argument('<claimId>', 'claim id')
    .argument('<verdict>', 'sourced, disputed or unverified')
    .option('--rationale <text>', 'why (keeps the current rationale when omitted)')
    .action(async (file: string, claimId: string, verdictText: string, o: { rationale?: string }) => {
      const verdict = parseVerdict(verdictText);
      const claim = await withWorkspace(file, program.opts(), (_ctx, run) =>
        run('conflicts.resolve', { claimId, verdict, rationale: o.rationale }),
      );
      io.out(`${claim.id} ${claim.verdict}`);
    });

  program
    .command('sync')
    .description('exchange changes through a folder a sync tool keeps in step (Syncthing, Dropbox, a share, git)')
    .argument('<file>', 'workspace file')
    .option('--link <folder>', 'link the workspace to this folder first')
    .option('--unlink', 'stop syncing')
    .action(async (file: string, o: { link?: string; unlink?: boolean }) => {
      await withWorkspace(file, program.opts(), async (_ctx, run) => {
        if (o.unlink) {
          await run('team.sync.unlink', {});
          io.out('Unlinked.');
          return;
        }
        if (o.link) await run('team.sync.link', { folder: o.link });
        const r = await run('team.sync.now', {});
        io.out(`Synced with ${r.folder}: ${r.imported} changes in, ${r.exported} out, ${r.conflicts} new conflicts`);
        for (const p of r.peers.filter((x) => x.problem)) io.out(`  skipped ${p.file}: ${p.problem}`);
      });
    });
}
