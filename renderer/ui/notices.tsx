import { X } from 'lucide-react';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { Button } from './Button';

export interface Notice {
  /** What happened, in a line or two: a notice never grows taller than two lines over the work. */
  message: string;
  /** The rest, shown on asking ("Details"): while it is open the notice stays until dismissed. */
  details?: string;
  tone?: 'info' | 'warning' | 'error';
  action?: { label: string; run: () => void };
  /**
   * A new notice replaces a shown one of the same kind (by default its tone), so an outdated
   * message never stays up beside the news that superseded it.
   */
  kind?: string;
}

interface ShownNotice extends Notice {
  id: number;
}

const NoticeContext = createContext<(notice: Notice) => void>(() => undefined);

export function useNotify(): (notice: Notice) => void {
  return useContext(NoticeContext);
}

const VISIBLE_MS = 7_000;
/** Above this many at once, the oldest goes: notices must not pile up over the list. */
const MAX_SHOWN = 2;

const kindOf = (n: Notice) => n.kind ?? n.tone ?? 'info';

/**
 * A warning or an error that offers an action ("Resolve") asks the person to do something: it stays until they
 * act on it or dismiss it. Others go by themselves (an Undo stays in the header and under Ctrl+Z).
 */
const staysUntilDismissed = (n: Notice) => !!n.action && (n.tone === 'warning' || n.tone === 'error');

/**
 * Short messages in a strip at the bottom of the window that takes its own room (the panes shrink above it, so a
 * notice never covers the work), announced to screen readers.
 */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<ShownNotice[]>([]);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const nextId = useRef(1);
  const timers = useRef(new Map<number, number>());

  const dismiss = useCallback((id: number) => {
    timers.current.delete(id);
    setNotices((all) => all.filter((n) => n.id !== id));
  }, []);

  const notify = useCallback(
    (notice: Notice) => {
      const id = nextId.current++;
      setNotices((all) => [...all.filter((n) => kindOf(n) !== kindOf(notice)), { ...notice, id }].slice(-MAX_SHOWN));
      if (staysUntilDismissed(notice)) return;
      timers.current.set(
        id,
        window.setTimeout(() => dismiss(id), notice.tone === 'error' ? VISIBLE_MS * 2 : VISIBLE_MS),
      );
    },
    [dismiss],
  );

  const toggleDetails = (id: number) => {
    // Someone reading the details decides when the notice goes.
    window.clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  };

  const value = useMemo(() => notify, [notify]);
  return (
    <NoticeContext.Provider value={value}>
      {children}
      <div className="notices" role="status" aria-live="polite" data-testid="notices">
        {notices.map((n) => {
          const open = expanded.has(n.id);
          const detailsId = `notice-details-${n.id}`;
          return (
            <div key={n.id} className={`notice notice-${n.tone ?? 'info'}${open ? ' is-expanded' : ''}`}>
              <span className="notice-text" title={n.details ? undefined : n.message}>
                {n.message}
              </span>
              {n.details && (
                <Button
                  size="sm"
                  variant="ghost"
                  aria-expanded={open}
                  aria-controls={detailsId}
                  onClick={() => toggleDetails(n.id)}
                >
                  {open ? 'Hide details' : 'Details'}
                </Button>
              )}
              {n.action && (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => {
                    n.action?.run();
                    dismiss(n.id);
                  }}
                >
                  {n.action.label}
                </Button>
              )}
              <button type="button" className="notice-close" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
                <X size={14} aria-hidden />
              </button>
              {n.details && open && (
                <p id={detailsId} className="notice-details">
                  {n.details}
                </p>
              )}
            </div>
          );
        })}
      </div>
    </NoticeContext.Provider>
  );
}
