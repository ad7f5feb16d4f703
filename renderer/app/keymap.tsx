import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { bindingFor, isDispatched, type DispatchedCommand, type KeyMode } from '../../shared/keymap';
import { DIALOG_SELECTOR } from '../ui/focusHome';
import { isTextEntry } from './shortcuts';

export { focusHome } from '../ui/focusHome';

/** Runs a command for a key press; `false` means "does not apply now", and the key keeps its default. */
export type KeyHandler = (e: KeyboardEvent) => void | false;
export type KeyHandlers = Partial<Record<DispatchedCommand, KeyHandler>>;

/** What decides the mode besides focus: which view fills the middle pane. */
export interface ModeInputs {
  sessionOpen: boolean;
  view: 'claims' | 'document';
}

type Registry = Map<DispatchedCommand, KeyHandler>;
const RegistryContext = createContext<Registry | null>(null);

/** The mode a key press lands in; null where an open menu owns the keys. */
export function currentMode(target: EventTarget | null, inputs: ModeInputs): KeyMode | null {
  if (document.querySelector(DIALOG_SELECTOR)) return 'dialog';
  if (target instanceof Element && target.closest('[role="menu"]')) return null;
  if (isTextEntry(target)) return 'text';
  if (inputs.sessionOpen) return 'session';
  return inputs.view === 'document' ? 'document' : 'list';
}

/**
 * The one keyboard dispatcher: a window listener that finds the binding for the current mode in
 * shared/keymap.ts and runs the handler registered for it. It acts in the bubble phase, after the
 * focused component had its say (a component that used a key calls preventDefault), but reads the
 * mode in the capture phase: Radix closes a dialog on Esc before the bubble phase, and that Esc
 * must not then count as an Esc on the list.
 */
export function KeymapProvider({ inputs, children }: { inputs: ModeInputs; children: ReactNode }) {
  const registry = useMemo<Registry>(() => new Map(), []);
  const latest = useRef(inputs);
  useEffect(() => {
    latest.current = inputs;
  });

  useEffect(() => {
    const modeAtStart = new WeakMap<Event, KeyMode | null>();
    const onCapture = (e: KeyboardEvent) => {
      modeAtStart.set(e, currentMode(e.target, latest.current));
    };
    const onBubble = (e: KeyboardEvent) => {
      if (e.isComposing) return;
      const mode = modeAtStart.has(e) ? modeAtStart.get(e)! : currentMode(e.target, latest.current);
      if (!mode) return;
      const binding = bindingFor(mode, e);
      if (!binding || !isDispatched(binding)) return;
      const command = binding.command as DispatchedCommand;
      // Leaving a field happens even after the field handled its Esc (reset a draft, closed nothing).
      if (e.defaultPrevented && command !== 'field.leave') return;
      const run = registry.get(command);
      if (!run || run(e) === false) return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onCapture, true);
    window.addEventListener('keydown', onBubble);
    return () => {
      window.removeEventListener('keydown', onCapture, true);
      window.removeEventListener('keydown', onBubble);
    };
  }, [registry]);

  return <RegistryContext.Provider value={registry}>{children}</RegistryContext.Provider>;
}

/**
 * Registers handlers for keymap commands while the calling component is mounted (and `enabled`).
 * Each command has one owner; a second registration of the same command is a bug and is reported.
 */
export function useKeyHandlers(handlers: KeyHandlers, enabled = true): void {
  const registry = useContext(RegistryContext);
  if (!registry) throw new Error('useKeyHandlers outside KeymapProvider');
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  const commands = (Object.keys(handlers) as DispatchedCommand[]).sort().join(' ');

  useEffect(() => {
    if (!enabled) return;
    const owned = commands.split(' ').filter(Boolean) as DispatchedCommand[];
    for (const command of owned) {
      if (registry.has(command)) console.warn(`Key command ${command} registered twice; the latest wins.`);
      registry.set(command, (e) => latest.current[command]?.(e));
    }
    return () => {
      for (const command of owned) registry.delete(command);
    };
  }, [registry, commands, enabled]);
}
