import { ExternalLink, Link2, Trash } from 'lucide-react';
import { memo, useId, useRef, useState, type FormEvent } from 'react';
import type { Claim } from '../../shared/domain';
import { STANCE_LABELS, STANCES, type Source, type Stance } from '../../shared/evidence';
import { errorMessage } from '../api/client';
import { useOperationMutation } from '../api/queries';
import { Button } from '../ui/Button';
import { focusHome } from '../ui/focusHome';
import { IconButton } from '../ui/IconButton';
import { Kbd } from '../ui/Kbd';
import { Spinner } from '../ui/Progress';
import { MOD } from '../app/shortcuts';
import { hostName, safeHttpUrl } from './format';
import { StanceBadge } from './Stance';
import { useEvidence, useFail } from './useEvidence';
import './evidence.css';

/** Focus target for the "add a source" shortcut. */
export const SOURCE_INPUT_ID = 'source-paste-input';

export const SourcesSection = memo(function SourcesSection({ claim }: { claim: Claim }) {
  const evidence = useEvidence(claim);
  const sources = evidence.data?.sources;
  return (
    <div className="evidence-block">
      {evidence.isPending ? (
        <Spinner label="Loading sources…" />
      ) : sources && sources.length > 0 ? (
        <ul className="source-list" aria-label="Sources">
          {sources.map((s) => (
            <SourceItem key={s.id} source={s} />
          ))}
        </ul>
      ) : (
        <p className="evidence-empty">No sources yet. Paste a link or a passage below.</p>
      )}
      <AddSourceForm claimId={claim.id} />
    </div>
  );
});

function SourceItem({ source }: { source: Source }) {
  const fail = useFail();
  const update = useOperationMutation('sources.update');
  const remove = useOperationMutation('sources.delete');
  const href = safeHttpUrl(source.url);
  const title = source.title.trim() || (source.url ? hostName(source.url) : source.excerpt ? 'Excerpt' : 'Attached file');
  const meta = [source.publisher, source.publishedAt, source.url ? hostName(source.url) : null].filter(Boolean);
  const stanceId = useId();
  return (
    <li className="source-item" data-stance={source.stance}>
      <div className="source-head">
        <StanceBadge stance={source.stance} />
        {href ? (
          <a className="source-title" href={href} target="_blank" rel="noopener noreferrer" title={href}>
            {title}
            <ExternalLink size={11} aria-hidden className="source-external" />
          </a>
        ) : (
          <span className="source-title" title={source.url ?? undefined}>
            {title}
          </span>
        )}
        <div className="source-actions">
          <label className="visually-hidden" htmlFor={stanceId}>
            Stance of {title}
          </label>
          <select
            id={stanceId}
            className="stance-select"
            value={source.stance}
            onChange={(e) => update.mutate({ id: source.id, patch: { stance: e.target.value as Stance } }, { onError: fail })}
          >
            {STANCES.map((s) => (
              <option key={s} value={s}>
                {STANCE_LABELS[s]}
              </option>
            ))}
          </select>
          <IconButton
            label={`Remove source ${title}`}
            icon={<Trash size={13} />}
            onClick={() => remove.mutate({ id: source.id }, { onError: fail })}
          />
        </div>
      </div>
      {meta.length > 0 && <div className="source-meta">{meta.join(' · ')}</div>}
      {source.excerpt && <blockquote className="source-excerpt">{source.excerpt}</blockquote>}
    </li>
  );
}

function AddSourceForm({ claimId }: { claimId: string }) {
  const [pasted, setPasted] = useState('');
  const [title, setTitle] = useState('');
  const [stance, setStance] = useState<Stance>('supports');
  const [error, setError] = useState<string | null>(null);
  const add = useOperationMutation('sources.add');
  const pasteRef = useRef<HTMLTextAreaElement>(null);
  const titleId = useId();
  const errorId = useId();

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!pasted.trim() && !title.trim()) {
      setError('Paste a link or a passage first.');
      return;
    }
    add.mutate(
      { claimId, pasted, ...(title.trim() ? { title: title.trim() } : {}), stance },
      {
        onSuccess: () => {
          setPasted('');
          setTitle('');
          setError(null);
          focusHome();
        },
        onError: (err) => setError(errorMessage(err)),
      },
    );
  };
  return (
    <form className="evidence-form" aria-label="Add a source" onSubmit={submit}>
      <label className="field-label" htmlFor={SOURCE_INPUT_ID}>
        <Link2 size={12} aria-hidden /> Add a source
      </label>
      <textarea
        id={SOURCE_INPUT_ID}
        ref={pasteRef}
        className="field-input"
        rows={2}
        maxLength={200_000}
        placeholder="Paste a link (https://…) or the passage you relied on"
        value={pasted}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          setPasted(e.target.value);
          if (error) setError(null);
        }}
      />
      <div className="evidence-form-row">
        <label className="visually-hidden" htmlFor={titleId}>
          Source title (optional)
        </label>
        <input
          id={titleId}
          className="field-input"
          placeholder="Title (optional)"
          maxLength={2_000}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <div className="stance-choice" role="radiogroup" aria-label="Stance">
          {STANCES.map((s) => (
            <button
              key={s}
              type="button"
              role="radio"
              aria-checked={stance === s}
              className="stance-option"
              onClick={() => setStance(s)}
            >
              <StanceBadge stance={s} />
            </button>
          ))}
        </div>
        <Button type="submit" size="sm" variant="primary" disabled={add.isPending}>
          Add <Kbd>{`${MOD}+Enter`}</Kbd>
        </Button>
      </div>
      {error && (
        <p id={errorId} className="evidence-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
