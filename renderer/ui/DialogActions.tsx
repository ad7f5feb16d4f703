import type { ReactNode } from 'react';

interface DialogActionsProps {
  /** The dialog's main action: the submit button below runs it, and so does Ctrl/Cmd+Enter (`dialog.submit`). */
  onSubmit: () => void;
  className?: string;
  children: ReactNode;
}

/**
 * The button row of a dialog without fields, as a form: its main action is the form's submit, so
 * Ctrl/Cmd+Enter and the opening focus treat it like every dialog with fields. Mark that one button
 * `type="submit"`.
 */
export function DialogActions({ onSubmit, className = 'form-actions', children }: DialogActionsProps) {
  return (
    <form
      className={className}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}
