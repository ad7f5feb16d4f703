import { CheckCheck } from 'lucide-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Verdict } from '../../shared/domain';
import { VERDICT_LABELS } from '../../shared/domain';
import { errorMessage } from '../api/client';
import { useOperationMutation, useOperationQuery } from '../api/queries';
import { matchesBinding } from '../../shared/keymap';
import { isTextEntry } from '../app/shortcuts';
import { useWorkbench } from '../app/workbench';
import { EmptyState } from '../ui/EmptyState';
import { Modal } from '../ui/Modal';
import { useNotify } from '../ui/notices';
import { Spinner } from '../ui/Progress';
import { ConflictResolver } from './ConflictResolver';
import { unsentDecisions } from './decisionDrafts';
import { decisionConflictLabel, fieldsLabel, type ClaimConflict } from './format';
import { useTeamDialogs } from './useTeamDialogs';
import './team.css';

/** The conflict queue: every conflicted claim, and for the chosen one each side to keep or a new decision. */
export function ConflictsDialog() {
  const { current, close } = useTeamDialogs();
  const open = current === 'conflicts';
  return (
    <Modal
      open={open}
      onOpenChange={(o) => !o && close()}
      title="Conflicts"
      description="Teammates changed the same claim, neither seeing the other’s change. Keep one side or write a new decision; it is recorded like any change."
      width={1040}
      tall
    >
      {open && <ConflictQueue />}
    </Modal>
  );
}

const optionId = (claimId: string) => `conflict-option-${claimId}`;

function ConflictQueue() {
  const { state } = useWorkbench();
  const notify = useNotify();
  const conflicts = useOperationQuery('conflicts.list', {});
  const resolve = useOperationMutation('conflicts.resolve');
  const keep = useOperationMutation('conflicts.keep');
  const busy = resolve.isPending || keep.isPending;
  // By id, so the selection stays on its claim; by position, so a resolved claim hands over to the next.
  const [picked, setPicked] = useState<{ id: string | null; index: number }>({ id: state.selection.id, index: 0 });
  const listRef = useRef<HTMLDivElement>(null);
  const [writing, setWriting] = useState(false);

  const claims: ClaimConflict[] = conflicts.data ?? [];
  const found = claims.findIndex((c) => c.claimId === picked.id);
  const index = found >= 0 ? found : Math.min(picked.index, claims.length - 1);
  const selected: ClaimConflict | undefined = claims[index];

  useEffect(() => {
    listRef.current?.focus();
  }, [conflicts.isSuccess]);

  useEffect(() => {
    if (selected) document.getElementById(optionId(selected.claimId))?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  if (conflicts.error) return <p className="form-error">{errorMessage(conflicts.error)}</p>;
  if (!conflicts.data) return <Spinner label="Loading conflicts…" />;
  if (claims.length === 0) {
    return (
      <div className="team-queue-empty">
        <EmptyState icon={<CheckCheck size={28} />} title="No conflicts">
          When a merge finds that two people changed the same verdict or rationale, the claim waits here for your decision.
        </EmptyState>
      </div>
    );
  }

  const select = (i: number) => {
    const at = Math.max(0, Math.min(claims.length - 1, i));
    const next = claims[at];
    if (next) {
      setPicked({ id: next.claimId, index: at });
      setWriting(false);
    }
  };

  const settled = (message: string, done?: () => void) => ({
    onSuccess: () => {
      done?.();
      if (selected) setPicked({ id: selected.claimId, index });
      setWriting(false);
      notify({ message });
      listRef.current?.focus();
    },
    onError: (e: Error) => notify({ message: errorMessage(e), tone: 'error' }),
  });

  const decide = (verdict: Verdict, rationale: string) => {
    if (!selected || busy) return;
    resolve.mutate(
      { claimId: selected.claimId, verdict, rationale },
      settled(`Resolved: wrote a new decision (${VERDICT_LABELS[verdict]}).`, () => unsentDecisions.discard(selected.claimId)),
    );
  };

  const keepSide = (i: number) => {
    const side = selected?.sides[i];
    if (!selected || !side || busy) return;
    const kept = fieldsLabel(side.keeps).toLowerCase();
    keep.mutate({ claimId: selected.claimId, actorId: side.actorId }, settled(`Resolved: kept ${side.author}’s ${kept}.`));
  };

  const onListKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (matchesBinding('conflicts.next', e)) select(index + 1);
    else if (matchesBinding('conflicts.previous', e)) select(index - 1);
    else if (matchesBinding('conflicts.first', e)) select(0);
    else if (matchesBinding('conflicts.last', e)) select(claims.length - 1);
    else return;
    e.preventDefault();
  };

  const onQueueKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (writing || isTextEntry(e.target) || e.ctrlKey || e.metaKey || e.altKey || !selected) return;
    const n = Number(e.key);
    if (Number.isInteger(n) && n >= 1 && n <= selected.sides.length) {
      e.preventDefault();
      keepSide(n - 1);
    } else if (matchesBinding('conflicts.newDecision', e)) {
      e.preventDefault();
      setWriting(true);
    }
  };

  return (
    <div className="team-queue" onKeyDown={onQueueKey}>
      <div
        ref={listRef}
        className="team-queue-list"
        role="listbox"
        tabIndex={0}
        aria-label={`Conflicted claims (${claims.length})`}
        aria-activedescendant={selected ? optionId(selected.claimId) : undefined}
        onKeyDown={onListKey}
      >
        {claims.map((c, i) => (
          <div
            key={c.claimId}
            id={optionId(c.claimId)}
            role="option"
            aria-selected={i === index}
            className={`team-queue-option ${i === index ? 'is-selected' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              select(i);
              listRef.current?.focus();
            }}
          >
            <span className="team-queue-text">{c.claimText}</span>
            <span className="team-queue-meta">
              {decisionConflictLabel(c)} · {c.sides.map((s) => s.author).join(' vs ')}
            </span>
          </div>
        ))}
      </div>
      {selected && (
        <ConflictResolver
          key={selected.claimId}
          conflict={selected}
          position={{ index, total: claims.length }}
          busy={busy}
          writing={writing}
          onWriting={setWriting}
          onKeep={keepSide}
          onDecide={decide}
        />
      )}
    </div>
  );
}
