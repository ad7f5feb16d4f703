import { useInfiniteQuery } from '@tanstack/react-query';
import { History } from 'lucide-react';
import type { ActivityEntry } from '../../shared/evidence';
import { quotedPassage } from '../../shared/text/quoted-passage';
import '../team/keys.css';
import { call } from '../api/client';
import { useWorkbench } from '../app/workbench';
import { relativeTime } from '../detail/describeChange';
import { OriginLine } from '../detail/OriginLine';
import { useReveal } from '../search/useReveal';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { Modal } from '../ui/Modal';
import { Spinner } from '../ui/Progress';
import './evidence.css';

const PAGE = 50;

/** The workspace's recent changes, newest first; each one leads to its claim, unless that is deleted. */
export function ActivityDialog() {
  const { state, dispatch } = useWorkbench();
  const open = state.dialog === 'activity';
  const close = () => dispatch({ type: 'dialog', dialog: null });
  return (
    <Modal
      open={open}
      onOpenChange={(o) => !o && close()}
      title="Workspace activity"
      description="Every change, newest first."
      width={720}
    >
      {open && <ActivityFeed onReveal={close} />}
    </Modal>
  );
}

function ActivityFeed({ onReveal }: { onReveal: () => void }) {
  const reveal = useReveal();
  const feed = useInfiniteQuery({
    queryKey: ['activity.list', 'feed'],
    queryFn: ({ pageParam }) => call('activity.list', { limit: PAGE, ...(pageParam ? { before: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextBefore,
    staleTime: 0,
  });
  if (feed.isPending) return <Spinner label="Loading activity…" />;
  if (feed.error) return <p className="evidence-error">{feed.error.message}</p>;
  const items = feed.data.pages.flatMap((p) => p.items);
  if (items.length === 0) {
    return (
      <EmptyState icon={<History size={28} />} title="No activity yet">
        Changes to claims, sources and notes appear here as you work.
      </EmptyState>
    );
  }
  return (
    <div className="activity">
      {/* Focusable: deleted items are not buttons, so a list of them must still scroll from the keyboard. */}
      <ol className="activity-list" aria-label="Recent changes" tabIndex={0}>
        {items.map((item) => (
          <ActivityItem
            key={`${item.hlc}:${item.entityId}:${item.field}`}
            item={item}
            onOpen={
              item.claimId && !item.deleted
                ? () => {
                    onReveal();
                    void reveal(item.claimId!);
                  }
                : undefined
            }
          />
        ))}
      </ol>
      {feed.hasNextPage && (
        <Button size="sm" onClick={() => void feed.fetchNextPage()} disabled={feed.isFetchingNextPage}>
          {feed.isFetchingNextPage ? 'Loading…' : 'Show older changes'}
        </Button>
      )}
    </div>
  );
}

function ActivityItem({ item, onOpen }: { item: ActivityEntry; onOpen?: () => void }) {
  const when = (
    <time className="activity-time" dateTime={item.at} title={new Date(item.at).toLocaleString()}>
      {item.unsigned && (
        <span className="history-unsigned" title="No author signature: who made this change is not verified.">
          unsigned
        </span>
      )}{' '}
      {relativeTime(item.at)}
    </time>
  );
  const deleted = item.deleted && (
    <span className="activity-deleted" title="This item has since been deleted; undo or the history can bring it back">
      Deleted
    </span>
  );
  // The claim it concerns goes on a muted second line: the sentence says what changed, as the claim's history does.
  const words = (
    <span className="activity-words">
      <span className="activity-summary">{item.summary}</span>
      {item.detail && <span className="activity-detail"> · {item.detail}</span>}
      {item.origin && <OriginLine origin={item.origin} className="activity-origin" />}
      {item.claimText && <span className="activity-claim">{quotedPassage(item.claimText)}</span>}
    </span>
  );
  return (
    <li className={`activity-item${item.deleted ? ' is-deleted' : ''}`} data-deleted={item.deleted || undefined}>
      {onOpen ? (
        <button type="button" className="activity-open" onClick={onOpen}>
          {words}
          {when}
        </button>
      ) : (
        <div className="activity-open is-static">
          {deleted}
          {words}
          {when}
        </div>
      )}
    </li>
  );
}
