import { FileText, List } from 'lucide-react';
import { useWorkbench } from '../app/workbench';
import './document.css';

/** Claims | Document: the middle pane lists a document's claims or shows its text (key V). */
export function ViewToggle() {
  const { state, dispatch } = useWorkbench();
  if (!state.documentId) return null;
  const view = state.view;
  return (
    <div className="view-toggle" role="group" aria-label="Show (V to switch)">
      <button
        type="button"
        className="view-toggle-option"
        aria-pressed={view === 'claims'}
        title="Claims (V)"
        onClick={() => dispatch({ type: 'view', view: 'claims' })}
      >
        <List size={14} aria-hidden /> <span className="view-toggle-label">Claims</span>
      </button>
      <button
        type="button"
        className="view-toggle-option"
        aria-pressed={view === 'document'}
        title="Document text (V)"
        onClick={() => dispatch({ type: 'view', view: 'document' })}
      >
        <FileText size={14} aria-hidden /> <span className="view-toggle-label">Document</span>
      </button>
    </div>
  );
}
