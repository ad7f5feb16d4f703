import { CircleCheck, CircleDashed, CircleX, type LucideIcon } from 'lucide-react';
import { VERDICT_LABELS, type Verdict } from '../../shared/domain';

export const VERDICT_ICONS: Record<Verdict, LucideIcon> = {
  sourced: CircleCheck,
  disputed: CircleX,
  unverified: CircleDashed,
};

export const VERDICT_KEYS: Record<Verdict, string> = { sourced: 's', disputed: 'd', unverified: 'u' };

/** A verdict is always shown by shape and word, never by colour alone. */
export function VerdictIcon({ verdict, size = 16 }: { verdict: Verdict; size?: number }) {
  const Icon = VERDICT_ICONS[verdict];
  return <Icon size={size} className={`verdict-icon verdict-${verdict}`} aria-hidden strokeWidth={2.2} />;
}

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <span className={`verdict-badge verdict-${verdict}`}>
      <VerdictIcon verdict={verdict} size={12} />
      {VERDICT_LABELS[verdict]}
    </span>
  );
}
