import * as AlertDialog from '@radix-ui/react-alert-dialog';
import type { ReactNode } from 'react';
import { Button } from './Button';

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
        <AlertDialog.Content className="modal" style={{ width: 460 }} data-testid={testId}>
          <div className="modal-head">
            <AlertDialog.Title className="modal-title">{title}</AlertDialog.Title>
          </div>
          <AlertDialog.Description asChild>
            <div className="modal-description">{children}</div>
          </AlertDialog.Description>
          <div className="form-actions">
            <AlertDialog.Cancel asChild>
              <Button>{cancelLabel}</Button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <Button variant={tone} onClick={onConfirm}>
                {confirmLabel}
              </Button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
