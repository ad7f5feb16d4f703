import { FileText, Files, Plus } from 'lucide-react';
import type { KeyboardEvent, ReactNode } from 'react';
import { useOperationQuery } from '../api/queries';
import { useCommands } from '../app/commands';
import { useWorkbench } from '../app/workbench';
import { Button } from '../ui/Button';
import { focusHome } from '../ui/focusHome';
import { EmptyState } from '../ui/EmptyState';
import { IconButton } from '../ui/IconButton';
import { Spinner } from '../ui/Progress';

const optionId = (id: string | null) => `doc-option-${id ?? 'all'}`;

export function DocumentsPane() {
  const { state, dispatch, refs } = useWorkbench();
  const { documentList } = refs;
  const commands = useCommands();
  const documents = useOperationQuery('documents.list', {});
  const stats = useOperationQuery('stats.get', {});
  const docs = documents.data ?? [];
  const scopes: (string | null)[] = [null, ...docs.map((d) => d.id)];

  // The pane's own keys (Shift+D, from the keymap, brings the keyboard here): they pick a scope, and
  // Enter takes the keyboard on to the claims of the one picked.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      focusHome();
      return;
    }
    const at = scopes.indexOf(state.documentId);
    const target = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: scopes.length - 1 }[e.key];
    if (target === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    const next = scopes[Math.min(scopes.length - 1, Math.max(0, target))];
    dispatch({ type: 'scope', documentId: next ?? null });
  };

  return (
    <nav className="pane documents-pane" aria-label="Documents">
      <div className="pane-toolbar">
        <h2 className="pane-title">Documents</h2>
        <div className="toolbar-actions">
          <IconButton label="New document" shortcut="N" icon={<Plus size={16} />} onClick={() => commands.newDocument()} />
        </div>
      </div>
      {documents.isPending ? (
        <Spinner label="Loading documents…" />
      ) : (
        <div
          ref={documentList}
          className="doc-list"
          role="listbox"
          aria-label="Documents"
          tabIndex={0}
          aria-activedescendant={optionId(state.documentId)}
          onKeyDown={onKeyDown}
        >
          <DocumentOption
            id={null}
            selected={state.documentId === null}
            title="All claims"
            icon={<Files size={15} aria-hidden />}
            checked={stats.data?.reviewed ?? 0}
            total={stats.data?.total ?? 0}
            onSelect={() => dispatch({ type: 'scope', documentId: null })}
          />
          {docs.map((d) => (
            <DocumentOption
              key={d.id}
              id={d.id}
              selected={state.documentId === d.id}
              title={d.title}
              icon={<FileText size={15} aria-hidden />}
              checked={d.checkedCount}
              total={d.claimCount}
              onSelect={() => dispatch({ type: 'scope', documentId: d.id })}
            />
          ))}
        </div>
      )}
      {documents.data && docs.length === 0 && (
        <EmptyState
          icon={<FileText size={24} />}
          title="No documents yet"
          action={
            <Button size="sm" onClick={() => commands.newDocument()}>
              New document
            </Button>
          }
        >
          Paste an article, or import .txt, .md, .html, .docx or .pdf files to start.
        </EmptyState>
      )}
    </nav>
  );
}

interface DocumentOptionProps {
  id: string | null;
  selected: boolean;
  title: string;
  icon: ReactNode;
  checked: number;
  total: number;
  onSelect: () => void;
}

function DocumentOption({ id, selected, title, icon, checked, total, onSelect }: DocumentOptionProps) {
  const share = total > 0 ? checked / total : 0;
  return (
    <div
      id={optionId(id)}
      role="option"
      aria-selected={selected}
      className={`doc-row ${selected ? 'is-selected' : ''}`}
      onClick={onSelect}
      title={title}
    >
      <span className="doc-icon">{icon}</span>
      <span className="doc-body">
        <span className="doc-title">{title}</span>
        <span className="doc-meta">
          <span className="doc-bar" aria-hidden>
            <span className="doc-bar-fill" style={{ width: `${Math.round(share * 100)}%` }} />
          </span>
          <span className="doc-count">
            {checked.toLocaleString()}/{total.toLocaleString()}
          </span>
        </span>
      </span>
    </div>
  );
}
