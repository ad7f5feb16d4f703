import { useQueryClient } from '@tanstack/react-query';
import { FolderOpen, GitMerge, OctagonX, RefreshCw, ShieldCheck } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChosenFile, MergePreview } from '../../shared/team';
import { ApiError, call, errorMessage } from '../api/client';
import { freshAfterWrite } from '../api/queries';
import { whereIs } from '../app/commandPlaces';
import { Button } from '../ui/Button';
import { DialogActions } from '../ui/DialogActions';
import { Modal } from '../ui/Modal';
import { useNotify } from '../ui/notices';
import { ProgressBar, Spinner } from '../ui/Progress';
import { count, forgottenUndoCount, forgottenUndoNote } from './format';
import { MergePreviewView } from './MergePreviewView';
import { KeyConflictsNotice, UnsignedChangesNote } from './KeyConflictsNotice';
import { SameTextDocumentsNote } from './SameTextDocumentsNote';
import { useTeamDialogs } from './useTeamDialogs';
import './team.css';

type MergeStep =
  | { phase: 'choosing' }
  | { phase: 'reading'; file: ChosenFile }
  | { phase: 'preview'; file: ChosenFile; preview: MergePreview }
  | { phase: 'applying'; file: ChosenFile; preview: MergePreview }
  | { phase: 'refused'; file: ChosenFile | null; message: string; changedSincePreview?: boolean };

const TITLES: Record<MergeStep['phase'], string> = {
  choosing: 'Merge from a teammate',
  reading: 'Merge from a teammate',
  preview: 'Review the merge',
  applying: 'Review the merge',
  refused: 'This file cannot be merged',
};

/** File ▸ Merge from Teammate…: choose a share file, review what it brings, then apply. */
export function MergeDialog() {
  const { current, close } = useTeamDialogs();
  const open = current === 'merge';
  const [step, setStep] = useState<MergeStep>({ phase: 'choosing' });
  const applying = step.phase === 'applying';
  // Each opening starts over at the file chooser (state adjusted while rendering, as React advises).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setStep({ phase: 'choosing' });
  }
  return (
    <Modal
      open={open}
      onOpenChange={(o) => !o && !applying && close()}
      title={TITLES[step.phase]}
      description={
        step.phase === 'refused'
          ? 'Claimbench checked the file and refused it. Your workspace was not changed.'
          : 'Nothing changes until you apply. The preview shows what the merge would add, change and put in conflict.'
      }
      width={760}
      tall
    >
      {open && <MergeFlow step={step} setStep={setStep} onClose={close} />}
    </Modal>
  );
}

