/**
 * The session parts of a session report (scope.sessionId), for HTML and Markdown: the "Session
 * summary" block near the top and each claim's queue line. User text goes through the same
 * escapers as the rest of the report.
 */
import { VERDICTS, VERDICT_LABELS } from '../../../shared/domain';
import type { SessionStatus } from '../../../shared/sessions';
import { escapeHtml as e, escapeMarkdown as md } from './escape';
import { formatDateTime, formatDuration, formatMoment, plural, shorten } from './format';
import type { ReportClaim, ReportModel, ReportSession } from './schema';

/** Open items written out in the block; every claim is in the report anyway, with its state. */
export const OPEN_ITEMS_SHOWN = 25;

const STATUS_LABELS: Record<SessionStatus, string> = { active: 'In progress', paused: 'Paused', ended: 'Ended' };

function timePerClaim(s: ReportSession): string {
  if (s.meanMsPerClaim === null || s.medianMsPerClaim === null) return '—';
  return `${formatDuration(s.meanMsPerClaim)} mean · ${formatDuration(s.medianMsPerClaim)} median`;
}

function verdictsGiven(s: ReportSession): string {
  return VERDICTS.map((v) => `${s.verdicts[v]} ${VERDICT_LABELS[v].toLowerCase()}`).join(' · ');
}

function openSummary(s: ReportSession): string {
  return `${s.later} needs more time · ${s.skipped} skipped · ${s.pending} to check`;
}

/** The facts of a session as label/value pairs of plain text, in reading order. */
function sessionFacts(s: ReportSession): [string, string][] {
  const facts: [string, string][] = [
    ['Checker', s.owner],
    ['Started', formatDateTime(s.startedAt)],
    ['Ended', s.endedAt ? formatDateTime(s.endedAt) : STATUS_LABELS[s.status]],
    ['Active time', formatDuration(s.durationMs)],
  ];
  if (s.speakers.length) facts.push(['Speakers', s.speakers.join(', ')]);
  return facts;
}

function reportClaimIds(model: ReportModel): Set<string> {
  return new Set(model.documents.flatMap((d) => d.claims.map((c) => c.id)));
}

function moreOpen(s: ReportSession, shown: number): number {
  return s.later + s.skipped + s.pending - shown;
}

export function sessionSummaryHtml(model: ReportModel): string {
  const s = model.session;
  if (!s) return '';
  const facts = sessionFacts(s)
    .map(([label, value]) => `<div${label === 'Speakers' ? ' class="wide"' : ''}><dt>${e(label)}</dt><dd>${e(value)}</dd></div>`)
    .join('');
  const figure = (value: string, label: string, detail = '') =>
    `<div class="figure"><span class="value">${e(value)}</span><span class="label">${e(label)}</span>${
      detail ? `<span class="detail">${e(detail)}</span>` : ''
    }</div>`;
  const figures = [
    s.captureDocumentId ? figure(s.captured.toLocaleString('en-GB'), 'captured live', plural(s.speakers.length, 'speaker')) : '',
    figure(`${s.reviewed.toLocaleString('en-GB')} of ${s.queued.toLocaleString('en-GB')}`, 'reviewed', verdictsGiven(s)),
    figure(
      s.meanMsPerClaim === null ? '—' : formatDuration(s.meanMsPerClaim),
      'per claim (mean)',
      s.medianMsPerClaim === null ? 'no claim reviewed yet' : `${formatDuration(s.medianMsPerClaim)} median`,
    ),
    figure((s.later + s.skipped + s.pending).toLocaleString('en-GB'), 'open', openSummary(s)),
  ].join('');
  const inReport = reportClaimIds(model);
  const shown = s.openItems.slice(0, OPEN_ITEMS_SHOWN);
  const items = shown
    .map((o) => {
      const text = e(shorten(o.text, 160));
      return `<li><span class="queue-state state-${o.state}">${e(o.stateLabel)}</span><span class="open-text">${
        inReport.has(o.claimId) ? `<a href="#claim-${e(o.claimId)}">${text}</a>` : text
      }</span>${o.speaker ? `<span class="meta">${e(o.speaker)}</span>` : ''}</li>`;
    })
    .join('');
  const more = moreOpen(s, shown.length);
  const open = shown.length
    ? `<h3>Open items</h3><ol class="open-items">${items}</ol>${
        more > 0 ? `<p class="meta">…and ${e(plural(more, 'more open item'))}; every claim below shows its state.</p>` : ''
      }`
    : '<p class="meta">No open items: every claim in the queue was reviewed.</p>';
  return `<section class="session" id="session-summary" aria-labelledby="session-summary-title"><div class="kicker">Checking session · ${e(
    STATUS_LABELS[s.status],
  )}</div><h2 id="session-summary-title">Session summary</h2><p class="session-name">${e(
    s.name || 'Untitled session',
  )}</p><dl class="session-facts">${facts}</dl><div class="session-figures">${figures}</div>${open}</section>`;
}

