import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { Flag } from 'lucide-react';
import { useRef } from 'react';
import type { CheckSession } from '../../shared/sessions';
import { Button } from '../ui/Button';
import { DialogActions } from '../ui/DialogActions';

/** Ending is final (an ended session takes no more work), so it asks once, with what stays open. */
export function EndSessionButton({ session, onEnd }: { session: CheckSession; onEnd: () => void }) {
  const open = session.counts.total - session.counts.done;
  const end = useRef<HTMLButtonElement>(null);
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>
        <Button size="sm" variant="primary">
          <Flag size={14} aria-hidden /> End session
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="modal-overlay" />
        <AlertDialog.Content className="modal" style={{ width: 440 }}>
          <div className="modal-head">
            <AlertDialog.Title className="modal-title">End “{session.name}”?</AlertDialog.Title>
          </div>
          <AlertDialog.Description className="modal-description">
            {open > 0
              ? `${open.toLocaleString()} ${open === 1 ? 'claim is' : 'claims are'} still open; the summary lists them. `
              : 'Every claim in the queue is done. '}
            An ended session records its summary and takes no more work.
          </AlertDialog.Description>
          {/* Focus stays on "Keep working" (ending is final); Ctrl/Cmd+Enter ends, as a click would. */}
          <DialogActions onSubmit={() => end.current?.click()}>
            <AlertDialog.Cancel asChild>
              <Button>Keep working</Button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <Button ref={end} variant="primary" onClick={onEnd}>
                <Flag size={14} aria-hidden /> End session
              </Button>
            </AlertDialog.Action>
          </DialogActions>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
