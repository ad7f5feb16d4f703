import { Info, ThumbsDown, ThumbsUp, type LucideIcon } from 'lucide-react';
import { STANCE_LABELS, type Stance } from '../../shared/evidence';

const STANCE_ICONS: Record<Stance, LucideIcon> = { supports: ThumbsUp, contradicts: ThumbsDown, context: Info };

/** A stance by icon and word, never by colour alone. */
export function StanceBadge({ stance }: { stance: Stance }) {
  const Icon = STANCE_ICONS[stance];
  return (
    <span className={`stance-badge stance-${stance}`}>
      <Icon size={12} aria-hidden strokeWidth={2.2} />
      {STANCE_LABELS[stance]}
    </span>
  );
}
