import type { HistoryEntry, Verdict } from '../../shared/domain';
import { NOT_REVIEWED_LABEL, VERDICT_LABELS, VERDICTS } from '../../shared/domain';

const CREATE_FIELD = '$create';

function verdictLabel(value: unknown): string {
  if (value === null || value === undefined) return NOT_REVIEWED_LABEL;
  return VERDICTS.includes(value as Verdict) ? VERDICT_LABELS[value as Verdict] : String(value);
}

function quote(value: unknown, max = 80): string {
  const text = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : JSON.stringify(value);
  return `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`;
}

const isBlank = (v: unknown) => v === null || v === undefined || v === '';

export interface ChangeDescription {
  /** "Ann marked Sourced" */
  summary: string;
  /** Optional second line: what the value was and became. */
  detail: string | null;
}

/** One history entry as a sentence a checker reads at a glance. */
export function describeChange(entry: HistoryEntry): ChangeDescription {
  const who = entry.author || 'Someone';
  const undo = entry.action?.startsWith('Undo ') ? ' (undo)' : '';
  const { from, to } = entry;
  const say = (summary: string, detail: string | null = null): ChangeDescription => ({ summary: `${summary}${undo}`, detail });

  const session = describeSessionChange(entry, who);
  if (session) return say(session);
  switch (entry.field) {
    case CREATE_FIELD:
      return say(entry.action?.startsWith('Add document') ? `${who} found it in a new document` : `${who} added the claim`);
    case 'verdict':
      return say(`${who} marked ${verdictLabel(to)}`, isBlank(from) ? null : `was ${verdictLabel(from)}`);
    case 'text':
      return say(`${who} edited the text`, isBlank(from) ? null : `was ${quote(from)}`);
    case 'claimant':
      return isBlank(to) ? say(`${who} cleared the claimant`) : say(`${who} set the claimant to ${quote(to, 40)}`);
    case 'rationale':
      if (isBlank(to)) return say(`${who} cleared the rationale`);
      return say(isBlank(from) ? `${who} wrote a rationale` : `${who} edited the rationale`, quote(to, 120));
    case 'deleted':
      return say(to === true ? `${who} deleted the claim` : `${who} restored the claim`);
    default:
      return say(`${who} changed ${entry.field.replace(/([A-Z])/g, ' $1').toLowerCase()}`);
  }
}

/** Checking sessions and live capture (renderer/sessions): their entries in words. */
function describeSessionChange(entry: HistoryEntry, who: string): string | null {
  const action = entry.action ?? '';
  if (entry.entity === 'claim' && entry.field === CREATE_FIELD && action.startsWith('Capture in ')) {
    return `${who} captured it live (${action.slice('Capture in '.length)})`;
  }
  if (entry.entity === 'claim' && entry.field === CREATE_FIELD && action === 'Capture a claim by hand') {
    return `${who} captured it by hand during a live capture`;
  }
  if (entry.entity === 'transcriptChunk') return `${who} added to the transcript (${action || 'live capture'})`;
  if (entry.entity !== 'checkSession') return null;
  if (action) return `${who}: ${action}`;
  if (entry.field === 'status') return `${who} set the session to ${String(entry.to)}`;
  return `${who} changed the session`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "just now", "2 min ago", "3 hr ago", "yesterday". */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (!Number.isFinite(seconds)) return '';
  if (Math.abs(seconds) < 45) return 'just now';
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(Math.round(seconds / 60), 'minute');
}
