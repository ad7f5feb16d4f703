/**
 * ReportModel -> CSV, one row per claim: RFC 4180 (quoted fields, CRLF), UTF-8 with a BOM so
 * spreadsheets pick the right encoding, every text cell neutralised against formula injection.
 */
import { NOT_REVIEWED } from '../../../shared/domain';
import { STANCE_LABELS } from '../../../shared/evidence';
import { csvField, neutraliseFormula } from './escape';
import { factCheckSentence, sourceMeta } from './format';
import { claimUrl } from './render-claimreview';
import type { ReportClaim, ReportDocument, ReportModel } from './schema';
import { collect, type PartStream, type RenderProgress } from './stream';
import { revealInvisibleChars } from '../../../shared/text/invisible';
import { quotedPassage } from '../../../shared/text/quoted-passage';

export const CSV_COLUMNS = [
  'number',
  'claim_id',
  'document_id',
  'document_title',
  'document_origin',
  'claim',
  'claimant',
  'verdict',
  'rating',
  'rationale',
  'context',
  'sources',
  'notes',
  'tags',
  'assignee',
  'decided_by',
  'decided_at',
  'kept_by',
  'kept_at',
  'conflicted',
  'conflicting_decisions',
  'url',
  'published_fact_check',
  'needs_attention',
  'overruled_decisions',
] as const;

/** Added after CSV_COLUMNS in a session report only, so every other CSV keeps its shape. */
export const CSV_SESSION_COLUMNS = ['queue_state', 'speaker', 'captured_at'] as const;

const BOM = '\uFEFF';
export const TAG_SEPARATOR = '; ';
const EOL = '\r\n';

function row(cells: (string | number | boolean | null)[]): string {
  return cells.map(csvField).join(',') + EOL;
}

/** One cell for all tags; each is neutralised on its own, so none reads as a formula once a filter splits the cell. */
function tagsCell(tags: string[]): string {
  return tags.map((t) => neutraliseFormula(revealInvisibleChars(t))).join(TAG_SEPARATOR);
}

function claimRow(model: ReportModel, d: ReportDocument, c: ReportClaim): string {
  const sources = c.sources
    .map((s) => {
      const meta = sourceMeta(s);
      return [
        `${STANCE_LABELS[s.stance]}: ${s.title}${meta.length ? ` — ${meta.join(', ')}` : ''}${s.url ? ` <${s.url}>` : ''}`,
        s.excerpt ? `  ${quotedPassage(s.excerpt)}` : null,
        s.archiveUrl ? `  archived copy <${s.archiveUrl}>` : null,
        s.attachmentSha256 ? `  [sha256 ${s.attachmentSha256}]` : null,
      ]
        .filter((line): line is string => line !== null)
        .join('\n');
    })
    .join('\n');
  const notes = c.notes.map((n) => `${n.author} (${n.at}): ${n.text}`).join('\n');
  const context = c.context ? `${c.context.before}[${c.context.quote}]${c.context.after}` : null;
  const sessionCells = model.session
    ? [c.session?.stateLabel ?? null, c.session?.speaker ?? null, c.session?.capturedAt ?? null]
    : [];
  return row([
    c.number,
    c.id,
    c.documentId,
    d.id ? d.title : null,
    d.origin,
    c.text,
    c.claimant,
    // Spelled out, so a spreadsheet filter tells "nobody looked" from an empty cell.
    c.verdict ?? NOT_REVIEWED,
    c.rating,
    c.rationale,
    context,
    sources,
    notes,
    tagsCell(c.tags),
    c.assignee,
    c.decidedBy,
    c.decidedAt,
    c.keptBy ?? null,
    c.keptAt ?? null,
    c.conflicted,
    (c.conflictingDecisions ?? [])
      .map(
        (d) =>
          `${d.author} (${d.at}${d.shown ? ', shown' : ''}): ${d.verdictLabel}${d.rationale.trim() ? ` — ${d.rationale}` : ''}`,
      )
      .join('\n'),
    claimUrl(model.baseUrl, c.anchor),
    c.factCheck ? `${factCheckSentence(c.factCheck)} <${c.factCheck.url}>` : null,
    (c.warnings ?? []).map((w) => w.message).join('\n'),
    (c.overruledDecisions ?? [])
      .map(
        (d) =>
          `${d.author} (${d.at}): ${d.verdictLabel}${d.rationale.trim() ? ` — ${d.rationale}` : ''}; settled by ${d.settledBy} (${d.settledAt})`,
      )
      .join('\n'),
    ...sessionCells,
  ]);
}

export function* csvParts(model: ReportModel, progress: RenderProgress = { claimsDone: 0 }): PartStream {
  yield BOM + row(model.session ? [...CSV_COLUMNS, ...CSV_SESSION_COLUMNS] : [...CSV_COLUMNS]);
  for (const d of model.documents) {
    for (const c of d.claims) {
      yield claimRow(model, d, c);
      progress.claimsDone++;
    }
  }
}

export function renderCsv(model: ReportModel): string {
  return collect(csvParts(model));
}
