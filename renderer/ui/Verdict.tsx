import { CircleCheck, CircleDashed, CircleHelp, CircleX, type LucideIcon } from 'lucide-react';
import { NOT_REVIEWED, verdictExplained, verdictLabel, type Verdict, type VerdictFilter } from '../../shared/domain';

/** Not reviewed is the dashed, unfinished circle; Unverified ("checked, could not verify") a question. */
export const VERDICT_ICONS: Record<VerdictFilter, LucideIcon> = {
  sourced: CircleCheck,
  disputed: CircleX,
  unverified: CircleHelp,
  unreviewed: CircleDashed,
};

export const VERDICT_KEYS: Record<Verdict, string> = { sourced: 's', disputed: 'd', unverified: 'u' };

/** A verdict button's tooltip: what the verdict means and its key, "Unverified: checked, could not verify (U)". */
export function verdictButtonTitle(verdict: Verdict): string {
  return `${verdictExplained(verdict)} (${VERDICT_KEYS[verdict].toUpperCase()})`;
}

/** The CSS and icon key of a claim's state: its verdict, or `unreviewed` when nobody has decided. */
export function verdictKey(verdict: Verdict | null): VerdictFilter {
  return verdict ?? NOT_REVIEWED;
}

/** A verdict is always shown by shape and word, never by colour alone. */
export function VerdictIcon({ verdict, size = 16 }: { verdict: Verdict | null; size?: number }) {
  const key = verdictKey(verdict);
  const Icon = VERDICT_ICONS[key];
  return <Icon size={size} className={`verdict-icon verdict-${key}`} aria-hidden strokeWidth={2.2} />;
}

export function VerdictBadge({ verdict }: { verdict: Verdict | null }) {
  return (
    <span className={`verdict-badge verdict-${verdictKey(verdict)}`}>
      <VerdictIcon verdict={verdict} size={12} />
      {verdictLabel(verdict)}
    </span>
  );
}
