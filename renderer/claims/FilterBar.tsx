import { Search, X } from 'lucide-react';
import { useWorkbench } from '../app/workbench';

export function FilterBar() {
  const { state, dispatch, refs } = useWorkbench();
  const { filterInput, claimList } = refs;
  return (
    <div className="filter-bar" role="search">
      <Search size={14} className="filter-icon" aria-hidden />
      <input
        ref={filterInput}
        type="search"
        className="filter-input"
        placeholder="Filter claims"
        aria-label="Filter claims"
        aria-keyshortcuts="/"
        value={state.query}
        maxLength={2_000}
        onChange={(e) => dispatch({ type: 'query', query: e.target.value })}
        onKeyDown={(e) => {
          // Esc keeps the text (a search input would clear it) and the keymap's field.leave takes the
          // keyboard back to the list, where Esc clears every filter.
          if (e.key === 'Escape') e.preventDefault();
          else if (e.key === 'Enter' || e.key === 'ArrowDown') {
            e.preventDefault();
            claimList.current?.focus();
          }
        }}
      />
      {state.query ? (
        <button
          type="button"
          className="filter-clear"
          aria-label="Clear filter"
          onClick={() => dispatch({ type: 'query', query: '' })}
        >
          <X size={13} aria-hidden />
        </button>
      ) : (
        <kbd className="kbd filter-kbd" aria-hidden>
          /
        </kbd>
      )}
    </div>
  );
}
