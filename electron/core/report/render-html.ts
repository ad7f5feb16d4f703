/**
 * ReportModel -> one self-contained HTML file: inline CSS, inline SVG, its own CSP, no scripts and
 * no external references. Every user string goes through escapeHtml/htmlLink.
 */
import {
  NOT_REVIEWED,
  VERDICT_FILTERS,
  verdictFilterLabel,
  verdictLabel,
  type Verdict,
  type VerdictFilter,
} from '../../../shared/domain';
import { STANCE_LABELS } from '../../../shared/evidence';
import { escapeHtml as e, htmlLink, safeHttpUrl } from './escape';
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
  plural,
  shares,
  settledPhrase,
  shorten,
  sourceMeta,
  verdictSetLine,
} from './format';
import { REPORT_CSP, REPORT_CSS, VERDICT_COLOURS, icon } from './html-style';
import { claimSessionHtml, sessionSummaryHtml } from './render-session';
import type { ReportClaim, ReportDocument, ReportModel } from './schema';
import { collect, type PartStream, type RenderProgress } from './stream';
import { passageToQuote } from '../../../shared/text/quoted-passage';

export interface HtmlOptions {
  /** Render only the first N claims (the live preview); the rest is summarised in one line. */
  claimLimit?: number;
}

/** A verdict or, for a claim nobody has decided, the Not reviewed state. */
export function verdictBadge(verdict: Verdict | null): string {
  const key: VerdictFilter = verdict ?? NOT_REVIEWED;
  return `<span class="badge badge-${key}">${icon(key)}${e(verdictLabel(verdict))}</span>`;
}

/**
 * Horizontal bar chart of the verdict counts, each bar the verdict's share of all claims; labels
 * and numbers are text, so colour is never the only cue. The figures are right-aligned inside the
 * drawing, so they never run past its edge.
 */
export function verdictChart(summary: ReportModel['summary']): string {
  const width = 400;
  const labelWidth = 96;
  const figuresWidth = 108;
  const barMax = width - labelWidth - figuresWidth;
  const row = 34;
  const order = VERDICT_FILTERS;
  const pcts = shares(
    order.map((v) => summary[v]),
    summary.total,
  );
  const rows = order
    .map((v, i) => {
      const y = i * row;
      const w = summary[v] === 0 ? 0 : Math.max(2, Math.round((summary[v] / Math.max(1, summary.total)) * barMax));
      return `<g transform="translate(0 ${y})"><text x="0" y="20" font-size="13" fill="#1b1f24">${e(verdictFilterLabel(v))}</text><rect x="${labelWidth}" y="6" width="${barMax}" height="20" rx="3" fill="#e8ebef"/><rect class="bar" x="${labelWidth}" y="6" width="${w}" height="20" rx="3" fill="${VERDICT_COLOURS[v].bar}"/><text class="figure" x="${width - 2}" y="20" text-anchor="end" font-size="13" font-weight="700" fill="#1b1f24">${summary[v].toLocaleString('en-GB')} · ${e(pcts[i]!)}</text></g>`;
    })
    .join('');
  const height = order.length * row;
  return `<svg class="chart" role="img" aria-label="${e(
    order.map((v, i) => `${verdictFilterLabel(v)}: ${summary[v]} (${pcts[i]})`).join(', '),
  )}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${rows}</svg>`;
}

function masthead(model: ReportModel): string {
  const byline = [model.author ? `By ${e(model.author)}` : '', `Generated ${e(formatDateTime(model.generatedAt))}`]
    .filter(Boolean)
    .join(' · ');
  return `<header class="masthead">${model.organisation ? `<div class="org">${e(model.organisation)}</div>` : ''}<h1>${e(
    model.title,
  )}</h1><div class="byline">${byline}</div><div class="meta">${e(describeScope(model))}</div></header>`;
}

function summarySection(model: ReportModel): string {
  const s = model.summary;
  const list = VERDICT_FILTERS.map((v) => `<dt>${verdictBadge(v === NOT_REVIEWED ? null : v)}</dt><dd>${s[v]}</dd>`).join('');
  return `<section class="summary" aria-label="Summary"><div><div class="total">${s.total.toLocaleString('en-GB')}<small>${e(
    `${s.total === 1 ? 'claim' : 'claims'} in ${plural(documentCount(model), 'document')}${withoutDocument(model)} · ${s.total - s.unreviewed} reviewed`,
  )}</small>${s.conflicts ? `<p class="needs-attention open-conflicts">${icon('conflict')}${e(openConflictsSentence(s.conflicts))}</p>` : ''}${s.needsAttention ? `<p class="needs-attention">${icon('conflict')}${e(`${plural(s.needsAttention, 'claim')} ${s.needsAttention === 1 ? 'needs' : 'need'} attention: a verdict without the evidence it calls for`)}</p>` : ''}</div><dl>${list}</dl></div><div>${verdictChart(s)}</div></section>`;
}

