import { Check } from 'lucide-react';

/** The row's selection checkbox, shown while a multi-selection exists. Presentational: the row carries aria-checked. */
export function MarkBox({ marked, onToggle }: { marked: boolean; onToggle: () => void }) {
  return (
    <span
      className={`mark-box ${marked ? 'is-on' : ''}`}
      aria-hidden
      onClick={(e) => {
        e.stopPropagation();
        onToggle();
      }}
    >
      {marked && <Check size={11} strokeWidth={3} />}
    </span>
  );
}
