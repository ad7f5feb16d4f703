/**
 * ReportModel -> CommonMark. User text is escaped with escapeMarkdown (no raw HTML, no Markdown
 * constructs survive); links are made for http(s) URLs only.
 */
import { NOT_REVIEWED, VERDICT_FILTERS, verdictLabel, type Verdict, type VerdictFilter } from '../../../shared/domain';
import { STANCE_LABELS } from '../../../shared/evidence';
import { escapeMarkdown as md, markdownAutolink, markdownLink } from './escape';
import {
  attachmentType,
  describeScope,
  documentCount,
  documentNumber,
  factCheckSentence,
  formatDate,
  formatDateTime,
  openConflictsSentence,
  overruledHeadline,
  settledPhrase,
  shares,
  plural,
  shorten,
  sourceMeta,
  verdictSetLine,
} from './format';
import { claimSessionMarkdown, sessionSummaryMarkdown } from './render-session';
import type { ReportClaim, ReportModel } from './schema';
import { collect, type PartStream, type RenderProgress } from './stream';
import { quotedPassage } from '../../../shared/text/quoted-passage';

const VERDICT_MARK: Record<VerdictFilter, string> = { sourced: '✓', disputed: '✗', unverified: '?', unreviewed: '–' };

const mark = (v: Verdict | null): string => VERDICT_MARK[v ?? NOT_REVIEWED];

export function verdictTag(v: Verdict | null): string {
  return `**${mark(v)} ${verdictLabel(v)}**`;
}

/** One line of escaped text, for table cells and list items. */
const inline = (text: string): string => md(text.replace(/\s+/g, ' '));

