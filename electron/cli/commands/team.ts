import fs from 'node:fs';
import type { Command } from 'commander';
import type {
  ConflictInfo,
  ConflictSide,
  KeyConflictInfo,
  KeyTrust,
  MergeFieldChange,
  MergePreview,
  PinnedKey,
  SettledConflict,
} from '../../../shared/team';
import { whenEdited } from '../../../shared/conflict-timing';
import { memberChangeWords, newClaimEvidence } from '../../../shared/team';
import { withWorkspace, userError } from '../context';
import { plural, type CliIO } from '../io';
import { shellArg } from '../shell-arg';
import { parseVerdict } from '../verdict-args';

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(none)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** A field's value as the app names it: a claim nobody has decided yet is "not reviewed". */
function shownValue(c: MergeFieldChange, value: unknown): string {
  if (c.entity === 'claim' && c.field === 'verdict' && (value === null || value === undefined)) return 'not reviewed';
  return shown(value);
}

function describeFieldChange(c: MergeFieldChange): string {
  const what = c.label ? `${c.entity} ${shown(c.label)}` : c.field;
  if (c.field === '$create') return `${c.entity} added: ${shown(c.label)}`;
  if (c.field === 'deleted') return `${what} ${c.to === true ? 'removed' : 'restored'}`;
  const field = c.label ? `${what} ${c.field}` : c.field;
  if (c.members) return `${field}: ${memberChangeWords(c.members)}`;
  return `${field}: ${shownValue(c, c.from)} → ${shownValue(c, c.to)}`;
}

function possessive(name: string): string {
  return `${name}’s`;
}

/** Both sides of a conflict the merge opens, whichever wins on timing, and the one the claim shows meanwhile. */
function printConflictSides(io: CliIO, c: ConflictInfo, mergedBy: string): void {
  const showing = c.sides.find((s) => s.shown.length > 0);
  io.out(
    `      conflict on ${c.fields.join(' and ')}: both sides are kept${showing ? `; until someone settles it the claim shows ${possessive(showing.author)} decision (*)` : ''}`,
  );
  for (const side of c.sides) {
    const mark = side.shown.length > 0 ? '*' : ' ';
    const yours = side.author === mergedBy ? ' (yours)' : '';
    io.out(
      `      ${mark} ${side.author}${yours}, ${side.at}: ${side.verdict ?? 'not reviewed'}  rationale: ${shown(side.rationale)}`,
    );
  }
}

function describeSettled(s: SettledConflict): string {
  const decision = s.verdict ?? 'not reviewed';
  const how = s.keeps ? `keeps ${possessive(s.keeps.author)} ${decision}` : `a new decision, ${decision}`;
  return `settles the conflict on ${s.fields.join(' and ')}: ${how} (${s.by.author}, ${s.by.at})`;
}

function printPreview(io: CliIO, p: MergePreview): void {
  io.out(
    `${plural(p.newChanges, 'new change')} (${p.knownChanges} already here) from ${plural(p.people.length, 'person', 'people')}`,
  );
  if (p.overwritesYours > 0) {
    io.out(
      `${p.overwritesYours} ${p.overwritesYours === 1 ? 'item overwrites' : 'items overwrite'} a decision of yours (${p.mergedBy}); listed first`,
    );
  }
  for (const person of p.people) {
    io.out(
      `  ${person.name}: ${person.newItems} new, ${person.changedItems} changed, ${person.conflicts} conflicting (${plural(person.changes, 'change')})`,
    );
  }
  const conflicts = new Map(p.conflicts.map((c) => [c.claimId, c]));
  for (const item of p.items) {
    const fields = item.fields.length > 0 ? ` [${item.fields.join(', ')}]` : '';
    const yours = item.overwritesYours ? '  ! overwrites yours' : '';
    io.out(
      `  ${item.status.padEnd(11)} ${item.entity.padEnd(10)} ${item.id}  ${shown(item.label)}${fields}  (${item.people.join(', ')})${yours}`,
    );
    const conflict = item.status === 'conflicting' ? conflicts.get(item.id) : undefined;
    if (conflict) printConflictSides(io, conflict, p.mergedBy);
    if (item.settles) io.out(`      ${describeSettled(item.settles)}`);
    // A claim the merge adds: the verdict and evidence it arrives with, in the words the rest of the preview uses.
    if (item.arrives)
      io.out(`      arrives ${[item.arrives.verdict ?? 'not reviewed', ...newClaimEvidence(item.arrives)].join(' · ')}`);
    for (const c of item.changes) {
      // The conflict's sides above already show each person's verdict and rationale.
      if (conflict && c.entity === 'claim' && (conflict.fields as string[]).includes(c.field)) continue;
      const was = c.replaces ? `; was ${c.replaces.author}’s` : '';
      io.out(`      ${c.overwritesYours ? '!' : ' '} ${describeFieldChange(c)}  (${c.author}, ${c.at}${was})`);
    }
  }
  if (p.itemCount > p.items.length) io.out(`  … and ${p.itemCount - p.items.length} more items`);
  if (p.unsignedChanges > 0) {
    io.out(
      `  ${p.unsignedChanges} unsigned ${p.unsignedChanges === 1 ? 'change' : 'changes'} (from an older file): marked unsigned in history`,
    );
  }
  for (const d of p.sameTextDocuments ?? []) {
    io.out(
      `  same text: ${d.theirs.importedBy}’s “${shown(d.theirs.title)}” (${d.theirs.id}) is your “${shown(d.yours.title)}” (${d.yours.id}); both copies are kept, each with its own claims`,
    );
  }
  printKeyConflicts(io, p.keyConflicts);
}

