import { useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client';
import { useOperationMutation, useOperationQuery } from '../api/queries';
import { Button } from '../ui/Button';
import { Modal } from '../ui/Modal';

/** First launch: every change carries its author, so ask who is checking before anything else. */
export function AuthorDialog() {
  const session = useOperationQuery('identity.get', {});
  const setAuthor = useOperationMutation('identity.setAuthor');
  const [name, setName] = useState('');
  const open = session.data !== undefined && session.data.author === null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) setAuthor.mutate({ name: name.trim() });
  };

  return (
    <Modal
      open={open}
      required
      title="Welcome to Claimbench"
      description="What is your name? It is recorded with every verdict and edit you make, so your team can see who checked what."
      width={440}
    >
      <form onSubmit={submit} className="form">
        <label className="field">
          <span className="field-label">Your name</span>
          <input
            className="field-input"
            type="text"
            value={name}
            autoFocus
            maxLength={120}
            autoComplete="name"
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. Ann Lee"
          />
        </label>
        {setAuthor.error && <p className="form-error">{errorMessage(setAuthor.error)}</p>}
        <div className="form-actions">
          <Button type="submit" variant="primary" disabled={!name.trim() || setAuthor.isPending}>
            Start checking
          </Button>
        </div>
      </form>
    </Modal>
  );
}
