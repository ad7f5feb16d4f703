import { useQuery } from '@tanstack/react-query';
import { CornerDownLeft, Mic, SendHorizontal } from 'lucide-react';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { CaptureResult, CapturedSentence, CheckSession } from '../../shared/sessions';
import { call, errorMessage } from '../api/client';
import { useOperationMutation, useOperationQuery } from '../api/queries';
import { matchesBinding } from '../../shared/keymap';
import { MOD } from '../app/shortcuts';
import { Button } from '../ui/Button';
import { Kbd } from '../ui/Kbd';
import { useNotify } from '../ui/notices';
import { CaptureFeed } from './CaptureFeed';
import { useCaptureAppend } from './useCaptureAppend';
import { feedInput } from './feed-cache';
import { FollowButton, FollowStatusLine, useFollowFile } from './FollowFile';
import { useDraftSaver } from './useDraftSaver';
import { countLabel } from '../../shared/text/count-label';

export const CAPTURE_INPUT_ID = 'capture-input';

/** The live capture: the feed of captured sentences and the box the transcript is typed or pasted into. */
export function CapturePanel({ session, onCaptured }: { session: CheckSession; onCaptured?: () => void }) {
  const editable = session.mine && session.status !== 'ended';
  const notify = useNotify();
  const fail = useCallback((e: unknown) => notify({ message: errorMessage(e), tone: 'error' }), [notify]);
  const promote = useOperationMutation('capture.promote').mutate;
  const flush = useOperationMutation('capture.flush');
  const feed = useOperationQuery('capture.feed', feedInput(session.id));
  const follow = useFollowFile(session);

  const onPromote = useCallback(
    (s: CapturedSentence) => promote({ sessionId: session.id, start: s.start, end: s.end }, { onError: fail }),
    [promote, session.id, fail],
  );

  return (
    <section className="capture-panel" aria-label="Live capture">
      <div className="capture-head">
        <div
          className="capture-heading"
          title={
            feed.data
              ? `${feed.data.chunkCount.toLocaleString()} chunks · ${feed.data.total.toLocaleString()} sentences`
              : undefined
          }
        >
          <Mic size={14} aria-hidden />
          <h3 className="capture-title">Live capture</h3>
          <span className="muted capture-count">
            {feed.data ? `${countLabel(feed.data.chunkCount, 'chunk')} · ${countLabel(feed.data.total, 'sentence')}` : ''}
          </span>
        </div>
        <div className="capture-actions">
          {editable && (
            <Button
              size="sm"
              variant="ghost"
              disabled={flush.isPending || !feed.data?.openTail.trim()}
              title="The last sentence has no full stop yet, so it waits for more: end it here, so it is scored and can join the queue"
              onClick={() => flush.mutate({ sessionId: session.id }, { onError: fail, onSuccess: onCaptured })}
            >
              <CornerDownLeft size={14} aria-hidden /> End sentence
            </Button>
          )}
          <FollowButton follow={follow} />
        </div>
      </div>
      <FollowStatusLine follow={follow} />
      <CaptureFeed sessionId={session.id} editable={editable} onPromote={onPromote} />
      {editable && <CaptureBox session={session} lastSpeaker={feed.data?.lastSpeaker ?? null} onCaptured={onCaptured} />}
    </section>
  );
}

/** What was typed before a reload or a crash comes back first; the box opens once it has. */
function CaptureBox({
  session,
  lastSpeaker,
  onCaptured,
}: {
  session: CheckSession;
  lastSpeaker: string | null;
  onCaptured?: () => void;
}) {
  const draft = useQuery({
    queryKey: ['capture.draft.get', { sessionId: session.id }],
    queryFn: () => call('capture.draft.get', { sessionId: session.id }),
    staleTime: Infinity,
    gcTime: 0,
  });
  if (!draft.data) {
    return (
      <div className="capture-box">
        <textarea
          className="field-input capture-input"
          aria-label="Transcript"
          readOnly
          placeholder="Restoring what you typed…"
        />
      </div>
    );
  }
  return (
    <CaptureEditor
      session={session}
      initialText={draft.data.text}
      initialSpeaker={draft.data.speaker || lastSpeaker || ''}
      onCaptured={onCaptured}
    />
  );
}

