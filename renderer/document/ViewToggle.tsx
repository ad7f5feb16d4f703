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
        onClick={() => dispatch({ type: 'view', view: 'claims' })}
      >
        <List size={14} aria-hidden /> Claims
      </button>
      <button
        type="button"
        className="view-toggle-option"
        aria-pressed={view === 'document'}
        onClick={() => dispatch({ type: 'view', view: 'document' })}
      >
        <FileText size={14} aria-hidden /> Document
      </button>
    </div>
  );
}