/** ", 3 without a document": said in the summary when the report has such a section. */
function withoutDocument(model: ReportModel): string {
  const loose = model.documents.find((d) => d.id === null)?.counts.total ?? 0;
  return loose ? `, ${loose.toLocaleString('en-GB')} without a document` : '';
}

function documentsToc(model: ReportModel): string {
  if (model.documents.length < 2) return '';
  const items = model.documents
    .map(
      (d, i) =>
        `<li><span class="num">${documentNumber(model, i) === null ? '' : `${documentNumber(model, i)}.`}</span><a href="#${e(docAnchor(d, i))}">${e(d.title)}</a><span class="meta">${e(
          plural(d.counts.total, 'claim'),
        )}</span></li>`,
    )
    .join('');
  return `<nav class="toc documents" aria-label="Documents"><h3>Documents</h3><ol>${items}</ol></nav>`;
}

function docAnchor(d: ReportDocument, index: number): string {
  return d.id ? `document-${d.id}` : `document-none-${index}`;
}

function claimToc(d: ReportDocument): string {
  if (d.claims.length === 0) return '';
  const items = d.claims
    .map(
      (c) =>
        `<li class="v-${c.verdict ?? NOT_REVIEWED}"><span class="num">${c.number}</span><a href="#${e(c.anchor)}">${e(shorten(c.text, 110))}</a>${icon(
          c.verdict ?? NOT_REVIEWED,
        )}<span class="vl">${e(c.verdictLabel)}</span></li>`,
    )
    .join('');
  return `<nav class="toc" aria-label="Claims in this document"><h3>Contents</h3><ol>${items}</ol></nav>`;
}

function documentHeader(d: ReportDocument, index: number, model: ReportModel): string {
  const meta = [
    d.publisher ? e(d.publisher) : '',
    d.publishedAt ? e(formatDate(d.publishedAt)) : '',
    d.origin ? htmlLink(d.url, d.origin) : '',
  ].filter(Boolean);
  const counts = VERDICT_FILTERS.filter((v) => d.counts[v] > 0)
    .map((v) => `${d.counts[v]} ${verdictFilterLabel(v).toLowerCase()}`)
    .join(' · ');
  const n = documentNumber(model, index);
  const kicker = n === null ? 'Not in a document' : `Document ${n} of ${documentCount(model)}`;
  return `<section class="document" id="${e(docAnchor(d, index))}"><header><div class="kicker">${kicker}</div><h2>${e(d.title)}</h2>${meta.length ? `<div class="meta">${meta.join(' · ')}</div>` : ''}<div class="meta">${e(
    plural(d.counts.total, 'claim'),
  )}${counts ? ` — ${e(counts)}` : ''}</div></header>${model.sections.contents ? claimToc(d) : ''}`;
}

