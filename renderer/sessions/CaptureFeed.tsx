import { Hourglass, Plus, Quote, Radio } from 'lucide-react';
import { useQuery } from '@tanstack/react-query';
import { useLayoutEffect, useRef } from 'react';
import type { CapturedSentence } from '../../shared/sessions';
import { operationQuery } from '../api/queries';
import { feedInput } from './feed-cache';
import { scoreText, timeOfDay } from './format';

interface CaptureFeedProps {
  sessionId: string;
  editable: boolean;
  onPromote: (sentence: CapturedSentence) => void;
}

/** The captured sentences, newest at the bottom, with the open tail still waiting for its end. */
export function CaptureFeed({ sessionId, editable, onPromote }: CaptureFeedProps) {
  // Follow the end of the transcript: always show its last sentences.
  const feed = useQuery(operationQuery('capture.feed', feedInput(sessionId)));
  const offset = feed.data?.offset ?? 0;

  const scroller = useRef<HTMLOListElement>(null);
  const pinned = useRef(true);
  const sentences = feed.data?.sentences ?? [];
  const openTail = feed.data?.openTail.trim() ?? '';
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [sentences.length, openTail, feed.dataUpdatedAt]);

  if (feed.data && feed.data.total === 0 && !openTail) {
    return (
      <div className="capture-feed capture-feed-empty" role="status">
        <Radio size={18} aria-hidden />
        <span>Paste or type what is being said below. Start a line with “NAME:” to change the speaker.</span>
      </div>
    );
  }
  return (
    <ol
      ref={scroller}
      className="capture-feed"
      aria-label="Captured sentences"
      aria-live="polite"
      tabIndex={0}
      onScroll={(e) => {
        const el = e.currentTarget;
        pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
      }}
    >
      {(feed.data?.total ?? 0) > sentences.length && offset > 0 && (
        <li className="capture-more muted">{offset.toLocaleString()} earlier sentences</li>
      )}
      {sentences.map((s) => (
        <li
          key={s.start}
          className={`capture-sentence ${s.claimId ? 'is-claim' : ''}`}
          data-testid="captured-sentence"
          data-claim-id={s.claimId ?? undefined}
        >
          <span className="capture-time muted">{timeOfDay(s.capturedAt)}</span>
          <div className="capture-body">
            {s.speaker && <span className="capture-speaker">{s.speaker}</span>}
            <span className="capture-text">{s.text}</span>
          </div>
          <span className="capture-score" title="Check-worthiness">
            {scoreText(s.score)}
          </span>
          {s.claimId ? (
            <span className="capture-mark" title={s.byHand ? 'Claim by hand' : 'Claim'}>
              <Quote size={12} aria-hidden /> <span className="capture-mark-word">{s.byHand ? 'Claim by hand' : 'Claim'}</span>
            </span>
          ) : editable ? (
            <button
              type="button"
              className="capture-promote"
              aria-label={`Make a claim: ${s.text}`}
              title="Make a claim of this sentence"
              onClick={() => onPromote(s)}
            >
              <Plus size={12} aria-hidden /> <span className="capture-mark-word">Make a claim</span>
            </button>
          ) : (
            <span className="capture-mark capture-mark-none" aria-hidden />
          )}
        </li>
      ))}
      {openTail && (
        <li className="capture-sentence capture-tail" data-testid="capture-tail">
          <span className="capture-time muted">
            <Hourglass size={12} aria-hidden />
          </span>
          <div className="capture-body">
            <span className="capture-text">{openTail}</span>
            <span className="capture-waiting muted">waiting for the end of the sentence…</span>
          </div>
        </li>
      )}
    </ol>
  );
}
