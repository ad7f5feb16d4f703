import { CircleAlert } from 'lucide-react';
import { whenEdited } from '../../shared/conflict-timing';
import type { Claim } from '../../shared/domain';
import { useOperationQuery } from '../api/queries';
import { Button } from '../ui/Button';
import { differingParts, fieldsLabel } from './format';
import { useTeamDialogs } from './useTeamDialogs';
import './team.css';

/** Detail-pane banner for a conflicted claim, leading to the resolution view. */
export function ConflictBanner({ claim }: { claim: Claim }) {
  const { open } = useTeamDialogs();
  const conflicts = useOperationQuery('conflicts.list', {});
  const mine = conflicts.data?.find((c) => c.claimId === claim.id);
  const who = mine ? [...new Set(mine.sides.map((s) => s.author))].join(' and ') : 'Teammates';
  const shownBy = mine?.sides.find((s) => s.shown.length > 0)?.author;
  return (
    <div className="team-banner" role="note" data-testid="conflict-banner">
      <CircleAlert size={16} className="team-banner-icon" aria-hidden />
      <p className="team-banner-text">
        <strong>Conflict.</strong> {who} decided this claim differently
        {mine
          ? ` (${fieldsLabel(differingParts(mine)).toLowerCase()}), ${whenEdited(mine.sides)}`
          : ', neither seeing the other’s change'}
        . {shownBy ? `${shownBy}’s decision` : 'One decision'} is shown until someone decides.
      </p>
      <Button size="sm" onClick={() => open('conflicts')}>
        Resolve…
      </Button>
    </div>
  );
}
