/** Plain-text formatting shared by the renderers (dates, counts, the scope sentence). */
import { VERDICT_LABELS } from '../../../shared/domain';
import type { ReportModel } from './schema';

const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/** "4 March 2026, 09:12 UTC"; times are shown in UTC so every reader sees the same text. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${DATE_TIME.format(d)} UTC`;
}

/** A published date as given: ISO dates are spelled out, anything else is shown verbatim. */
export function formatDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return value;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : DATE.format(d);
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? word : many}`;
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`;
}

/** One sentence that says which claims the report covers. */
export function describeScope(model: ReportModel): string {
  const parts: string[] = [];
  const docs = model.scope.documentIds;
  parts.push(docs ? `${plural(docs.length, 'chosen document')}` : 'all documents');
  if (model.scope.verdicts) parts.push(`verdict ${model.scope.verdicts.map((v) => VERDICT_LABELS[v]).join(' or ')}`);
  if (model.scope.query) parts.push(`matching “${model.scope.query}”`);
  return `Covers ${parts.join(', ')}.`;
}

/** The first `max` characters of one-line text, cut at a word and marked with an ellipsis. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
