import { Archive, ExternalLink, Link2, Pencil, Trash } from 'lucide-react';
import { memo, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { z } from 'zod';
import type { Claim } from '../../shared/domain';
import { STANCE_LABELS, STANCES, type Source, type Stance } from '../../shared/evidence';
import { errorMessage } from '../api/client';
import { useOperationMutation } from '../api/queries';
import { Button } from '../ui/Button';
import { focusHome } from '../ui/focusHome';
import { IconButton } from '../ui/IconButton';
import { Kbd } from '../ui/Kbd';
import { useNotify } from '../ui/notices';
import { Spinner } from '../ui/Progress';
import { RadioGroup } from '../ui/RadioGroup';
import { MOD } from '../app/shortcuts';
import { DraftShelf, useUnsentDraft } from '../ui/unsentDrafts';
import { EditSourceForm, sourceEdits } from './EditSourceForm';
import { hostName, safeHttpUrl } from './format';
import { SourceField } from './SourceField';
import { StanceBadge } from './Stance';
import { useEvidence, useFail } from './useEvidence';
import './evidence.css';

/** Focus target for the "add a source" shortcut. */
export const SOURCE_INPUT_ID = 'source-paste-input';

export const SourcesSection = memo(function SourcesSection({ claim }: { claim: Claim }) {
  const evidence = useEvidence(claim);
  const sources = evidence.data?.sources;
  // The source just added: brought into view, marked, and announced once it is in the list.
  const [added, setAdded] = useState<string | null>(null);
  return (
    <div className="evidence-block">
      {evidence.isPending ? (
        <Spinner label="Loading sources…" />
      ) : sources && sources.length > 0 ? (
        <ul className="source-list" aria-label="Sources">
          {sources.map((s) => (
            <SourceItem key={s.id} source={s} justAdded={s.id === added} />
          ))}
        </ul>
      ) : (
        <p className="evidence-empty">No sources yet. Paste a link or a passage below.</p>
      )}
      <AddSourceForm claimId={claim.id} onAdded={setAdded} />
    </div>
  );
});

/** "Reuters · published 3 May 2024 · accessed 6 May 2024 · reuters.com · added by Ben Okafor" */
function sourceMeta(source: Source): string[] {
  return [
    source.publisher,
    source.publishedAt ? `published ${source.publishedAt}` : null,
    source.accessedAt ? `accessed ${source.accessedAt}` : null,
    source.url ? hostName(source.url) : null,
    source.createdBy ? `added by ${source.createdBy}` : null,
  ].filter((x): x is string => !!x);
}

function SourceItem({ source, justAdded }: { source: Source; justAdded: boolean }) {
  const fail = useFail();
  const update = useOperationMutation('sources.update');
  const remove = useOperationMutation('sources.delete');
  const href = safeHttpUrl(source.url);
  const archive = safeHttpUrl(source.archiveUrl);
  const title =
    source.title.trim() ||
    (source.url ? hostName(source.url) : source.excerpt ? (source.publisher ?? 'Quoted passage') : 'Attached file');
  const meta = sourceMeta(source);
  const stanceId = useId();
  // An edit left open on another claim's visit is still open, with what was typed.
  const [editing, setEditing] = useState(() => sourceEdits.has(source.id));
  const editButton = useRef<HTMLButtonElement>(null);
  const item = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (justAdded) item.current?.scrollIntoView({ block: 'nearest' });
  }, [justAdded]);
  const refocusEdit = useRef(false);
  useEffect(() => {
    if (editing || !refocusEdit.current) return;
    refocusEdit.current = false;
    editButton.current?.focus();
  }, [editing]);
  if (editing) {
    const close = () => {
      refocusEdit.current = true;
      setEditing(false);
    };
    return (
      <li className="source-item" data-stance={source.stance}>
        <EditSourceForm source={source} name={title} onClose={close} />
      </li>
    );
  }
  return (
    <li ref={item} className={`source-item${justAdded ? ' is-new' : ''}`} data-stance={source.stance} data-source-id={source.id}>
      <div className="source-head">
        {href ? (
          <a className="source-title" href={href} target="_blank" rel="noopener noreferrer" title={`${title}\n${href}`}>
            {title}
            <ExternalLink size={11} aria-hidden className="source-external" />
          </a>
        ) : (
          <span className="source-title" title={source.url ? `${title}\n${source.url}` : title}>
            {title}
          </span>
        )}
        <div className="source-actions">
          <label className="visually-hidden" htmlFor={stanceId}>
            Stance of {title}
          </label>
          {/* The stance is shown once: this control is both its label and the way to change it. */}
          <select
            id={stanceId}
            className={`stance-select stance-${source.stance}`}
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
            ref={editButton}
            label={`Edit source ${title}`}
            icon={<Pencil size={13} />}
            onClick={() => setEditing(true)}
          />
          <IconButton
            label={`Remove source ${title}`}
            icon={<Trash size={13} />}
            onClick={() => remove.mutate({ id: source.id }, { onError: fail })}
          />
        </div>
      </div>
      {meta.length > 0 && <div className="source-meta">{meta.join(' · ')}</div>}
      {archive && (
        <div className="source-meta">
          <a className="source-archive" href={archive} target="_blank" rel="noopener noreferrer" title={archive}>
            <Archive size={11} aria-hidden /> Archived copy
          </a>
        </div>
      )}
      {source.excerpt && <blockquote className="source-excerpt">{source.excerpt}</blockquote>}
    </li>
  );
}

