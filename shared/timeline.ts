/**
 * A claim's timeline in words: each change to the claim and to its sources, attachments and notes
 * as a sentence a checker reads at a glance. Shared by the app's history list and `claimbench history`.
 */
import { shorten } from './text/shorten';
import type { ChangeOrigin, HistoryEntry, Verdict } from './domain';
import { NOT_REVIEWED_LABEL, VERDICT_LABELS, VERDICTS } from './domain';
import { CREATE_FIELD, fieldDecl, fieldLabel } from './entities/registry';
import { memberChanges } from './entities/set-members';
import { DEFAULT_REPORT_OPTIONS } from './report';
import { REPORT_OPTIONS_SETTING, THRESHOLD_SETTING } from './setting-keys';

export interface ChangeDescription {
  /** "Ann marked Sourced" */
  summary: string;
  /** Optional second line: what the value was and became. */
  detail: string | null;
}

export function verdictLabel(value: unknown): string {
  if (value === null || value === undefined) return NOT_REVIEWED_LABEL;
  return VERDICTS.includes(value as Verdict) ? VERDICT_LABELS[value as Verdict] : String(value);
}

function quote(value: unknown, max = 80): string {
  const text = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : JSON.stringify(value);
  return `“${shorten(text, max)}”`;
}

const isBlank = (v: unknown) => v === null || v === undefined || v === '';

function listed(items: string[]): string {
  return items.map((t) => quote(t, 40)).join(', ');
}

/** One history entry as a sentence. */
export function describeChange(entry: HistoryEntry): ChangeDescription {
  const who = entry.author || 'Someone';
  const undo = entry.action?.startsWith('Undo ') ? ' (undo)' : '';
  const say = (summary: string, detail: string | null = null): ChangeDescription => ({ summary: `${summary}${undo}`, detail });

  const session = describeSessionChange(entry, who);
  if (session) return say(session);
  switch (entry.entity) {
    case 'source':
      return say(...describeSource(entry, who));
    case 'attachment':
      return say(...describeAttachment(entry, who));
    case 'note':
      return say(...describeNote(entry, who));
    case 'document':
      return say(...describeDocument(entry, who));
    case 'setting':
      return say(...describeSetting(entry, who));
    case 'checkSession':
      return say(...describeCheckSession(entry, who));
    case 'transcriptChunk':
      return say(...describeTranscriptPassage(entry, who));
    default:
      return say(...(describeReopened(entry, who) ?? describeKeptSide(entry, who) ?? describeClaimField(entry, who)));
  }
}

/** An undo that reopened a settled conflict brought a person's side back: it is theirs again, not the undoer's decision. */
function describeReopened(entry: HistoryEntry, who: string): [string, string | null] | null {
  const side = entry.reopens?.author;
  if (!side) return null;
  if (entry.field === 'verdict')
    return [`${who} reopened the conflict: ${side}’s verdict, ${verdictLabel(entry.to)}, stands again`, null];
  if (entry.field === 'rationale')
    return [`${who} reopened the conflict: ${side}’s rationale stands again`, isBlank(entry.to) ? null : quote(entry.to, 120)];
  return [`${who} reopened the conflict: ${side}’s ${fieldLabel(entry.entity, entry.field)} stands again`, null];
}

/** The action label conflicts.resolve records: a new decision written over every side. */
export const RESOLVE_CONFLICT = 'Resolve conflict';

/** The action label keepSide records ("Keep Ben’s side"), as the name of the person whose side was kept. */
const KEPT_SIDE = /^Keep (.+)’s side$/u;

/**
 * Keeping a teammate's side writes their verdict and rationale under the keeper's name: say it was a settlement and
 * whose decision it kept, never that the keeper wrote the rationale.
 */