function printKeyConflicts(io: CliIO, conflicts: readonly KeyConflictInfo[]): void {
  for (const c of conflicts) {
    io.out(
      `KEY CONFLICT: ${c.name} (actor ${c.actorId}) signed ${c.heldBack} ${c.heldBack === 1 ? 'change' : 'changes'} with a key this workspace does not know for them.`,
    );
    io.out(`  pinned:  ${c.pinnedFingerprint}`);
    io.out(`  offered: ${c.offeredFingerprint}  (from ${c.source})`);
    io.out(
      `  Those changes were held back. Check the fingerprint with ${c.name}, then: claimbench keys FILE --trust ${c.actorId}  (or --keep ${c.actorId})`,
    );
  }
}

/** A name that more than one identity signs with: say where and when each was first seen, and why that happens. */
function printSharedNames(io: CliIO, pinned: readonly PinnedKey[]): void {
  const byName = new Map<string, PinnedKey[]>();
  for (const p of pinned) if (p.name) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  for (const [name, keys] of byName) {
    const actors = [...new Map(keys.map((k) => [k.actorId, k])).values()];
    if (actors.length < 2) continue;
    io.out(`${shown(name)} signs with ${actors.length} identities:`);
    for (const a of actors) {
      const first = a.firstSeen ? `first change ${a.firstSeen.slice(0, 16).replace('T', ' ')} UTC` : 'no change seen yet';
      const from = a.pinnedFrom ? `key pinned when ${shown(a.pinnedFrom)} was merged` : 'key pinned in this workspace';
      io.out(`  ${a.actorId}  ${a.fingerprint}  ${first}; ${from}`);
    }
    io.out(
      `  Each copy of Claimbench (the app, the command line, another computer) signs with its own key. Check with ${shown(name)} that every one is theirs.`,
    );
  }
}

function printKeys(io: CliIO, k: KeyTrust): void {
  if (k.pinned.length === 0) io.out('No keys pinned yet.');
  for (const p of k.pinned) io.out(`${p.actorId}  ${p.fingerprint}  ${shown(p.name)}  (pinned ${p.pinnedAt.slice(0, 10)})`);
  printSharedNames(io, k.pinned);
  printKeyConflicts(io, k.conflicts);
}

/** How the sides came to clash: "verdict edited at the same time", "… edited on both sides, 5 s apart, …". */
function howEdited(c: ConflictInfo): string {
  const fields = c.fields.join(' and ');
  const when = whenEdited(c.sides);
  return when === 'at the same time' ? `${fields} edited at the same time` : `${fields} edited on both sides, ${when}`;
}