function CaptureEditor({
  session,
  initialText,
  initialSpeaker,
  onCaptured,
}: {
  session: CheckSession;
  initialText: string;
  initialSpeaker: string;
  onCaptured?: () => void;
}) {
  const notify = useNotify();
  const fail = useCallback((e: unknown) => notify({ message: errorMessage(e), tone: 'error' }), [notify]);
  const saveDraft = useDraftSaver(session.id, fail);
  const append = useCaptureAppend(session.id);
  const speakerId = useId();
  const hintId = useId();
  const speakersId = useId();
  const [text, setText] = useState(initialText);
  const [speaker, setSpeaker] = useState(initialSpeaker);
  const latest = useRef({ text, speaker });
  useEffect(() => {
    latest.current = { text, speaker };
  });
  const speakers = useOperationQuery('capture.feed', feedInput(session.id)).data?.speakers ?? [];

  const edit = (next: { text?: string; speaker?: string }) => {
    const value = { ...latest.current, ...next };
    if (next.text !== undefined) setText(next.text);
    if (next.speaker !== undefined) setSpeaker(next.speaker);
    saveDraft(value);
  };

  const submit = (byHand: boolean) => {
    const submitted = text;
    if (!submitted.trim()) {
      if (byHand) notify({ message: 'Type the claim first, then press Ctrl+Enter to capture it.' });
      return;
    }
    setText('');
    const who = speaker.trim();
    append(
      { sessionId: session.id, text: submitted, ...(who ? { speaker: who } : {}), ...(byHand ? { byHand } : {}) },
      {
        onSuccess: (result: CaptureResult) => {
          const nextSpeaker = result.speaker ?? latest.current.speaker;
          setSpeaker(nextSpeaker);
          // The core cleared the stored draft with the chunk; store whatever was typed since.
          saveDraft({ text: latest.current.text, speaker: nextSpeaker });
          onCaptured?.();
        },
        onError: (e) => {
          setText((now) => (now ? `${submitted}\n${now}` : submitted));
          fail(e);
        },
      },
    );
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (matchesBinding('field.submit', e)) {
      e.preventDefault();
      submit(true);
    } else if (matchesBinding('capture.addLine', e)) {
      e.preventDefault();
      submit(false);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      e.currentTarget.blur();
      document.getElementById('session-workbench')?.focus();
    }
  };

  return (
    <div className="capture-box">
      <div className="capture-box-row">
        <label className="capture-speaker-field" htmlFor={speakerId}>
          <span className="field-label">Speaker</span>
          <input
            id={speakerId}
            className="field-input"
            value={speaker}
            maxLength={120}
            list={speakersId}
            placeholder="Who is speaking"
            onChange={(e) => edit({ speaker: e.target.value })}
          />
          <datalist id={speakersId}>
            {speakers.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </label>
        <label className="capture-text-field">
          <span className="visually-hidden">Transcript</span>
          <textarea
            id={CAPTURE_INPUT_ID}
            className="field-input capture-input"
            value={text}
            rows={2}
            aria-describedby={hintId}
            title={`Enter adds it to the transcript · Shift+Enter new line · ${MOD}+Enter captures it as a claim by hand`}
            placeholder="Paste or type what is being said…"
            onChange={(e) => edit({ text: e.target.value })}
            onKeyDown={onKeyDown}
          />
        </label>
        <Button variant="primary" size="sm" className="capture-send" onClick={() => submit(false)} disabled={!text.trim()}>
          <SendHorizontal size={14} aria-hidden /> Add
        </Button>
      </div>
      <p className="capture-hint muted" id={hintId}>
        <Kbd>Enter</Kbd> adds it to the transcript · <Kbd>Shift+Enter</Kbd> new line · <Kbd>{`${MOD}+Enter`}</Kbd> captures it as
        a claim by hand · kept as you type
      </p>
    </div>
  );
}
