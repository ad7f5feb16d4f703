import * as Dialog from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import { useRef, type ReactNode } from 'react';
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
}

const FIELD =
  'input:not([type="hidden"]):not(:disabled), textarea:not(:disabled), select:not(:disabled), [role="radio"], [role="combobox"], [role="listbox"]';

const visible = (el: HTMLElement) => el.getClientRects().length > 0;

/** The dialog's first field (a radio group's checked option), outside the head with its close button. */
export function firstField(content: HTMLElement): HTMLElement | null {
  const fields = [...content.querySelectorAll<HTMLElement>(FIELD)].filter((el) => visible(el) && !el.closest('.modal-head'));
  const first = fields[0];
  if (first instanceof HTMLInputElement && first.type === 'radio' && first.name) {
    return fields.find((el) => el instanceof HTMLInputElement && el.name === first.name && el.checked) ?? first;
  }
  if (first?.getAttribute('role') === 'radio') {
    return fields.find((el) => el.getAttribute('role') === 'radio' && el.getAttribute('aria-checked') === 'true') ?? first;
  }
  return first ?? null;
}

export function Modal({ open, onOpenChange, title, description, children, required = false, width = 520 }: ModalProps) {
  const content = useRef<HTMLDivElement>(null);
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
    const field = firstField(box);
    if (!field) return;
    e.preventDefault();
    field.focus();
  };
  // Back to the list (or the document, or the session) rather than to whichever button opened the dialog.
  const returnFocus = (e: Event) => {
    e.preventDefault();
    focusHome();
  };
  return (
    <Dialog.Root open={open} onOpenChange={required ? undefined : onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="modal-overlay" />
        <Dialog.Content
          ref={content}
          className="modal"
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
