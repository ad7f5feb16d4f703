import { Share2 } from 'lucide-react';
import { useState } from 'react';
import type { DocumentSummary } from '../../shared/domain';
import { call, errorMessage } from '../api/client';
import { useOperationQuery } from '../api/queries';
import { savedPlace, whereIs } from '../app/commandPlaces';
import { Button } from '../ui/Button';
import { Modal } from '../ui/Modal';
import { useNotify } from '../ui/notices';
import { ProgressBar, Spinner } from '../ui/Progress';
import { count } from './format';
import { useTeamDialogs } from './useTeamDialogs';
import './team.css';

type Scope = 'all' | 'chosen';

function suggestedName(workspace: string, author: string | null): string {
  const day = new Date().toISOString().slice(0, 10);
  return [workspace, author, day].filter(Boolean).join(' - ');
}

/** File ▸ Share…: the whole workspace or chosen documents, written by the core as one share file. */
export function ShareDialog() {
  const { current, close } = useTeamDialogs();
  const open = current === 'share';
  return (
    <Modal
      open={open}
      onOpenChange={(o) => !o && close()}
      title="Share with a teammate"
      description={`Writes one self-contained share file with your changes and everyone's history. Your teammate merges it with ${whereIs('merge')}`}
      width={560}
    >
      {open && <ShareForm onDone={close} />}
    </Modal>
  );
}

function ShareForm({ onDone }: { onDone: () => void }) {
  const notify = useNotify();
  const session = useOperationQuery('identity.get', {});
  const documents = useOperationQuery('documents.list', {});
  const [scope, setScope] = useState<Scope>('all');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [phase, setPhase] = useState<'idle' | 'choosing' | 'writing'>('idle');
  const [error, setError] = useState<string | null>(null);

  if (!documents.data || !session.data) return <Spinner label="Loading documents…" />;
  const docs = documents.data;
  const ready = scope === 'all' || chosen.size > 0;

  const share = async () => {
    setError(null);
    setPhase('choosing');
    try {
      const defaultName = suggestedName(session.data.workspace.name, session.data.author);
      const { file } = await call('team.chooseShareTarget', { defaultName });
      if (!file) return;
      setPhase('writing');
      const documentIds = scope === 'chosen' ? docs.filter((d) => chosen.has(d.id)).map((d) => d.id) : undefined;
      const result = await call('team.share', { chosen: file.token, ...(documentIds ? { documentIds } : {}) });
      notify({
        message: `Shared ${count(result.changes, 'change')} from ${count(result.documents, 'document')}: ${savedPlace(file.name)}.`,
      });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPhase('idle');
    }
  };

  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready && phase === 'idle') void share();
      }}
    >
      <fieldset className="team-choice">
        <legend className="field-label">What to share</legend>
        <label className="team-radio">
          <input type="radio" name="share-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
          <span>
            <span className="team-radio-title">The whole workspace</span>
            <span className="team-radio-hint">
              {count(docs.length, 'document')}, {count(sumClaims(docs), 'claim')}, with every source, note and change
            </span>
          </span>
        </label>
        <label className="team-radio">
          <input
            type="radio"
            name="share-scope"
            checked={scope === 'chosen'}
            disabled={docs.length === 0}
            onChange={() => setScope('chosen')}
          />
          <span>
            <span className="team-radio-title">Chosen documents</span>
            <span className="team-radio-hint">Only their claims, evidence and history</span>
          </span>
        </label>
      </fieldset>
      {scope === 'chosen' && <DocumentChecklist documents={docs} chosen={chosen} onChange={setChosen} />}
      {phase === 'writing' && <ProgressBar value={null} label="Writing the share file" />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <span className="form-hint muted">
          {scope === 'chosen' ? `${count(chosen.size, 'document')} chosen` : 'You choose where to save next'}
        </span>
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={!ready || phase !== 'idle'}>
          <Share2 size={14} aria-hidden /> {phase === 'writing' ? 'Sharing…' : 'Share…'}
        </Button>
      </div>
    </form>
  );
}

function sumClaims(docs: readonly DocumentSummary[]): number {
  return docs.reduce((n, d) => n + d.claimCount, 0);
}

function DocumentChecklist({
  documents,
  chosen,
  onChange,
}: {
  documents: readonly DocumentSummary[];
  chosen: ReadonlySet<string>;
  onChange: (next: ReadonlySet<string>) => void;
}) {
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange(next);
  };
  return (
    <div className="team-checklist-wrap">
      <div className="team-checklist-tools">
        <Button size="sm" variant="ghost" onClick={() => onChange(new Set(documents.map((d) => d.id)))}>
          Select all
        </Button>
        <Button size="sm" variant="ghost" onClick={() => onChange(new Set())} disabled={chosen.size === 0}>
          Clear
        </Button>
      </div>
      <ul className="team-checklist" aria-label="Documents to share">
        {documents.map((d) => (
          <li key={d.id}>
            <label className="team-check">
              <input type="checkbox" checked={chosen.has(d.id)} onChange={() => toggle(d.id)} />
              <span className="team-check-title">{d.title}</span>
              <span className="team-check-meta muted">{count(d.claimCount, 'claim')}</span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
