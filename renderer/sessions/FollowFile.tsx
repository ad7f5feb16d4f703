import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AlertTriangle, FileText, Square, X } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FollowStatus } from '../../shared/capture-follow-api';
import type { CheckSession } from '../../shared/sessions';
import { call, errorMessage } from '../api/client';
import { freshAfterWrite } from '../api/queries';
import { useKeyHandlers } from '../app/keymap';
import { Button } from '../ui/Button';
import { IconButton } from '../ui/IconButton';
import { useNotify } from '../ui/notices';
import './follow.css';

/** How often the feed and queue catch up with a followed file. */
const POLL_MS = 1_000;

export interface FollowFile {
  editable: boolean;
  status: FollowStatus | null;
  choosing: boolean;
  choose(): void;
  stop(): void;
  dismiss(): void;
}

export const followStatusKey = (sessionId: string) => ['capture.followStatus', { sessionId }] as const;

/**
 * Following a transcript file the host lets the person choose. The core stores its lines; here the
 * status is polled about once a second while following, and the session's reads refreshed when
 * lines were stored. Shift+F opens the chooser in session mode.
 */
export function useFollowFile(session: CheckSession): FollowFile {
  const editable = session.mine && session.status !== 'ended';
  const client = useQueryClient();
  const notify = useNotify();
  const query = useQuery({
    queryKey: followStatusKey(session.id),
    queryFn: async () => (await call('capture.followStatus', { sessionId: session.id })).status,
    refetchInterval: (q) => (q.state.data?.following ? POLL_MS : false),
    staleTime: 0,
  });
  const [dismissed, setDismissed] = useState<string | null>(null);
  const raw = query.data ?? null;
  const status = raw && !raw.following && raw.startedAt === dismissed ? null : raw;

  // Lines stored by the follower: the feed, the queue and the counts are stale.
  const seen = useRef<string | null>(null);
  const lines = raw ? `${raw.startedAt}:${raw.linesStored}` : null;
  useEffect(() => {
    if (lines === null || lines === seen.current) return;
    const first = seen.current === null;
    seen.current = lines;
    if (!first) void freshAfterWrite(client);
  }, [lines, client]);

  const settle = useCallback(
    (next: FollowStatus | null) => {
      if (next) client.setQueryData(followStatusKey(session.id), next);
      void freshAfterWrite(client);
    },
    [client, session.id],
  );
  const fail = useCallback((e: unknown) => notify({ message: errorMessage(e), tone: 'error' }), [notify]);

  const chooser = useMutation({
    mutationFn: async () => {
      // The box's speaker (saved on every keystroke) speaks the file's unlabelled lines.
      const draft = await call('capture.draft.get', { sessionId: session.id });
      const speaker = draft.speaker.trim();
      return (await call('capture.chooseAndFollow', { sessionId: session.id, ...(speaker ? { speaker } : {}) })).status;
    },
    onSuccess: (next) => {
      if (next) settle(next);
    },
    onError: fail,
  });
  const stopper = useMutation({
    mutationFn: () => call('capture.unfollow', { sessionId: session.id }),
    onSuccess: settle,
    onError: fail,
  });

  const choose = chooser.mutate;
  const choosing = chooser.isPending;
  const dismiss = useCallback(() => setDismissed(raw?.startedAt ?? null), [raw]);

  useKeyHandlers(
    {
      'session.follow': () => {
        if (!choosing) choose();
      },
    },
    editable,
  );

  return { editable, status, choosing, choose: () => choose(), stop: () => stopper.mutate(), dismiss };
}

/** In the capture panel's head: choose the file to follow. */
export function FollowButton({ follow }: { follow: FollowFile }) {
  if (!follow.editable || follow.status?.following) return null;
  return (
    <Button
      size="sm"
      variant="ghost"
      className="follow-button"
      disabled={follow.choosing}
      aria-keyshortcuts="Shift+F"
      title="Capture each line of a transcript file as it is written (Shift+F)"
      onClick={follow.choose}
    >
      <FileText size={14} aria-hidden />
      <span>
        Follow <span className="follow-button-long">a transcript </span>file…
      </span>
    </Button>
  );
}

const count = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'line' : 'lines'}`;

/** Under the head: what is being followed and how much of it is stored, or why following stopped. */
export function FollowStatusLine({ follow }: { follow: FollowFile }) {
  const status = follow.status;
  if (!status) return null;
  if (status.following) {
    return (
      <div className="follow-status" data-testid="follow-status">
        <span className="follow-live" aria-hidden />
        <span className="follow-text">
          Following <strong className="follow-file">{status.fileName}</strong> · {count(status.linesStored)}
        </span>
        {follow.editable && (
          <Button size="sm" className="follow-stop" onClick={follow.stop}>
            <Square size={12} aria-hidden /> Stop
          </Button>
        )}
      </div>
    );
  }
  return (
    <div
      className={`follow-status ${status.error ? 'is-error' : 'is-stopped'}`}
      data-testid="follow-status"
      role={status.error ? 'alert' : 'status'}
    >
      {status.error && <AlertTriangle size={14} className="follow-error-icon" aria-hidden />}
      <span className="follow-text">
        {status.error ? (
          <>
            Stopped following <strong className="follow-file">{status.fileName}</strong> after {count(status.linesStored)}:{' '}
            {status.error}
          </>
        ) : (
          <>
            Stopped following <strong className="follow-file">{status.fileName}</strong> · {count(status.linesStored)} stored.
            Following it again goes on after the last stored line.
          </>
        )}
      </span>
      <IconButton size="sm" label="Dismiss" icon={<X size={14} aria-hidden />} onClick={follow.dismiss} />
    </div>
  );
}
