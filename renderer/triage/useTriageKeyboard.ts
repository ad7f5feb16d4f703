import { useMemo } from 'react';
import type { Verdict } from '../../shared/domain';
import type { Commands } from '../app/commands';
import { useKeyHandlers, type KeyHandlers } from '../app/keymap';
import { useWorkbench } from '../app/workbench';
import { ATTACH_INPUT_ID } from '../evidence/AttachmentsSection';
import { NOTE_INPUT_ID } from '../evidence/NotesSection';
import { SOURCE_INPUT_ID } from '../evidence/SourcesSection';
import { FILTER_TRIGGER_ID } from '../search/FilterMenu';
import { SORT_TRIGGER_ID } from '../search/SortMenu';
import { BULK_ASSIGN_ID, BULK_DELETE_ID, BULK_TAG_ID } from './BulkBar';
import { ASSIGNEE_INPUT_ID, TAG_INPUT_ID } from './TriageFields';
import { useBulk } from './useBulk';

function focusById(id: string, selector?: string): void {
  const el = document.getElementById(id);
  const target = selector ? el?.querySelector<HTMLElement>(selector) : el;
  target?.focus();
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) target.select();
}

const click = (id: string) => document.getElementById(id)?.click();

/**
 * Triage commands of the keymap: the multi-selection (x, Shift+J/K, Ctrl+A), verdicts, Delete and Esc
 * that act on every marked claim while some are marked, and jumps to the evidence fields.
 */
export function useTriageKeyboard(commands: Commands): void {
  const { state, pages, dispatch } = useWorkbench();
  const bulk = useBulk();
  const marking = state.triage.marked.length > 0;

  const handlers = useMemo<KeyHandlers>(() => {
    const verdict = (v: Verdict) => () => (marking ? bulk.setVerdict(v) : commands.setVerdict(v));
    const extend = (delta: number) => () => {
      const total = pages.total ?? 0;
      const to = Math.min(Math.max(0, state.selection.index + delta), total - 1);
      const ids = [state.selection.id, pages.itemAt(to)?.id].filter((id): id is string => !!id);
      dispatch({ type: 'triage', action: { type: 'add-marks', ids } });
      commands.move(delta);
    };
    return {
      'verdict.sourced': verdict('sourced'),
      'verdict.disputed': verdict('disputed'),
      'verdict.unverified': verdict('unverified'),
      'claim.delete': () => (marking ? click(BULK_DELETE_ID) : commands.deleteClaim()),
      'list.escape': () => (marking ? bulk.clear() : commands.clearFilters()),
      'list.toggleMark': () => {
        if (state.selection.id) dispatch({ type: 'triage', action: { type: 'toggle', id: state.selection.id } });
      },
      'list.extendDown': extend(1),
      'list.extendUp': extend(-1),
      'list.selectAll': () => void bulk.selectAll(),
      'claim.assign': () => (marking ? click(BULK_ASSIGN_ID) : focusById(`${ASSIGNEE_INPUT_ID}-wrap`, 'input')),
      'claim.tag': () => (marking ? click(BULK_TAG_ID) : focusById(TAG_INPUT_ID)),
      'find.filterMenu': () => click(FILTER_TRIGGER_ID),
      'find.sort': () => click(SORT_TRIGGER_ID),
      'evidence.addSource': () => focusById(SOURCE_INPUT_ID),
      'evidence.attachFile': () => click(ATTACH_INPUT_ID),
      'evidence.writeNote': () => focusById(NOTE_INPUT_ID),
    };
  }, [marking, bulk, commands, pages, state.selection, dispatch]);
  useKeyHandlers(handlers);
}
