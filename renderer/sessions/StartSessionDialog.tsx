import { Play } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import type { SessionScope } from '../../shared/sessions';
import { errorMessage } from '../api/client';
import { useOperationMutation, useOperationQuery } from '../api/queries';
import { useWorkbench } from '../app/workbench';
import { Button } from '../ui/Button';
import { Modal } from '../ui/Modal';
import { defaultSessionName } from './format';
import { describeFilter, scopeFromFilter } from './scope';
import './sessions.css';

type ScopeChoice = 'all' | 'document' | 'filter' | 'assignee' | 'captured';

export function StartSessionDialog() {
  const { state, dispatch } = useWorkbench();
  const open = state.dialog === 'start-session' || state.dialog === 'start-capture';
  return (
    <Modal
      open={open}
      onOpenChange={(o) => !o && dispatch({ type: 'dialog', dialog: null })}
      title="Start a checking session"
      description="A session keeps a queue of claims, most check-worthy first, and times your work through it."
      width={560}
    >
      {open && <StartSessionForm liveCapture={state.dialog === 'start-capture'} />}
    </Modal>
  );
}

/** `liveCapture`: opened as Session ▸ Start Live Capture…, so capture starts ticked. */
function StartSessionForm({ liveCapture }: { liveCapture: boolean }) {
  const { state, dispatch } = useWorkbench();
  const who = useOperationQuery('identity.get', {});
  const documents = useOperationQuery('documents.list', {});
  const start = useOperationMutation('sessions.start');
  const filterScope = scopeFromFilter({ ...state, documentId: null });
  const filterWords = describeFilter(filterScope);
  const document = state.documentId ? documents.data?.find((d) => d.id === state.documentId) : undefined;
  const [name, setName] = useState(() => defaultSessionName());
  const [choice, setChoice] = useState<ScopeChoice>(
    liveCapture ? 'captured' : filterWords ? 'filter' : document ? 'document' : 'all',
  );
  const [assignee, setAssignee] = useState(() => who.data?.author ?? '');
  const [capture, setCapture] = useState(liveCapture);
  const [includeDecided, setIncludeDecided] = useState(false);
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { name: useId(), assignee: useId(), title: useId(), scope: useId(), decided: useId() };
  const effective: ScopeChoice = capture ? choice : choice === 'captured' ? 'all' : choice;

  const scopeFor = (c: ScopeChoice): SessionScope | undefined => {
    switch (c) {
      case 'all':
        return capture ? {} : undefined;
      case 'document':
        return document ? { documentIds: [document.id] } : undefined;
      case 'filter':
        return scopeFromFilter(state);
      case 'assignee':
        return { assignee: assignee.trim() || null };
      case 'captured':
        return undefined;
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const picked = scopeFor(effective);
    // By default a session queues only claims nobody has decided; the box brings decided ones in too.
    const scope = includeDecided && effective !== 'captured' ? { ...picked, includeDecided: true } : picked;
    start.mutate(
      {
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(scope ? { scope } : {}),
        ...(capture ? { capture: title.trim() ? { title: title.trim() } : {} } : {}),
      },
      {
        onSuccess: (session) => {
          dispatch({ type: 'dialog', dialog: null });
          dispatch({ type: 'triage', action: { type: 'mark', ids: [] } });
          dispatch({ type: 'session', sessionId: session.id, open: true });
        },
        onError: (err) => setProblem(errorMessage(err)),
      },
    );
  };

  const option = (value: ScopeChoice, label: string, detail: string | null, disabled = false) => (
    <label className={`scope-option ${disabled ? 'is-disabled' : ''}`}>
      <input
        type="radio"
        name={ids.scope}
        value={value}
        checked={effective === value}
        disabled={disabled}
        onChange={() => setChoice(value)}
      />
      <span className="scope-option-label">{label}</span>
      {detail && <span className="scope-option-detail muted">{detail}</span>}
    </label>
  );

  return (
    <form className="form start-session-form" onSubmit={submit}>
      <div className="field">
        <label className="field-label" htmlFor={ids.name}>
          Name
        </label>
        <input id={ids.name} className="field-input" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
      </div>
      <label className="capture-toggle">
        <input
          type="checkbox"
          checked={capture}
          onChange={(e) => {
            setCapture(e.target.checked);
            // Live capture starts from an empty queue; the person can still pick a scope below.
            if (e.target.checked) setChoice('captured');
          }}
        />
        <span>
          <strong>Live capture</strong>
          <span className="muted"> — type or paste a transcript as a debate or press conference goes on</span>
        </span>
      </label>
      {capture && (
        <div className="field">
          <label className="field-label" htmlFor={ids.title}>
            Transcript title
          </label>
          <input
            id={ids.title}
            className="field-input"
            value={title}
            maxLength={300}
            placeholder="e.g. Presidential debate, 10 September"
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
      )}
      <fieldset className="scope-options">
        <legend className="field-label">Claims to check</legend>
        {capture && option('captured', 'Only what is captured live', 'The queue starts empty and fills as claims are spotted')}
        {option('all', 'Every claim in the workspace', null)}
        {option('document', 'The current document', document?.title ?? 'Pick a document first', !document)}
        {option('filter', 'The current filter', filterWords ?? 'No filter is set on the claim list', !filterWords)}
        {option('assignee', 'Claims assigned to', null)}
        {effective === 'assignee' && (
          <div className="scope-assignee">
            <label className="visually-hidden" htmlFor={ids.assignee}>
              Assignee
            </label>
            <input
              id={ids.assignee}
              className="field-input"
              value={assignee}
              maxLength={120}
              placeholder="A name; leave empty for unassigned claims"
              onChange={(e) => setAssignee(e.target.value)}
            />
          </div>
        )}
      </fieldset>
      <label className="capture-toggle include-decided" htmlFor={ids.decided}>
        <input
          id={ids.decided}
          type="checkbox"
          checked={includeDecided && effective !== 'captured'}
          disabled={effective === 'captured'}
          onChange={(e) => setIncludeDecided(e.target.checked)}
        />
        <span>
          <strong>Include claims already decided</strong>
          <span className="muted"> — by default only claims not reviewed yet are queued</span>
        </span>
      </label>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div className="form-actions">
        <span className="form-hint muted">Starting a session pauses any other session of yours.</span>
        <Button onClick={() => dispatch({ type: 'dialog', dialog: null })}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={start.isPending}>
          <Play size={14} aria-hidden /> Start session
        </Button>
      </div>
    </form>
  );
}
