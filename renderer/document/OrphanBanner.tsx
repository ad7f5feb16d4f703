import { Unlink } from 'lucide-react';
import { useState } from 'react';
import type { Claim } from '../../shared/domain';
import { useSelectClaim } from './useSelectClaim';

/**
 * Claims that came from the text but could not be placed after it was replaced: they keep their
 * score (from the importer or a selection) but lost their anchor. Listed, never dropped.
 */
export function OrphanBanner({ claims }: { documentId: string; claims: Claim[] }) {
  const selectClaim = useSelectClaim();
  const [open, setOpen] = useState(false);
  const orphans = claims.filter((c) => c.anchor === null && c.score !== null);
  if (orphans.length === 0) return null;
  return (
    <div className="orphan-banner" role="status" data-testid="orphan-banner">
      <div className="orphan-banner-head">
        <Unlink size={15} aria-hidden />
        <span>
          {orphans.length === 1
            ? '1 claim could not be placed in the current text. It is kept in the claim list.'
            : `${orphans.length.toLocaleString()} claims could not be placed in the current text. They are kept in the claim list.`}
        </span>
        <button type="button" className="orphan-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide' : 'Show'}
        </button>
      </div>
      {open && (
        <ul className="orphan-list">
          {orphans.map((c) => (
            <li key={c.id}>
              <button type="button" className="orphan-claim" onClick={() => void selectClaim(c.id)}>
                {c.text}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
