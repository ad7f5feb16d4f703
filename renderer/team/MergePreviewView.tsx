import { shorten } from '../../shared/text/shorten';
import { ArrowRight, ChevronRight, CircleAlert, FilePlus2, PencilLine, ShieldCheck, UserRoundPen } from 'lucide-react';
import type { ReactNode } from 'react';
import { verdictLabel } from '../../shared/timeline';
import type {
  ConflictInfo,
  MergeFieldChange,
  MergeItem,
  MergeItemStatus,
  MergePerson,
  MergePreview,
  NewClaimContents,
} from '../../shared/team';
import { newClaimEvidence } from '../../shared/team';
import { VerdictBadge } from '../ui/Verdict';
import { Avatar } from './Avatar';
import { identityLabels, namesOnce, type IdentityLabel } from './identityLabels';
import { count, decisionConflictLabel, entityLabel, fullTime } from './format';

const SHOWN_PER_PERSON = 60;
const SHOWN_CHANGED_ITEMS = 200;

const STATUS: Record<MergeItemStatus, { label: string; Icon: typeof FilePlus2 }> = {
  new: { label: 'New', Icon: FilePlus2 },
  changed: { label: 'Changed', Icon: PencilLine },
  conflicting: { label: 'Conflict', Icon: CircleAlert },
};