function describeKeptSide(entry: HistoryEntry, who: string): [string, string | null] | null {
  const side = KEPT_SIDE.exec(entry.action ?? '')?.[1];
  if (!side) return null;
  const changed = JSON.stringify(entry.from) !== JSON.stringify(entry.to);
  if (entry.field === 'verdict')
    return [
      `${who} settled the conflict: kept ${side}’s verdict, ${verdictLabel(entry.to)}`,
      changed && entry.from !== null && entry.from !== undefined ? `was ${verdictLabel(entry.from)}` : null,
    ];
  if (entry.field === 'rationale')
    return [`${who} settled the conflict: kept ${side}’s rationale`, isBlank(entry.to) ? null : quote(entry.to, 120)];
  return null;
}

/** The action labels claims.split and claims.mergeNext record. */
export const SPLIT_CLAIM = 'Split claim';
export const MERGE_CLAIMS = 'Merge claims';

/** A split or a merge in the words a checker uses; null for any other change. */
function describeSpanEdit(entry: HistoryEntry, who: string): [string, string | null] | null {
  const was = isBlank(entry.from) ? null : `was ${quote(entry.from)}`;
  if (entry.action === SPLIT_CLAIM) {
    if (entry.field === CREATE_FIELD) return [`${who} split it off the claim before it`, null];
    return [`${who} split the claim`, entry.field === 'text' ? was : null];
  }
  if (entry.action === MERGE_CLAIMS) {
    if (entry.field === 'deleted') return [`${who} merged it into the claim before it`, null];
    return [`${who} merged it with the next claim`, entry.field === 'text' ? was : null];
  }
  return null;
}

function describeClaimField(entry: HistoryEntry, who: string): [string, string | null] {
  const { from, to } = entry;
  if ((entry.field === 'verdict' || entry.field === 'rationale') && entry.action === RESOLVE_CONFLICT) {
    // A resolution is always the resolver's own decision, even when it writes the value already shown.
    const same = JSON.stringify(from) === JSON.stringify(to);
    if (entry.field === 'verdict')
      return [
        `${who} settled the conflict with a new decision: ${verdictLabel(to)}`,
        same || from === null || from === undefined ? null : `was ${verdictLabel(from)}`,
      ];
    return [`${who} settled the conflict with a new decision`, isBlank(to) ? 'no rationale' : quote(to, 120)];
  }
  const spanEdit = describeSpanEdit(entry, who);
  if (spanEdit) return spanEdit;
  switch (entry.field) {
    case CREATE_FIELD:
      return [entry.action?.startsWith('Add document') ? `${who} found it in a new document` : `${who} added the claim`, null];
    case 'verdict':
      return [
        to === null ? `${who} set it back to ${NOT_REVIEWED_LABEL}` : `${who} marked ${verdictLabel(to)}`,
        from === null || from === undefined ? null : `was ${verdictLabel(from)}`,
      ];
    case 'text':
      return [`${who} edited the text`, isBlank(from) ? null : `was ${quote(from)}`];
    case 'claimant':
      if (isBlank(to)) return [`${who} cleared the claimant`, isBlank(from) ? null : `was ${quote(from, 40)}`];
      return [`${who} set the claimant to ${quote(to, 40)}`, isBlank(from) ? null : `was ${quote(from, 40)}`];
    case 'rationale':
      if (isBlank(to)) return [`${who} cleared the rationale`, isBlank(from) ? null : `was ${quote(from, 120)}`];
      return [isBlank(from) ? `${who} wrote a rationale` : `${who} edited the rationale`, quote(to, 120)];
    case 'assignee':
      if (isBlank(to)) return [`${who} unassigned it`, isBlank(from) ? null : `was assigned to ${String(from)}`];
      return [`${who} assigned it to ${String(to)}`, isBlank(from) ? null : `was assigned to ${String(from)}`];
    case 'tags': {
      const { added, removed } = memberChanges(from, to);
      const parts = [
        added.length > 0 ? `added the ${added.length === 1 ? 'tag' : 'tags'} ${listed(added)}` : '',
        removed.length > 0 ? `removed the ${removed.length === 1 ? 'tag' : 'tags'} ${listed(removed)}` : '',
      ].filter(Boolean);
      return [parts.length > 0 ? `${who} ${parts.join(' and ')}` : `${who} reordered the tags`, null];
    }
    case 'deleted':
      return [to === true ? `${who} deleted the claim` : `${who} restored the claim`, null];
    default:
      return [`${who} changed the ${fieldLabel(entry.entity, entry.field)}`, null];
  }
}

