import { useQuery } from '@tanstack/react-query';
import { MousePointerClick, Trash } from 'lucide-react';
import { operationQuery } from '../api/queries';
import { useCommands } from '../app/commands';
import { useWorkbench } from '../app/workbench';
import { EmptyState } from '../ui/EmptyState';
import { IconButton } from '../ui/IconButton';
import { Spinner } from '../ui/Progress';
import { detailSections } from './sections';

export function DetailPane() {
  const { state, pages } = useWorkbench();
  const commands = useCommands();
  const { id, index } = state.selection;
  const listed = pages.itemAt(index);
  const claim = useQuery({
    ...operationQuery('claims.get', { id: id ?? '' }),
    enabled: id !== null,
    // The list row is the same claim; show it at once while the full record loads.
    placeholderData: listed && listed.id === id ? listed : undefined,
  });

  if (!id || pages.total === 0) {
    return (
      <section className="pane detail-pane" aria-label="Claim detail">
        <EmptyState icon={<MousePointerClick size={28} />} title="No claim selected">
          Pick a claim from the list, or move through them with J and K.
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
    <section className="pane detail-pane" aria-label="Claim detail">
      <div className="pane-toolbar">
        <h2 className="pane-title">
          Claim {(index + 1).toLocaleString()} <span className="muted">of {pages.total?.toLocaleString() ?? '…'}</span>
        </h2>
        <div className="toolbar-actions">
          <IconButton label="Delete claim" shortcut="Del" icon={<Trash size={15} />} onClick={commands.deleteClaim} />
        </div>
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
    </section>
  );
}
