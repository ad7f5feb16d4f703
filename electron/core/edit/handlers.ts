import type { Handlers } from '../handler-types';

export const editHandlers = {
  'edit.undo': (_input, { workspace }) => workspace.undo.undo(),
  'edit.redo': (_input, { workspace }) => workspace.undo.redo(),
  'edit.state': (_input, { workspace }) => workspace.undo.state(),
} satisfies Partial<Handlers>;
