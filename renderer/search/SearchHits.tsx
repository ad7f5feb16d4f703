import { ChevronDown, ChevronRight, FileText, Link2, MessageSquare } from 'lucide-react';
import { useState } from 'react';
import type { SearchHit, SearchKind } from '../../shared/evidence';
import { useOperationQuery } from '../api/queries';
import { useWorkbench } from '../app/workbench';
import { Highlighted } from './highlight';
import { useReveal } from './useReveal';
import './search.css';

const KIND_LABEL: Record<SearchKind, string> = { claim: 'Claim', document: 'Document', source: 'Source', note: 'Note' };
const KIND_ICON = { claim: FileText, document: FileText, source: Link2, note: MessageSquare };

/**
 * The claim list already shows the claims that match; this lists the matches in sources, notes
 * and documents, each leading to its claim (or document).
 */
export function SearchHits() {
  const { filter, dispatch } = useWorkbench();
  const reveal = useReveal();
  const [open, setOpen] = useState(true);
  const query = filter.query ?? '';
  const { query: _q, sort: _s, ...filters } = filter;
  const hits = useOperationQuery('search', { query, kinds: ['source', 'note', 'document'], ...filters, limit: 30 }, query !== '');
  if (!query || !hits.data || hits.data.hits.length === 0) return null;
  const list = hits.data.hits;
  const count = `${list.length}${hits.data.hasMore ? '+' : ''}`;
  const go = (h: SearchHit) => {
    if (h.kind === 'document' && h.documentId) {
      dispatch({ type: 'query', query: '' });
      dispatch({ type: 'scope', documentId: h.documentId });
    } else if (h.claimId) void reveal(h.claimId);
  };
  return (
    <section className="search-hits" aria-label="Matches in sources, notes and documents">
      <button type="button" className="search-hits-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? <ChevronDown size={13} aria-hidden /> : <ChevronRight size={13} aria-hidden />}
        Also found in sources, notes and documents <span className="search-hits-count">{count}</span>
      </button>
      {open && (
        <ul className="search-hit-list">
          {list.map((h) => {
            const Icon = KIND_ICON[h.kind];
            return (
              <li key={`${h.kind}:${h.entityId}`}>
                <button type="button" className="search-hit" data-kind={h.kind} onClick={() => go(h)}>
                  <span className="search-hit-kind">
                    <Icon size={12} aria-hidden /> {KIND_LABEL[h.kind]}
                  </span>
                  <span className="search-hit-snippet">
                    <Highlighted text={h.snippet.text} ranges={h.snippet.ranges} />
                  </span>
                  {h.claimText && <span className="search-hit-claim">on “{h.claimText}”</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
