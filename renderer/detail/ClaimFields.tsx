import type { Claim } from '../../shared/domain';
import { countLabel } from '../../shared/text/count-label';
import { call, errorMessage } from '../api/client';
import { useOperationMutation } from '../api/queries';
import { useUndoRedo } from '../app/useUndoRedo';
import { useWorkbench } from '../app/workbench';
import { EditableField } from '../ui/EditableField';
import { useNotify } from '../ui/notices';

function useClaimUpdate(claim: Claim) {
  const notify = useNotify();
  const update = useOperationMutation('claims.update');
  return (patch: { text?: string; claimant?: string | null; rationale?: string }) =>
    update.mutate({ id: claim.id, patch }, { onError: (e) => notify({ message: errorMessage(e), tone: 'error' }) });
}

export function ClaimTextField({ claim }: { claim: Claim }) {
  const { refs } = useWorkbench();
  const save = useClaimUpdate(claim);
  return (
    <EditableField
      label="Claim"
      className="claim-text-input"
      multiline
      required
      maxLength={20_000}
      value={claim.text}
      inputRef={refs.claimText}
      onCommit={(text) => save({ text })}
      onDone={() => refs.claimList.current?.focus()}
    />
  );
}

/**
 * A claimant corrected on one claim ("Vladimir Vladimirovich Putin" → "Vladimir Putin") is usually the same
 * correction for every claim naming them: offer it once the edit is saved, as one undoable action.
 */
function useOfferRenameEverywhere() {
  const notify = useNotify();
  const rename = useOperationMutation('claims.renameClaimant');
  const { undo } = useUndoRedo();
  return async (from: string | null, to: string | null) => {
    if (!from || !to || from.toLocaleLowerCase() === to.toLocaleLowerCase()) return;
    const others = (await call('claims.claimants', {})).find((c) => c.claimant.toLocaleLowerCase() === from.toLocaleLowerCase());
    if (!others) return;
    notify({
      kind: 'rename-claimant',
      message: `${countLabel(others.count, 'other claim')} still ${others.count === 1 ? 'names' : 'name'} “${from}”.`,
      action: {
        label: `Rename to “${to}”`,
        run: () =>
          rename.mutate(
            { from, to },
            {
              onSuccess: (r) =>
                notify({
                  kind: 'rename-claimant',
                  message: `Renamed ${countLabel(r.updated, 'claim')} to “${to}”.`,
                  action: { label: 'Undo', run: () => void undo() },
                }),
              onError: (e) => notify({ message: errorMessage(e), tone: 'error' }),
            },
          ),
      },
    });
  };
}

export function ClaimantField({ claim }: { claim: Claim }) {
  const { refs } = useWorkbench();
  const notify = useNotify();
  const update = useOperationMutation('claims.update');
  const offerRename = useOfferRenameEverywhere();
  const save = (claimant: string | null) =>
    update.mutate(
      { id: claim.id, patch: { claimant } },
      {
        onSuccess: (saved) => void offerRename(claim.claimant, saved.claimant).catch(() => undefined),
        onError: (e) => notify({ message: errorMessage(e), tone: 'error' }),
      },
    );
  return (
    <EditableField
      label="Claimant"
      placeholder="Who makes this claim?"
      maxLength={2_000}
      value={claim.claimant ?? ''}
      onCommit={(claimant) => save(claimant || null)}
      onDone={() => refs.claimList.current?.focus()}
    />
  );
}

export function RationaleField({ claim }: { claim: Claim }) {
  const { refs } = useWorkbench();
  const save = useClaimUpdate(claim);
  return (
    <EditableField
      label="Rationale"
      placeholder="Why this verdict? Note what you checked."
      multiline
      maxLength={200_000}
      value={claim.rationale}
      inputRef={refs.rationale}
      onCommit={(rationale) => save({ rationale })}
      onDone={() => refs.claimList.current?.focus()}
    />
  );
}

/** The sentence where it stands in its document, so the checker sees what surrounds it. */
export function ClaimContext({ claim }: { claim: Claim }) {
  if (!claim.anchor) return null;
  const { exact, start } = claim.anchor;
  // The stored context is cut at a character count; show whole words, and "…" only where text was cut.
  const cutBefore = start > claim.anchor.prefix.length;
  const cutAfter = claim.anchor.suffix.length >= 32;
  const prefix = (cutBefore ? claim.anchor.prefix.replace(/^\S*\s+/, '') : claim.anchor.prefix).trim();
  const suffix = (cutAfter ? claim.anchor.suffix.replace(/\s+\S*$/, '') : claim.anchor.suffix).trim();
  return (
    <blockquote className="claim-context">
      {prefix && (
        <span className="context-around">
          {cutBefore ? '…' : ''}
          {prefix}
          {/\s$/.test(claim.anchor.prefix) ? ' ' : ''}
        </span>
      )}
      <mark className="context-exact">{exact}</mark>
      {suffix && (
        <span className="context-around">
          {/^\s/.test(claim.anchor.suffix) ? ' ' : ''}
          {suffix}
          {cutAfter ? '…' : ''}
        </span>
      )}
    </blockquote>
  );
}
