import { Check, PenLine } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { Verdict } from '../../shared/domain';
import { VERDICT_LABELS, VERDICTS, verdictExplained } from '../../shared/domain';
import type { ConflictField, ConflictSide } from '../../shared/team';
import { relativeTime } from '../detail/describeChange';
import { Button } from '../ui/Button';
import { Kbd } from '../ui/Kbd';
import { RadioGroup } from '../ui/RadioGroup';
import { VerdictBadge, VerdictIcon } from '../ui/Verdict';
import { Avatar } from './Avatar';
import { isBlankDecision, unsentDecisions } from './decisionDrafts';
import { useUnsentDraft } from '../ui/unsentDrafts';
import { decisionConflictLabel, fullTime, type ClaimConflict } from './format';

interface ConflictResolverProps {
  conflict: ClaimConflict;
  position: { index: number; total: number };
  busy: boolean;
  writing: boolean;
  onWriting: (writing: boolean) => void;
  onKeep: (sideIndex: number) => void;
  onDecide: (verdict: Verdict, rationale: string) => void;
}

/** One conflicted claim: each side's verdict, rationale, author and time, side by side. */
export function ConflictResolver({ conflict, position, busy, writing, onWriting, onKeep, onDecide }: ConflictResolverProps) {
  return (
    <section className="team-resolver" aria-labelledby="conflict-claim-title">
      <header className="team-resolver-head">
        <h3 id="conflict-claim-title" className="section-title">
          Conflict {position.index + 1} of {position.total} · {decisionConflictLabel(conflict)}
        </h3>
        <blockquote className="team-claim-text">{conflict.claimText}</blockquote>
      </header>
      <div
        className="team-sides"
        style={{ gridTemplateColumns: `repeat(${Math.min(conflict.sides.length, 3)}, minmax(0, 1fr))` }}
      >
        {conflict.sides.map((side, i) => (
          <SideCard key={side.actorId} side={side} index={i} busy={busy} onKeep={() => onKeep(i)} />
        ))}
      </div>
      {writing ? (
        <NewDecision
          claimId={conflict.claimId}
          initial={conflict.sides.find((s) => s.shown.length > 0) ?? conflict.sides[0]}
          busy={busy}
          onCancel={() => onWriting(false)}
          onSave={onDecide}
        />
      ) : (
        <div className="team-resolver-actions">
          <Button onClick={() => onWriting(true)} aria-keyshortcuts="N">
            <PenLine size={14} aria-hidden />{' '}
            {unsentDecisions.has(conflict.claimId) ? 'Go on with your draft decision' : 'Write a new decision'} <Kbd>N</Kbd>
          </Button>
          <span className="muted team-small">Move between conflicts with J and K (or the arrow keys).</span>
        </div>
      )}
    </section>
  );
}

/**
 * A field of one side is always part of that person's decision; say so when it is not a value the
 * person wrote themselves but the one their decision stood on.
 */
function fieldNote(field: ConflictField, side: ConflictSide): string | null {
  if (side.own.includes(field)) return null;
  // An empty value reads "No rationale given": "set by them earlier" under it would contradict it.
  if (side.earlier.includes(field))
    return !side[field]?.trim() ? null : `Set by ${side.author} earlier and kept with this decision`;
  return `Not changed by ${side.author}: as it stood with their decision`;
}

function SideCard({ side, index, busy, onKeep }: { side: ConflictSide; index: number; busy: boolean; onKeep: () => void }) {
  const verdictNote = fieldNote('verdict', side);
  const rationaleNote = fieldNote('rationale', side);
  return (
    <article className="team-side" aria-label={`${side.author}’s side`} data-testid="conflict-side" data-author={side.author}>
      <div className="team-side-head">
        <Avatar name={side.author} actorId={side.actorId} size={28} />
        <div className="team-side-who">
          <span className="team-side-author">{side.author}</span>
          <time className="team-side-time muted" dateTime={side.at} title={fullTime(side.at)}>
            {relativeTime(side.at)} · {fullTime(side.at)}
          </time>
        </div>
        {side.shown.length > 0 && (
          <span className="team-tag team-tag-shown" title="The merge shows this side until someone decides">
            Shown now
          </span>
        )}
      </div>
      {/* Above the fields, so every side's decision is in reach however long its rationale is. */}
      <Button
        className="team-keep"
        variant="primary"
        disabled={busy}
        onClick={onKeep}
        aria-keyshortcuts={String(index + 1)}
        title={`Writes ${side.author}’s verdict and rationale together; nothing else changes`}
      >
        <Check size={14} aria-hidden /> Keep this <Kbd>{String(index + 1)}</Kbd>
      </Button>
      <dl className="team-side-fields">
        <dt>Verdict</dt>
        <dd className={verdictNote ? 'team-side-inherited' : undefined} data-testid="side-verdict">
          {side.verdict ? <VerdictBadge verdict={side.verdict} /> : <span className="muted">Not reviewed</span>}
          {verdictNote && <span className="team-side-note muted">{verdictNote}</span>}
        </dd>
        <dt>Rationale</dt>
        <dd className={rationaleNote ? 'team-side-inherited' : undefined} data-testid="side-rationale">
          {side.rationale?.trim() ? <ClampedText text={side.rationale} /> : <span className="muted">No rationale given</span>}
          {rationaleNote && <span className="team-side-note muted">{rationaleNote}</span>}
        </dd>
        <dt>Sources</dt>
        <dd data-testid="side-sources">
          <SideSources side={side} />
        </dd>
      </dl>
    </article>
  );
}