/** The claim's place in the session: state, speaker, capture time, time spent. */
export function claimSessionHtml(c: ReportClaim): string {
  const q = c.session;
  if (!q) return '';
  const parts = [
    // Live-captured claims usually name their speaker as claimant already; say it once.
    q.speaker && q.speaker !== c.claimant ? `Said by ${e(q.speaker)}` : '',
    q.capturedAt ? `captured ${e(formatMoment(q.capturedAt))}` : '',
    q.timeMs > 0 ? `${e(formatDuration(q.timeMs))} spent` : '',
  ].filter(Boolean);
  return `<p class="claim-session"><span class="queue-state state-${q.state}">${e(q.stateLabel)}</span>${
    parts.length ? `<span class="meta">${parts.join(' · ')}</span>` : ''
  }</p>`;
}

/** One line of escaped Markdown text. */
const inline = (text: string): string => md(text.replace(/\s+/g, ' '));

export function sessionSummaryMarkdown(model: ReportModel): string {
  const s = model.session;
  if (!s) return '';
  const rows: [string, string][] = [
    ['Session', s.name || 'Untitled session'],
    ['Status', STATUS_LABELS[s.status]],
    ...sessionFacts(s),
  ];
  if (s.captureDocumentId) rows.push(['Captured live', String(s.captured)]);
  rows.push(
    ['Reviewed', `${s.reviewed} of ${s.queued}`],
    ['Verdicts given', verdictsGiven(s)],
    ['Time per claim', timePerClaim(s)],
    ['Open', `${s.later + s.skipped + s.pending} (${openSummary(s)})`],
  );
  const out = ['## Session summary', '', ...rows.map(([k, v]) => `- **${k}:** ${inline(v)}`), ''];
  const shown = s.openItems.slice(0, OPEN_ITEMS_SHOWN);
  if (shown.length) {
    out.push('**Open items:**', '');
    for (const o of shown) {
      out.push(`- *${o.stateLabel}* — ${inline(shorten(o.text, 160))}${o.speaker ? ` (${inline(o.speaker)})` : ''}`);
    }
    const more = moreOpen(s, shown.length);
    if (more > 0) out.push('', `…and ${plural(more, 'more open item')}; every claim below shows its state.`);
    out.push('');
  } else out.push('No open items: every claim in the queue was reviewed.', '');
  return out.join('\n');
}

export function claimSessionMarkdown(c: ReportClaim): string {
  const q = c.session;
  if (!q) return '';
  const parts = [
    `*Session:* ${q.stateLabel}`,
    q.speaker && q.speaker !== c.claimant ? `said by ${inline(q.speaker)}` : '',
    q.capturedAt ? `captured ${formatMoment(q.capturedAt)}` : '',
    q.timeMs > 0 ? `${formatDuration(q.timeMs)} spent` : '',
  ].filter(Boolean);
  return parts.join(' · ');
}