function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${e(p)}</p>`)
    .join('');
}

/**
 * The sources may go on to the page after the claim's text in print: their heading names the claim,
 * shown in print only.
 */
function sourcesHeading(c: ReportClaim): string {
  return `<h4>Sources<span class="of-claim"> · Claim ${c.number}</span></h4>`;
}

function sourcesBlock(c: ReportClaim): string {
  if (c.sources.length === 0) return `${sourcesHeading(c)}<p class="empty">No sources recorded.</p>`;
  const items = c.sources
    .map((s) => {
      const meta = sourceMeta(s).map(e);
      return `<li><span class="stance stance-${s.stance}">${e(STANCE_LABELS[s.stance])}</span> ${htmlLink(s.url, s.title)}${
        meta.length ? ` <span class="meta">— ${meta.join(', ')}</span>` : ''
      }${s.excerpt ? `${excerptHtml(s.excerpt)}` : ''}${printedUrl('Link', s.url)}${printedUrl('Archived copy', s.archiveUrl)}${
        s.attachmentSha256 ? sourceFile(c, s.attachmentSha256) : ''
      }</li>`;
    })
    .join('');
  return `${sourcesHeading(c)}<ul class="sources">${items}</ul>`;
}

/** A source's file: by name when the claim's attached files list it with its digest below, so the digest is printed once. */
function sourceFile(c: ReportClaim, sha256: string): string {
  const listed = c.attachments.find((a) => a.sha256 === sha256);
  return listed
    ? `<span class="url"><span class="url-label">Attached file:</span> ${e(listed.fileName)}</span>`
    : `<span class="hash">Attached file SHA-256 ${e(sha256)}</span>`;
}

/** The full address as text, so it survives printing (a link annotation alone is lost on paper). */
function printedUrl(label: string, url: string | null | undefined): string {
  const safe = safeHttpUrl(url);
  return safe ? `<span class="url"><span class="url-label">${e(label)}:</span> ${htmlLink(safe, safe)}</span>` : '';
}

function factCheckBlock(c: ReportClaim): string {
  const f = c.factCheck;
  if (!f) return '';
  return `<h4>Published fact-check elsewhere</h4><p class="fact-check">${e(factCheckSentence(f))}: ${htmlLink(f.url, f.headline || f.claimReviewed)}</p>`;
}

function attachmentsBlock(c: ReportClaim): string {
  if (c.attachments.length === 0) return '';
  const items = c.attachments.map((a) => `<li>${e(a.fileName)} <span class="hash">SHA-256 ${e(a.sha256)}</span></li>`).join('');
  return `<h4>Attached files</h4><ul class="sources">${items}</ul>`;
}

function notesBlock(c: ReportClaim): string {
  if (c.notes.length === 0) return '';
  const items = c.notes
    .map(
      (n) =>
        `<li><span class="who">${e(n.author)} · ${e(formatDateTime(n.at))}</span><span class="text">${e(n.text)}</span></li>`,
    )
    .join('');
  return `<h4>Notes</h4><ul class="notes">${items}</ul>`;
}

/** Each person's whole decision while a team conflict is open, so no side is hidden behind the one shown. */
function conflictingDecisionsBlock(c: ReportClaim): string {
  if (!c.conflictingDecisions?.length) return '';
  const items = c.conflictingDecisions
    .map(
      (d) =>
        `<li>${verdictBadge(d.verdict)} <span class="who">${e(d.author)} · ${e(formatDateTime(d.at))}${
          d.shown ? ' · shown above until settled' : ''
        }</span><span class="text">${d.rationale.trim() ? e(d.rationale) : '<em>No rationale written.</em>'}</span></li>`,
    )
    .join('');
  return `<div class="conflict-sides"><h4>Conflicting decisions, not settled yet</h4><ul class="notes">${items}</ul></div>`;
}

/** Decisions a settled conflict set aside, one line each, after the line that names the verdict's author. */
function overruledBlock(c: ReportClaim): string {
  if (!c.overruledDecisions?.length) return '';
  const items = c.overruledDecisions
    .map((d) => {
      const settled = settledPhrase(d, c);
      return `<li>Overruled: ${e(overruledHeadline(d))}: ${d.rationale.trim() ? `<span class="text">${e(d.rationale)}</span>` : '<em>no rationale written</em>'}${settled ? ` <span class="settled">(${e(settled)})</span>` : ''}</li>`;
    })
    .join('');
  return `<ul class="overruled" aria-label="Overruled decisions">${items}</ul>`;
}

function tagsLine(c: ReportClaim): string {
  return c.tags.length ? `<p class="tags">Tags: ${c.tags.map((t) => `<span class="tag">${e(t)}</span>`).join(', ')}</p>` : '';
}

export function claimArticle(c: ReportClaim, sections: ReportModel['sections']): string {
  const conflict = c.conflicted ? `<span class="badge badge-conflict">${icon('conflict')}Conflicting decisions</span>` : '';
  const ctx =
    sections.context && c.context
      ? `<figure class="context"><figcaption class="kicker">In context</figcaption>${e(c.context.before)}<mark>${e(c.context.quote)}</mark>${e(
          c.context.after,
        )}</figure>`
      : '';
  // A claim nobody has worked on yet says so once, not under two empty headings.
  const nothingRecorded = !c.rationale.trim() && (!sections.sources || (c.sources.length === 0 && c.attachments.length === 0));
  const rationale = c.rationale.trim()
    ? `<div class="rationale"><h4>Rationale</h4>${paragraphs(c.rationale)}</div>`
    : nothingRecorded
      ? `<p class="empty">${sections.sources ? 'No rationale or sources recorded.' : 'No rationale written.'}</p>`
      : '<h4>Rationale</h4><p class="empty">No rationale written.</p>';
  const warnings = c.warnings?.length
    ? `<ul class="warnings" aria-label="Needs attention">${c.warnings.map((w) => `<li>${icon('conflict')}${e(w.message)}</li>`).join('')}</ul>`
    : '';
  const setLine = verdictSetLine(c);
  const decided = setLine
    ? e(setLine)
    : `Not reviewed yet · claim recorded by ${e(c.createdBy)} on ${e(formatDateTime(c.createdAt))}`;
  return `<article class="claim v-${c.verdict ?? NOT_REVIEWED}" id="${e(c.anchor)}"><div class="claim-head"><span class="num">Claim ${
    c.number
  }</span>${verdictBadge(c.verdict)}${conflict}<a class="anchor" href="#${e(c.anchor)}">#${e(c.anchor)}</a></div><blockquote class="claim-text">${e(
    c.text,
  )}</blockquote>${c.claimant ? `<p class="claimant">— ${e(c.claimant)}</p>` : ''}${tagsLine(c)}${claimSessionHtml(c)}${warnings}${ctx}${factCheckBlock(c)}${rationale}${conflictingDecisionsBlock(c)}${
    sections.sources && !nothingRecorded ? sourcesBlock(c) + attachmentsBlock(c) : ''
  }${sections.notes ? notesBlock(c) : ''}${sections.decisions ? `<div class="decision"><p>${decided}</p>${overruledBlock(c)}</div>` : ''}</article>`;
}

function appendix(model: ReportModel): string {
  const numbers = new Map(model.documents.flatMap((d) => d.claims.map((c) => [c.id, c.number] as const)));
  const rows = model.attachments
    .map(
      (a) =>
        `<tr><td class="file">${e(a.fileName)}</td><td>${e(attachmentType(a.fileName, a.mediaType))}</td><td class="size">${a.size.toLocaleString('en-GB')}&nbsp;B</td><td class="hash">${e(
          a.sha256,
        )}</td><td class="claims">${a.claimIds.map((id) => `<a href="#claim-${e(id)}">${numbers.get(id) ?? e(id)}</a>`).join(', ')}</td></tr>`,
    )
    .join('');
  const body = rows
    ? `<table class="appendix"><thead><tr><th>File</th><th>Type</th><th class="size">Size</th><th>SHA-256</th><th>Claims</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p class="empty">No files are attached to the claims in this report.</p>';
  return `<section class="appendix" id="evidence-appendix"><h2>Evidence appendix</h2><p class="meta">Files kept in the workspace, identified by their SHA-256 digest so anyone can check a copy is the same file.</p>${body}</section>`;
}

