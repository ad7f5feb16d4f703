import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/evidence-api';
import { STANCES, type SearchHit, type Stance } from '../../../shared/evidence';
import { withWorkspace, userError } from '../context';
import type { CliIO } from '../io';

function parseStance(s: string): Stance {
  if ((STANCES as readonly string[]).includes(s)) return s as Stance;
  throw userError(`Unknown stance "${s}": use supports, contradicts or context`);
}

/** Read a file to attach, refusing what is missing, not a file or too large before reading it. */
function readAttachment(file: string): { name: string; base64: string } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw userError(`${file} does not exist`);
  }
  if (!stat.isFile()) throw userError(`${file} is not a file`);
  if (stat.size > MAX_ATTACHMENT_BYTES) {
    throw userError(
      `${file} is ${Math.round(stat.size / 1048576)} MB; attachments can be at most ${MAX_ATTACHMENT_BYTES / 1048576} MB`,
    );
  }
  return { name: path.basename(file), base64: fs.readFileSync(file).toString('base64') };
}

/** Terminal rendering of a highlighted snippet: matches in [brackets]. */
function bracketed(hit: SearchHit): string {
  let out = '';
  let at = 0;
  for (const [s, e] of hit.snippet.ranges) {
    out += `${hit.snippet.text.slice(at, s)}[${hit.snippet.text.slice(s, e)}]`;
    at = e;
  }
  return out + hit.snippet.text.slice(at);
}

export function registerEvidenceCommands(program: Command, io: CliIO): void {
  const source = program.command('source').description('sources (evidence) of a claim');
  source
    .command('add')
    .description('add a source to a claim: a link, optionally with a file (PDF, image, text) attached')
    .argument('<file>', 'workspace file')
    .argument('<claimId>', 'claim id')
    .option('--url <url>', 'http(s) link to the source')
    .option('--title <title>', 'title of the source')
    .option('--publisher <name>', 'who published it')
    .option('--date <date>', 'when it was published: YYYY-MM-DD, YYYY-MM or YYYY (from 1900, not in the future)')
    .option('--accessed <date>', 'when you read it, YYYY-MM-DD (default with --url: today)')
    .option('--archive-url <url>', 'http(s) link to a frozen copy of the page, e.g. a web archive snapshot')
    .option('--excerpt <text>', 'the relevant passage')
    .option('--stance <stance>', 'supports, contradicts or context', 'context')
    .option('--file <path>', 'a file to attach to the source (stored inside the workspace)')
    .action(
      async (
        file: string,
        claimId: string,
        o: {
          url?: string;
          title?: string;
          publisher?: string;
          date?: string;
          accessed?: string;
          archiveUrl?: string;
          excerpt?: string;
          stance: string;
          file?: string;
        },
      ) => {
        const stance = parseStance(o.stance);
        if (!o.url && !o.file && !o.title && !o.excerpt) throw userError('Give at least --url, --file, --title or --excerpt');
        const attachment = o.file ? readAttachment(o.file) : null;
        // The source and its file are stored in one transaction: a refusal (bad date, bad link) stores neither.
        const added = await withWorkspace(file, program.opts(), async (_ctx, run) =>
          run('sources.add', {
            claimId,
            url: o.url,
            title: o.title,
            publisher: o.publisher,
            publishedAt: o.date,
            accessedAt: o.accessed,
            archiveUrl: o.archiveUrl,
            excerpt: o.excerpt,
            stance,
            file: attachment ? { name: attachment.name, base64: attachment.base64 } : undefined,
          }),
        );
        io.out(added.id);
      },
    );

  source
    .command('list')
    .description('list the sources of a claim')
    .argument('<file>', 'workspace file')
    .argument('<claimId>', 'claim id')
    .option('--json', 'print a JSON array')
    .action(async (file: string, claimId: string, o: { json?: boolean }) => {
      const sources = await withWorkspace(file, program.opts(), (_ctx, run) => run('sources.list', { claimId }));
      if (o.json) return io.out(JSON.stringify(sources, null, 2));
      for (const s of sources) io.out(`${s.id}  ${s.stance.padEnd(11)}  ${s.title || s.url || s.excerpt.slice(0, 60)}`);
    });

  program
    .command('note')
    .description('add a note (comment) to a claim')
    .argument('<file>', 'workspace file')
    .argument('<claimId>', 'claim id')
    .argument('<text>', 'the note')
    .action(async (file: string, claimId: string, text: string) => {
      const note = await withWorkspace(file, program.opts(), (_ctx, run) => run('notes.add', { claimId, text }));
      io.out(note.id);
    });

  program
    .command('search')
    .description('full-text search over claims, documents, sources and notes')
    .argument('<file>', 'workspace file')
    .argument(
      '<query>',
      'words to find, all of them (case and accents ignored); each word also finds its other forms and longer words it begins ("drones" finds "drone", "vacc" finds "vaccine"); "a quoted phrase" finds those words together, in that order',
    )
    .option('--limit <n>', 'at most this many hits, from 1 to 500', '50')
    .option('--json', 'print a JSON array of hits')
    .action(async (file: string, query: string, o: { limit: string; json?: boolean }) => {
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw userError('--limit must be a whole number from 1 to 500');
      const { hits } = await withWorkspace(file, program.opts(), (_ctx, run) => run('search', { query, limit }));
      if (o.json) {
        const rows = hits.map((h) => ({
          claimId: h.claimId,
          kind: h.kind,
          entityId: h.entityId,
          documentId: h.documentId,
          field: h.field,
          text: h.snippet.text,
          ranges: h.snippet.ranges,
          matches: h.snippet.ranges.map(([s, e]) => h.snippet.text.slice(s, e)),
          claimText: h.claimText,
        }));
        return io.out(JSON.stringify(rows, null, 2));
      }
      if (hits.length === 0) return io.out('No matches.');
      for (const h of hits) io.out(`${h.kind.padEnd(8)}  ${h.claimId ?? h.documentId ?? ''}  ${bracketed(h)}`);
    });
}