function labelOf(entry: HistoryEntry, fallback: string): string {
  return entry.label?.trim() ? quote(entry.label, 60) : fallback;
}

function describeSource(entry: HistoryEntry, who: string): [string, string | null] {
  const name = labelOf(entry, 'a source');
  if (entry.field === CREATE_FIELD) {
    const v = (entry.to ?? {}) as Record<string, unknown>;
    const stance = typeof v.stance === 'string' ? v.stance : null;
    const url = typeof v.url === 'string' && v.url && v.url !== entry.label ? v.url : null;
    return [`${who} added the source ${name}${stance ? ` (${stance})` : ''}`, url];
  }
  if (entry.field === 'deleted')
    return [entry.to === true ? `${who} removed the source ${name}` : `${who} restored the source ${name}`, null];
  if (entry.field === 'stance')
    return [`${who} marked the source ${name} as ${String(entry.to)}`, isBlank(entry.from) ? null : `was ${String(entry.from)}`];
  return [
    `${who} changed the source ${name}: ${fieldLabel('source', entry.field)}`,
    `${isBlank(entry.from) ? '(empty)' : quote(entry.from, 50)} → ${isBlank(entry.to) ? '(empty)' : quote(entry.to, 50)}`,
  ];
}

function describeAttachment(entry: HistoryEntry, who: string): [string, string | null] {
  const name = labelOf(entry, 'a file');
  if (entry.field === CREATE_FIELD) return [`${who} attached ${name}`, null];
  if (entry.field === 'deleted')
    return [entry.to === true ? `${who} removed the attachment ${name}` : `${who} restored the attachment ${name}`, null];
  return [`${who} changed the attachment ${name}: ${fieldLabel('attachment', entry.field)}`, null];
}

function describeNote(entry: HistoryEntry, who: string): [string, string | null] {
  if (entry.field === CREATE_FIELD) {
    const text = ((entry.to ?? {}) as Record<string, unknown>).text;
    return [`${who} added a note`, typeof text === 'string' && text.trim() ? quote(text, 120) : null];
  }
  if (entry.field === 'deleted')
    return [entry.to === true ? `${who} deleted a note` : `${who} restored a note`, labelOf(entry, '') || null];
  if (entry.field === 'text') return [`${who} edited a note`, isBlank(entry.to) ? null : quote(entry.to, 120)];
  return [`${who} changed a note`, null];
}

/** Live capture (renderer/sessions): the claims it finds, in words. */
function describeSessionChange(entry: HistoryEntry, who: string): string | null {
  const action = entry.action ?? '';
  if (entry.entity === 'claim' && entry.field === CREATE_FIELD && action.startsWith('Capture in ')) {
    return `${who} captured it live (${action.slice('Capture in '.length)})`;
  }
  if (entry.entity === 'claim' && entry.field === CREATE_FIELD && action === 'Capture a claim by hand') {
    return `${who} captured it by hand during a live capture`;
  }
  return null;
}

function change(from: unknown, to: unknown, max = 50): string {
  return `${isBlank(from) ? '(empty)' : quote(from, max)} → ${isBlank(to) ? '(empty)' : quote(to, max)}`;
}

function describeDocument(entry: HistoryEntry, who: string): [string, string | null] {
  const name = labelOf(entry, 'a document');
  const action = entry.action ?? '';
  switch (entry.field) {
    case CREATE_FIELD:
      if (action.startsWith('Import ')) return [`${who} imported the document ${name}`, null];
      // A checking session's live capture writes its transcript into a document of its own.
      if (action.startsWith('Start ')) return [`${who} started the live transcript ${name}`, null];
      return [`${who} added the document ${name}`, null];
    case 'title':
      if (isBlank(entry.from)) return [`${who} named the document ${quote(entry.to, 60)}`, null];
      return [`${who} renamed the document ${quote(entry.from, 60)} to ${quote(entry.to, 60)}`, null];
    case 'text':
      return [`${who} replaced the text of the document ${name}`, null];
    case 'deleted':
      return [entry.to === true ? `${who} deleted the document ${name}` : `${who} restored the document ${name}`, null];
    default:
      return [`${who} changed the ${fieldLabel('document', entry.field)} of the document ${name}`, change(entry.from, entry.to)];
  }
}

