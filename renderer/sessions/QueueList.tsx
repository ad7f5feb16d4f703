import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import type { QueueItem } from '../../shared/sessions';
import { VerdictIcon, verdictKey } from '../ui/Verdict';
import { verdictLabel } from '../../shared/domain';
import { scoreText } from './format';
import { QueueStateBadge } from './StateIcon';
import type { QueueView } from './useQueue';

const ROW_HEIGHT = 58;
export const queueOptionId = (index: number) => `queue-option-${index}`;

interface QueueListProps {
  queue: QueueView;
  currentIndex: number | undefined;
  onPick: (item: QueueItem) => void;
}

/** The session's queue in order: state (icon and word), score, speaker; a click moves there. */
export function QueueList({ queue, currentIndex, onPick }: QueueListProps) {
  const total = queue.total ?? 0;
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer's API is mutable by design; this component re-renders on every scroll anyway.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows[rows.length - 1]?.index ?? 0;
  useEffect(() => queue.setVisibleRange(first, last), [queue, first, last]);
  useEffect(() => {
    if (currentIndex !== undefined) virtualizer.scrollToIndex(currentIndex, { align: 'auto' });
  }, [virtualizer, currentIndex]);

  return (
    <div
      ref={scroller}
      className="queue-list"
      role="listbox"
      aria-label="Session queue"
      tabIndex={0}
      aria-activedescendant={currentIndex !== undefined && total > 0 ? queueOptionId(currentIndex) : undefined}
    >
      <div className="queue-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => (
          <QueueRow
            key={row.key}
            index={row.index}
            total={total}
            top={row.start}
            item={queue.itemAt(row.index)}
            current={row.index === currentIndex}
            onPick={onPick}
          />
        ))}
      </div>
    </div>
  );
}

interface QueueRowProps {
  index: number;
  total: number;
  top: number;
  item: QueueItem | undefined;
  current: boolean;
  onPick: (item: QueueItem) => void;
}

const QueueRow = memo(function QueueRow({ index, total, top, item, current, onPick }: QueueRowProps) {
  return (
    <div
      id={queueOptionId(index)}
      role="option"
      aria-selected={current}
      aria-setsize={total}
      aria-posinset={index + 1}
      aria-busy={item ? undefined : true}
      className={`queue-row ${current ? 'is-current' : ''} ${item ? `is-${item.state}` : ''}`}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => item && onPick(item)}
      data-claim-id={item?.claim.id}
      data-state={item?.state}
    >
      {item ? (
        <>
          <span className="queue-row-position muted">{index + 1}</span>
          <div className="queue-row-body">
            <span className="queue-row-text">{item.claim.text}</span>
            <span className="queue-row-meta">
              <QueueStateBadge state={item.state} compact />
              {item.state === 'done' && (
                <span className={`queue-row-verdict verdict-${verdictKey(item.claim.verdict)}`}>
                  <VerdictIcon verdict={item.claim.verdict} size={12} /> {verdictLabel(item.claim.verdict)}
                </span>
              )}
              {(item.speaker ?? item.claim.claimant) && (
                <span className="queue-row-speaker">· {item.speaker ?? item.claim.claimant}</span>
              )}
            </span>
          </div>
          <span className="queue-row-score" title="Check-worthiness">
            {scoreText(item.claim.score)}
          </span>
        </>
      ) : (
        <div className="queue-row-body" aria-hidden>
          <span className="skeleton skeleton-line" />
        </div>
      )}
    </div>
  );
});
