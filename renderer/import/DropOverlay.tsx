import { useQueryClient } from '@tanstack/react-query';
import { FileUp } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useWorkbench } from '../app/workbench';
import { useNotify } from '../ui/notices';
import { importPicked, isBusy } from './importJob';
import { pickedFromDrop } from './readFiles';
import './import.css';

const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

/** Files dropped anywhere on the window are imported; while dragging, the whole window says so. */
export function DropOverlay() {
  const { dispatch } = useWorkbench();
  const client = useQueryClient();
  const notify = useNotify();
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child crossed; count them to know when the drag left the window.
  const depth = useRef(0);

  useEffect(() => {
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth.current += 1;
      setOver(true);
    };
    const overWindow = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      // Without this the drop would navigate to the file.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e) || !e.dataTransfer) return;
      e.preventDefault();
      depth.current = 0;
      setOver(false);
      if (isBusy()) {
        notify({ tone: 'warning', message: 'An import is still running. Drop more files when it has finished.' });
        return;
      }
      const picked = pickedFromDrop(e.dataTransfer);
      if (picked.length === 0) return;
      dispatch({ type: 'dialog', dialog: 'import' });
      void importPicked(client, picked);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overWindow);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overWindow);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [client, dispatch, notify]);

  if (!over) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay" aria-hidden>
      <div className="drop-overlay-card">
        <FileUp size={36} />
        <p className="drop-overlay-title">Drop to import</p>
        <p className="drop-overlay-body">.txt, .md, .html, .docx and .pdf — each file becomes a document</p>
      </div>
    </div>
  );
}
