import { useEffect, useRef } from 'react';
import type { Verdict } from '../../shared/domain';
import type { Commands } from '../app/commands';
import { isTextEntry } from '../app/shortcuts';
import { useWorkbench } from '../app/workbench';
import { ATTACH_INPUT_ID } from '../evidence/AttachmentsSection';
import { NOTE_INPUT_ID } from '../evidence/NotesSection';
import { SOURCE_INPUT_ID } from '../evidence/SourcesSection';
import { FILTER_TRIGGER_ID } from '../search/FilterMenu';
import { SORT_TRIGGER_ID } from '../search/SortMenu';
import { BULK_ASSIGN_ID, BULK_TAG_ID } from './BulkBar';
import { ASSIGNEE_INPUT_ID, TAG_INPUT_ID } from './TriageFields';
import { useBulk } from './useBulk';

const VERDICT_BY_KEY: Record<string, Verdict> = { s: 'sourced', d: 'disputed', u: 'unverified' };

function focusById(id: string, selector?: string): void {
  const el = document.getElementById(id);
  const target = selector ? el?.querySelector<HTMLElement>(selector) : el;
  target?.focus();
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) target.select();
}

/**
 * Triage keys: multi-selection (x, Shift+J/K, Ctrl+A), bulk verdicts while claims are marked, and
 * jumps to the evidence fields. Listens in the capture phase so it runs before the app's own
 * single-key handler and can take s/d/u and Esc over while a multi-selection exists.
 */
export function useTriageKeyboard(commands: Commands, enabled: boolean): void {
  const { state, pages, dispatch } = useWorkbench();
  const bulk = useBulk();
  const latest = useRef({ state, pages, bulk, commands });
  useEffect(() => {
    latest.current = { state, pages, bulk, commands };
  });

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const { state: s, pages: p, bulk: b, commands: c } = latest.current;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key;
      const take = (run: () => void) => {
        e.preventDefault();
        e.stopPropagation();
        run();
      };
      if (mod && !e.altKey && !e.shiftKey && key.toLowerCase() === 'f') return take(c.focusFilter);
      const target = e.target as Element | null;
      if (isTextEntry(target)) return;
      if (target instanceof Element && target.closest('[role="dialog"],[role="alertdialog"],[role="menu"]')) return;
      // A view that handles some single keys itself (the document view's C/B/M) says so with data-owns-keys.
      const owner = target instanceof Element ? target.closest('[data-owns-keys]') : null;
      if (owner?.getAttribute('data-owns-keys')?.split(' ').includes(key)) return;
      // The multi-selection belongs to the claim list, not to the document text view.
      const inList = s.view === 'claims';
      if (inList && mod && !e.altKey && !e.shiftKey && key.toLowerCase() === 'a') return take(() => void b.selectAll());
      if (mod || e.altKey) return;

      const marking = s.triage.marked.length > 0;
      const mark = (ids: string[]) => dispatch({ type: 'triage', action: { type: 'add-marks', ids } });
      const extend = (delta: number) => {
        const total = p.total ?? 0;
        const from = s.selection.index;
        const to = Math.min(Math.max(0, from + delta), total - 1);
        const ids = [s.selection.id, p.itemAt(to)?.id].filter((id): id is string => !!id);
        mark(ids);
        c.move(delta);
      };
      if (inList && e.shiftKey && (key === 'J' || key === 'ArrowDown')) return take(() => extend(1));
      if (inList && e.shiftKey && (key === 'K' || key === 'ArrowUp')) return take(() => extend(-1));

      switch (key) {
        case 'x':
          if (!inList) return;
          return take(() => {
            if (s.selection.id) dispatch({ type: 'triage', action: { type: 'toggle', id: s.selection.id } });
          });
        case 's':
        case 'd':
        case 'u':
          if (marking) return take(() => b.setVerdict(VERDICT_BY_KEY[key]!));
          return;
        case 'Escape':
          if (marking) return take(b.clear);
          return;
        case 'i':
          return take(() =>
            marking ? document.getElementById(BULK_ASSIGN_ID)?.click() : focusById(`${ASSIGNEE_INPUT_ID}-wrap`, 'input'),
          );
        case 't':
          return take(() => (marking ? document.getElementById(BULK_TAG_ID)?.click() : focusById(TAG_INPUT_ID)));
        case 'f':
          return take(() => document.getElementById(FILTER_TRIGGER_ID)?.click());
        case 'o':
          return take(() => document.getElementById(SORT_TRIGGER_ID)?.click());
        case 'l':
          return take(() => focusById(SOURCE_INPUT_ID));
        case 'p':
          return take(() => document.getElementById(ATTACH_INPUT_ID)?.click());
        case 'w':
          return take(() => focusById(NOTE_INPUT_ID));
        case 'h':
          return take(() => dispatch({ type: 'dialog', dialog: 'activity' }));
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [enabled, dispatch]);
}
