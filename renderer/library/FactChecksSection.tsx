import { BookCheck, Paperclip } from 'lucide-react';
import { memo, useState } from 'react';
import type { Claim } from '../../shared/domain';
import { WEAK_MATCH, type PageFactCheckMatch } from '../../shared/library-api';
import { errorMessage } from '../api/client';
import { useOperationMutation, useOperationQuery } from '../api/queries';
import { whereIs } from '../app/commandPlaces';
import { safeHref } from './safeHref';
import { Button } from '../ui/Button';
import { Kbd } from '../ui/Kbd';
import { useNotify } from '../ui/notices';
import { Spinner } from '../ui/Progress';
import { matchStrength, matchSummary, verdictTone } from './format';
import './library.css';

export const ATTACH_FIRST_MATCH_ID = 'fact-check-attach-0';

/** Published fact-checks that cover this claim, from the linked libraries, with why each matched. */
export const FactChecksSection = memo(function FactChecksSection({ claim }: { claim: Claim }) {
  const libraries = useOperationQuery('libraries.list', {});
  const linked = (libraries.data ?? []).length > 0;
  const matches = useOperationQuery('libraries.matchClaim', { claimId: claim.id, top: 5 }, linked);
  if (libraries.isPending) return null;
  if (!linked) return <p className="evidence-empty">No fact-check library linked. {whereIs('libraries')} links one.</p>;
  if (matches.isPending) return <Spinner label="Matching published fact-checks…" />;
  if (matches.error) return <p className="evidence-empty">Matching failed: {matches.error.message}</p>;
  if (matches.data.length === 0) return <p className="evidence-empty">No published fact-check matches this claim.</p>;
  return <MatchList key={claim.id} claimId={claim.id} matches={matches.data} />;
});

/**
 * The close matches, best first (`y` attaches the first); matches sharing only a word or two with the claim (under
 * WEAK_MATCH) wait behind a button, so neither the list nor `y` offers them as if they covered the claim.
 */
function MatchList({ claimId, matches }: { claimId: string; matches: PageFactCheckMatch[] }) {
  const [showWeak, setShowWeak] = useState(false);
  const close = matches.filter((m) => m.confidence >= WEAK_MATCH);
  const weak = matches.filter((m) => m.confidence < WEAK_MATCH);
  const shown = showWeak ? [...close, ...weak] : close;
  return (
    <>
      {close.length === 0 && <p className="evidence-empty">No published fact-check matches this claim closely.</p>}
      {shown.length > 0 && (
        <ul className="fact-check-list" aria-label="Published fact-checks">
          {shown.map((m, i) => (
            <MatchItem key={`${m.libraryId}:${m.url}`} claimId={claimId} match={m} first={i === 0 && close.length > 0} />
          ))}
        </ul>
      )}
      {weak.length > 0 && !showWeak && (
        <Button size="sm" variant="ghost" className="fact-check-weak" onClick={() => setShowWeak(true)}>
          Show {weak.length === 1 ? 'a weak match' : `${weak.length} weak matches`} (a word or two in common)
        </Button>
      )}
    </>
  );
}

/** Names, figures and words a match shares, each once: a word of a shared name ("court" in "Constitutional Court") is not repeated. */
function sharedWords(why: PageFactCheckMatch['why']): string[] {
  const inNames = new Set(why.names.flatMap((n) => n.toLocaleLowerCase().split(/\s+/)));
  const seen = new Set<string>();
  return [...why.names, ...why.numbers, ...why.terms.filter((t) => !inNames.has(t.toLocaleLowerCase()))].filter((w) => {
    const key = w.toLocaleLowerCase();
    return !seen.has(key) && !!seen.add(key);
  });
}

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

function MatchItem({ claimId, match, first }: { claimId: string; match: PageFactCheckMatch; first: boolean }) {
  const notify = useNotify();
  const attach = useOperationMutation('libraries.attachMatch');
  const [attached, setAttached] = useState(false);
  const href = safeHref(match.url);
  const why = sharedWords(match.why);
  const strength = matchStrength(match);
  return (
    <li className="fact-check-item" data-match-url={match.url}>
      <span className="fact-check-head">
        <span className={`fact-check-rating tone-${verdictTone(match)}`} title={matchSummary(match)}>
          <BookCheck size={12} aria-hidden />
          <span className="fact-check-rating-text">{matchSummary(match)}</span>
        </span>
        <span className="fact-check-confidence" title={strength.hint}>
          {strength.label}
        </span>
      </span>
      {match.why.differences.length > 0 && (
        <span className="fact-check-differs">{capitalise(match.why.differences.join(', '))}</span>
      )}
      <span className="fact-check-claim">{match.claimReviewed}</span>
      {href ? (
        <a className="fact-check-link" href={href} target="_blank" rel="noopener noreferrer" title={href}>
          {match.headline || href}
        </a>
      ) : (
        <span className="fact-check-link">{match.headline}</span>
      )}
      {why.length > 0 && <span className="fact-check-why">Both mention: {why.slice(0, 10).join(', ')}</span>}
      <span className="fact-check-actions">
        <Button
          id={first ? ATTACH_FIRST_MATCH_ID : undefined}
          variant="ghost"
          disabled={attach.isPending || attached}
          onClick={() =>
            attach.mutate(
              { claimId, library: match.libraryId, url: match.url },
              {
                onSuccess: (s) => {
                  setAttached(true);
                  notify({ message: `Attached as a source (${s.stance}).` });
                },
                onError: (e) => notify({ message: errorMessage(e), tone: 'error' }),
              },
            )
          }
        >
          <Paperclip size={13} aria-hidden /> {attached ? 'Attached' : 'Attach as source'}
          {first && !attached && <Kbd>y</Kbd>}
        </Button>
      </span>
    </li>
  );
}
