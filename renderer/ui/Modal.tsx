import * as Dialog from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import type { ReactNode } from 'react';

interface ModalProps {
  open: boolean;
  onOpenChange?: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** A modal the user must answer (no close button, Escape and outside clicks ignored). */
  required?: boolean;
  width?: number;
}

export function Modal({ open, onOpenChange, title, description, children, required = false, width = 520 }: ModalProps) {
  const block = (e: Event) => {
    if (required) e.preventDefault();
  };
  return (
    <Dialog.Root open={open} onOpenChange={required ? undefined : onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="modal-overlay" />
        <Dialog.Content
          className="modal"
          style={{ width }}
          onEscapeKeyDown={block}
          onPointerDownOutside={block}
          onInteractOutside={block}
        >
          <div className="modal-head">
            <Dialog.Title className="modal-title">{title}</Dialog.Title>
            {!required && (
              <Dialog.Close className="btn btn-ghost icon-btn" aria-label="Close">
                <X size={16} aria-hidden />
              </Dialog.Close>
            )}
          </div>
          {description ? (
            <Dialog.Description className="modal-description">{description}</Dialog.Description>
          ) : (
            <Dialog.Description className="visually-hidden">{title}</Dialog.Description>
          )}
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