function blockquote(text: string): string {
  return md(text)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

function claimBlock(c: ReportClaim, sections: ReportModel['sections']): string {
  const out: string[] = [
    `### Claim ${c.number} · ${verdictTag(c.verdict)}${c.conflicted ? ' · ⚠ Conflicting decisions' : ''}`,
    '',
    blockquote(c.text),
  ];
  if (c.claimant) out.push('', `— ${inline(c.claimant)}`);
  if (c.tags.length) out.push('', `*Tags:* ${c.tags.map(inline).join(', ')}`);
  if (c.session) out.push('', claimSessionMarkdown(c));
  for (const w of c.warnings ?? []) out.push('', `⚠ **Needs attention:** ${inline(w.message)}`);
  if (sections.context && c.context) {
    out.push('', `*In context:* ${inline(c.context.before)} **${inline(c.context.quote)}** ${inline(c.context.after)}`);
  }
  if (c.factCheck) {
    const f = c.factCheck;
    out.push(
      '',
      `**Published fact-check elsewhere:** ${inline(factCheckSentence(f))}: ${markdownLink(f.url, (f.headline || f.claimReviewed).replace(/\s+/g, ' '))}`,
    );
  }
  out.push('', c.rationale.trim() ? `**Rationale:** ${md(c.rationale)}` : '**Rationale:** *none written*');
  if (c.conflictingDecisions?.length) {
    out.push('', '**Conflicting decisions, not settled yet:**', '');
    for (const d of c.conflictingDecisions) {
      const shown = d.shown ? ' (shown above until settled)' : '';
      const why = d.rationale.trim() ? inline(d.rationale) : '*no rationale written*';
      out.push(`- ${verdictTag(d.verdict)} — ${inline(d.author)}, ${formatDateTime(d.at)}${shown}: ${why}`);
    }
  }
  if (sections.sources) {
    if (c.sources.length === 0) out.push('', '**Sources:** *none recorded*');
    else {
      out.push('', '**Sources:**', '');
      for (const s of c.sources) {
        const meta = sourceMeta(s);
        let line = `- ${STANCE_LABELS[s.stance]}: ${markdownLink(s.url, s.title.replace(/\s+/g, ' '))}`;
        if (meta.length) line += ` — ${inline(meta.join(', '))}`;
        if (s.excerpt) line += `  \n  ${inline(quotedPassage(s.excerpt))}`;
        const link = markdownAutolink(s.url);
        if (link) line += `  \n  Link: ${link}`;
        const archived = markdownAutolink(s.archiveUrl);
        if (archived) line += `  \n  Archived copy: ${archived}`;
        const file = s.attachmentSha256 ? c.attachments.find((a) => a.sha256 === s.attachmentSha256) : undefined;
        if (file) line += `  \n  Attached file: ${inline(file.fileName)}`;
        else if (s.attachmentSha256) line += `  \n  Attached file SHA-256 \`${s.attachmentSha256}\``;
        out.push(line);
      }
    }
  }
  if (sections.sources && c.attachments.length > 0) {
    out.push('', '**Attached files:**', '');
    for (const a of c.attachments) out.push(`- ${inline(a.fileName)} — SHA-256 \`${a.sha256}\``);
  }
  if (sections.notes && c.notes.length > 0) {
    out.push('', '**Notes:**', '');
    for (const n of c.notes) out.push(`- ${inline(n.author)}, ${formatDateTime(n.at)}: ${inline(n.text)}`);
  }
  if (sections.decisions) {
    out.push(
      '',
      verdictSetLine(c)
        ? `*${inline(verdictSetLine(c)!)}.*`
        : `*Not reviewed yet; recorded by ${inline(c.createdBy)} on ${formatDateTime(c.createdAt)}.*`,
    );
    if (c.overruledDecisions?.length) out.push('');
    for (const d of c.overruledDecisions ?? []) {
      const why = d.rationale.trim() ? inline(d.rationale) : '*no rationale written*';
      const settled = settledPhrase(d, c);
      out.push(`- Overruled: ${inline(overruledHeadline(d))}: ${why}${settled ? ` (${inline(settled)})` : ''}`);
    }
  }
  return `${out.join('\n')}\n\n`;
}

export function* markdownParts(model: ReportModel, progress: RenderProgress = { claimsDone: 0 }): PartStream {
  const head = [`# ${inline(model.title)}`, ''];
  const byline = [model.organisation ? `**${inline(model.organisation)}**` : '', model.author ? `By ${inline(model.author)}` : '']
    .filter(Boolean)
    .concat(`Generated ${formatDateTime(model.generatedAt)}`);
  head.push(byline.join(' · '), '', `*${md(describeScope(model))}*`, '');
  if (model.session) head.push(sessionSummaryMarkdown(model));
  if (model.sections.summary) {
    head.push('## Summary', '', '| Verdict | Claims | Share |', '|:--|--:|--:|');
    const pcts = shares(
      VERDICT_FILTERS.map((v) => model.summary[v]),
      model.summary.total,
    );
    for (const [i, v] of VERDICT_FILTERS.entries())
      head.push(`| ${verdictTag(v === NOT_REVIEWED ? null : v)} | ${model.summary[v]} | ${pcts[i]} |`);
    head.push(`| **Total** | **${model.summary.total}** | ${plural(documentCount(model), 'document')} |`, '');
    const conflicts = model.summary.conflicts ?? 0;
    if (conflicts) head.push(`⚠ ${openConflictsSentence(conflicts)}.`, '');
    const attention = model.summary.needsAttention ?? 0;
    if (attention)
      head.push(
        `⚠ ${plural(attention, 'claim')} ${attention === 1 ? 'needs' : 'need'} attention: a verdict without the evidence it calls for.`,
        '',
      );
    head.push(`Workspace fingerprint: \`${model.workspace.fingerprint}\``, '');
  }
  yield `${head.join('\n')}\n`;
  for (const [i, d] of model.documents.entries()) {
    const n = documentNumber(model, i);
    const lines = [n === null ? `## ${inline(d.title)}` : `## Document ${n}: ${inline(d.title)}`, ''];
    const meta = [
      d.publisher ? inline(d.publisher) : '',
      d.publishedAt ? inline(formatDate(d.publishedAt)) : '',
      d.origin ? markdownLink(d.url, d.origin) : '',
    ];
    if (meta.some(Boolean)) lines.push(meta.filter(Boolean).join(' · '), '');
    lines.push(plural(d.counts.total, 'claim'), '');
    if (model.sections.contents && d.claims.length > 0) {
      for (const c of d.claims)
        lines.push(`${c.number}. ${mark(c.verdict)} ${verdictLabel(c.verdict)} — ${inline(shorten(c.text, 110))}`);
      lines.push('');
    }
    yield `${lines.join('\n')}\n`;
    for (const c of d.claims) {
      yield claimBlock(c, model.sections);
      progress.claimsDone++;
    }
  }
  if (model.sections.appendix) {
    const rows = ['## Evidence appendix', ''];
    if (model.attachments.length === 0) rows.push('*No files are attached to the claims in this report.*', '');
    else {
      rows.push('| File | Type | Size (bytes) | SHA-256 | Claims |', '|:--|:--|--:|:--|:--|');
      const numbers = new Map(model.documents.flatMap((d) => d.claims.map((c) => [c.id, c.number] as const)));
      for (const a of model.attachments) {
        rows.push(
          `| ${inline(a.fileName)} | ${inline(attachmentType(a.fileName, a.mediaType))} | ${a.size} | \`${a.sha256}\` | ${a.claimIds.map((id) => numbers.get(id)).join(', ')} |`,
        );
      }
      rows.push('');
    }
    yield `${rows.join('\n')}\n`;
  }
  yield `---\n\nGenerated ${formatDateTime(model.generatedAt)} by ${inline(model.generator)} from workspace “${inline(model.workspace.name)}” · fingerprint \`${model.workspace.fingerprint}\`\n`;
}

export function renderMarkdown(model: ReportModel): string {
  return collect(markdownParts(model));
}
