import type { ChangeOrigin } from '../../shared/domain';
import { describeOrigin } from './describeChange';

const dayMonth = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });

/** Where a merged or synced change came from: "from Ben’s share file, merged by Mara on 6 Dec". */
export function OriginLine({ origin, className = 'history-origin' }: { origin: ChangeOrigin; className?: string }) {
  return (
    <span className={className} title={`${origin.file}, ${new Date(origin.mergedAt).toLocaleString()}`}>
      {describeOrigin(origin, dayMonth)}
    </span>
  );
}
