import { useQueryClient } from '@tanstack/react-query';
import { KeyRound, ShieldAlert } from 'lucide-react';
import { useState } from 'react';
import type { KeyConflictInfo } from '../../shared/team';
import { call, errorMessage } from '../api/client';
import { freshAfterWrite } from '../api/queries';
import { Button } from '../ui/Button';
import { count } from './format';
import './keys.css';

/**
 * A person's changes signed with a key other than the one this workspace trusts for them. Shown in
 * the merge preview (before anything is recorded) and in the sync dialog (conflicts on record).
 * `recorded` says whether "Keep" can dismiss a conflict on record; in a preview keeping is what
 * applying does.
 */
export function KeyConflictsNotice({
  conflicts,
  recorded,
  onResolved,
}: {
  conflicts: readonly KeyConflictInfo[];
  recorded: boolean;
  onResolved?: () => void;
}) {
  const client = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (conflicts.length === 0) return null;

  const resolve = async (c: KeyConflictInfo, decision: 'trust-offered' | 'keep-pinned') => {
    setBusy(`${c.actorId}:${decision}`);
    setError(null);
    try {
      await call('team.keys.resolve', {
        actorId: c.actorId,
        decision,
        offeredKey: decision === 'trust-offered' ? c.offeredKey : undefined,
      });
      await freshAfterWrite(client);
      onResolved?.();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="key-conflicts" role="alert" aria-labelledby="key-conflicts-title" data-testid="key-conflicts">
      <h3 id="key-conflicts-title" className="key-conflicts-title">
        <ShieldAlert size={16} aria-hidden /> Signing key does not match
      </h3>
      <ul className="key-conflicts-list">
        {conflicts.map((c) => (
          <li key={`${c.actorId}:${c.offeredKey}`} className="key-conflict">
            <p>
              {count(c.heldBack, 'change')} signed as <strong>{c.name}</strong> {c.heldBack === 1 ? 'uses' : 'use'} a key this
              workspace does not trust for them. {c.heldBack === 1 ? 'It' : 'They'} {recorded ? 'was' : 'will be'} held back: not
              merged, not in history.
            </p>
            <dl className="key-conflict-keys">
              <dt>Trusted since first seen</dt>
              <dd>{c.pinnedFingerprint}</dd>
              <dt>Offered by {c.source}</dt>
              <dd>{c.offeredFingerprint}</dd>
            </dl>
            <p className="muted key-conflict-advice">
              Ask {c.name} to read you their own key’s fingerprint (in their team menu, or <code>claimbench keys</code>). Trust
              the new key only if it matches; otherwise someone may be writing in {c.name}’s name.
            </p>
            <div className="key-conflict-actions">
              {recorded && (
                <Button size="sm" disabled={busy !== null} onClick={() => void resolve(c, 'keep-pinned')}>
                  Keep trusted key
                </Button>
              )}
              <Button size="sm" variant="danger" disabled={busy !== null} onClick={() => void resolve(c, 'trust-offered')}>
                <KeyRound size={13} aria-hidden /> Trust the new key
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {error && <p className="form-error">{error}</p>}
    </section>
  );
}

/** New changes without a signature: they merge, and history marks them unsigned. */
export function UnsignedChangesNote({ unsigned }: { unsigned: number }) {
  if (unsigned === 0) return null;
  return (
    <div className="team-note key-unsigned-note" data-testid="merge-unsigned">
      <KeyRound size={16} aria-hidden />
      <p>
        {count(unsigned, 'change')} in this file {unsigned === 1 ? 'carries' : 'carry'} no signature (written by an older
        Claimbench). {unsigned === 1 ? 'It merges' : 'They merge'}, marked “unsigned” in history: who made{' '}
        {unsigned === 1 ? 'it' : 'them'} cannot be verified.
      </p>
    </div>
  );
}