function printConflict(io: CliIO, c: ConflictInfo): void {
  // Sides are whole decisions (verdict with rationale), whichever of the two was edited on both sides.
  io.out(`${c.claimId}  decision (${howEdited(c)})  ${shown(c.claimText)}`);
  for (const s of c.sides) {
    const mark = s.shown.length > 0 ? '*' : ' ';
    const verdict = s.verdict ?? 'not reviewed';
    const inferred = s.keeps.filter((f) => !s.own.includes(f));
    const note = inferred.length > 0 ? `  (${inferred.join(' and ')}: not changed by them, as it stood with their decision)` : '';
    io.out(`  ${mark} ${s.at}  ${s.author} [${s.actorId.slice(0, 8)}]: ${verdict}  rationale: ${shown(s.rationale)}${note}`);
  }
}

/** A side by name (case-insensitive) or by actor id (or its first characters); ambiguity is an error. */
function pickSide(c: ConflictInfo, who: string): ConflictSide {
  const wanted = who.trim().toLowerCase();
  const byId = c.sides.filter((s) => wanted.length >= 4 && s.actorId.toLowerCase().startsWith(wanted));
  const byName = c.sides.filter((s) => s.author.trim().toLowerCase() === wanted);
  const found = byId.length > 0 ? byId : byName;
  if (found.length === 1) return found[0]!;
  const people = c.sides.map((s) => `${s.author} [${s.actorId.slice(0, 8)}]`).join(', ');
  if (found.length === 0) throw userError(`"${who}" has no side in this conflict; the sides are ${people}`);
  throw userError(`"${who}" names more than one side (${people}); give the actor id instead`);
}