function threshold(value: unknown): string {
  return typeof value === 'number' ? value.toFixed(2) : String(value);
}

/** A report setting's value as the log shows it: a text quoted, an empty one as "(none)". */
function optionValue(value: unknown): string {
  if (typeof value === 'string') return value.trim() ? quote(value, 40) : '(none)';
  return typeof value === 'boolean' ? (value ? 'on' : 'off') : 'changed';
}

/**
 * What a change of the report settings changed, key by key: "title “Election desk”, sections: notes off".
 * A first save is read against the defaults, so it too names only what the person set.
 */
function reportOptionChanges(from: unknown, to: unknown): string | null {
  const record = (v: unknown) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});
  const before = { ...DEFAULT_REPORT_OPTIONS, ...record(from) } as Record<string, unknown>;
  const after = record(to);
  const words = (key: string) => key.replace(/([A-Z])/g, ' $1').toLowerCase();
  const parts: string[] = [];
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    if (key === 'sections') {
      const was = record(before[key]);
      const now = record(after[key]);
      const flipped = Object.keys(now).filter((s) => was[s] !== now[s]);
      if (flipped.length > 0) parts.push(`sections: ${flipped.map((s) => `${words(s)} ${optionValue(now[s])}`).join(', ')}`);
    } else if (key === 'scope') parts.push('which claims it covers');
    else parts.push(`${words(key)} ${optionValue(after[key])}`);
  }
  return parts.length > 0 ? parts.join(', ') : null;
}

function describeSetting(entry: HistoryEntry, who: string): [string, string | null] {
  const reset = entry.field === 'deleted' && entry.to === true;
  if (entry.entityId === REPORT_OPTIONS_SETTING) {
    if (reset) return [`${who} reset the report settings`, null];
    if (entry.field === CREATE_FIELD)
      return [
        `${who} changed the report settings`,
        reportOptionChanges(null, (entry.to as Record<string, unknown> | null)?.value),
      ];
    return [`${who} changed the report settings`, entry.field === 'value' ? reportOptionChanges(entry.from, entry.to) : null];
  }
  if (entry.entityId === THRESHOLD_SETTING) {
    if (reset) return [`${who} reset the check-worthiness threshold`, null];
    if (entry.field === 'deleted') return [`${who} set the check-worthiness threshold again`, null];
    const to = entry.field === CREATE_FIELD ? (entry.to as Record<string, unknown> | null)?.value : entry.to;
    return [
      `${who} set the check-worthiness threshold to ${threshold(to)}`,
      isBlank(entry.from) ? null : `was ${threshold(entry.from)}`,
    ];
  }
  const name = quote(entry.entityId, 60);
  return [reset ? `${who} reset the setting ${name}` : `${who} changed the setting ${name}`, null];
}

/** What an action label says after the session's quoted name ("End session “Desk”: 3 reviewed, 1 open"). */
function afterSessionName(action: string | null): string | null {
  const rest = /^[^“]*“.*”:?\s*(.*)$/su
    .exec(action ?? '')?.[1]
    ?.replace(/^\((.*)\)$/su, '$1')
    .trim();
  return rest ? rest : null;
}

const SESSION_STATUS_VERBS: Record<string, string> = { active: 'resumed', paused: 'paused', ended: 'ended' };

