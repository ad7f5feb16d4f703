import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { AddClaimDialog } from '../claims/AddClaimDialog';
import { ClaimsPane } from '../claims/ClaimsPane';
import { DetailPane } from '../detail/DetailPane';
import { DocumentsPane } from '../documents/DocumentsPane';
import { NewDocumentDialog } from '../documents/NewDocumentDialog';
import { ExportDialog } from '../export/ExportDialog';
import { DocumentView } from '../document/DocumentView';
import { DropOverlay } from '../import/DropOverlay';
import { ImportDialog } from '../import/ImportDialog';
import { TeamDialogs } from '../team/TeamDialogs';
import { SessionDialogs } from '../sessions/SessionDialogs';
import { SessionWorkbench } from '../sessions/SessionWorkbench';
import { ActivityDialog } from '../evidence/ActivityDialog';
import { LibrariesDialog } from '../library/LibrariesDialog';
import { useLibraryKeyboard } from '../library/useLibraryKeyboard';
import { useViewPersistence } from '../search/useViewPersistence';
import { useTriageKeyboard } from '../triage/useTriageKeyboard';
import { NoticeProvider } from '../ui/notices';
import { TooltipProvider } from '../ui/Tooltip';
import { AuthorDialog } from './AuthorDialog';
import { useCommands } from './commands';
import { Header } from './Header';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useAppEvents } from './useAppEvents';
import { KeymapProvider } from './keymap';
import { useKeyboard } from './useKeyboard';
import { useWorkbench, WorkbenchProvider } from './workbench';
import { WorkspaceGate } from './Welcome';

/** The one key dispatcher (./keymap) around the shell: it reads which view fills the middle pane. */
function KeyedShell() {
  const { state } = useWorkbench();
  return (
    <KeymapProvider inputs={{ sessionOpen: state.sessionOpen && state.sessionId !== null, view: state.view }}>
      <Shell />
    </KeymapProvider>
  );
}

function Shell() {
  const { state } = useWorkbench();
  const commands = useCommands();
  useKeyboard(commands);
  useTriageKeyboard(commands);
  useLibraryKeyboard();
  useViewPersistence();
  useAppEvents(commands);
  return (
    <div className="app">
      <Header />
      <main className="panes">
        <DocumentsPane />
        {state.sessionOpen && state.sessionId ? (
          <SessionWorkbench key={state.sessionId} sessionId={state.sessionId} />
        ) : state.view === 'document' && state.documentId ? (
          <DocumentView key={state.documentId} documentId={state.documentId} />
        ) : (
          <ClaimsPane />
        )}
        <DetailPane session={state.sessionOpen ? state.sessionId : null} />
      </main>
      <NewDocumentDialog />
      <AddClaimDialog />
      <ShortcutsDialog />
      <AuthorDialog />
      <ExportDialog />
      <ImportDialog />
      <DropOverlay />
      <TeamDialogs />
      <ActivityDialog />
      <SessionDialogs />
      <LibrariesDialog />
    </div>
  );
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <TooltipProvider>
        <NoticeProvider>
          <WorkspaceGate>
            <WorkbenchProvider>
              <KeyedShell />
            </WorkbenchProvider>
          </WorkspaceGate>
        </NoticeProvider>
      </TooltipProvider>
    </QueryClientProvider>
  );
}
