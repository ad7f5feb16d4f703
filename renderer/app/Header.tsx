import * as Menu from '@radix-ui/react-dropdown-menu';
import { ChevronDown, FilePlus, FolderOpen, FolderPlus, Keyboard, Redo2, Undo2 } from 'lucide-react';
import { useState, type ComponentType } from 'react';
import { NOT_REVIEWED, VERDICT_FILTERS, verdictExplained, verdictFilterLabel } from '../../shared/domain';
import { useOperationQuery } from '../api/queries';
import { ExportButton } from '../export/ExportButton';
import { ImportButton } from '../import/ImportButton';
import { ActivityButton } from '../evidence/ActivityButton';
import { TeamHeader } from '../team/TeamMenu';
import { SessionHeader } from '../sessions/SessionHeader';
import { Button } from '../ui/Button';
import { IconButton } from '../ui/IconButton';
import { Tooltip } from '../ui/Tooltip';
import { VerdictIcon } from '../ui/Verdict';
import { useCommands } from './commands';
import { currentHost } from './commandPlaces';
import { useKeyHandlers } from './keymap';
import { MOD, shortcutOf } from './shortcuts';
import { WorkspaceDialog, type WorkspaceDialogKind } from './WorkspaceDialog';
import { useWorkbench } from './workbench';
import { mergeBoundaryName } from '../team/format';
import { countLabel } from '../../shared/text/count-label';

function Brand() {
  const session = useOperationQuery('identity.get', {});
  const browser = currentHost() === 'browser';
  return (
    <div className="brand">
      <span className="brand-mark" aria-hidden>
        C
      </span>
      <h1 className="brand-name">Claimbench</h1>
      {session.data && browser && <WorkspaceMenu name={session.data.workspace.name} />}
      {session.data && !browser && (
        <span className="brand-workspace muted" title={session.data.workspace.location}>
          {session.data.workspace.name}
        </span>
      )}
    </div>
  );
}

/**
 * The browser host has no File menu: the workspace's name opens New workspace… and Open a workspace…,
 * with the desktop's keys (the desktop's own File menu answers them there).
 */
function WorkspaceMenu({ name }: { name: string }) {
  const [dialog, setDialog] = useState<WorkspaceDialogKind | null>(null);
  useKeyHandlers({ 'workspace.new': () => setDialog('new'), 'workspace.open': () => setDialog('open') });
  return (
    <>
      <Menu.Root>
        <Tooltip content="Workspace: new, open another">
          <Menu.Trigger asChild>
            <button type="button" className="brand-workspace brand-workspace-menu muted" aria-label={`Workspace: ${name}`}>
              {name}
              <ChevronDown size={12} aria-hidden />
            </button>
          </Menu.Trigger>
        </Tooltip>
        <Menu.Portal>
          <Menu.Content className="menu team-menu" align="start" sideOffset={6}>
            <Menu.Item className="menu-item team-menu-item" onSelect={() => setDialog('new')}>
              <FolderPlus size={14} aria-hidden /> New workspace…
              <span className="team-menu-kbd">{shortcutOf('workspace.new')}</span>
            </Menu.Item>
            <Menu.Item className="menu-item team-menu-item" onSelect={() => setDialog('open')}>
              <FolderOpen size={14} aria-hidden /> Open a workspace…
              <span className="team-menu-kbd">{shortcutOf('workspace.open')}</span>
            </Menu.Item>
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
      <WorkspaceDialog kind={dialog} onClose={() => setDialog(null)} />
    </>
  );
}

/**
 * "14 of 28 reviewed" for the current scope (any decision counts, Unverified too), and the counts
 * by state, Not reviewed included (each a filter toggle).
 */
