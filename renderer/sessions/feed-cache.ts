import type { CaptureFeed, CaptureResult } from '../../shared/sessions';

/** How many of the latest sentences the capture feed shows: a few screens, never the whole debate. */
export const FEED_WINDOW = 80;

export const feedInput = (sessionId: string) => ({ sessionId, last: FEED_WINDOW });

/**
 * The feed after a chunk was captured, from the chunk's own result: its sentences go on screen at
 * once, without waiting for the refetches the capture also makes stale.
 */
export function feedWithCapture(feed: CaptureFeed | undefined, result: CaptureResult): CaptureFeed | undefined {
  if (!feed) return feed;
  // The refetch this chunk's data-changed started may have brought it in already.
  if (feed.chunkCount >= result.seq) return feed;
  const all = [...feed.sentences, ...result.sentences];
  const sentences = all.slice(-FEED_WINDOW);
  const total = feed.total + result.sentences.length;
  const speaker = result.speaker;
  return {
    ...feed,
    sentences,
    total,
    offset: total - sentences.length,
    openTail: result.openTail,
    lastSpeaker: speaker ?? feed.lastSpeaker,
    speakers: speaker ? [speaker, ...feed.speakers.filter((s) => s !== speaker)] : feed.speakers,
    chunkCount: result.seq,
  };
}