/** The sources this person attached: what a lead weighs the two decisions by. */
function SideSources({ side }: { side: ConflictSide }) {
  if (side.sources.length === 0) return <span className="muted">None attached by {side.author}</span>;
  return (
    <ul className="team-side-sources">
      {side.sources.map((s) => (
        <li key={s.id} className="team-side-source">
          <span className="team-side-source-title" title={s.url ?? undefined}>
            {s.title.trim() || s.url || 'Untitled source'}
          </span>
          {s.url && <span className="team-side-source-url muted">{hostOf(s.url)}</span>}
          <span className="team-side-source-by muted" title={fullTime(s.addedAt)}>
            added by {s.addedBy}
          </span>
        </li>
      ))}
    </ul>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}

const CLAMP_CHARS = 220;

/** A long rationale shows its start, with the rest a click away: the dialog scrolls, never a box inside it. */
function ClampedText({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  const long = text.length > CLAMP_CHARS || text.split('\n').length > 4;
  return (
    <>
      <span className={`team-side-rationale ${long && !open ? 'is-clamped' : ''}`}>{text}</span>
      {long && (
        <Button variant="ghost" size="sm" className="team-side-more" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Show less' : 'Show more'}
        </Button>
      )}
    </>
  );
}

function NewDecision({
  claimId,
  initial,
  busy,
  onCancel,
  onSave,
}: {
  claimId: string;
  initial: ConflictSide | undefined;
  busy: boolean;
  onCancel: () => void;
  onSave: (verdict: Verdict, rationale: string) => void;
}) {
  // No verdict is preselected unless the side had one: a decision is a person's choice, never a default.
  const [draft, setDraft] = useUnsentDraft(
    unsentDecisions,
    claimId,
    () => ({ verdict: initial?.verdict ?? null, rationale: '' }),
    isBlankDecision,
  );
  const { verdict, rationale } = draft;
  const setVerdict = (v: Verdict) => setDraft((d) => ({ ...d, verdict: v }));
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    // The form opens under the sides, and a smaller window must not push it (or the field typed in) out of view.
    const show = () => keepFormInView(form.current);
    show();
    window.addEventListener('resize', show);
    return () => window.removeEventListener('resize', show);
  }, []);
  // Saving replaces both people's rationales with this one, so it must say why.
  const ready = !busy && verdict !== null && rationale.trim() !== '';
  return (
    <form
      ref={form}
      className="team-decision"
      aria-label="New decision"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) onSave(verdict, rationale.trim());
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          e.currentTarget.requestSubmit();
        }
      }}
    >
      <RadioGroup
        label="New verdict"
        className="verdict-picker"
        options={VERDICTS}
        value={verdict}
        onChange={setVerdict}
        optionClassName={(v) => `verdict-option verdict-${v}`}
        optionTitle={verdictExplained}
        autoFocus
        renderOption={(v) => (
          <>
            <VerdictIcon verdict={v} size={16} />
            <span className="verdict-option-label">{VERDICT_LABELS[v]}</span>
          </>
        )}
      />
      <label className="field">
        <span className="field-label">Rationale</span>
        <textarea
          className="field-input team-decision-text"
          value={rationale}
          maxLength={200_000}
          rows={3}
          placeholder="Why this verdict: the source, the figure, what settles it"
          required
          onChange={(e) => setDraft((d) => ({ ...d, rationale: e.target.value }))}
        />
        <span className="form-hint">
          It replaces both rationales above, which stay in the claim’s history. Cancel keeps what you typed for this claim.
        </span>
      </label>
      <div className="form-actions">
        {!isBlankDecision(draft) && (
          <Button
            variant="ghost"
            className="team-decision-discard"
            onClick={() => {
              unsentDecisions.discard(claimId);
              onCancel();
            }}
          >
            Discard draft
          </Button>
        )}
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={!ready}>
          Save decision
        </Button>
      </div>
    </form>
  );
}

/**
 * The whole decision form in view when the dialog has room for it (its buttons included), else the field that has
 * focus: the dialog scrolls, its title stays pinned above.
 */
function keepFormInView(form: HTMLFormElement | null): void {
  const scroller = form?.closest('.modal');
  if (!form || !scroller) return;
  const head = scroller.querySelector('.modal-head')?.getBoundingClientRect().height ?? 0;
  const fits = form.getBoundingClientRect().height <= scroller.clientHeight - head;
  const focused = document.activeElement;
  if (fits || !(focused instanceof HTMLElement) || !form.contains(focused)) form.scrollIntoView({ block: 'end' });
  else focused.scrollIntoView({ block: 'nearest' });
}