function MergeFlow({ step, setStep, onClose }: { step: MergeStep; setStep: (s: MergeStep) => void; onClose: () => void }) {
  const client = useQueryClient();
  const notify = useNotify();
  const { open } = useTeamDialogs();

  const previewFile = useCallback(
    async (file: ChosenFile) => {
      setStep({ phase: 'reading', file });
      try {
        setStep({ phase: 'preview', file, preview: await call('team.mergePreview', { chosen: file.token }) });
      } catch (e) {
        setStep({ phase: 'refused', file, message: errorMessage(e) });
      }
    },
    [setStep],
  );

  const choose = useCallback(async () => {
    setStep({ phase: 'choosing' });
    let file: ChosenFile | null = null;
    try {
      // The core keeps the chosen path and hands back a token for it.
      file = (await call('team.chooseShareFile', {})).file;
      if (!file) return onClose();
      await previewFile(file);
    } catch (e) {
      setStep({ phase: 'refused', file, message: errorMessage(e) });
    }
  }, [setStep, onClose, previewFile]);

  // The person asked to merge: go straight to the file chooser when the dialog opens.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void choose();
  }, [choose]);

  const apply = async (file: ChosenFile, preview: MergePreview) => {
    const heldBack = preview.keyConflicts.reduce((n, c) => n + c.heldBack, 0);
    setStep({ phase: 'applying', file, preview });
    try {
      // The content hash ties the merge to this preview: a file changed since is refused.
      const result = await call('team.merge', { chosen: file.token, expectHash: preview.contentHash });
      await freshAfterWrite(client);
      onClose();
      const conflicts = result.conflictCount;
      const outcome = heldBack
        ? `Merged ${count(result.newChanges, 'change')} from ${file.name}; ${count(heldBack, 'change')} held back: signed with a key this workspace does not trust (see ${whereIs('sync')} or claimbench keys).`
        : result.applied
          ? `Merged ${count(result.newChanges, 'change')} from ${file.name}${
              conflicts ? `; ${count(conflicts, 'conflicted claim')} to resolve` : ''
            }.`
          : `Nothing new in ${file.name}: you already have all of it.`;
      // A line or two over the work; which actions undo lost, and the backup, are behind Details.
      const forgotten = forgottenUndoNote(result.undoStepsForgotten, result.undoForgotten).trim();
      const details = [result.applied ? 'A backup was taken first.' : '', forgotten].filter(Boolean).join(' ');
      notify({
        message: `${outcome}${forgottenUndoCount(result.undoStepsForgotten)}`,
        ...(details ? { details } : {}),
        tone: conflicts || heldBack ? 'warning' : 'info',
        ...(conflicts ? { action: { label: 'Resolve', run: () => open('conflicts') } } : {}),
      });
    } catch (e) {
      // CONFLICT: the file changed after this preview; the person may look at what it holds now.
      const changedSincePreview = e instanceof ApiError && e.code === 'CONFLICT';
      setStep({ phase: 'refused', file, message: errorMessage(e), changedSincePreview });
    }
  };

  switch (step.phase) {
    case 'choosing':
      return (
        <div className="team-waiting">
          <Spinner label="Choose a share file in the file dialog…" />
        </div>
      );
    case 'reading':
      return (
        <div className="team-waiting">
          <Spinner label={`Checking ${step.file.name}…`} />
        </div>
      );
    case 'refused':
      return (
        <div className="team-refused" role="alert">
          <div className="team-refused-body">
            <OctagonX size={20} className="team-refused-icon" aria-hidden />
            <div>
              {step.file && <p className="team-refused-file">{step.file.name}</p>}
              <p className="team-refused-message">{step.message}</p>
            </div>
          </div>
          <div className="form-actions">
            {step.changedSincePreview && step.file && (
              <Button onClick={() => void previewFile(step.file!)}>
                <RefreshCw size={14} aria-hidden /> Preview again
              </Button>
            )}
            <Button onClick={() => void choose()}>
              <FolderOpen size={14} aria-hidden /> Choose another file…
            </Button>
            <Button variant="primary" onClick={onClose}>
              Close
            </Button>
          </div>
        </div>
      );
    case 'preview':
    case 'applying': {
      const { file, preview } = step;
      const busy = step.phase === 'applying';
      const nothingNew = preview.newChanges === 0;
      return (
        <div className="team-merge">
          <KeyConflictsNotice
            conflicts={preview.keyConflicts}
            recorded={false}
            onResolved={() =>
              void call('team.mergePreview', { chosen: file.token }).then((p) => setStep({ phase: 'preview', file, preview: p }))
            }
          />
          <UnsignedChangesNote unsigned={preview.unsignedChanges} />
          <SameTextDocumentsNote documents={preview.sameTextDocuments ?? []} />
          {/* With every new change held back, "nothing new" would be wrong: the notice above says what there is. */}
          {!(nothingNew && preview.keyConflicts.length > 0) && <MergePreviewView preview={preview} fileName={file.name} />}
          <DialogActions className="team-footer" onSubmit={() => !busy && !nothingNew && void apply(file, preview)}>
            <div className="team-footer-status">
              {busy ? (
                <div className="team-progress">
                  <span aria-live="polite">Backing up, then merging…</span>
                  <ProgressBar value={null} label="Merge progress" />
                </div>
              ) : (
                !nothingNew && (
                  <p className="team-backup-note muted">
                    <ShieldCheck size={14} aria-hidden />A backup of this workspace is taken before anything changes, and the
                    merge is applied all at once or not at all.
                  </p>
                )
              )}
            </div>
            <Button onClick={onClose} disabled={busy}>
              {nothingNew ? 'Close' : 'Cancel'}
            </Button>
            {!nothingNew && (
              <Button variant="primary" type="submit" disabled={busy}>
                <GitMerge size={14} aria-hidden /> {busy ? 'Merging…' : 'Apply merge'}
              </Button>
            )}
          </DialogActions>
        </div>
      );
    }
  }
}
