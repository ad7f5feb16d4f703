import { CircleAlert } from 'lucide-react';
import './team.css';

/** Marks a claim a merge left in conflict: icon and word, so it never depends on colour. */
export function ConflictMarker() {
  return (
    <span className="team-conflict-marker" data-testid="conflict-marker">
      <CircleAlert size={12} aria-hidden />
      Conflict
    </span>
  );
}
