import { Copy } from 'lucide-react';
import type { SameTextDocument } from '../../shared/team';

/** A teammate imported documents this workspace already has: the merge keeps both copies, and says so first. */
export function SameTextDocumentsNote({ documents }: { documents: SameTextDocument[] }) {
  if (documents.length === 0) return null;
  const one = documents.length === 1;
  return (
    <div className="team-note team-note-same-text" data-testid="merge-same-text">
      <Copy size={16} aria-hidden />
      <div>
        <p>
          {one ? 'A document' : `${documents.length} documents`} in this file {one ? 'has' : 'have'} the same text as{' '}
          {one ? 'one' : 'ones'} you already imported. Both copies are kept, each with its own claims and verdicts; delete the
          copy you do not need after merging.
        </p>
        <ul>
          {documents.map((d) => (
            <li key={d.theirs.id}>
              {d.theirs.importedBy}’s “{d.theirs.title}” = your “{d.yours.title}”
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