function describeCheckSession(entry: HistoryEntry, who: string): [string, string | null] {
  const name = labelOf(entry, 'a checking session');
  switch (entry.field) {
    case CREATE_FIELD: {
      const live = ((entry.to ?? {}) as Record<string, unknown>).captureDocumentId;
      return [`${who} started the checking session ${name}${live ? ' with live capture' : ''}`, null];
    }
    case 'status': {
      const verb = SESSION_STATUS_VERBS[String(entry.to)] ?? `set to ${String(entry.to)}`;
      return [`${who} ${verb} the checking session ${name}`, afterSessionName(entry.action)];
    }
    case 'name':
      return [`${who} renamed the checking session ${quote(entry.from, 60)} to ${quote(entry.to, 60)}`, null];
    case 'scope':
      return [`${who} changed what the checking session ${name} covers`, null];
    case 'captureDocumentId':
      return [`${who} started a live capture in the checking session ${name}`, null];
    case 'deleted':
      return [
        entry.to === true ? `${who} deleted the checking session ${name}` : `${who} restored the checking session ${name}`,
        null,
      ];
    default:
      return [`${who} updated the ${fieldLabel('checkSession', entry.field)} of the checking session ${name}`, null];
  }
}

function describeTranscriptPassage(entry: HistoryEntry, who: string): [string, string | null] {
  const transcript = entry.label?.trim() ? `the transcript ${quote(entry.label, 60)}` : 'the transcript';
  if (entry.field === CREATE_FIELD) {
    const v = (entry.to ?? {}) as Record<string, unknown>;
    const text = typeof v.text === 'string' && v.text.trim() ? quote(v.text, 120) : null;
    const speaker = typeof v.speaker === 'string' && v.speaker.trim() ? `${v.speaker.trim()}: ` : '';
    return [`${who} added a passage to ${transcript}`, text ? `${speaker}${text}` : null];
  }
  if (entry.field === 'deleted')
    return [
      entry.to === true ? `${who} removed a passage from ${transcript}` : `${who} restored a passage of ${transcript}`,
      null,
    ];
  return [
    `${who} changed the ${fieldLabel('transcriptChunk', entry.field)} of a passage of ${transcript}`,
    change(entry.from, entry.to),
  ];
}

const DAY_MONTH = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "from Ben’s share file, merged by Mara on 6 Dec"; "from Ben’s sync file, synced by Mara on 6 Dec". */
export function describeOrigin(
  origin: ChangeOrigin,
  format: (iso: string) => string = (iso) => DAY_MONTH.format(new Date(iso)),
): string {
  const kind = origin.kind === 'share' ? 'share file' : 'sync file';
  const whose = origin.from ? `${origin.from}’s ${kind}` : `the ${kind} ${origin.file}`;
  const verb = origin.kind === 'share' ? 'merged' : 'synced';
  return `from ${whose}, ${verb} by ${origin.mergedBy} on ${format(origin.mergedAt)}`;
}

/** Whether two entries are one action's verdict and rationale of one claim: what a person decides at once. */
export function isOneDecision(
  a: Pick<HistoryEntry, 'entity' | 'entityId' | 'field'> & { actionId: string | null },
  b: Pick<HistoryEntry, 'entity' | 'entityId' | 'field'> & { actionId: string | null },
): boolean {
  const fields = new Set([a.field, b.field]);
  return (
    a.actionId !== null &&
    a.actionId === b.actionId &&
    a.entity === 'claim' &&
    b.entity === 'claim' &&
    a.entityId === b.entityId &&
    fields.has('verdict') &&
    fields.has('rationale')
  );
}

const UNDO_SUFFIX = ' (undo)';
const withoutUndo = (s: string) => (s.endsWith(UNDO_SUFFIX) ? s.slice(0, -UNDO_SUFFIX.length) : s);

/**
 * A verdict and a rationale one action wrote, as one sentence: "Ann settled the conflict: kept Ben’s decision,
 * Disputed", "Ann settled the conflict with a new decision: Sourced", "Ann marked Sourced and wrote a rationale".
 */