function colophon(model: ReportModel): string {
  return `<footer class="colophon"><div>Generated ${e(formatDateTime(model.generatedAt))} by ${e(model.generator)} from workspace “${e(
    model.workspace.name,
  )}” (${e(plural(model.workspace.changeCount, 'recorded change'))}).</div><div>Workspace fingerprint: <span class="fingerprint">${e(
    model.workspace.fingerprint,
  )}</span></div></footer>`;
}

export function* htmlParts(
  model: ReportModel,
  progress: RenderProgress = { claimsDone: 0 },
  options: HtmlOptions = {},
): PartStream {
  yield `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${e(
    REPORT_CSP,
  )}"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="generator" content="${e(
    model.generator,
  )}"><meta name="claimbench-fingerprint" content="${e(model.workspace.fingerprint)}"><title>${e(model.title)}</title><style>${REPORT_CSS}</style></head><body>`;
  yield masthead(model);
  if (model.session) yield sessionSummaryHtml(model);
  if (model.sections.summary) {
    yield summarySection(model);
    yield `<p class="fingerprint">Workspace fingerprint ${e(model.workspace.fingerprint)}</p>`;
  }
  if (model.sections.contents) yield documentsToc(model);
  const limit = options.claimLimit ?? Infinity;
  let shown = 0;
  for (const [i, d] of model.documents.entries()) {
    if (shown >= limit) break;
    yield documentHeader(d, i, model);
    if (d.claims.length === 0) yield '<p class="empty">No claims in this document match the report’s scope.</p>';
    for (const c of d.claims) {
      if (shown >= limit) break;
      yield claimArticle(c, model.sections);
      shown++;
      progress.claimsDone++;
    }
    yield '</section>';
  }
  if (shown < model.summary.total) {
    yield `<p class="truncated">Preview shows the first ${shown} of ${model.summary.total} claims; the exported report contains them all.</p>`;
  }
  if (model.sections.appendix) yield appendix(model);
  yield `${colophon(model)}</body></html>`;
}

export function renderHtml(model: ReportModel, options: HtmlOptions = {}): string {
  return collect(htmlParts(model, undefined, options));
}

/** A source's passage: in the report's quotation marks (<q>), or as written when it holds quotations of its own. */
function excerptHtml(excerpt: string): string {
  const { text, quoted } = passageToQuote(excerpt);
  return quoted ? `<q class="excerpt">${e(text)}</q>` : `<span class="excerpt">${e(text)}</span>`;
}