/** A new source as a notice names it: by its title, else its site, else as the passage it is. */
function addedWords(source: Source): string {
  const name = source.title.trim() || (source.url ? hostName(source.url) : '');
  const stance = STANCE_LABELS[source.stance];
  return name ? `Added the source “${name}” (${stance}).` : `Added the passage as a source (${stance}).`;
}

/** What the paste box holds as the core will read it (evidence/urls.ts classifyPaste): a link, or a passage. */
function looksLikeLink(text: string): boolean {
  const t = text.trim();
  return (/^[a-z][a-z0-9+.-]*:\S*$/i.test(t) || /^www\.\S+$/i.test(t)) && !/\s/.test(t);
}

const NO_ORIGIN = { url: '', publisher: '', publishedAt: '', accessedAt: '', archiveUrl: '' };
type Origin = typeof NO_ORIGIN;

/** Today on the checker's calendar, as a date input holds it (YYYY-MM-DD). */
function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A new source as the add form holds it before it is sent. */
interface NewSource {
  pasted: string;
  title: string;
  origin: Origin;
  stance: Stance;
}

/**
 * A new source was accessed today unless the checker says otherwise: the field shows it, ready to change.
 * Every new source starts as context: a stance is a judgement about this source, never the last one's.
 */
const freshSource = (): NewSource => ({
  pasted: '',
  title: '',
  origin: { ...NO_ORIGIN, accessedAt: localToday() },
  stance: 'context',
});
const isBlankSource = (s: NewSource) => !s.pasted.trim() && !s.title.trim();

/** Sources typed but not yet added, per claim; kept across a reload or a crash. */
const unsentSources = new DraftShelf<NewSource>({
  key: 'sources',
  schema: z.object({
    pasted: z.string(),
    title: z.string(),
    origin: z.object({
      url: z.string(),
      publisher: z.string(),
      publishedAt: z.string(),
      accessedAt: z.string(),
      archiveUrl: z.string(),
    }),
    stance: z.enum(STANCES),
  }),
});

/** Only the origin fields the checker filled in, as the operation takes them. */
function originInput(origin: Origin, passage: boolean): Partial<Origin> {
  const out: Partial<Origin> = {};
  for (const [key, value] of Object.entries(origin) as [keyof Origin, string][]) {
    if (key === 'url' && !passage) continue;
    if (value.trim()) out[key] = value.trim();
  }
  return out;
}

function AddSourceForm({ claimId, onAdded }: { claimId: string; onAdded: (sourceId: string) => void }) {
  const notify = useNotify();
  const [form, setForm] = useUnsentDraft(unsentSources, claimId, freshSource, isBlankSource);
  const { pasted, title, origin, stance } = form;
  const edit = (patch: Partial<NewSource>) => setForm((f) => ({ ...f, ...patch }));
  const [error, setError] = useState<string | null>(null);
  const add = useOperationMutation('sources.add');
  const pasteRef = useRef<HTMLTextAreaElement>(null);
  const titleId = useId();
  const errorId = useId();
  const fieldId = useId();
  const passage = pasted.trim() !== '' && !looksLikeLink(pasted);

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!pasted.trim() && !title.trim()) {
      setError('Paste a link or a passage first.');
      return;
    }
    const sent = form;
    // Emptied and left at once, as a note is: a key pressed while the source is on its way is a command on the list.
    // If the core refuses, the form comes back unless something was typed since.
    setForm(freshSource());
    setError(null);
    focusHome();
    add.mutate(
      { claimId, pasted, ...(title.trim() ? { title: title.trim() } : {}), ...originInput(origin, passage), stance },
      {
        onSuccess: (source) => {
          onAdded(source.id);
          notify({ message: addedWords(source), kind: 'source-added' });
        },
        onError: (err) => {
          setForm((now) => (isBlankSource(now) ? sent : now));
          setError(errorMessage(err));
        },
      },
    );
  };
  const originField = (key: keyof Origin, label: string, type: 'text' | 'url' | 'date', placeholder?: string) => (
    <SourceField
      id={`${fieldId}-${key}`}
      label={label}
      type={type}
      placeholder={placeholder}
      value={origin[key]}
      onChange={(value) => {
        setForm((f) => ({ ...f, origin: { ...f.origin, [key]: value } }));
        if (error) setError(null);
      }}
    />
  );

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
          edit({ pasted: e.target.value });
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
          onChange={(e) => edit({ title: e.target.value })}
        />
      </div>
      {pasted.trim() !== '' && (
        <fieldset className="origin-fields">
          <legend className="visually-hidden">Where the source comes from</legend>
          {passage && originField('url', 'Link to the passage', 'url', 'https://…')}
          {originField('publisher', 'Publisher', 'text', 'e.g. Reuters')}
          {originField('publishedAt', 'Published', 'date')}
          {originField('accessedAt', 'Accessed', 'date')}
          {originField('archiveUrl', 'Archived copy', 'url', 'https://web.archive.org/…')}
        </fieldset>
      )}
      <div className="evidence-form-row">
        <RadioGroup
          label="Stance"
          className="stance-choice"
          options={STANCES}
          value={stance}
          onChange={(s) => edit({ stance: s })}
          optionClassName={() => 'stance-option'}
          renderOption={(s) => <StanceBadge stance={s} />}
        />
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
