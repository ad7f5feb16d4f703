import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useRef, type ReactNode } from 'react';
import { Button } from './Button';
import { DialogActions } from './DialogActions';

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: ReactNode;
  cancelLabel: string;
  confirmLabel: string;
  onConfirm: () => void;
  /** Called when the person picks the cancel answer (Escape and the overlay count too). */
  onCancel?: () => void;
  tone?: 'primary' | 'danger';
  testId?: string;
}

/** A question with two answers, asked before something the person may not expect. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, onOpenChange, title, children, cancelLabel, confirmLabel, onConfirm, onCancel, tone = 'primary', testId } = props;
  const confirm = useRef<HTMLButtonElement>(null);
  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        if (!next) onCancel?.();
        onOpenChange(next);
      }}
    >
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="modal-overlay" />
        <AlertDialog.Content
          className="modal"
          style={{ width: 460 }}
          data-testid={testId}
          // The answer asked for has the focus; a destructive one leaves it on the cancel answer (Radix's default).
          onOpenAutoFocus={(e) => {
            if (tone === 'danger') return;
            e.preventDefault();
            confirm.current?.focus();
          }}
        >
          <div className="modal-head">
            <AlertDialog.Title className="modal-title">{title}</AlertDialog.Title>
          </div>
          <AlertDialog.Description asChild>
            <div className="modal-description">{children}</div>
          </AlertDialog.Description>
          {/* Ctrl/Cmd+Enter answers as a click on the confirm button would (Radix closes the dialog on that click). */}
          <DialogActions onSubmit={() => confirm.current?.click()}>
            <AlertDialog.Cancel asChild>
              <Button>{cancelLabel}</Button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <Button ref={confirm} variant={tone} onClick={onConfirm}>
                {confirmLabel}
              </Button>
            </AlertDialog.Action>
          </DialogActions>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
