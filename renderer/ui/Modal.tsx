import * as Dialog from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { focusFirstFieldWhenReady } from './dialogFocus';
import { focusHome } from './focusHome';

interface ModalProps {
  open: boolean;
  onOpenChange?: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** A modal the user must answer (no close button, Escape and outside clicks ignored). */
  required?: boolean;
  width?: number;
  /** A dialog whose content is a long list: in a short window it takes nearly the whole height. */
  tall?: boolean;
}

export function Modal({
  open,
  onOpenChange,
  title,
  description,
  children,
  required = false,
  width = 520,
  tall = false,
}: ModalProps) {
  const content = useRef<HTMLDivElement>(null);
  const stopWaiting = useRef<() => void>(() => undefined);
  useEffect(() => () => stopWaiting.current(), []);
  const block = (e: Event) => {
    if (required) e.preventDefault();
  };
  // Focus starts in the first field, so typing and Ctrl/Cmd+Enter work at once; a field that took
  // focus itself (autoFocus) keeps it.
  const focusFirstField = (e: Event) => {
    const box = content.current;
    if (!box) return;
    const active = document.activeElement;
    if (active instanceof HTMLElement && box.contains(active) && !active.closest('.modal-head')) return e.preventDefault();
    e.preventDefault();
    stopWaiting.current = focusFirstFieldWhenReady(box);
  };
  // Back to the list (or the document, or the session) rather than to whichever button opened the dialog.
  const returnFocus = (e: Event) => {
    stopWaiting.current();
    e.preventDefault();
    focusHome();
  };
  return (
    <Dialog.Root open={open} onOpenChange={required ? undefined : onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="modal-overlay" />
        <Dialog.Content
          ref={content}
          className={tall ? 'modal modal-tall' : 'modal'}
          style={{ width }}
          onOpenAutoFocus={focusFirstField}
          onCloseAutoFocus={returnFocus}
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
