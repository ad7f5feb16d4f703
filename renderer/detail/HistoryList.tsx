import type { Claim } from '../../shared/domain';
import { useOperationQuery } from '../api/queries';
import { Spinner } from '../ui/Progress';
import { describeTimeline, relativeTime } from './describeChange';
import { OriginLine } from './OriginLine';
import '../team/keys.css';

/**
 * The claim's timeline, newest first: its own fields and its sources, attachments and notes, each
 * change under its author's name, with where a merged change came from.
 */
export function HistoryList({ claim }: { claim: Claim }) {
  const history = useOperationQuery('claims.history', { id: claim.id });
  if (history.isPending) return <Spinner label="Loading history…" />;
  if (history.error) return <p className="muted">History is unavailable: {history.error.message}</p>;
  const lines = describeTimeline([...history.data].reverse());
  return (
    <ol className="history" aria-label="Claim history">
      {lines.map(({ entry, summary, detail }) => {
        return (
          <li key={`${entry.hlc}-${entry.field}`} className="history-entry" data-entity={entry.entity}>
            <span className="history-summary">
              {summary}
              {entry.unsigned && (
                <span
                  className="history-unsigned"
                  title="No author signature: this change came from a file written before signing, so who made it is not verified."
                >
                  unsigned
                </span>
              )}
              <span className="history-time" title={new Date(entry.at).toLocaleString()}>
                {' · '}
                {relativeTime(entry.at)}
              </span>
            </span>
            {detail && <span className="history-detail">{detail}</span>}
            {entry.origin && <OriginLine origin={entry.origin} />}
          </li>
        );
      })}
    </ol>
  );
}