export function describeDecision(verdict: HistoryEntry, rationale: HistoryEntry): ChangeDescription {
  const who = verdict.author || 'Someone';
  const undo = verdict.action?.startsWith('Undo ') ? UNDO_SUFFIX : '';
  const words = describeChange(verdict);
  const wrote = describeChange(rationale);
  const was =
    verdict.from !== null && verdict.from !== undefined && JSON.stringify(verdict.from) !== JSON.stringify(verdict.to)
      ? `was ${verdictLabel(verdict.from)}`
      : null;
  const said = isBlank(rationale.to) ? 'no rationale' : quote(rationale.to, 120);
  const side = verdict.reopens ? null : KEPT_SIDE.exec(verdict.action ?? '')?.[1];
  if (side)
    return {
      summary: `${who} settled the conflict: kept ${side}’s decision, ${verdictLabel(verdict.to)}`,
      detail: joinDetail(said, was),
    };
  if (verdict.action === RESOLVE_CONFLICT)
    return {
      summary: `${who} settled the conflict with a new decision: ${verdictLabel(verdict.to)}`,
      detail: joinDetail(said, was),
    };
  const rest = withoutUndo(wrote.summary).startsWith(`${who} `) ? withoutUndo(wrote.summary).slice(who.length + 1) : null;
  if (rest === null) return words;
  return {
    summary: `${withoutUndo(words.summary)} and ${rest}${undo}`,
    detail: joinDetail(words.detail, wrote.detail),
  };
}

function joinDetail(...parts: (string | null)[]): string | null {
  const shown = parts.filter((p): p is string => !!p);
  return shown.length > 0 ? shown.join(' · ') : null;
}

/** One line of a claim's timeline: its words, and the change whose author, time and origin it shows. */
export interface TimelineLine extends ChangeDescription {
  entry: HistoryEntry;
}

/** Fields the app derives from another change (position, score, score reasons): never a line of their own. */
const isDerived = (entry: HistoryEntry) => fieldDecl(entry.entity, entry.field)?.sharing === 'derived';

/**
 * A claim's timeline (entries in any order) as the lines a checker reads: one line per thing a person did. The
 * changes one action wrote to one item read as one line: a verdict with its rationale is one decision, a split or a
 * merge is "split the claim" however many fields it rewrote, and derived fields (score, position) are left out.
 */
export function describeTimeline(entries: readonly HistoryEntry[]): TimelineLine[] {
  const lines: TimelineLine[] = [];
  for (const group of actionGroups(entries.filter((e) => !isDerived(e)))) {
    const spanEdit = group.find((e) => e.action === SPLIT_CLAIM || e.action === MERGE_CLAIMS);
    if (spanEdit && group.every((e) => e.entity === 'claim')) {
      const main = group.find((e) => e.field === 'text' || e.field === CREATE_FIELD || e.field === 'deleted') ?? spanEdit;
      lines.push({ ...describeChange(main), entry: main });
      continue;
    }
    const verdict = group.find((e) => e.field === 'verdict');
    const rationale = group.find((e) => e.field === 'rationale');
    for (const entry of group) {
      if (entry === rationale && verdict && isOneDecision(decisionKey(verdict), decisionKey(entry))) continue;
      if (entry === verdict && rationale && isOneDecision(decisionKey(entry), decisionKey(rationale)))
        lines.push({ ...describeDecision(entry, rationale), entry });
      else lines.push({ ...describeChange(entry), entry });
    }
  }
  return lines;
}

const decisionKey = (e: HistoryEntry) => ({ ...e, actionId: e.actionId ?? null });

/** Neighbouring entries one action wrote to one item, in the order given; an entry outside an action stands alone. */
function actionGroups(entries: readonly HistoryEntry[]): HistoryEntry[][] {
  const groups: HistoryEntry[][] = [];
  for (const entry of entries) {
    const last = groups[groups.length - 1]?.[0];
    const together =
      last !== undefined &&
      !!entry.actionId &&
      last.actionId === entry.actionId &&
      last.entity === entry.entity &&
      last.entityId === entry.entityId;
    if (together) groups[groups.length - 1]!.push(entry);
    else groups.push([entry]);
  }
  return groups;
}
