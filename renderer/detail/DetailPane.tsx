import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { MousePointerClick, Trash } from 'lucide-react';
import { operationQuery } from '../api/queries';
import { useCommands } from '../app/commands';
import { useWorkbench } from '../app/workbench';
import { EmptyState } from '../ui/EmptyState';
import { IconButton } from '../ui/IconButton';
import { Spinner } from '../ui/Progress';
import { detailSections } from './sections';

/** With `session` (session mode), the pane shows that session's current claim instead of the list's selection. */
export function DetailPane({ session = null }: { session?: string | null }) {
  const { state, pages } = useWorkbench();
  const pane = useRef<HTMLElement>(null);
  const commands = useCommands();
  const current = useQuery({ ...operationQuery('sessions.get', { id: session ?? '' }), enabled: session !== null });
  const inSession = session !== null;
  const id = inSession ? (current.data?.currentClaimId ?? null) : state.selection.id;
  const { index } = state.selection;
  const listed = inSession ? undefined : pages.itemAt(index);
  const claim = useQuery({
    ...operationQuery('claims.get', { id: id ?? '' }),
    enabled: id !== null,
    // The list row is the same claim; show it at once while the full record loads.
    placeholderData: listed && listed.id === id ? listed : undefined,
  });

  // Another claim opens at its top, wherever the last one was scrolled to (the pane or its body).
  useEffect(() => {
    pane.current?.scrollTo({ top: 0 });
    pane.current?.querySelector('.detail-scroll')?.scrollTo({ top: 0 });
  }, [id]);

  if (!id || (!inSession && pages.total === 0)) {
    return (
      <section className="pane detail-pane" aria-label="Claim detail">
        <EmptyState icon={<MousePointerClick size={28} />} title="No claim selected">
          {inSession
            ? 'The current claim of the session shows here, with its sources and notes.'
            : 'Pick a claim from the list, or move through them with J and K.'}
        </EmptyState>
      </section>
    );
  }
  if (!claim.data) {
    return (
      <section className="pane detail-pane" aria-label="Claim detail">
        {claim.error ? <p className="pane-message">{claim.error.message}</p> : <Spinner label="Loading claim…" />}
      </section>
    );
  }
  const data = claim.data;
  return (
    <section className="pane detail-pane" aria-label="Claim detail" ref={pane}>
      <div className="pane-toolbar">
        {inSession ? (
          <h2 className="pane-title">Current claim</h2>
        ) : (
          <h2 className="pane-title">
            Claim {(index + 1).toLocaleString()} <span className="muted">of {pages.total?.toLocaleString() ?? '…'}</span>
          </h2>
        )}
      </div>
      <div className="detail-scroll" key={data.id}>
        {detailSections
          .filter((s) => !s.when || s.when(data))
          .map(({ id: sectionId, title, Component }) => (
            <div key={sectionId} className={`detail-section section-${sectionId}`}>
              {title && <h3 className="section-title">{title}</h3>}
              <Component claim={data} />
            </div>
          ))}
      </div>
      {/* After the claim's fields in the focus order, so Tab from the list reaches the verdict first; shown in the toolbar. */}
      {!inSession && (
        <div className="detail-actions">
          <IconButton label="Delete claim" shortcut="Del" icon={<Trash size={15} />} onClick={commands.deleteClaim} />
        </div>
      )}
    </section>
  );
}