function Progress() {
  const { state, dispatch } = useWorkbench();
  const stats = useOperationQuery('stats.get', state.documentId ? { documentId: state.documentId } : {});
  const s = stats.data;
  if (!s) return <div className="progress-summary" />;
  const share = s.total > 0 ? s.reviewed / s.total : 0;
  return (
    <div className="progress-summary">
      <div
        className="progress-text"
        data-testid="progress-text"
        aria-live="polite"
        title={`${s.reviewed.toLocaleString()} of ${countLabel(s.total, 'claim')} reviewed`}
      >
        {/* "12 of 40 reviewed", or "12/40 reviewed" where the header is narrow (a container query picks). */}
        <strong>{s.reviewed.toLocaleString()}</strong>
        <span className="progress-of"> of </span>
        {s.total.toLocaleString()} reviewed
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-label="Claims reviewed"
        aria-valuemin={0}
        aria-valuemax={s.total}
        aria-valuenow={s.reviewed}
      >
        <span className="progress-track-fill" style={{ width: `${share * 100}%` }} />
      </div>
      <div className="verdict-counts" role="group" aria-label="Counts by verdict (click to filter)">
        {VERDICT_FILTERS.map((v) => (
          <button
            key={v}
            type="button"
            className={`verdict-count verdict-${v}`}
            aria-pressed={state.verdict === v}
            data-testid={`count-${v}`}
            title={`${verdictExplained(v)}. Click to show only these claims.`}
            onClick={() => dispatch({ type: 'verdict', verdict: state.verdict === v ? null : v })}
          >
            <VerdictIcon verdict={v === NOT_REVIEWED ? null : v} size={14} />
            <span className="verdict-count-label">{verdictFilterLabel(v)}</span>
            <span className="verdict-count-value">{(v === NOT_REVIEWED ? s.unreviewed : s[v]).toLocaleString()}</span>
          </button>
        ))}
      </div>
    </div>
  );
}

function Actions() {
  const commands = useCommands();
  const undoState = useOperationQuery('edit.state', {});
  const u = undoState.data;
  return (
    <div className="header-actions">
      <IconButton
        label={
          u?.undoLabel
            ? `Undo ${u.undoLabel}${u.undoBeforeMerge ? `, done before ${mergeBoundaryName(u.undoBeforeMerge)}` : ''}`
            : 'Undo'
        }
        shortcut={`${MOD}+Z`}
        icon={<Undo2 size={16} />}
        disabled={!u?.canUndo}
        onClick={commands.undo}
      />
      <IconButton
        label={u?.redoLabel ? `Redo ${u.redoLabel}` : 'Redo'}
        shortcut={`${MOD}+Shift+Z`}
        icon={<Redo2 size={16} />}
        disabled={!u?.canRedo}
        onClick={commands.redo}
      />
      <IconButton label="Keyboard shortcuts" shortcut="?" icon={<Keyboard size={16} />} onClick={commands.showShortcuts} />
      <Tooltip
        content={
          <>
            New document<span className="tooltip-kbd">N</span>
          </>
        }
      >
        <Button variant="primary" size="sm" className="new-document" onClick={() => commands.newDocument()}>
          <FilePlus size={14} aria-hidden /> <span className="new-document-label">New document</span>
        </Button>
      </Tooltip>
    </div>
  );
}

function Author() {
  const session = useOperationQuery('identity.get', {});
  const name = session.data?.author;
  if (!name) return null;
  return (
    <span className="author-chip" title={`Changes are recorded as ${name}`}>
      <span className="author-initial" aria-hidden>
        {name.trim().charAt(0).toUpperCase()}
      </span>
      <span className="visually-hidden">Checking as </span>
      <span className="author-name">{name}</span>
    </span>
  );
}

export interface HeaderItem {
  id: string;
  Component: ComponentType;
  /** Where it sits: the left cluster, the centre, or the right cluster. */
  slot: 'start' | 'center' | 'end';
}

/** The header, left to right. Later features (search, import, merge) add entries. */
export const headerItems: HeaderItem[] = [
  { id: 'brand', Component: Brand, slot: 'start' },
  { id: 'team', Component: TeamHeader, slot: 'start' },
  { id: 'progress', Component: Progress, slot: 'center' },
  { id: 'session', Component: SessionHeader, slot: 'end' },
  { id: 'import', Component: ImportButton, slot: 'end' },
  { id: 'export', Component: ExportButton, slot: 'end' },
  { id: 'activity', Component: ActivityButton, slot: 'end' },
  { id: 'actions', Component: Actions, slot: 'end' },
  { id: 'author', Component: Author, slot: 'end' },
];

export function Header() {
  const slot = (name: HeaderItem['slot']) =>
    headerItems.filter((i) => i.slot === name).map(({ id, Component }) => <Component key={id} />);
  return (
    <header className="app-header">
      <div className="header-slot header-start">{slot('start')}</div>
      <div className="header-slot header-center">{slot('center')}</div>
      <div className="header-slot header-end">{slot('end')}</div>
    </header>
  );
}
