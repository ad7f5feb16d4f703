import { CircleCheckBig, CircleDot, Clock3, SkipForward, type LucideIcon } from 'lucide-react';
import { QUEUE_STATE_LABELS, type QueueState } from '../../shared/sessions';
import { STATE_CLASS } from './format';

const ICONS: Record<QueueState, LucideIcon> = {
  pending: CircleDot,
  done: CircleCheckBig,
  skipped: SkipForward,
  later: Clock3,
};

/** A queue state by shape and word, never by colour alone. */
export function QueueStateBadge({ state, compact = false }: { state: QueueState; compact?: boolean }) {
  const Icon = ICONS[state];
  return (
    <span className={`queue-state ${STATE_CLASS[state]}`}>
      <Icon size={compact ? 13 : 14} aria-hidden strokeWidth={2.2} />
      <span className="queue-state-label">{QUEUE_STATE_LABELS[state]}</span>
    </span>
  );
}
