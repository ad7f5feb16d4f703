import { X } from 'lucide-react';
import { memo, useState } from 'react';
import type { Claim } from '../../shared/domain';
import { errorMessage } from '../api/client';
import { useOperationMutation } from '../api/queries';
import { EditableField } from '../ui/EditableField';
import { useNotify } from '../ui/notices';
import { useAssigneeSuggestions } from './useAssigneeSuggestions';
import './triage.css';

/** Back to the list without subscribing to the workbench (this section should not re-render while scrolling). */
const focusClaimList = () => document.querySelector<HTMLElement>('.claim-list')?.focus();

export const ASSIGNEE_INPUT_ID = 'assignee-input';
export const TAG_INPUT_ID = 'tag-input';

/** Who checks this claim and its tags, editable in place (each change one undo step). */
export const TriageFields = memo(function TriageFields({ claim }: { claim: Claim }) {
  const notify = useNotify();
  const fail = (e: unknown) => notify({ message: errorMessage(e), tone: 'error' });
  const assign = useOperationMutation('claims.assign');
  const tag = useOperationMutation('claims.tag');
  const people = useAssigneeSuggestions();
  const [draft, setDraft] = useState('');
  const addTags = () => {
    const tags = draft
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    if (tags.length === 0) return;
    // Emptied at once, not when the core answers: what the checker types next is the next tag, never the tail of
    // this one. If the core refuses, the text comes back unless something new was typed meanwhile.
    const sent = draft;
    setDraft('');
    tag.mutate(
      { ids: [claim.id], add: tags },
      {
        onError: (e) => {
          setDraft((now) => (now === '' ? sent : now));
          fail(e);
        },
      },
    );
  };
  return (
    <div className="triage-fields">
      <div className="assignee-field" id={`${ASSIGNEE_INPUT_ID}-wrap`}>
        <EditableField
          label="Assignee"
          placeholder="Unassigned"
          maxLength={120}
          suggestions={people}
          value={claim.assignee ?? ''}
          onCommit={(name) => assign.mutate({ ids: [claim.id], assignee: name.trim() || null }, { onError: fail })}
          onDone={() => focusClaimList()}
        />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={TAG_INPUT_ID}>
          Tags
        </label>
        <div className="tag-editor">
          {claim.tags.map((t) => (
            <span key={t} className="tag-chip">
              {t}
              <button
                type="button"
                className="tag-remove"
                aria-label={`Remove tag ${t}`}
                onClick={() => tag.mutate({ ids: [claim.id], remove: [t] }, { onError: fail })}
              >
                <X size={11} aria-hidden />
              </button>
            </span>
          ))}
          <input
            id={TAG_INPUT_ID}
            className="tag-input"
            placeholder={claim.tags.length ? 'Add tag' : 'Add tags…'}
            title="Separate tags with commas; Enter adds them"
            maxLength={600}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addTags();
              } else if (e.key === 'Escape') {
                e.preventDefault();
                setDraft('');
                focusClaimList();
              } else if (e.key === 'Backspace' && draft === '' && claim.tags.length > 0) {
                tag.mutate({ ids: [claim.id], remove: [claim.tags[claim.tags.length - 1]!] }, { onError: fail });
              }
            }}
            onBlur={addTags}
          />
        </div>
      </div>
    </div>
  );
});