/** What a merge would bring: by person, with their items, and the conflicts it would raise. */
export function MergePreviewView({ preview, fileName }: { preview: MergePreview; fileName: string }) {
  if (preview.newChanges === 0) {
    return (
      <div className="team-note" data-testid="merge-nothing-new">
        <ShieldCheck size={16} aria-hidden />
        <p>
          Nothing new in <strong>{fileName}</strong>: this workspace already has all {count(preview.totalChanges, 'change')} it
          holds. Merging it again would change nothing.
        </p>
      </div>
    );
  }
  const labels = identityLabels(preview.people);
  return (
    <div className="team-preview" data-testid="merge-preview">
      <p className="team-preview-summary">
        <strong>{fileName}</strong> brings {count(preview.newChanges, 'change')} new to you
        {preview.knownChanges > 0 && <> ({preview.knownChanges.toLocaleString()} you already have)</>}, touching{' '}
        {count(preview.itemCount, 'item')}.
      </p>
      {preview.overwritesYours > 0 && (
        <div className="team-note team-note-yours" data-testid="merge-overwrites-yours">
          <UserRoundPen size={16} aria-hidden />
          <p>
            {count(preview.overwritesYours, 'item')} {preview.overwritesYours === 1 ? 'replaces' : 'replace'} a decision of yours
            ({preview.mergedBy}). {preview.overwritesYours === 1 ? 'It is' : 'They are'} listed first under What changes.
          </p>
        </div>
      )}
      <section aria-labelledby="merge-people-title">
        <h3 id="merge-people-title" className="section-title">
          By person
        </h3>
        <ul className="team-people">
          {preview.people.map((p) => (
            <PersonRow
              key={p.actorId}
              person={p}
              name={labels.get(p.actorId) ?? { label: p.name, explained: null }}
              items={preview.items.filter((i) => i.actorIds.includes(p.actorId))}
            />
          ))}
        </ul>
        {preview.items.length < preview.itemCount && (
          <p className="muted team-small">
            Listing the first {preview.items.length.toLocaleString()} of {preview.itemCount.toLocaleString()} items.
          </p>
        )}
      </section>
      <section aria-labelledby="merge-changes-title">
        <h3 id="merge-changes-title" className="section-title">
          What changes, per claim
        </h3>
        <ul className="team-changes" aria-label="What the merge changes">
          {preview.items.slice(0, SHOWN_CHANGED_ITEMS).map((i) => (
            <ItemChanges key={`${i.entity}-${i.id}`} item={i} people={preview.people} />
          ))}
        </ul>
        {preview.itemCount > SHOWN_CHANGED_ITEMS && (
          <p className="muted team-small">
            Showing the first {SHOWN_CHANGED_ITEMS.toLocaleString()} of {preview.itemCount.toLocaleString()} items.
          </p>
        )}
      </section>
      {preview.conflicts.length > 0 && (
        <section aria-labelledby="merge-conflicts-title">
          <h3 id="merge-conflicts-title" className="section-title">
            Conflicts to resolve after merging ({preview.conflictCount.toLocaleString()})
          </h3>
          <ul className="team-preview-conflicts">
            {preview.conflicts.map((c) => (
              <PreviewConflict key={c.claimId} conflict={c} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function PersonRow({ person, name, items }: { person: MergePerson; name: IdentityLabel; items: MergeItem[] }) {
  return (
    <li className="team-person" data-testid="merge-person" data-person={person.name} data-actor={person.actorId}>
      <details>
        <summary className="team-person-summary">
          <ChevronRight size={14} className="team-disclosure" aria-hidden />
          <Avatar name={person.name} actorId={person.actorId} />
          <span className="team-person-name" title={name.explained ?? undefined}>
            {name.label}
          </span>
          <span className="team-counts">
            <Count n={person.newItems} status="new" />
            <Count n={person.changedItems} status="changed" />
            <Count n={person.conflicts} status="conflicting" />
          </span>
        </summary>
        <ul className="team-items" aria-label={`Items ${name.label} touched`}>
          {items.slice(0, SHOWN_PER_PERSON).map((i) => (
            <li key={`${i.entity}-${i.id}`} className={`team-item team-item-${i.status}`}>
              <StatusTag status={i.status} />
              <span className="team-item-entity">{entityLabel(i.entity)}</span>
              <span className="team-item-label">{i.label}</span>
              {i.arrives ? (
                <NewClaimSummary contents={i.arrives} />
              ) : (
                i.fields.length > 0 && <span className="team-item-fields muted">{i.fields.join(', ')}</span>
              )}
            </li>
          ))}
          {items.length > SHOWN_PER_PERSON && (
            <li className="team-item muted">and {(items.length - SHOWN_PER_PERSON).toLocaleString()} more</li>
          )}
        </ul>
      </details>
    </li>
  );
}

function shownValue(field: string, value: unknown): string {
  if (field === 'verdict') return verdictLabel(value);
  if (value === null || value === undefined || value === '') return '(empty)';
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : '(none)';
  const text = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : JSON.stringify(value);
  return `“${shorten(text, 90)}”`;
}

function fieldName(c: MergeFieldChange): string {
  const field = c.field.replace(/([A-Z])/g, ' $1').toLowerCase();
  return field.charAt(0).toUpperCase() + field.slice(1);
}

/** One field's move as a line: "Verdict Sourced → Disputed · Ben · 6 Dec, 14:02". */
function ChangeLine({ change: c }: { change: MergeFieldChange }) {
  const evidence = c.label !== null;
  let what: ReactNode;
  if (c.field === '$create')
    what = (
      <>
        Adds {entityLabel(c.entity).toLowerCase()} {shownValue('', c.label)}
      </>
    );
  else if (c.field === 'deleted')
    what = (
      <>
        {c.to === true ? 'Removes' : 'Restores'}{' '}
        {evidence ? `${entityLabel(c.entity).toLowerCase()} ${shownValue('', c.label)}` : 'it'}
      </>
    );
  else if (c.members)
    what = (
      <>
        <span className="team-change-field">{fieldName(c)}</span>
        {c.members.added.length > 0 && <span className="team-change-to">adds {c.members.added.join(', ')}</span>}
        {c.members.removed.length > 0 && (
          <span>
            removes <span className="team-change-from">{c.members.removed.join(', ')}</span>
          </span>
        )}
      </>
    );
  else
    what = (
      <>
        <span className="team-change-field">
          {evidence ? `${entityLabel(c.entity)} ${shownValue('', c.label)}: ${fieldName(c).toLowerCase()}` : fieldName(c)}
        </span>
        <span className="team-change-from">{shownValue(c.field, c.from)}</span>
        <ArrowRight size={12} aria-label="becomes" />
        <span className="team-change-to">{shownValue(c.field, c.to)}</span>
      </>
    );
  return (
    <li className={`team-change ${c.overwritesYours ? 'is-yours' : ''}`} data-testid="merge-change" data-field={c.field}>
      <span className="team-change-what">{what}</span>
      <span className="team-change-who muted">
        {c.author} · <time dateTime={c.at}>{fullTime(c.at)}</time>
        {c.overwritesYours && c.replaces && <> · replaces yours</>}
      </span>
    </li>
  );
}

function ItemChanges({ item, people }: { item: MergeItem; people: readonly MergePerson[] }) {
  const who = namesOnce(item.actorIds, people);
  return (
    <li
      className={`team-changes-item ${item.overwritesYours ? 'is-yours' : ''}`}
      data-testid="merge-item"
      data-status={item.status}
    >
      <div className="team-item">
        <StatusTag status={item.status} />
        {item.overwritesYours && <span className="team-tag team-tag-yours">Replaces yours</span>}
        <span className="team-item-entity">{entityLabel(item.entity)}</span>
        <span className="team-item-label" title={item.label}>
          {item.label}
        </span>
        {item.arrives && <NewClaimSummary contents={item.arrives} />}
        <span className="team-item-fields muted" title={who.title} data-testid="merge-item-people">
          {who.text}
        </span>
      </div>
      {item.changes.length > 0 && (
        <ul className="team-change-list">
          {item.changes.map((c) => (
            <ChangeLine key={`${c.entityId}-${c.field}`} change={c} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** A new claim's verdict and the evidence that comes with it: "Sourced · 1 source · 1 note". */
function NewClaimSummary({ contents: c }: { contents: NewClaimContents }) {
  const evidence = newClaimEvidence(c);
  return (
    <span className="team-new-claim" data-testid="merge-new-claim">
      <VerdictBadge verdict={c.verdict} />
      {evidence.length > 0 && <span className="muted">{evidence.join(' · ')}</span>}
    </span>
  );
}

function Count({ n, status }: { n: number; status: MergeItemStatus }) {
  const { label, Icon } = STATUS[status];
  const word = status === 'conflicting' ? 'conflicting' : label.toLowerCase();
  return (
    <span className={`team-count team-count-${status} ${n === 0 ? 'is-zero' : ''}`} data-testid={`count-${status}`}>
      <Icon size={13} aria-hidden />
      <span className="team-count-value">{n.toLocaleString()}</span> {word}
    </span>
  );
}

export function StatusTag({ status }: { status: MergeItemStatus }) {
  const { label, Icon } = STATUS[status];
  return (
    <span className={`team-tag team-tag-${status}`}>
      <Icon size={12} aria-hidden />
      {label}
    </span>
  );
}

function PreviewConflict({ conflict }: { conflict: ConflictInfo }) {
  // Each side is a whole decision, whichever of its fields clash: its verdict with its rationale.
  return (
    <li className="team-preview-conflict" data-testid="merge-conflict">
      <span className="team-preview-conflict-text">“{conflict.claimText}”</span>
      <span className="team-preview-conflict-sides">
        <span className="muted">{decisionConflictLabel(conflict)}:</span>
        {conflict.sides.map((s) => (
          <span key={s.actorId} className="team-preview-side" data-testid="merge-conflict-side">
            <span className="team-preview-side-author">{s.author}</span>
            {s.verdict ? <VerdictBadge verdict={s.verdict} /> : <span className="muted">Not reviewed</span>}
            <span className="team-preview-side-text" title={s.rationale ?? ''}>
              {s.rationale?.trim() ? `“${s.rationale}”` : 'no rationale'}
            </span>
            {s.shown.length > 0 && <span className="muted team-small">(shown)</span>}
          </span>
        ))}
      </span>
    </li>
  );
}