export function registerTeamCommands(program: Command, io: CliIO): void {
  program
    .command('keys')
    .description(
      'list the signing keys this workspace trusts (the first key seen for each person is pinned) and any key conflicts; settle a conflict with --trust or --keep',
    )
    .argument('<file>', 'workspace file')
    .option(
      '--trust <actorId>',
      'trust the new key offered for this person (their held-back changes merge on the next merge or sync)',
    )
    .option('--key <publicKey>', 'with --trust: which offered key, when several conflict')
    .option('--keep <actorId>', 'keep the pinned key for this person and dismiss the conflict')
    .option('--json', 'print JSON')
    .action(async (file: string, o: { trust?: string; key?: string; keep?: string; json?: boolean }) => {
      if (o.trust && o.keep) throw userError('Use either --trust or --keep, not both.');
      const k = await withWorkspace(file, program.opts(), (_ctx, run) => {
        if (o.trust) return run('team.keys.resolve', { actorId: o.trust, decision: 'trust-offered', offeredKey: o.key });
        if (o.keep) return run('team.keys.resolve', { actorId: o.keep, decision: 'keep-pinned' });
        return run('team.keys.list', {});
      });
      if (o.json) io.out(JSON.stringify(k, null, 2));
      else printKeys(io, k);
    });

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
    .option('--force', 'overwrite the output file when it already exists')
    .action(async (file: string, o: { output: string; document: string[]; force?: boolean }) => {
      if (!o.force && fs.existsSync(o.output)) {
        throw userError(`${o.output} already exists; choose another name with -o, or add --force to overwrite it`);
      }
      const r = await withWorkspace(file, program.opts(), (_ctx, run) =>
        run('team.share', { target: o.output, documentIds: o.document.length > 0 ? o.document : undefined }),
      );
      io.out(
        `Wrote ${r.path}: ${plural(r.changes, 'change')}, ${plural(r.documents, 'document')}, ${plural(r.bytes, 'byte')}, sha256 ${r.contentHash}`,
      );
    });

  program
    .command('merge')
    .description('merge a teammate’s share file (backs the workspace up first)')
    .argument('<file>', 'workspace file')
    .argument('<sharefile>', 'the teammate’s share file')
    .option(
      '--dry-run',
      'show what would change, and change nothing: per claim, each field’s old → new value with who and when (! marks a decision of yours it overwrites), what a new claim arrives with, and the file’s content hash (64 hex digits) to pass to --expect',
    )
    .option(
      '--expect <hash>',
      'merge only if the share file’s content hash is this one (as --dry-run printed it); a file whose content changed since is refused and nothing is merged',
    )
    .action(async (file: string, shareFile: string, o: { dryRun?: boolean; expect?: string }) => {
      if (o.expect !== undefined && !/^[0-9a-fA-F]{64}$/.test(o.expect)) {
        throw userError('--expect takes the content hash --dry-run printed: 64 hex digits.');
      }
      await withWorkspace(file, program.opts(), async (_ctx, run) => {
        if (o.dryRun) {
          const preview = await run('team.mergePreview', { path: shareFile });
          printPreview(io, preview);
          io.out(`Content hash: ${preview.contentHash}`);
          io.out(
            `To merge exactly this: claimbench merge ${shellArg(file)} ${shellArg(shareFile)} --expect ${preview.contentHash}`,
          );
          return;
        }
        // Without --expect, merge the content as it reads now: the preview gives the hash to hold it to.
        const expectHash = o.expect ?? (await run('team.mergePreview', { path: shareFile })).contentHash;
        const r = await run('team.merge', { path: shareFile, expectHash });
        printPreview(io, r);
        io.out(`Content hash: ${r.contentHash}`);
        io.out(r.applied ? `Merged. Backup: ${r.backupPath}` : 'Nothing new: the workspace is unchanged.');
        if (r.conflictCount > 0)
          io.out(
            `${r.conflictCount} conflicted ${r.conflictCount === 1 ? 'claim' : 'claims'} to resolve: claimbench conflicts ${file}`,
          );
      });
    });

  program
    .command('conflicts')
    .description(
      'list claims whose verdict or rationale teammates set differently without seeing each other’s change (* marks the side the claim shows until settled)',
    )
    .argument('<file>', 'workspace file')
    .option('--json', 'print a JSON array')
    .action(async (file: string, o: { json?: boolean }) => {
      const conflicts = await withWorkspace(file, program.opts(), (_ctx, run) => run('conflicts.list', {}));
      if (o.json) io.out(JSON.stringify(conflicts, null, 2));
      else if (conflicts.length === 0) io.out('No conflicts.');
      else {
        for (const c of conflicts) printConflict(io, c);
        io.out(
          `* the side the claim shows until someone settles it. Keep a side: claimbench resolve ${shellArg(file)} CLAIM --keep PERSON; or decide anew: claimbench resolve ${shellArg(file)} CLAIM VERDICT --rationale TEXT`,
        );
      }
    });

  program
    .command('resolve')
    .description('settle a claim’s conflict: keep one person’s side (--keep), or write a new decision (a verdict)')
    .argument('<file>', 'workspace file')
    .argument('<claimId>', 'claim id')
    .argument('[verdict]', 'a new decision: sourced, disputed or unverified')
    .option('--rationale <text>', 'with a new decision: why (keeps the current rationale when omitted)')
    .option(
      '--keep <person>',
      'keep this person’s side (name or actor id, as `conflicts` lists them): their verdict and rationale, exactly as shown',
    )
    .action(async (file: string, claimId: string, verdictText: string | undefined, o: { rationale?: string; keep?: string }) => {
      if (o.keep !== undefined && (verdictText !== undefined || o.rationale !== undefined)) {
        throw userError('Give either --keep PERSON or a new verdict (with --rationale), not both');
      }
      if (o.keep === undefined && verdictText === undefined) {
        throw userError('Give --keep PERSON to keep a side, or a verdict to write a new decision');
      }
      const claim = await withWorkspace(file, program.opts(), async (_ctx, run) => {
        if (o.keep !== undefined) {
          const conflict = (await run('conflicts.list', { claimId }))[0];
          if (!conflict) throw userError(`Claim ${claimId} has no open conflict`);
          const side = pickSide(conflict, o.keep);
          return run('conflicts.keep', { claimId, actorId: side.actorId });
        }
        return run('conflicts.resolve', { claimId, verdict: parseVerdict(verdictText!), rationale: o.rationale });
      });
      io.out(`${claim.id} ${claim.verdict ?? 'not reviewed'}${claim.rationale ? `  rationale: ${shown(claim.rationale)}` : ''}`);
    });

  program
    .command('sync')
    .description(
      'exchange changes through a folder a sync tool keeps in step (Syncthing, Dropbox, a share, git); backs the workspace up when changes arrive, never follows links in the folder, and names any peer file it skips',
    )
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
        io.out(
          `Synced with ${r.folder}: ${plural(r.imported, 'change')} in, ${r.exported} out, ${plural(r.conflicts, 'new conflict')}`,
        );
        for (const p of r.peers.filter((x) => x.problem)) io.out(`  skipped ${p.file}: ${p.problem}`);
        printKeyConflicts(io, r.keyConflicts);
      });
    });
}
